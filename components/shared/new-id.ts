/** A fresh row id that satisfies the model's Id pattern and is unique in practice. */
export function newId(prefix: string): string {
  const random =
    globalThis.crypto?.randomUUID?.().replace(/-/g, '').slice(0, 10) ?? Math.random().toString(36).slice(2, 12);
  return `${prefix}-${random}`;
}
