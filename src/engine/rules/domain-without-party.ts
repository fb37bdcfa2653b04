import { findingText } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { columnLabel, domainLabel, finding } from './support.ts';

const text = findingText['domain-without-party'];

/**
 * Each domain pays its own part and is paid for its own contribution (handleiding §3 "Waarvoor te
 * gebruiken?": "Iedere zorgsector en ieder wettelijk domein blijft … financieel verantwoordelijk
 * voor de eigen bijdrage"). A non-Zvw domain that gets a share of a split in use needs a provider
 * who receives it and a funder who pays it. (The Zvw has its own rules: zvw-without-provider,
 * zvw-without-insurer.)
 */
export const domainWithoutParty: Rule = {
  code: 'domain-without-party',

  check(plan, index) {
    const out: Finding[] = [];
    const withProvider = new Set(plan.providers.map((p) => p.domainId));
    for (const [domainId, entry] of index.ctx.domains) {
      if (entry.domain.kind === 'zvw' || !index.funded.domains.has(domainId)) continue;
      if (!withProvider.has(domainId)) {
        out.push(
          finding(
            'domain-without-party',
            'error',
            { section: 'split', domainId },
            text.noProvider(columnLabel(index.ctx, domainId)),
          ),
        );
      }
      if (!index.fundersByDomain.has(domainId)) {
        out.push(
          finding(
            'domain-without-party',
            'error',
            { section: 'funders', domainId },
            text.noFunder(domainLabel(index.ctx, domainId)),
          ),
        );
      }
    }
    return out;
  },
  inputs: (plan, index) => [index.funded, plan.providers, plan.funders, index.ctx],
};
