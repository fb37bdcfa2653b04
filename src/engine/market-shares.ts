import type { Plan } from '../model/plan.ts';
import { Dec } from '../money/decimal.ts';
import { planYears } from './allocate/years.ts';

/*
 * The insurers' market shares per calendar year as the annex states them (handleiding §4 "Hoe te
 * gebruiken?": insured in the service area on a reference date): each Zvw insurer's count and its
 * percentage of ALL insured in the area, and what no listed insurer covers. The amounts themselves
 * come from allocate() (byFunderYear); this is the basis they were computed from, so an annex can
 * show both without computing anything itself.
 */

export interface InsurerShare {
  funderId: string;
  /** Insured in the area (null when the share is given as a percentage). */
  count: Dec | null;
  /** Percentage of all insured in the area; null when it cannot be computed (no area total). */
  percent: Dec | null;
}

export interface MarketShareYearView {
  year: number;
  referenceDate: string | null;
  /** All insured in the area; null when not given (percentages of all insured need none). */
  insuredTotal: Dec | null;
  insurers: InsurerShare[];
  /** What no listed insurer covers: count (when counts are used) and percentage; null when unknown. */
  uncovered: { count: Dec | null; percent: Dec | null };
  /** True when this year has no counts of its own and the previous year's apply. */
  inherited: boolean;
}

const CANONICAL = /^\d{1,24}(\.\d{1,12})?$/;
const dec = (s: string | null | undefined): Dec | null => (s && CANONICAL.test(s) ? new Dec(s) : null);

/** Per calendar year of the plan period, the Zvw insurers' market shares; empty for an unusable period. */
export function marketShareYears(plan: Plan): MarketShareYearView[] {
  const zvw = new Set(plan.domains.filter((d) => d.kind === 'zvw').map((d) => d.id));
  const insurers = plan.funders.filter((f) => zvw.has(f.domainId) && f.kind === 'insurer');
  const first = (year: number): MarketShareYearView => {
    const percentBasis = insurers.length > 0 && insurers.every((f) => f.share?.basis === 'percent');
    const total = percentBasis ? null : dec(plan.marketShare?.insuredTotal);
    return view(
      year,
      plan.marketShareDate,
      total,
      insurers.map((f) => ({
        funderId: f.id,
        count: f.share?.basis === 'count' ? dec(f.share.count) : null,
        percent: f.share?.basis === 'percent' ? dec(f.share.percent) : null,
      })),
      percentBasis,
      false,
    );
  };
  const years = planYears(plan.period);
  const out: MarketShareYearView[] = [];
  for (const [i, year] of years.entries()) {
    if (i === 0) {
      out.push(first(year));
      continue;
    }
    const own = plan.marketShare?.laterYears?.find((y) => y.year === year);
    if (!own || own.counts.length === 0) {
      out.push({ ...out[i - 1]!, year, inherited: true });
      continue;
    }
    const counts = new Map(own.counts.map((c) => [c.funderId, c.count]));
    out.push(
      view(
        year,
        own.referenceDate,
        dec(own.insuredTotal),
        insurers.map((f) => ({ funderId: f.id, count: dec(counts.get(f.id) ?? '0'), percent: null })),
        false,
        false,
      ),
    );
  }
  return out;
}

/** Fills in percentages of the area total (counts) or the uncovered rest (percentages). */
function view(
  year: number,
  referenceDate: string | null,
  total: Dec | null,
  shares: InsurerShare[],
  percentBasis: boolean,
  inherited: boolean,
): MarketShareYearView {
  if (percentBasis) {
    const covered = shares.reduce((s, x) => s.plus(x.percent ?? 0), new Dec(0));
    return {
      year,
      referenceDate,
      insuredTotal: null,
      insurers: shares,
      uncovered: { count: null, percent: Dec.max(0, new Dec(100).minus(covered)) },
      inherited,
    };
  }
  const counted = shares.reduce((s, x) => s.plus(x.count ?? 0), new Dec(0));
  if (total === null || total.isZero()) {
    return {
      year,
      referenceDate,
      insuredTotal: total,
      insurers: shares,
      uncovered: { count: null, percent: null },
      inherited,
    };
  }
  const insurersWithPercent = shares.map((x) => ({
    ...x,
    percent: x.count === null ? null : x.count.div(total).times(100),
  }));
  const rest = Dec.max(0, total.minus(counted));
  return {
    year,
    referenceDate,
    insuredTotal: total,
    insurers: insurersWithPercent,
    uncovered: { count: rest, percent: rest.div(total).times(100) },
    inherited,
  };
}
