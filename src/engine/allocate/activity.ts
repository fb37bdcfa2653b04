import type { Activity } from '../../model/activities.ts';
import type { Split } from '../../model/split.ts';
import type { ActivityAllocation } from '../../model/allocation.ts';
import { apportionCents } from '../../money/apportion.ts';
import { centsToDec, divRound } from '../../money/cents.ts';
import { annualCents } from './cost.ts';
import { MONTH } from './period.ts';
import { idsOf, keyOf, type Context } from './context.ts';

/** One line of an activity's allocation in whole cents; the key joins its ids (see keyOf). */
export interface Line { key: string; cents: bigint }

/** An activity's allocation in cents (for running totals) and as the public result. */
export interface ActivityLines {
  annual: bigint;
  planTotal: bigint;
  domains: Line[];
  sectors: Line[];
  providers: Line[];
  funders: Line[];
  /** Aligned with the context's period slots. */
  schedule: bigint[];
  result: ActivityAllocation;
}

const TWELVE_MONTHS = 12n * MONTH;
const NULL_SECTOR = keyOf(null, null);
const NULL_PROVIDER = keyOf(null, null, null);
const NULL_FUNDER = keyOf(null, null);

/**
 * Splits one activity: annual → domains (split) → sectors (split) → providers (shares);
 * domain → funders (shares); plan-period total → payment periods (length). Every step goes through
 * largest-remainder apportionment, so each level sums to its parent exactly.
 */
export function allocateActivity(activity: Activity, split: Split, ctx: Context): ActivityLines {
  const annual = annualCents(activity.cost) ?? 0n;
  const planTotal = divRound(annual * ctx.periods.units, TWELVE_MONTHS);
  const sp = ctx.splitPlan(split);
  const domains: Line[] = [];
  const sectors: Line[] = [];
  const providers: Line[] = [];
  const funders: Line[] = [];

  const dAmounts = apportionCents(annual, sp.domains.weights, sp.domains.small);
  for (let i = 0; i < dAmounts.length; i++) {
    const domainId = sp.domains.ids[i]!;
    const dCents = dAmounts[i]!;
    domains.push({ key: sp.domains.keys[i]!, cents: dCents });
    if (domainId === null) {
      // The unassigned part of the split has no sector, provider or funder: one bucket line each.
      sectors.push({ key: NULL_SECTOR, cents: dCents });
      providers.push({ key: NULL_PROVIDER, cents: dCents });
      funders.push({ key: NULL_FUNDER, cents: dCents });
      continue;
    }
    const sg = sp.sectors.get(domainId)!;
    const sAmounts = apportionCents(dCents, sg.weights, sg.small);
    for (let j = 0; j < sAmounts.length; j++) {
      const sCents = sAmounts[j]!;
      sectors.push({ key: sg.keys[j]!, cents: sCents });
      const pg = ctx.providerGroup(domainId, sg.ids[j]!);
      const pAmounts = apportionCents(sCents, pg.weights, pg.small);
      for (let k = 0; k < pAmounts.length; k++) providers.push({ key: pg.keys[k]!, cents: pAmounts[k]! });
    }
    const fg = ctx.funderGroup(domainId);
    const fAmounts = apportionCents(dCents, fg.weights, fg.small);
    for (let k = 0; k < fAmounts.length; k++) funders.push({ key: fg.keys[k]!, cents: fAmounts[k]! });
  }
  const schedule = apportionCents(planTotal, ctx.periodWeights, ctx.periodSmall);
  const lines = { annual, planTotal, domains, sectors, providers, funders, schedule } as ActivityLines;
  lines.result = lazyResult(activity.id, lines, ctx);
  return lines;
}

/**
 * The public ActivityAllocation, its Decimal fields made on first read. A fresh allocation of a
 * large plan would otherwise spend most of its time building Decimals nobody looks at (the grid
 * shows a screenful of rows). The fields are own, enumerable getters that replace themselves by
 * plain values, so the object compares, clones and serialises like a plain one.
 */
function lazyResult(activityId: string, l: ActivityLines, ctx: Context): ActivityAllocation {
  const result = { activityId } as ActivityAllocation;
  const lazy = <K extends keyof ActivityAllocation>(name: K, make: () => ActivityAllocation[K]) => {
    Object.defineProperty(result, name, {
      enumerable: true,
      configurable: true,
      get() {
        const value = make();
        Object.defineProperty(result, name, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  };
  lazy('annual', () => centsToDec(l.annual));
  lazy('planTotal', () => centsToDec(l.planTotal));
  lazy('domains', () => l.domains.map(({ key, cents }) => ({ domainId: idsOf(key)[0] ?? null, amount: centsToDec(cents) })));
  lazy('sectors', () => l.sectors.map(({ key, cents }) => {
    const [domainId = null, sectorId = null] = idsOf(key);
    return { domainId, sectorId, amount: centsToDec(cents) };
  }));
  lazy('providers', () => l.providers.map(({ key, cents }) => {
    const [domainId = null, sectorId = null, providerId = null] = idsOf(key);
    return { domainId, sectorId, providerId, amount: centsToDec(cents) };
  }));
  lazy('funders', () => l.funders.map(({ key, cents }) => {
    const [domainId = null, funderId = null] = idsOf(key);
    return { domainId, funderId, amount: centsToDec(cents) };
  }));
  const slots = ctx.periods.slots;
  lazy('schedule', () => slots.map((s, i) => ({ periodId: s.periodId, start: s.start, end: s.end, amount: centsToDec(l.schedule[i]!) })));
  return result;
}
