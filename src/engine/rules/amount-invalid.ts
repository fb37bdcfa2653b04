import { annualCents } from '../allocate/cost.ts';
import { findingText, subject, type FieldLabel } from '../../i18n/findings.ts';
import type { Activity, Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { CENT, finding, readScaled, scaledToDec } from './support.ts';

const text = findingText['amount-invalid'];

/** The numbers of a cost basis, each with whether it is money (cents only) or a quantity. */
function costFields(cost: Activity['cost']): { field: FieldLabel; raw: string; money: boolean }[] {
  switch (cost.kind) {
    case 'lumpsum':
      return [{ field: 'amount', raw: cost.amount, money: true }];
    case 'hours':
      return [
        { field: 'hours', raw: cost.hours, money: false },
        { field: 'rate', raw: cost.rate, money: true },
      ];
    case 'fte':
      return [
        { field: 'fte', raw: cost.fte, money: false },
        { field: 'yearlyCost', raw: cost.yearlyCost, money: true },
      ];
    case 'persons':
      return [
        { field: 'persons', raw: cost.persons, money: false },
        { field: 'rate', raw: cost.rate, money: true },
      ];
    default:
      return [];
  }
}

/**
 * Money and quantities are never negative, money has whole cents, and an activity that costs
 * nothing per year is probably unfinished (a warning: it may be a placeholder on purpose).
 */
export const amountInvalid: Rule = {
  code: 'amount-invalid',

  activity(a) {
    const out: Finding[] = [];
    const row = subject.activity(a.name, a.id);
    const fields = costFields(a.cost);
    for (const { field, raw, money } of fields) {
      const location = { section: 'activities' as const, rowId: a.id, field: `cost.${field}` };
      const n = readScaled(raw);
      if (n === null) {
        out.push(finding('amount-invalid', 'error', location, text.unreadable(row, field, String(raw))));
        continue;
      }
      if (n < 0n)
        out.push(finding('amount-invalid', 'error', location, text.negative(row, field, scaledToDec(n), money)));
      else if (money && n % CENT !== 0n)
        out.push(finding('amount-invalid', 'error', location, text.tooPrecise(row, field, raw)));
    }
    // The engine's own annual figure, so the warning and the allocation never disagree.
    if (out.length === 0 && annualCents(a.cost) === 0n) {
      out.push(
        finding('amount-invalid', 'warning', { section: 'activities', rowId: a.id, field: 'cost' }, text.zeroCost(row)),
      );
    }
    return out;
  },

  targetGroup(g) {
    const size = g.estimatedSize;
    if (size === null || (Number.isInteger(size) && size >= 0)) return [];
    return [
      finding(
        'amount-invalid',
        'error',
        { section: 'targetGroups', rowId: g.id, field: 'estimatedSize' },
        text.notWhole(subject.targetGroup(g.name, g.id), 'estimatedSize', String(size)),
      ),
    ];
  },
};
