import type { CostBasis } from '../../model/activities.ts';
import { divRound, scaledFromString } from '../../money/cents.ts';

const PLACES = 12;
const TO_CENTS = 10n ** BigInt(PLACES - 2);
const TO_CENTS_PRODUCT = 10n ** BigInt(2 * PLACES - 2);
const PER_YEAR = { month: 12n, quarter: 4n, year: 1n } as const;

const product = (a: string, b: string): bigint | null => {
  const x = scaledFromString(a, PLACES);
  const y = scaledFromString(b, PLACES);
  return x === null || y === null ? null : divRound(x * y, TO_CENTS_PRODUCT);
};

/**
 * An activity's cost per year in whole cents, rounded once, half away from zero: lumpsum per
 * month ×12, per quarter ×4, per year ×1; hours × rate; FTE × yearly cost; persons × rate.
 * Null when an input is not a canonical decimal (the amount-invalid rule reports it; the engine
 * then counts the activity as 0 rather than stopping).
 */
export function annualCents(cost: CostBasis): bigint | null {
  switch (cost.kind) {
    case 'lumpsum': {
      const a = scaledFromString(cost.amount, PLACES);
      const per = PER_YEAR[cost.per];
      return a === null || per === undefined ? null : divRound(a * per, TO_CENTS);
    }
    case 'hours':
      return product(cost.hours, cost.rate);
    case 'fte':
      return product(cost.fte, cost.yearlyCost);
    case 'persons':
      return product(cost.persons, cost.rate);
    default:
      return null;
  }
}
