import { Dec } from './decimal.ts';
import { centsToDec, decToCents, decToScaled, FACTOR_PLACES } from './cents.ts';

/*
 * Largest-remainder apportionment (Hamilton's method), to the cent.
 *
 * The rule, as shown to users:
 *  1. The total is rounded to whole cents (half away from zero).
 *  2. Every part first gets its exact share rounded *down* to the cent (towards zero).
 *  3. The cents left over go, one each, to the parts with the largest dropped fraction.
 *  4. Equal fractions: the part listed first (lower index) gets the cent first.
 * So the parts always add up to the total exactly, and the same input always gives the same split.
 * Thirds of € 100.000,00 → 33.333,34 + 33.333,33 + 33.333,33.
 *
 * Edge cases, by design rather than by accident:
 *  - A negative total is split as its absolute value and negated, so −€ 1,00 in thirds is
 *    −0,34 / −0,33 / −0,33 (mirror image of the positive case).
 *  - Negative weights count as 0 (a validation rule reports them); they never take money away.
 *  - All weights zero (or no weights): every part is 0 and the parts do NOT add up to the total.
 *    The caller keeps the money in an explicit "unassigned" bucket (the engine does: `null` ids).
 */

/**
 * The same weights as small numbers (divided by their greatest common divisor), for the fast path:
 * integer arithmetic in doubles is exact below 2^53, and bigint arithmetic allocates on every step.
 * Null when they do not fit.
 */
export interface SmallWeights {
  weights: number[];
  sum: number;
}

export function smallWeights(weights: readonly bigint[]): SmallWeights | null {
  let g = 0n;
  for (const w of weights) {
    if (w <= 0n) continue;
    let a = w,
      b = g;
    while (b !== 0n) {
      const r = a % b;
      a = b;
      b = r;
    }
    g = a;
  }
  if (g === 0n) return null;
  const reduced = weights.map((w) => (w > 0n ? w / g : 0n));
  const sum = reduced.reduce((a, b) => a + b, 0n);
  return sum < 2n ** 40n ? { weights: reduced.map(Number), sum: Number(sum) } : null;
}

function apportionSmall(total: number, small: SmallWeights): bigint[] | null {
  const { weights, sum } = small;
  const neg = total < 0;
  const t = neg ? -total : total;
  if (t * sum >= Number.MAX_SAFE_INTEGER) return null;
  const n = weights.length;
  const q = new Array<number>(n);
  const rems = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w <= 0) {
      q[i] = 0;
      rems[i] = -1;
      continue;
    }
    const p = t * w;
    let qi = Math.floor(p / sum);
    let r = p - qi * sum;
    // The division is rounded; one step either way makes the quotient exact.
    if (r < 0) {
      qi--;
      r += sum;
    } else if (r >= sum) {
      qi++;
      r -= sum;
    }
    q[i] = qi;
    rems[i] = r;
    given += qi;
  }
  let left = t - given;
  if (left > 0) {
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (rems[i]! >= 0) order.push(i);
    order.sort((a, b) => rems[b]! - rems[a]! || a - b);
    for (let k = 0; left > 0; k++, left--) q[order[k]!]!++;
  }
  return q.map((x) => BigInt(neg ? -x : x));
}

/**
 * Splits whole cents by integer weights. The core used by `apportion` and the engine.
 * Weights must be non-negative (negative ones are treated as 0). `small` is an optional
 * precomputed smallWeights(weights): same result, faster.
 */
export function apportionCents(totalCents: bigint, weights: readonly bigint[], small?: SmallWeights | null): bigint[] {
  const n = weights.length;
  if (small && totalCents > -(2n ** 52n) && totalCents < 2n ** 52n) {
    const fast = apportionSmall(Number(totalCents), small);
    if (fast) return fast;
  }
  const out = new Array<bigint>(n).fill(0n);
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w > 0n) sum += w;
  }
  if (sum === 0n || totalCents === 0n) return out;

  const neg = totalCents < 0n;
  const total = neg ? -totalCents : totalCents;
  let given = 0n;
  const rems = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w <= 0n) {
      rems[i] = -1n;
      continue;
    }
    const p = total * w;
    const q = p / sum;
    out[i] = q;
    rems[i] = p - q * sum;
    given += q;
  }
  let left = total - given; // 0 ≤ left < number of positive weights
  if (left > 0n) {
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (rems[i]! >= 0n) order.push(i);
    // Largest remainder first; equal remainders: lower index first (stable, documented tie-break).
    order.sort((a, b) => (rems[a]! > rems[b]! ? -1 : rems[a]! < rems[b]! ? 1 : a - b));
    for (let k = 0; left > 0n; k++, left--) out[order[k]!]! += 1n;
  }
  if (neg) for (let i = 0; i < n; i++) out[i] = -out[i]!;
  return out;
}

/**
 * Splits `total` (rounded to the cent) over `weights` by largest remainder; see the rule above.
 * Returns one amount per weight, each with exactly two decimals. The amounts sum to the rounded
 * total exactly, unless every weight is zero (then all amounts are 0: keep an unassigned bucket).
 */
export function apportion(total: Dec, weights: readonly Dec[]): Dec[] {
  const places = Math.max(FACTOR_PLACES, ...weights.map((w) => Math.max(0, w.decimalPlaces())));
  const scaled = weights.map((w) => (w.isFinite() ? decToScaled(w, places) : 0n));
  const cents = total.isFinite() ? decToCents(total) : 0n;
  return apportionCents(cents, scaled).map(centsToDec);
}
