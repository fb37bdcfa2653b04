import type { z } from '../model/zod.ts';
import { deepEqual, deepFreeze } from './values.ts';

/*
 * What a merge can produce is not always a valid plan: a peer may write a malformed value, a
 * field may be missing. Rather than throw, a snapshot keeps the last valid value of each field
 * and says what it kept. Valid values that equal the previous ones keep the previous object, so
 * the engine's identity memos still hit.
 */

export interface GuardResult<T> {
  /** The value to show; undefined when there is nothing valid to show (a new, broken row). */
  value: T | undefined;
  /** Keys whose new value was refused (the previous value was kept or the row dropped). */
  refused: string[];
}

/** Checks a row (or any strict object) field by field against its schema. */
export function guardObject<T extends Record<string, unknown>>(
  schema: z.ZodMiniObject,
  candidate: Record<string, unknown>,
  previous: T | undefined,
): GuardResult<T> {
  const refused: string[] = [];
  const out: Record<string, unknown> = {};
  const shape = schema.shape as Record<string, z.ZodMiniType>;
  const whole = schema.safeParse(candidate).success;
  for (const key of Object.keys(shape)) {
    const next = candidate[key];
    const prev = previous?.[key];
    if (whole || shape[key]!.safeParse(next).success) {
      if (next === undefined && !Object.hasOwn(candidate, key)) continue; // an optional field left out
      out[key] = previous !== undefined && deepEqual(prev, next) ? prev : deepFreeze(next);
    } else {
      refused.push(key);
      if (previous === undefined) return { value: undefined, refused };
      out[key] = prev;
    }
  }
  if (previous !== undefined && Object.keys(out).every((k) => out[k] === previous[k]))
    return { value: previous, refused };
  return { value: Object.freeze(out) as T, refused };
}

/** Checks one value against its schema; keeps the previous one when the new one does not fit. */
export function guardValue<T>(schema: z.ZodMiniType, next: unknown, previous: T): GuardResult<T> {
  if (!schema.safeParse(next).success) return { value: previous, refused: ['value'] };
  return { value: deepEqual(previous, next) ? previous : deepFreeze(next as T), refused: [] };
}
