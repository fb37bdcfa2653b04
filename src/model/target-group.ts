import { z } from 'zod';
import { Id, IsoDate, text } from './primitives.ts';

/**
 * A target group: care-specific characteristics and service area. Postcode entries are PC4
 * ("5611") or ranges ("5611-5658"), kept as typed so a wrong one can be shown and fixed.
 */
export const TargetGroup = z.strictObject({
  id: Id,
  name: text(200),
  characteristics: text(4000),
  postcodes: z.array(text(20)).max(2000),
  estimatedSize: z.number().int().min(0).max(100_000_000).nullable(),
  referenceDate: IsoDate.nullable(),
});
export type TargetGroup = z.infer<typeof TargetGroup>;
