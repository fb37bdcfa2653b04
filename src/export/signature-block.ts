import { tx } from '../i18n/export.ts';
import type { Funder } from '../model/index.ts';
import type { Block } from './annex.ts';
import type { ExportContext } from './context.ts';

/*
 * What makes an annex something to attach to a contract as is: the reference to the main agreement
 * it belongs to, the content fingerprint explained once in plain words, and a signature block with
 * name, function, date and signature for every party of the annex.
 */

/** One party that signs an annex: its name as in the plan and its role in this annex. */
export interface SignatureParty {
  name: string;
  role: string;
}

/** The empty lines each party fills in when signing, in order. */
export const signatureFields = (ctx: ExportContext): string[] => {
  const l = ctx.locale;
  return [tx('signName', l), tx('signFunction', l), tx('signDate', l), tx('signSignature', l)];
};

/** "Deze bijlage hoort bij de hoofdovereenkomst …", with a line to fill in its name and date. */
export function mainAgreementBlocks(ctx: ExportContext): Block[] {
  return [{ kind: 'paragraph', text: tx('mainAgreement', ctx.locale) }];
}

/** The signing section: the fingerprint and what it is for, then one block per party. */
export function signatureBlocks(ctx: ExportContext, parties: readonly SignatureParty[]): Block[] {
  const l = ctx.locale;
  return [
    { kind: 'heading', level: 2, text: tx('secSignatures', l) },
    { kind: 'paragraph', text: tx('signaturesIntro', l) },
    { kind: 'paragraph', text: `${tx('fingerprint', l)}: ${ctx.fingerprint}`, strong: true },
    { kind: 'paragraph', text: tx('fingerprintNote', l) },
    { kind: 'signatures', parties: [...parties], fields: signatureFields(ctx) },
  ];
}

/** Funders as parties; one municipality funding two domains signs once. */
function funderParties(ctx: ExportContext, funders: readonly Funder[]): SignatureParty[] {
  const seen = new Set<string>();
  const out: SignatureParty[] = [];
  for (const f of funders) {
    const key = `${f.kind}\u0000${f.name.trim().toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: f.name, role: tx(`funder.${f.kind}`, ctx.locale) });
  }
  return out;
}

/** A provider as a party, with its AGB code and its role under the execution model. */
const providerParty = (ctx: ExportContext, id: string): SignatureParty => ({
  name: ctx.names.providerWithAgb(id),
  role: ctx.names.role(id),
});

/**
 * Who signs the plan annex: every funder, and the lead (main contractor, cashier) or, with equal
 * partners, every provider; under a lead the others contract with the lead (its own annex).
 */
export function planParties(ctx: ExportContext): SignatureParty[] {
  const { plan, payments } = ctx;
  const providers = payments.leadId !== null ? [payments.leadId] : plan.providers.map((p) => p.id);
  return [...funderParties(ctx, plan.funders), ...providers.map((id) => providerParty(ctx, id))];
}

/** Who signs a funder's annex: the funder and whom it pays. */
export function funderAnnexParties(ctx: ExportContext, funder: Funder, payeeIds: readonly string[]): SignatureParty[] {
  return [...funderParties(ctx, [funder]), ...[...new Set(payeeIds)].map((id) => providerParty(ctx, id))];
}

/** Who signs the lead's annex: the lead, the funders it receives from and the providers it pays. */
export function leadAnnexParties(ctx: ExportContext): SignatureParty[] {
  const { plan, payments } = ctx;
  if (payments.leadId === null) return [];
  const paying = new Set(payments.funders.map((f) => f.funderId).filter((id): id is string => id !== null));
  const passOn = payments.passOn.map((x) => x.providerId).filter((id): id is string => id !== null);
  return [
    providerParty(ctx, payments.leadId),
    ...funderParties(
      ctx,
      plan.funders.filter((f) => paying.has(f.id)),
    ),
    ...[...new Set(passOn)].filter((id) => id !== payments.leadId).map((id) => providerParty(ctx, id)),
  ];
}
