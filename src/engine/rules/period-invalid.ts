import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding, isRealDate } from './support.ts';

const text = findingText['period-invalid'];

/** Dates are real calendar dates (no 30 February), and the plan period does not end before it starts. */
export const periodInvalid: Rule = {
  code: 'period-invalid',

  targetGroup(g) {
    if (g.referenceDate === null || isRealDate(g.referenceDate)) return [];
    return [
      finding(
        'period-invalid',
        'error',
        { section: 'targetGroups', rowId: g.id, field: 'referenceDate' },
        text.impossibleDate(subject.targetGroup(g.name, g.id), 'referenceDate', String(g.referenceDate)),
      ),
    ];
  },

  check(plan) {
    const out: Finding[] = [];
    const { start, end } = plan.period;
    if (!isRealDate(start))
      out.push(
        finding(
          'period-invalid',
          'error',
          { section: 'plan', field: 'period.start' },
          text.impossibleDate(null, 'start', String(start)),
        ),
      );
    if (!isRealDate(end))
      out.push(
        finding(
          'period-invalid',
          'error',
          { section: 'plan', field: 'period.end' },
          text.impossibleDate(null, 'end', String(end)),
        ),
      );
    if (isRealDate(start) && isRealDate(end) && end < start) {
      out.push(
        finding('period-invalid', 'error', { section: 'plan', field: 'period.end' }, text.endBeforeStart(start, end)),
      );
    }
    if (plan.marketShareDate !== null && !isRealDate(plan.marketShareDate)) {
      out.push(
        finding(
          'period-invalid',
          'error',
          { section: 'plan', field: 'marketShareDate' },
          text.impossibleDate(null, 'marketShareDate', String(plan.marketShareDate)),
        ),
      );
    }
    return out;
  },
  inputs: (plan) => [plan.period, plan.marketShareDate],
};
