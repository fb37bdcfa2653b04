import { findingText } from '../../i18n/findings.ts';
import type { Rule } from './rule.ts';
import { bucketKey, finding, usesTitle } from './support.ts';

const text = findingText['double-funding-oi'];

/**
 * Handbook §6: when GPs take part, the collaboration chooses either the BDSS title or an O&I title
 * for all its Zvw providers; both at once is not workable. GPs take part when a GP sector gets money
 * or has a provider.
 */
export const doubleFundingOi: Rule = {
  code: 'double-funding-oi',

  check(plan, index) {
    if (!usesTitle(plan, 'bdss') || !usesTitle(plan, 'oi')) return [];
    let gp = false;
    for (const [domainId, entry] of index.ctx.domains) {
      for (const [sectorId, sector] of entry.sectors) {
        if (sector.kind !== 'gp') continue;
        const key = bucketKey(domainId, sectorId);
        if (index.funded.buckets.has(key) || index.providersByBucket.has(key)) gp = true;
      }
    }
    if (!gp) return [];
    const field = plan.paymentTitle === 'oi' ? 'paymentTitle' : 'otherTitles';
    return [finding('double-funding-oi', 'error', { section: 'plan', field }, text.gp())];
  },
  inputs: (plan, index) => [plan.paymentTitle, plan.otherTitles, index.funded, plan.providers, index.ctx],
};
