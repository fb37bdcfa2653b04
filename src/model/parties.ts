import { z } from './zod.ts';
import { DecimalString, Id, Percent, text } from './primitives.ts';

export const ProviderRole = z.enum(['main-contractor', 'cashier', 'partner']);
export type ProviderRole = z.infer<typeof ProviderRole>;

/** A care provider or welfare organisation: belongs to exactly one domain and sector. */
export const Provider = z.strictObject({
  id: Id,
  name: text(200),
  /** Zvw providers: 8-digit AGB code; others may leave it empty. Checked by a rule, not here. */
  agb: text(20),
  domainId: Id,
  /** Null where the domain has no sectors. */
  sectorId: z.nullable(Id),
  role: ProviderRole,
  /** What the provider contributes, in words (for the contract annex). */
  contribution: text(2000),
  /**
   * Share of its sector's (or sector-less domain's) amount, in percent. When every provider of a
   * sector leaves it null the amount is split equally.
   */
  share: z.nullable(Percent),
});
export type Provider = z.infer<typeof Provider>;

export const FunderKind = z.enum(['insurer', 'municipality', 'care-office', 'other']);
export type FunderKind = z.infer<typeof FunderKind>;

/** How a funder's share of its domain is given: insured (or inhabitant) count, or percent. */
export const FunderShare = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('count'), count: DecimalString }),
  z.strictObject({ basis: z.literal('percent'), percent: Percent }),
]);
export type FunderShare = z.infer<typeof FunderShare>;

/** Who pays a domain's part: insurers (Zvw, by market share), municipalities, a care office. */
export const Funder = z.strictObject({
  id: Id,
  name: text(200),
  kind: FunderKind,
  /** Insurers: 4-digit UZOVI code; others may leave it empty. */
  uzovi: text(10),
  domainId: Id,
  share: z.nullable(FunderShare),
});
export type Funder = z.infer<typeof Funder>;
