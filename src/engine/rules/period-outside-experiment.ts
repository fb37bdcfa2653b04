import { EXPERIMENT_END, EXPERIMENT_START, findingText } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding, isRealDate, usesTitle } from './support.ts';

const text = findingText['period-outside-experiment'];

/**
 * The BDSS payment title is an experiment from 1 May 2024 for at most five years, so it ends on
 * 1 May 2029 at the latest (handbook §6). A plan using it must lie within those dates.
 */
export const periodOutsideExperiment: Rule = {
  code: 'period-outside-experiment',

  check(plan) {
    const out: Finding[] = [];
    if (!usesTitle(plan, 'bdss')) return out;
    const { start, end } = plan.period;
    // ISO dates compare correctly as text.
    if (isRealDate(start) && start < EXPERIMENT_START) {
      out.push(finding('period-outside-experiment', 'error', { section: 'plan', field: 'period.start' }, text.startsEarly(start)));
    }
    if (isRealDate(end) && end > EXPERIMENT_END) {
      out.push(finding('period-outside-experiment', 'error', { section: 'plan', field: 'period.end' }, text.endsLate(end)));
    }
    return out;
  },
  inputs: (plan) => [plan.period, plan.paymentTitle, plan.otherTitles],
};
