import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { bucketKey, finding, readScaled } from './support.ts';

const text = findingText['provider-zero'];

/**
 * A provider that takes part but receives nothing: no split in use gives its domain or sector a
 * part, or its own share is 0 % (or empty while others in its sector have one). Probably a
 * forgotten percentage; a warning, since a partner may contribute without pay. The lead (main
 * contractor, cashier) receives the money it passes on, so it is not reported.
 */
export const providerZero: Rule = {
  code: 'provider-zero',

  check(plan, index) {
    const out: Finding[] = [];
    plan.providers.forEach((p, i) => {
      if (p.id === plan.leadProviderId && plan.executionModel !== 'equal-partners') return;
      const entry = index.ctx.domains.get(p.domainId);
      // A provider in an unknown domain or sector is provider-domain-mismatch's finding.
      if (!entry || (p.sectorId === null ? entry.sectors.size > 0 : !entry.sectors.has(p.sectorId))) return;
      const key = bucketKey(p.domainId, p.sectorId);
      let zero = !index.funded.buckets.has(key);
      if (!zero) {
        const peers = index.providersByBucket.get(key) ?? [];
        const sharesGiven = peers.some((x) => x.share !== null);
        zero = sharesGiven && (p.share === null || readScaled(p.share) === 0n);
      }
      if (zero)
        out.push(
          finding(
            'provider-zero',
            'warning',
            { section: 'providers', rowId: p.id, field: 'share' },
            text.nothing(subject.provider(p.name, p.id, { row: i + 1 })),
          ),
        );
    });
    return out;
  },
  inputs: (plan, index) => [plan.providers, plan.leadProviderId, plan.executionModel, index.funded, index.ctx],
};
