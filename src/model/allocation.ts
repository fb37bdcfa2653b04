import type { Decimal } from 'decimal.js';

/*
 * The engine's result. Plain interfaces (not zod): it is derived, never parsed from outside.
 * Every list sums to its parent to the cent. `null` ids are explicit "unassigned" buckets, so that
 * sums hold even in an unfinished plan: `domainId: null` is the part of a split below 100 %;
 * `sectorId: null` a domain without sectors or the part of its sector split below 100 %;
 * `providerId: null` / `funderId: null` money that no provider / funder takes yet.
 * The rules are documented in src/engine/allocate.ts.
 */

export interface DomainAmount {
  domainId: string | null;
  amount: Decimal;
}
export interface SectorAmount {
  domainId: string | null;
  sectorId: string | null;
  amount: Decimal;
}
export interface ProviderAmount {
  domainId: string | null;
  sectorId: string | null;
  providerId: string | null;
  amount: Decimal;
}
export interface FunderAmount {
  domainId: string | null;
  funderId: string | null;
  amount: Decimal;
}
export interface PeriodAmount {
  /** e.g. "2025-Q1", "2025-03", "2025" */
  periodId: string;
  start: string;
  end: string;
  amount: Decimal;
}

/** One activity's annual cost and how it is split: the trace from inputs to totals. */
export interface ActivityAllocation {
  activityId: string;
  /** Cost per year, rounded to the cent. */
  annual: Decimal;
  /** Cost for the whole plan period (annual pro rata by months, partial months by days), to the cent. */
  planTotal: Decimal;
  domains: DomainAmount[];
  sectors: SectorAmount[];
  providers: ProviderAmount[];
  funders: FunderAmount[];
  schedule: PeriodAmount[];
}

/**
 * One calendar year's split of the domains over their funders. Insured persons may switch insurer on
 * 1 January, so each year has its own market shares (Plan.marketShare.laterYears); a year without
 * its own uses the latest earlier year's (`sharesYear`) and the validation asks for it.
 */
export interface FunderYear {
  year: number;
  /** The calendar year whose market shares (reference date and counts) were applied. */
  sharesYear: number;
  /** The reference date of those market shares. */
  referenceDate: string | null;
  /**
   * Annual amounts per funder under this year's shares (like byFunder, whose first-year split it
   * equals); per domain they sum to byDomain to the cent; funderId null = not covered/unassigned.
   */
  funders: FunderAmount[];
}

export interface Allocation {
  /** Sum of all activities' annual cost. */
  annualTotal: Decimal;
  /** Sum of all activities' plan-period cost. */
  planTotal: Decimal;
  activities: ActivityAllocation[];
  /** Totals over all activities, of annual amounts. */
  byDomain: DomainAmount[];
  bySector: SectorAmount[];
  byProvider: ProviderAmount[];
  /** Funders' annual amounts under the first calendar year's market shares. */
  byFunder: FunderAmount[];
  /** Per calendar year of the plan period (first year = byFunder); empty for an unusable period. */
  byFunderYear: FunderYear[];
  /** The payment schedule over the plan period; sums to planTotal. */
  schedule: PeriodAmount[];
}
