import { z } from './zod.ts';
import { Id, IsoDate, longText, text } from './primitives.ts';
import { Domain, defaultDomains } from './catalogue.ts';
import { Split, emptySplit } from './split.ts';
import { Funder, Provider } from './parties.ts';
import { Activity, Granularity } from './activities.ts';
import { TargetGroup } from './target-group.ts';

export const FORMAT_VERSION = 1 as const;

/** Payment titles (handbook §6). `bdss` is the prestatie patiëntengroepsgebonden samenwerking Zvw. */
export const PaymentTitle = z.enum(['bdss', 'oi', 'adz', 'wmo-subsidy', 'other']);
export type PaymentTitle = z.infer<typeof PaymentTitle>;

/** Execution model (handbook §4, Nivel): it has VAT consequences. */
export const ExecutionModel = z.enum(['main-contractor', 'cashier', 'equal-partners']);
export type ExecutionModel = z.infer<typeof ExecutionModel>;

/** Free-text agreements the contract annex carries (handbook §4). */
export const Clauses = z.strictObject({
  declaration: longText(),
  informationExchange: longText(),
  evaluation: longText(),
  controls: longText(),
  quality: longText(),
  /** How double financing through other titles is prevented (price correction etc.). */
  doubleFunding: longText(),
});
export type Clauses = z.infer<typeof Clauses>;

export const Plan = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION),
  id: Id,
  name: text(200),
  region: text(200),
  collaboration: text(200),
  paymentTitle: PaymentTitle,
  /** Other titles also used in the collaboration (e.g. O&I for GPs): the double-funding rules read this. */
  otherTitles: z.array(PaymentTitle).check(z.maxLength(5)),
  executionModel: ExecutionModel,
  /** Main contractor or cashier organisation (a provider id); null for equal partners. */
  leadProviderId: z.nullable(Id),
  period: z.strictObject({ start: IsoDate, end: IsoDate }),
  granularity: Granularity,
  /** Must stay false for the BDSS title (no eigen risico from 1 January 2025). */
  deductibleCharged: z.boolean(),
  /** Peildatum for insurers' market shares (insured in the service area on this date). */
  marketShareDate: z.nullable(IsoDate),
  domains: z.array(Domain).check(z.maxLength(60)),
  targetGroups: z.array(TargetGroup).check(z.maxLength(500)),
  activities: z.array(Activity).check(z.maxLength(20_000)),
  providers: z.array(Provider).check(z.maxLength(2000)),
  funders: z.array(Funder).check(z.maxLength(2000)),
  defaultSplit: Split,
  clauses: Clauses,
});
export type Plan = z.infer<typeof Plan>;

export const emptyClauses = (): Clauses => ({
  declaration: '', informationExchange: '', evaluation: '', controls: '', quality: '', doubleFunding: '',
});

/** A new, empty plan with the Dutch default catalogue. */
export function newPlan(id: string, name = ''): Plan {
  return {
    formatVersion: FORMAT_VERSION,
    id,
    name,
    region: '',
    collaboration: '',
    paymentTitle: 'bdss',
    otherTitles: [],
    executionModel: 'equal-partners',
    leadProviderId: null,
    period: { start: '2025-01-01', end: '2025-12-31' },
    granularity: 'quarter',
    deductibleCharged: false,
    marketShareDate: null,
    domains: defaultDomains(),
    targetGroups: [],
    activities: [],
    providers: [],
    funders: [],
    defaultSplit: emptySplit(),
    clauses: emptyClauses(),
  };
}
