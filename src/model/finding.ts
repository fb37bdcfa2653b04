import { z } from './zod.ts';
import { text } from './primitives.ts';

export const FindingCode = z.enum([
  'split-sum',
  'percent-range',
  'amount-invalid',
  'market-share-sum',
  'period-outside-experiment',
  'target-group-incomplete',
  'postcode-invalid',
  'zvw-without-provider',
  'zvw-without-insurer',
  'provider-domain-mismatch',
  'double-funding-oi',
  'deductible-charged',
  'lead-missing',
  'duplicate',
  'code-invalid',
  'reference-missing',
  'period-invalid',
  'oi-without-gp',
  'domain-without-party',
  'market-share-date',
  'title-adz',
  'lead-domain',
  'role-model',
  'provider-zero',
  'market-share-uncovered',
  'regular-share-unexplained',
  'area-total-missing',
  'clause-empty',
]);
export type FindingCode = z.infer<typeof FindingCode>;

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

/** The plan sections a finding can point into; the components map these to grids and fields. */
export const Section = z.enum(['plan', 'domains', 'split', 'activities', 'targetGroups', 'providers', 'funders']);
export type Section = z.infer<typeof Section>;

/**
 * Where a finding points. `rowId` is the row's id ('default' for the plan-level split row);
 * `field` a property name; `domainId`/`sectorId` a split column.
 */
export const FindingLocation = z.strictObject({
  section: Section,
  rowId: z.optional(z.string().check(z.maxLength(64))),
  field: z.optional(z.string().check(z.maxLength(64))),
  domainId: z.optional(z.string().check(z.maxLength(64))),
  sectorId: z.optional(z.string().check(z.maxLength(64))),
});
export type FindingLocation = z.infer<typeof FindingLocation>;

export const Finding = z.strictObject({
  code: FindingCode,
  severity: Severity,
  location: FindingLocation,
  message: z.strictObject({ nl: text(2000), en: text(2000) }),
});
export type Finding = z.infer<typeof Finding>;
