import { findingText } from '../../i18n/findings.ts';
import type { Rule } from './rule.ts';
import { bucketKey, finding, usesTitle } from './support.ts';

const text = findingText['oi-without-gp'];

/**
 * O&I pays per enrolled insured of the GPs in the collaboration, so GPs must take part
 * (handleiding §6 "Verhouding tot andere bekostigingsmethoden voor samenwerking"): an O&I title
 * without any provider in a GP (huisartsenzorg) sector cannot be paid.
 */
export const oiWithoutGp: Rule = {
  code: 'oi-without-gp',

  check(plan, index) {
    if (!usesTitle(plan, 'oi')) return [];
    for (const [domainId, entry] of index.ctx.domains) {
      for (const [sectorId, sector] of entry.sectors) {
        if (sector.kind === 'gp' && index.providersByBucket.has(bucketKey(domainId, sectorId))) return [];
      }
    }
    const field = plan.paymentTitle === 'oi' ? 'paymentTitle' : 'otherTitles';
    return [finding('oi-without-gp', 'error', { section: 'plan', field }, text.noGp())];
  },
  inputs: (plan, index) => [plan.paymentTitle, plan.otherTitles, plan.providers, index.ctx],
};
