import { findingText } from '../../i18n/findings.ts';
import type { Rule } from './rule.ts';
import { finding, usesTitle } from './support.ts';

/** No deductible (eigen risico) is charged for the BDSS title from 1 January 2025 (handbook §5). */
export const deductibleCharged: Rule = {
  code: 'deductible-charged',

  check(plan) {
    if (!plan.deductibleCharged || !usesTitle(plan, 'bdss')) return [];
    return [
      finding(
        'deductible-charged',
        'error',
        { section: 'plan', field: 'deductibleCharged' },
        findingText['deductible-charged'].bdss(),
      ),
    ];
  },
  inputs: (plan) => [plan.deductibleCharged, plan.paymentTitle, plan.otherTitles],
};
