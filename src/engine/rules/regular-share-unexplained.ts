import { findingText, subject } from '../../i18n/findings.ts';
import type { Rule } from './rule.ts';
import { finding, isPercentInRange, readScaled, scaledToDec } from './support.ts';

const text = findingText['regular-share-unexplained'];

/**
 * The title pays only what is not already paid through another prestatie (handleiding §3
 * "Waarvoor te gebruiken?": "kan evenmin worden gebruikt voor vergoeding van zorgverlening die via
 * bestaande patiëntgebonden prestaties wordt gedekt"; a price correction may be needed). An
 * activity partly paid through regular tariffs must say how double funding is prevented.
 */
export const regularShareUnexplained: Rule = {
  code: 'regular-share-unexplained',

  activity(a) {
    const raw = a.regularShare;
    if (raw === null || raw === undefined) return [];
    const n = readScaled(raw);
    const label = subject.activity(a.name, a.id);
    if (n === null || !isPercentInRange(n)) {
      return [
        finding(
          'regular-share-unexplained',
          'error',
          { section: 'activities', rowId: a.id, field: 'regularShare' },
          text.outOfRange(label, String(raw)),
        ),
      ];
    }
    if (n === 0n || (a.regularShareExplanation ?? '').trim() !== '') return [];
    return [
      finding(
        'regular-share-unexplained',
        'warning',
        { section: 'activities', rowId: a.id, field: 'regularShareExplanation' },
        text.unexplained(label, scaledToDec(n)),
      ),
    ];
  },
};
