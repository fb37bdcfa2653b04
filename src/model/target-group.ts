import { z } from './zod.ts';
import { Id, IsoDate, text } from './primitives.ts';

/**
 * A target group: care-specific characteristics and service area. Postcode entries are PC4
 * ("5611") or ranges ("5611-5658"), kept as typed so a wrong one can be shown and fixed.
 */
export const TargetGroup = z.strictObject({
  id: Id,
  name: text(200),
  characteristics: text(4000),
  postcodes: z.array(text(20)).check(z.maxLength(2000)),
  estimatedSize: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000))),
  referenceDate: z.nullable(IsoDate),
});
export type TargetGroup = z.infer<typeof TargetGroup>;
