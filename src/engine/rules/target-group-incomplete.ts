import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding } from './support.ts';

const text = findingText['target-group-incomplete'];

/**
 * Handbook §4: a target group names its care-specific characteristics and its service area
 * (postcodes), precise enough for insurers to account for the spending; activities need one.
 */
export const targetGroupIncomplete: Rule = {
  code: 'target-group-incomplete',

  targetGroup(g) {
    const out: Finding[] = [];
    const label = subject.targetGroup(g.name, g.id);
    if (!g.characteristics.trim()) {
      out.push(
        finding(
          'target-group-incomplete',
          'error',
          { section: 'targetGroups', rowId: g.id, field: 'characteristics' },
          text.noCharacteristics(label),
        ),
      );
    }
    if (!g.postcodes.some((p) => p.trim() !== '')) {
      out.push(
        finding(
          'target-group-incomplete',
          'error',
          { section: 'targetGroups', rowId: g.id, field: 'postcodes' },
          text.noPostcodes(label),
        ),
      );
    }
    return out;
  },

  check(plan) {
    if (plan.activities.length === 0 || plan.targetGroups.length > 0) return [];
    return [finding('target-group-incomplete', 'error', { section: 'targetGroups' }, text.none())];
  },
  inputs: (plan) => [plan.activities.length === 0, plan.targetGroups.length === 0],
};
