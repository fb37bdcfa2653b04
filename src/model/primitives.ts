import { z } from './zod.ts';

/** Names that would reach Object.prototype if ever used as a key: never valid ids. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Row and column ids: short, URL- and key-safe. */
export const Id = z.string().check(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[A-Za-z0-9_-]+$/),
  z.refine((s) => !RESERVED.has(s), { message: 'reserved id' }),
);
export type Id = z.infer<typeof Id>;

/**
 * A decimal in canonical form: optional minus, digits, optional dot and digits; no grouping,
 * no exponent. Money and percentages are stored like this and read into Decimal by the engine.
 * Range and precision are checked by validation rules, not here, so a plan with a bad value can
 * still be loaded, shown and fixed.
 */
export const DecimalString = z.string().check(z.maxLength(40), z.regex(/^-?\d{1,24}(\.\d{1,12})?$/));
export type DecimalString = z.infer<typeof DecimalString>;

/** Euros, canonical decimal (e.g. "250000.00" or "1234.5"). */
export const Money = DecimalString;
/** Percent 0–100 as a canonical decimal (e.g. "33.3333"). */
export const Percent = DecimalString;

/** Calendar date, ISO yyyy-mm-dd. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export type IsoDate = z.infer<typeof IsoDate>;

/** User text with a length cap: untrusted input never grows without bound. */
export const text = (max = 500) => z.string().check(z.maxLength(max));
export const longText = () => z.string().check(z.maxLength(20_000));
