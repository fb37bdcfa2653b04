import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { domainLabel, finding } from './support.ts';

const text = findingText['reference-missing'];

/** Ids that point nowhere: an activity's target groups, a split entry's domain or sector. */
export const referenceMissing: Rule = {
  code: 'reference-missing',

  activity(a, ctx) {
    const out: Finding[] = [];
    const label = subject.activity(a.name, a.id);
    const location = { section: 'activities' as const, rowId: a.id, field: 'targetGroupIds' };
    if (a.targetGroupIds.length === 0)
      out.push(finding('reference-missing', 'warning', location, text.noTargetGroup(label)));
    for (const id of a.targetGroupIds) {
      if (!ctx.targetGroupIds.has(id))
        out.push(finding('reference-missing', 'error', location, text.targetGroup(label)));
    }
    return out;
  },

  split(split, row, ctx) {
    const out: Finding[] = [];
    for (const d of split.domains) {
      if (!ctx.domains.has(d.domainId)) {
        out.push(
          finding(
            'reference-missing',
            'error',
            { section: 'split', rowId: row.rowId, domainId: d.domainId },
            text.domain(row.label),
          ),
        );
      }
    }
    for (const s of split.sectors) {
      const entry = ctx.domains.get(s.domainId);
      const location = { section: 'split' as const, rowId: row.rowId, domainId: s.domainId, sectorId: s.sectorId };
      if (!entry) out.push(finding('reference-missing', 'error', location, text.domain(row.label)));
      else if (!entry.sectors.has(s.sectorId))
        out.push(finding('reference-missing', 'error', location, text.sector(row.label, domainLabel(ctx, s.domainId))));
    }
    return out;
  },
};
