import { z } from './zod.ts';
import { Id, Percent } from './primitives.ts';

/**
 * How cost is split: percent per domain, and inside a domain percent per sector (of that domain's
 * part). Entries, not records, so that no user id ever becomes an object key. A missing entry is 0 %.
 * A domain without sectors keeps its whole part at domain level.
 */
export const Split = z.strictObject({
  domains: z.array(z.strictObject({ domainId: Id, percent: Percent })).check(z.maxLength(60)),
  sectors: z.array(z.strictObject({ domainId: Id, sectorId: Id, percent: Percent })).check(z.maxLength(1000)),
});
export type Split = z.infer<typeof Split>;

export const emptySplit = (): Split => ({ domains: [], sectors: [] });
