import { HUNDRED } from '../../money/decimal.ts';
import { findingText } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { HUNDRED_PERCENT, columnLabel, finding, readScaled, scaledToDec, sumScaled } from './support.ts';

const text = findingText['split-sum'];

/**
 * A split must add up to exactly 100 %: over the domains, and over the sectors of every domain that
 * has sectors and gets a part. Entries naming an unknown domain or sector are left out of the sums
 * (reference-missing reports them), so the sum matches the cells a person sees. Providers' shares
 * of one sector, once any is given, must add up to 100 % as well.
 */
export const splitSum: Rule = {
  code: 'split-sum',

  split(split, row, ctx) {
    const out: Finding[] = [];
    const known = split.domains.filter((d) => ctx.domains.has(d.domainId));
    const total = sumScaled(known.map((d) => d.percent));
    if (total !== HUNDRED_PERCENT) {
      out.push(
        finding(
          'split-sum',
          'error',
          { section: 'split', rowId: row.rowId, field: 'domains' },
          text.domains(row.label, scaledToDec(total), HUNDRED),
        ),
      );
    }
    const done = new Set<string>();
    for (const d of known) {
      const entry = ctx.domains.get(d.domainId)!;
      const part = readScaled(d.percent);
      if (done.has(d.domainId) || entry.sectors.size === 0 || !part) continue;
      done.add(d.domainId);
      const sectors = split.sectors.filter((s) => s.domainId === d.domainId && entry.sectors.has(s.sectorId));
      const sectorTotal = sumScaled(sectors.map((s) => s.percent));
      if (sectorTotal !== HUNDRED_PERCENT) {
        out.push(
          finding(
            'split-sum',
            'error',
            { section: 'split', rowId: row.rowId, field: 'sectors', domainId: d.domainId },
            text.sectors(row.label, columnLabel(ctx, d.domainId).nl, scaledToDec(sectorTotal), HUNDRED),
          ),
        );
      }
    }
    return out;
  },

  check(plan, index) {
    const out: Finding[] = [];
    for (const group of index.providersByBucket.values()) {
      if (!group.some((p) => p.share !== null)) continue;
      const total = sumScaled(group.map((p) => p.share));
      if (total === HUNDRED_PERCENT) continue;
      const first = group[0]!;
      const location = {
        section: 'providers' as const,
        rowId: first.id,
        field: 'share',
        domainId: first.domainId,
        ...(first.sectorId ? { sectorId: first.sectorId } : {}),
      };
      out.push(
        finding(
          'split-sum',
          'error',
          location,
          text.providerShares(columnLabel(index.ctx, first.domainId, first.sectorId), scaledToDec(total), HUNDRED),
        ),
      );
    }
    return out;
  },
  inputs: (plan, index) => [plan.providers, index.ctx],
};
