import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { domainLabel, finding } from './support.ts';

const text = findingText['lead-domain'];

/**
 * Under a main contractor every funder pays the lead, and under a cashier the cashier receives the
 * money; so the lead receives the Zvw part, and only a Zvw care provider can declare the BDSS
 * prestatie to the insurers (handleiding §4 "Hoe te gebruiken?": "zorgverzekeraars … aan de
 * zorgaanbieders in de Zvw uitgekeerd"). A lead outside the Zvw while the Zvw gets money is an error.
 */
export const leadDomain: Rule = {
  code: 'lead-domain',

  check(plan, index) {
    const model = plan.executionModel;
    if ((model !== 'main-contractor' && model !== 'cashier') || !plan.leadProviderId) return [];
    const lead = index.providersById.get(plan.leadProviderId);
    if (!lead) return [];
    const leadIsZvw = index.ctx.domains.get(lead.domainId)?.domain.kind === 'zvw';
    if (leadIsZvw) return [];
    const out: Finding[] = [];
    const row = { row: index.position('providers', lead.id) + 1 };
    for (const [domainId, entry] of index.ctx.domains) {
      if (entry.domain.kind !== 'zvw' || !index.funded.domains.has(domainId)) continue;
      out.push(
        finding(
          'lead-domain',
          'error',
          { section: 'plan', field: 'leadProviderId', domainId },
          text.notZvw(model, subject.provider(lead.name, lead.id, row), domainLabel(index.ctx, domainId)),
        ),
      );
    }
    return out;
  },
  inputs: (plan, index) => [plan.executionModel, plan.leadProviderId, plan.providers, index.funded, index.ctx],
};
