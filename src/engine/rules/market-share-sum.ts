import { HUNDRED } from '../../money/decimal.ts';
import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding, Funder } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { HUNDRED_PERCENT, domainLabel, finding, isZvw, readScaled, scaledToDec, sumScaled } from './support.ts';

const text = findingText['market-share-sum'];
const WHOLE = /^\d+$/;

const at = (f: Funder) => ({ section: 'funders' as const, rowId: f.id, field: 'share', domainId: f.domainId });

/**
 * How the funders of one domain share its part. One domain uses one way (counts or percentages);
 * once one funder has a share, all need one; several Zvw insurers always need market shares (and a
 * lone one without a share is warned that it pays everything); counts
 * are positive whole numbers. Insurers' market shares are of ALL insured in the service area
 * (handleiding §4 "Hoe te gebruiken?"): below the whole area is not an error here but uncovered
 * money (market-share-uncovered); above it is. Other domains' percentages add up to 100.
 */
export const marketShareSum: Rule = {
  code: 'market-share-sum',

  funder(f) {
    if (f.share?.basis !== 'count') return [];
    const raw = f.share.count;
    if (typeof raw === 'string' && WHOLE.test(raw) && BigInt(raw) > 0n) return [];
    return [
      finding(
        'market-share-sum',
        'error',
        at(f),
        text.countInvalid(subject.funder(f.name, f.id, { code: f.uzovi }), String(raw)),
      ),
    ];
  },

  check(plan, index) {
    const out: Finding[] = [];
    const row = (f: Funder) => ({ row: index.position('funders', f.id) + 1 });
    for (const [domainId, group] of index.fundersByDomain) {
      const domain = domainLabel(index.ctx, domainId);
      const zvw = isZvw(index.ctx, domainId);
      const withShare = group.filter((f) => f.share !== null);
      const basis = withShare[0]?.share?.basis;
      const mixed = withShare.filter((f) => f.share!.basis !== basis);
      for (const f of mixed)
        out.push(
          finding('market-share-sum', 'error', at(f), text.mixedBasis(subject.funder(f.name, f.id, row(f)), domain)),
        );
      if (basis === 'percent' && mixed.length === 0) {
        const total = sumScaled(withShare.map((f) => (f.share?.basis === 'percent' ? f.share.percent : '0')));
        if (zvw ? total > HUNDRED_PERCENT : total !== HUNDRED_PERCENT) {
          const message = zvw
            ? text.percentAbove(domain, scaledToDec(total))
            : text.percentSum(domain, scaledToDec(total), HUNDRED);
          out.push(finding('market-share-sum', 'error', at(withShare[0]!), message));
        }
      }
      if (basis === 'count' && mixed.length === 0 && zvw) {
        const total = readScaled(plan.marketShare?.insuredTotal);
        const counted = sumScaled(withShare.map((f) => (f.share?.basis === 'count' ? f.share.count : '0')));
        if (total !== null && total > 0n && counted > total) {
          out.push(
            finding(
              'market-share-sum',
              'error',
              { section: 'plan', field: 'marketShare.insuredTotal' },
              text.aboveTotal(domain, scaledToDec(counted), scaledToDec(total)),
            ),
          );
        }
      }
      const without = group.filter((f) => f.share === null);
      if (withShare.length > 0) {
        for (const f of without)
          out.push(
            finding(
              'market-share-sum',
              'error',
              at(f),
              text.missingShare(subject.funder(f.name, f.id, row(f)), domain),
            ),
          );
      } else if (zvw) {
        const insurers = group.filter((f) => f.kind === 'insurer');
        if (insurers.length > 1) {
          for (const f of insurers)
            out.push(
              finding(
                'market-share-sum',
                'error',
                at(f),
                text.insurerWithoutShare(subject.funder(f.name, f.id, row(f)), domain, insurers.length),
              ),
            );
        } else if (insurers.length === 1 && group.length === 1) {
          // Alone and without a share it gets everything: say so rather than let it pass as a market share.
          const f = insurers[0]!;
          out.push(
            finding(
              'market-share-sum',
              'warning',
              at(f),
              text.loneInsurer(subject.funder(f.name, f.id, row(f)), domain),
            ),
          );
        }
      }
    }
    return out;
  },
  inputs: (plan, index) => [plan.funders, plan.marketShare, index.ctx],
};
