import { findingText } from '../../i18n/findings.ts';
import type { Rule } from './rule.ts';
import { finding, usesTitle } from './support.ts';

const text = findingText['title-adz'];

/**
 * ADZ (algemene diensten ten behoeve van verzekerde zorg) has one prestatie per initiative, set by
 * the NZa; only one exists, ADZ-ondersteuning van Parkinsonzorg (handleiding §6 "Verhouding tot
 * andere bekostigingsmethoden voor samenwerking"). Choosing it for a regional plan is almost
 * certainly a mistake: a warning, since a Parkinson network may be right to.
 */
export const titleAdz: Rule = {
  code: 'title-adz',

  check(plan) {
    if (!usesTitle(plan, 'adz')) return [];
    const field = plan.paymentTitle === 'adz' ? 'paymentTitle' : 'otherTitles';
    return [finding('title-adz', 'warning', { section: 'plan', field }, text.chosen())];
  },
  inputs: (plan) => [plan.paymentTitle, plan.otherTitles],
};
