import { findingText } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { domainLabel, finding, readScaled } from './support.ts';

const text = findingText['area-total-missing'];

const given = (raw: string | null): boolean => {
  const n = readScaled(raw);
  return n !== null && n > 0n;
};

/**
 * Market shares given as insured counts need the total number of insured in the service area on
 * the reference date (handleiding §4 "Hoe te gebruiken?": "marktaandeel in termen van aantallen
 * verzekerden in een te bepalen verzorgingsgebied"). Without it no insurer's share can be computed:
 * the allocation leaves the Zvw part uncovered, never guessing the total (a plan migrated from
 * format 1 gets this finding rather than a guess).
 */
export const areaTotalMissing: Rule = {
  code: 'area-total-missing',

  check(plan, index) {
    const out: Finding[] = [];
    for (const [domainId, entry] of index.ctx.domains) {
      if (entry.domain.kind !== 'zvw') continue;
      const counted = (index.fundersByDomain.get(domainId) ?? []).some((f) => f.share?.basis === 'count');
      if (counted && !given(plan.marketShare?.insuredTotal ?? null)) {
        out.push(
          finding(
            'area-total-missing',
            'error',
            { section: 'plan', field: 'marketShare.insuredTotal', domainId },
            text.first(domainLabel(index.ctx, domainId)),
          ),
        );
      }
    }
    for (const y of plan.marketShare?.laterYears ?? []) {
      if (y.counts.length > 0 && !given(y.insuredTotal)) {
        out.push(
          finding(
            'area-total-missing',
            'error',
            { section: 'plan', field: `marketShare.laterYears.${y.year}.insuredTotal` },
            text.year(y.year),
          ),
        );
      }
    }
    return out;
  },
  inputs: (plan, index) => [plan.funders, plan.marketShare, index.ctx],
};
