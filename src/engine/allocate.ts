import type { Plan } from '../model/plan.ts';
import type { Activity } from '../model/activities.ts';
import type { Split } from '../model/split.ts';
import type { Allocation, ActivityAllocation } from '../model/allocation.ts';
import { createContext, sameInputs, type Context } from './allocate/context.ts';
import { allocateActivity, type ActivityLines } from './allocate/activity.ts';
import { Totals } from './allocate/totals.ts';
import { funderYears } from './allocate/years.ts';

/*
 * allocate(plan): who pays what, exact to the cent, traceable from every total back to the inputs.
 *
 * Per activity:
 *  1. Annual cost, rounded once to the cent (half away from zero): lumpsum per month ×12, per
 *     quarter ×4, per year ×1; hours × rate; FTE × yearly cost; persons × rate (per year).
 *     An input that is not a canonical decimal counts as 0 (the amount-invalid rule reports it).
 *  2. Plan total = annual × (plan months / 12), to the cent. Plan months: both dates inclusive; a
 *     calendar month fully inside counts 1, a partly covered month (days covered / days in that
 *     month), exactly (see allocate/period.ts). Unusable period (bad dates, end before start, more
 *     than 100 years): 0 months, no schedule.
 *  3. Split = activity.split ?? plan.defaultSplit.
 *  4. Annual → domains by their percentages (catalogue order; entries for unknown domains ignored;
 *     negative percentages weigh 0). Below 100 %: the rest is an explicit unassigned line
 *     (domainId null); above 100 %: scaled down proportionally. Validation reports both.
 *  5. Domain → sectors by their percentages of the domain's part, the same way (rest: sectorId
 *     null). A domain without sectors: one line, sectorId null.
 *  6. Sector (or sector-less domain) → its providers (same domainId and sectorId) by `share`:
 *     all shares empty → equal parts; otherwise percentages with a providerId-null rest below
 *     100 %. No providers → one providerId-null line.
 *  7. Domain → its funders by share: all empty → equal; only counts (inhabitants) →
 *     proportional; percentages → as in 4 (funderId-null rest). No funders → funderId-null line.
 *     A Zvw domain's insurers pay their market share of ALL insured in the service area
 *     (plan.marketShare.insuredTotal): counts out of that total, percentages of all insured; the
 *     part no listed insurer covers is the funderId-null line ("niet gedekt"). Counts without an
 *     area total: all of it uncovered (allocate/context.ts: buildInsurerGroup).
 *     The unassigned domain line gets null sector, provider and funder lines.
 *  8. Plan total → payment periods of the plan's granularity, clipped to the plan period and
 *     weighted by their length in months.
 *  9. Per calendar year of the period (byFunderYear): the first is byFunder; a later year with its
 *     own market shares (plan.marketShare.laterYears) splits each Zvw domain's annual total by
 *     them, the rest keep the earlier split (allocate/years.ts).
 * Every split uses largest-remainder apportionment (src/money/apportion.ts: lowest index wins a
 * tie), so each level sums exactly to its parent. The plan totals (byDomain … schedule, annual and
 * plan totals) are sums of the activities' lines, and so also sum to each other to the cent.
 *
 * createAllocator() returns the incremental version the grid calls on every keystroke. Plan
 * snapshots are structurally shared (src/sync/state.ts), so it memoises each activity's result by
 * the activity object's identity and by the identity of the plan-level inputs it read (its split
 * — for most the plan's defaultSplit — and domains, providers, funders, market share, period,
 * granularity), and
 * keeps running totals that it updates by removing an old activity's lines and adding the new.
 * A one-cell activity edit recomputes one activity; a default-split edit, the activities using it
 * (only their split lines: the annual cost, plan total and schedule stay, and so does whatever a
 * domain line with unchanged cents and sector weights sends down); a change to domains,
 * providers, funders or the period, everything. The totals are arrays indexed by numbered lines
 * (allocate/context.ts: SlotTable), so adding an activity looks up no strings.
 */

interface Entry {
  split: Split;
  lines: ActivityLines;
  /** How often this activity object occurs in the plan the totals currently hold. */
  count: number;
  /** Occurrences in the plan being allocated now, and the call that counted them. */
  next: number;
  call: number;
}

export type Allocator = (plan: Plan) => Allocation;

export function createAllocator(): Allocator {
  let ctx: Context | null = null;
  let totals: Totals | null = null;
  const entries = new Map<Activity, Entry>();
  let call = 0;
  let last: { activities: Plan['activities']; defaultSplit: Split; result: Allocation } | null = null;

  return (plan: Plan): Allocation => {
    if (!sameInputs(ctx, plan)) {
      ctx = createContext(plan);
      totals = new Totals(ctx);
      entries.clear();
      last = null;
    } else if (last && last.activities === plan.activities && last.defaultSplit === plan.defaultSplit) {
      return last.result;
    }
    const c = ctx;
    const t = totals!;
    call++;
    const list = plan.activities;
    const results = new Array<ActivityAllocation>(list.length);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      const split = a.split ?? plan.defaultSplit;
      let e = entries.get(a);
      if (e && e.split !== split) {
        // The same activity on another split (a default-split edit reaches every activity that
        // follows it): only its split lines change in the totals.
        const lines = allocateActivity(a, split, c, e.lines);
        t.replaceSplit(e.lines, lines, e.count);
        e.split = split;
        e.lines = lines;
      }
      if (!e) {
        e = { split, lines: allocateActivity(a, split, c), count: 0, next: 0, call };
        entries.set(a, e);
      }
      if (e.call !== call) {
        e.call = call;
        e.next = 0;
      }
      e.next++;
      results[i] = e.lines.result;
    }
    for (const [a, e] of entries) {
      const now = e.call === call ? e.next : 0;
      if (now !== e.count) {
        t.add(e.lines, now - e.count);
        e.count = now;
      }
      if (now === 0) entries.delete(a);
    }
    const sums = t.result(results);
    const result: Allocation = { ...sums, byFunderYear: funderYears(plan, sums.byDomain, sums.byFunder) };
    last = { activities: plan.activities, defaultSplit: plan.defaultSplit, result };
    return result;
  };
}

/** A fresh allocation of the whole plan (no memory between calls). */
export function allocate(plan: Plan): Allocation {
  return createAllocator()(plan);
}
