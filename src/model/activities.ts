import { z } from './zod.ts';
import { DecimalString, Id, Money, Percent, text } from './primitives.ts';
import { Split } from './split.ts';

export const Granularity = z.enum(['month', 'quarter', 'year']);
export type Granularity = z.infer<typeof Granularity>;

/**
 * What an activity costs, as the collaborations negotiate it (Nivel). Every basis yields an amount
 * per year: lumpsum per month/quarter/year, hours per year × rate, FTE × yearly cost, persons × rate
 * per person per year.
 */
export const CostBasis = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lumpsum'), amount: Money, per: Granularity }),
  z.strictObject({ kind: z.literal('hours'), hours: DecimalString, rate: Money }),
  z.strictObject({ kind: z.literal('fte'), fte: DecimalString, yearlyCost: Money }),
  z.strictObject({ kind: z.literal('persons'), persons: DecimalString, rate: Money }),
]);
export type CostBasis = z.infer<typeof CostBasis>;

export const ActivityCategory = z.enum(['client-bound', 'general']);
export type ActivityCategory = z.infer<typeof ActivityCategory>;

/** A concrete coordination activity, for one or more target groups. */
export const Activity = z.strictObject({
  id: Id,
  name: text(300),
  targetGroupIds: z.array(Id).check(z.maxLength(50)),
  cost: CostBasis,
  category: ActivityCategory,
  /** Overrides the plan's default split for this activity; null = default split. */
  split: z.nullable(Split),
  /*
   * The §4 agreement content of an activity (added in plan format 2). Optional: an activity
   * without them reads as empty text and "not stated".
   */
  /** What is done, concretely (handleiding §4 "Contractvereiste": "welke concrete activiteiten"). */
  description: z.optional(text(4000)),
  /**
   * Why it is needed: the care need and the complexity the cooperation answers, and why it is not
   * regular care already paid through another prestatie (§4 "Contractvereiste").
   */
  justification: z.optional(text(4000)),
  /**
   * Share of this activity already paid through regular (patient-bound) tariffs, in percent; null =
   * not stated. Informative: the cost above is what this title pays. A share above 0 needs
   * `regularShareExplanation` (how the other tariff is corrected, §3 "Waarvoor te gebruiken?").
   */
  regularShare: z.optional(z.nullable(Percent)),
  regularShareExplanation: z.optional(text(2000)),
});
export type Activity = z.infer<typeof Activity>;
