// Named, not default: under node16/nodenext a host's TypeScript reads decimal.js as CommonJS.
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The project's own Decimal constructor. A clone, so that our precision and rounding never change
 * the host page's decimal.js settings. Build values from strings, never from floats.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

/** Rounds to whole cents, half away from zero (commercial rounding). */
export const toCents = (d: DecimalJs.Value): Dec => new Dec(d).toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);

/** Canonical decimal string for storage in the model ("1234.5", never "1.2345e+3"). */
export const toCanonical = (d: DecimalJs.Value): string => new Dec(d).toFixed();
