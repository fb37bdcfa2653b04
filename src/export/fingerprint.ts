/*
 * A content fingerprint for the annex: SHA-256 over a canonical JSON of the plan. Canonical means
 * object keys sorted and no whitespace, so the same plan always gives the same value no matter in
 * which order its properties were set (e.g. after a round trip through the live document).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // undefined has no JSON form: treat it like JSON.stringify does in objects (dropped) and arrays (null)
    return value === undefined ? 'null' : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** Lower-case hex SHA-256 of the plan's canonical JSON (Web Crypto: browser and Node 20). */
export async function planFingerprint(plan: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(plan));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
