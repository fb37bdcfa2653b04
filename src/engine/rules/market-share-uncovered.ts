import { HUNDRED } from '../../money/decimal.ts';
import { findingText } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { HUNDRED_PERCENT, domainLabel, finding, readScaled, scaledToDec, sumScaled } from './support.ts';

const text = findingText['market-share-uncovered'];

/**
 * Insurers pay their market share of ALL insured in the service area (handleiding §4 "Hoe te
 * gebruiken?"), so when the listed insurers do not cover the whole area part of the Zvw budget is
 * paid by nobody: the allocation's "not covered" line (funderId null). A warning, since a region
 * may knowingly start without one insurer; the providers then receive less.
 */
export const marketShareUncovered: Rule = {
  code: 'market-share-uncovered',

  check(plan, index) {
    const out: Finding[] = [];
    for (const [domainId, entry] of index.ctx.domains) {
      if (entry.domain.kind !== 'zvw' || !index.funded.domains.has(domainId)) continue;
      const funders = index.fundersByDomain.get(domainId) ?? [];
      const shares = funders.map((f) => f.share).filter((s) => s !== null);
      if (shares.length === 0 || shares.length !== funders.length) continue;
      const at = { section: 'funders' as const, domainId };
      if (shares.every((s) => s.basis === 'count')) {
        const total = readScaled(plan.marketShare?.insuredTotal);
        if (total === null || total <= 0n) continue; // area-total-missing asks for it
        const counted = sumScaled(shares.map((s) => s.count));
        if (counted < total) {
          const uncovered = scaledToDec(total - counted);
          const all = scaledToDec(total);
          out.push(
            finding(
              'market-share-uncovered',
              'warning',
              at,
              text.counts(domainLabel(index.ctx, domainId), uncovered, all, uncovered.div(all).times(100)),
            ),
          );
        }
      } else if (shares.every((s) => s.basis === 'percent')) {
        const covered = sumScaled(shares.map((s) => s.percent));
        if (covered < HUNDRED_PERCENT)
          out.push(
            finding(
              'market-share-uncovered',
              'warning',
              at,
              text.percent(domainLabel(index.ctx, domainId), scaledToDec(covered), HUNDRED),
            ),
          );
      }
    }
    return out;
  },
  inputs: (plan, index) => [plan.funders, plan.marketShare, index.funded, index.ctx],
};
