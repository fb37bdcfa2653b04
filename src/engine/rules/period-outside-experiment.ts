import { findingText } from '../../i18n/findings.ts';
import { EXPERIMENT_END, EXPERIMENT_START } from '../../model/experiment.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding, isRealDate, usesTitle } from './support.ts';

const text = findingText['period-outside-experiment'];

/**
 * The BDSS payment title is an experiment from 1 May 2024 for at most five years: it ends
 * "uiterlijk op 1 mei 2029" (handleiding §7 "Monitoring en evaluatie"). That day is outside, so a
 * plan using the title must end on 30 April 2029 at the latest.
 */
export const periodOutsideExperiment: Rule = {
  code: 'period-outside-experiment',

  check(plan) {
    const out: Finding[] = [];
    if (!usesTitle(plan, 'bdss')) return out;
    const { start, end } = plan.period;
    // ISO dates compare correctly as text.
    if (isRealDate(start) && start < EXPERIMENT_START) {
      out.push(
        finding(
          'period-outside-experiment',
          'error',
          { section: 'plan', field: 'period.start' },
          text.startsEarly(start),
        ),
      );
    }
    if (isRealDate(end) && end >= EXPERIMENT_END) {
      out.push(
        finding('period-outside-experiment', 'error', { section: 'plan', field: 'period.end' }, text.endsLate(end)),
      );
    }
    return out;
  },
  inputs: (plan) => [plan.period, plan.paymentTitle, plan.otherTitles],
};
