import { HUNDRED } from '../../money/decimal.ts';
import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding, Funder } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { HUNDRED_PERCENT, domainLabel, finding, isZvw, scaledToDec, sumScaled } from './support.ts';

const text = findingText['market-share-sum'];
const WHOLE = /^\d+$/;

const at = (f: Funder) => ({ section: 'funders' as const, rowId: f.id, field: 'share', domainId: f.domainId });

/**
 * How the funders of one domain share its part (handbook §5: insurers by market share on a reference
 * date). Percent shares add up to 100; counts are positive whole numbers; one domain uses one way;
 * once one funder has a share, all need one; several Zvw insurers always need market shares.
 */
export const marketShareSum: Rule = {
  code: 'market-share-sum',

  funder(f) {
    if (f.share?.basis !== 'count') return [];
    const raw = f.share.count;
    if (typeof raw === 'string' && WHOLE.test(raw) && BigInt(raw) > 0n) return [];
    return [finding('market-share-sum', 'error', at(f), text.countInvalid(subject.funder(f.name, f.id), String(raw)))];
  },

  check(plan, index) {
    const out: Finding[] = [];
    for (const [domainId, group] of index.fundersByDomain) {
      const domain = domainLabel(index.ctx, domainId);
      const withShare = group.filter((f) => f.share !== null);
      const basis = withShare[0]?.share?.basis;
      const mixed = withShare.filter((f) => f.share!.basis !== basis);
      for (const f of mixed) out.push(finding('market-share-sum', 'error', at(f), text.mixedBasis(subject.funder(f.name, f.id), domain)));
      if (basis === 'percent' && mixed.length === 0) {
        const total = sumScaled(withShare.map((f) => (f.share?.basis === 'percent' ? f.share.percent : '0')));
        if (total !== HUNDRED_PERCENT) out.push(finding('market-share-sum', 'error', at(withShare[0]!), text.percentSum(domain, scaledToDec(total), HUNDRED)));
      }
      const without = group.filter((f) => f.share === null);
      if (withShare.length > 0) {
        for (const f of without) out.push(finding('market-share-sum', 'error', at(f), text.missingShare(subject.funder(f.name, f.id), domain)));
      } else if (isZvw(index.ctx, domainId)) {
        const insurers = group.filter((f) => f.kind === 'insurer');
        if (insurers.length > 1) {
          for (const f of insurers) out.push(finding('market-share-sum', 'error', at(f), text.insurerWithoutShare(subject.funder(f.name, f.id), domain, insurers.length)));
        }
      }
    }
    return out;
  },
  inputs: (plan, index) => [plan.funders, index.ctx],
};
