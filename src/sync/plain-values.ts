import type { Plan } from '../model/plan.ts';

/* Plain data helpers without Yjs, for the live state and for the plain state a page starts with. */

/** Structural equality of JSON-like values; key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka)
    if (!Object.hasOwn(b, k) || !deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  return true;
}

/**
 * Whether two plans hold the same content. Cheap after an edit, since an edit keeps the objects
 * it did not touch: only parts that are not the same object are compared by value.
 */
export function samePlan(a: Plan, b: Plan): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof Plan)[];
  if (Object.keys(a).length !== keys.length) return false;
  for (const k of keys) {
    const x: unknown = a[k];
    const y: unknown = b[k];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y)) {
      if (!deepEqual(x, y)) return false;
      continue;
    }
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !deepEqual(x[i], y[i])) return false;
  }
  return true;
}

/** Freezes in place (values read back from the doc are the doc's own objects). */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
