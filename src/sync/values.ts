import * as Y from 'yjs';
import { deepEqual, deepFreeze } from './plain-values.ts';
import { setText, type IsText } from './text.ts';

export { deepEqual, deepFreeze };

/*
 * Plain values ↔ Yjs values. Objects become Y.Maps so that two people editing different keys of
 * one object (an activity's amount and its period) both keep their edit; arrays stay atomic
 * values (last writer wins) because their items have no identity of their own.
 */

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Y.AbstractType);

/** The key that says which variant of a union an object is; changing it replaces the whole map. */
const DISCRIMINATORS = ['kind', 'basis'] as const;

/** Deep-frozen copy of JSON-like data, so nothing outside can change what the doc holds. */
export function frozenCopy<T>(v: T): T {
  if (Array.isArray(v)) return Object.freeze(v.map(frozenCopy)) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = frozenCopy(x);
    return Object.freeze(out) as T;
  }
  return v;
}

/** What a Y.Text reads as where no text belongs: no schema accepts it, so the value is refused. */
export const NOT_TEXT: unique symbol = Symbol('shared text where one value belongs');

/**
 * Reads a stored value back as plain data. A Y.Text reads as its text at a path `isText` names (or
 * anywhere, without `isText`), and as NOT_TEXT elsewhere.
 */
export function fromY(v: unknown, isText?: IsText, path = ''): unknown {
  if (v instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.entries()) out[k] = fromY(x, isText, path === '' ? k : `${path}.${k}`);
    return out;
  }
  if (v instanceof Y.Text) return !isText || isText(path) ? v.toString() : NOT_TEXT;
  if (v instanceof Y.AbstractType) return undefined;
  return deepFreeze(v);
}

/**
 * Writes `value` under `key`, touching only what differs; `undefined` removes the key. Strings at
 * paths `isText` names are written as Y.Text (text.ts); without it (the seed) every value is plain.
 */
export function setValue(map: Y.Map<unknown>, key: string, value: unknown, isText?: IsText, path = key): void {
  const current = map.get(key);
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
    return;
  }
  if (isText && typeof value === 'string' && isText(path)) return setText(map, key, value);
  if (isPlainObject(value)) {
    if (current instanceof Y.Map && sameVariant(current, value)) {
      for (const [k, x] of Object.entries(value)) setValue(current, k, x, isText, `${path}.${k}`);
      for (const k of [...current.keys()]) if (!Object.hasOwn(value, k) || value[k] === undefined) current.delete(k);
      return;
    }
    const nested = new Y.Map<unknown>();
    map.set(key, nested);
    for (const [k, x] of Object.entries(value)) setValue(nested, k, x, isText, `${path}.${k}`);
    return;
  }
  if (!(current instanceof Y.AbstractType) && deepEqual(current, value)) return;
  map.set(key, frozenCopy(value));
}

function sameVariant(current: Y.Map<unknown>, value: Record<string, unknown>): boolean {
  return DISCRIMINATORS.every((d) => current.get(d) === value[d]);
}
