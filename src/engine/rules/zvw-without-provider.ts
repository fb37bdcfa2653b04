import { findingText } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { bucketKey, columnLabel, finding } from './support.ts';

const text = findingText['zvw-without-provider'];

/**
 * Zvw money is paid to providers (an AGB code declares it): a Zvw sector that gets a part in a split
 * in use, but has no provider, leaves that money with nobody. Reported on the split column.
 */
export const zvwWithoutProvider: Rule = {
  code: 'zvw-without-provider',

  check(plan, index) {
    const out: Finding[] = [];
    const { funded, ctx } = index;
    for (const [domainId, entry] of ctx.domains) {
      if (entry.domain.kind !== 'zvw' || !funded.domains.has(domainId)) continue;
      const sectorIds = entry.sectors.size > 0 ? [...entry.sectors.keys()] : [null];
      for (const sectorId of sectorIds) {
        const key = bucketKey(domainId, sectorId);
        if (!funded.buckets.has(key) || index.providersByBucket.has(key)) continue;
        const location = { section: 'split' as const, domainId, ...(sectorId ? { sectorId } : {}) };
        out.push(finding('zvw-without-provider', 'error', location, text.bucket(columnLabel(ctx, domainId, sectorId))));
      }
    }
    return out;
  },
  inputs: (plan, index) => [index.funded, plan.providers, index.ctx],
};
