import { z } from './zod.ts';
import { DecimalString, Id, Money, text } from './primitives.ts';
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
});
export type Activity = z.infer<typeof Activity>;
