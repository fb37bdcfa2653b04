import { z } from './zod.ts';
import { DecimalString, Id, IsoDate, longText, text } from './primitives.ts';
import { Domain, defaultDomains } from './catalogue.ts';
import { Split, emptySplit } from './split.ts';
import { Funder, Provider } from './parties.ts';
import { Activity, Granularity } from './activities.ts';
import { TargetGroup } from './target-group.ts';

/** Version of the plan model; older plans are brought up to it by upgradePlan (model/upgrade.ts). */
export const FORMAT_VERSION = 2 as const;

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

/**
 * The insured in the service area on one reference date, for one later calendar year of a
 * multi-year plan: insured persons may switch insurer on 1 January, so each year has its own count.
 */
export const MarketShareYear = z.strictObject({
  year: z.number().check(z.int(), z.minimum(2000), z.maximum(2200)),
  referenceDate: z.nullable(IsoDate),
  /** All insured in the area on that date, of every insurer (listed or not); null = not given. */
  insuredTotal: z.nullable(DecimalString),
  /** Insured per listed insurer (a Zvw funder id) on that date. */
  counts: z.array(z.strictObject({ funderId: Id, count: DecimalString })).check(z.maxLength(200)),
});
export type MarketShareYear = z.infer<typeof MarketShareYear>;

/**
 * Market shares as the handleiding defines them (§4 "Waar moeten partijen nog meer afspraken over
 * maken?"): insured persons in a service area (postcodes) on a reference date. An insurer's share is
 * its count out of ALL insured in the area, so it pays its own part whoever else signs; what no
 * listed insurer covers stays uncovered. The first calendar year uses `marketShareDate` and the
 * insurers' own share counts (Funder.share); later years are in `laterYears`.
 */
export const MarketShare = z.strictObject({
  /** The agreed definition for the annex: the area, the reference date, the source (e.g. a trusted third party). */
  definition: longText(),
  /** All insured in the area on `marketShareDate`, of every insurer; null = not given yet (a finding asks for it). */
  insuredTotal: z.nullable(DecimalString),
  laterYears: z.array(MarketShareYear).check(z.maxLength(10)),
});
export type MarketShare = z.infer<typeof MarketShare>;

/** An agreed evaluation moment of the cooperation (handleiding §4: "evaluatie van de samenwerking"). */
export const EvaluationMoment = z.strictObject({
  date: z.nullable(IsoDate),
  /** What is evaluated then, and by whom. */
  topic: text(500),
});
export type EvaluationMoment = z.infer<typeof EvaluationMoment>;

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
  marketShare: MarketShare,
  /** How patients' representation is involved (handleiding §2 "Wanneer te gebruiken?": "in afstemming met patiëntenvertegenwoordiging"). */
  patientRepresentation: longText(),
  evaluationMoments: z.array(EvaluationMoment).check(z.maxLength(50)),
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
  declaration: '',
  informationExchange: '',
  evaluation: '',
  controls: '',
  quality: '',
  doubleFunding: '',
});

export const emptyMarketShare = (): MarketShare => ({ definition: '', insuredTotal: null, laterYears: [] });

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
    marketShare: emptyMarketShare(),
    patientRepresentation: '',
    evaluationMoments: [],
    domains: defaultDomains(),
    targetGroups: [],
    activities: [],
    providers: [],
    funders: [],
    defaultSplit: emptySplit(),
    clauses: emptyClauses(),
  };
}
