import { evaluationMoment, findingText, subject } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding, isRealDate } from './support.ts';

const text = findingText['period-invalid'];

/** How many years outside the plan period a date may lie before it looks like a typo (2202 for 2025). */
const SLACK_YEARS = 2;

/** True when a real date lies more than SLACK_YEARS before the start or after the end of the period. */
function farFromPeriod(date: string, start: string, end: string): boolean {
  const y = Number(date.slice(0, 4));
  return y < Number(start.slice(0, 4)) - SLACK_YEARS || y > Number(end.slice(0, 4)) + SLACK_YEARS;
}

/**
 * Dates are real calendar dates (no 30 February), the plan period does not end before it starts,
 * and the dates that belong to the plan (a target group's reference date, an evaluation moment)
 * are not years away from it: typing 31122025 once stored 2202-03-11.
 */
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
    if (isRealDate(start) && isRealDate(end) && end >= start) {
      plan.targetGroups.forEach((g, i) => {
        if (!isRealDate(g.referenceDate) || !farFromPeriod(g.referenceDate, start, end)) return;
        out.push(
          finding(
            'period-invalid',
            'warning',
            { section: 'targetGroups', rowId: g.id, field: 'referenceDate' },
            text.farFromPeriod(subject.targetGroup(g.name, g.id, { row: i + 1 }), g.referenceDate, start, end),
          ),
        );
      });
      plan.evaluationMoments.forEach((m, i) => {
        if (!isRealDate(m.date) || !farFromPeriod(m.date, start, end)) return;
        out.push(
          finding(
            'period-invalid',
            'warning',
            { section: 'plan', field: `evaluationMoments.${i}.date` },
            text.farFromPeriod(evaluationMoment(i + 1), m.date, start, end),
          ),
        );
      });
    }
    return out;
  },
  inputs: (plan) => [plan.period, plan.marketShareDate, plan.targetGroups, plan.evaluationMoments],
};
