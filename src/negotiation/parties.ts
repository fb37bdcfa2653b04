import type { Plan } from '../model/plan.ts';
import type { SignoffParty } from '../model/negotiation.ts';

/** A party asked to sign, with the name the plan gives it. */
export interface PartyToSign {
  party: SignoffParty;
  name: string;
  /** What the party is in the plan: a funder, the lead (main contractor or cashier), or an equal partner. */
  role: 'funder' | 'main-contractor' | 'cashier' | 'partner';
}

/**
 * Who signs the plan (handleiding §4, execution models): every funder, and on the providers' side
 * the main contractor or cashier that contracts for all of them, or every provider among equal
 * partners. A lead model without a usable lead asks every provider, as equal partners would sign.
 */
export function partiesToSign(plan: Plan): PartyToSign[] {
  // One municipality often funds two domains under one name: the domain tells the two apart.
  const twice = (name: string) => plan.funders.filter((f) => f.name === name).length > 1;
  const domain = (id: string) => plan.domains.find((d) => d.id === id)?.name ?? id;
  const funders: PartyToSign[] = plan.funders.map((f) => ({
    party: { kind: 'funder', id: f.id },
    name: twice(f.name) ? `${f.name} (${domain(f.domainId)})` : f.name,
    role: 'funder',
  }));
  const model = plan.executionModel;
  const lead = model === 'equal-partners' ? undefined : plan.providers.find((p) => p.id === plan.leadProviderId);
  const providers: PartyToSign[] = lead
    ? [{ party: { kind: 'provider', id: lead.id }, name: lead.name, role: model as 'main-contractor' | 'cashier' }]
    : plan.providers.map((p) => ({ party: { kind: 'provider', id: p.id }, name: p.name, role: 'partner' }));
  return [...funders, ...providers];
}

export const partyKey = (p: SignoffParty): string => `${p.kind}:${p.id}`;
