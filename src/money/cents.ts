import { Dec, toCents } from './decimal.ts';

/*
 * Exact integer arithmetic for the hot paths (apportion, the allocation engine). Amounts are whole
 * cents as bigint, percentages and other factors are scaled integers (value × 10^places). decimal.js
 * stays the public currency; these helpers are how we stay exact *and* cheap on every keystroke.
 */

/** Scale used for percentages and other factors read from the model (DecimalString allows 12 places). */
export const FACTOR_PLACES = 12;
export const FACTOR_ONE = 10n ** BigInt(FACTOR_PLACES);

const CANONICAL = /^(-?)(\d{1,40})(?:\.(\d{1,40}))?$/;

/**
 * A canonical decimal string (the model's DecimalString) as an integer scaled by 10^places,
 * rounded half away from zero beyond `places`. Null for anything that is not canonical, so that
 * callers decide what bad data means instead of throwing.
 */
export function scaledFromString(s: string, places: number): bigint | null {
  const m = CANONICAL.exec(s);
  if (!m) return null;
  const neg = m[1] === '-';
  const int = m[2]!;
  const frac = m[3] ?? '';
  let digits: bigint;
  if (frac.length <= places) {
    digits = BigInt(int + frac.padEnd(places, '0'));
  } else {
    digits = BigInt(int + frac.slice(0, places));
    if (frac.charCodeAt(places) >= 53 /* '5' */) digits += 1n;
  }
  return neg ? -digits : digits;
}

/** Divides and rounds half away from zero (commercial rounding, as `toCents`). */
export function divRound(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

/** Whole cents → Dec, without going through a float. */
export function centsToDec(c: bigint): Dec {
  const neg = c < 0n;
  const s = (neg ? -c : c).toString().padStart(3, '0');
  return new Dec(`${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`);
}

/** Dec → whole cents (rounded half away from zero). */
export function decToCents(d: Dec): bigint {
  return BigInt(toCents(d).toFixed(2).replace('.', ''));
}

/** Dec → integer scaled by 10^places (rounded half away from zero beyond that). */
export function decToScaled(d: Dec, places: number): bigint {
  return BigInt(d.toFixed(places, Dec.ROUND_HALF_UP).replace('.', ''));
}
