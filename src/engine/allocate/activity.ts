import type { Activity } from '../../model/activities.ts';
import type { Split } from '../../model/split.ts';
import type { ActivityAllocation } from '../../model/allocation.ts';
import { apportionCents } from '../../money/apportion.ts';
import { centsToDec, divRound } from '../../money/cents.ts';
import { annualCents } from './cost.ts';
import { MONTH } from './period.ts';
import type { Context, KeyedGroup, SlotTable } from './context.ts';

/**
 * Whole cents, kept as doubles when every one is a safe integer (exact there): a list of doubles is
 * one object, a list of bigints one per amount, and a large plan keeps tens of thousands of them.
 */
export type Cents = readonly number[] | readonly bigint[];

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function compact(amounts: bigint[]): Cents {
  const out: number[] = [];
  for (const a of amounts) {
    if (a > SAFE || a < -SAFE) return amounts;
    out.push(Number(a));
  }
  return out;
}

/** The i-th amount as a bigint. */
export const centAt = (cents: Cents, i: number): bigint => {
  const c = cents[i]!;
  return typeof c === 'number' ? BigInt(c) : c;
};

/**
 * One apportionment's lines in whole cents: `cents[i]` goes to the line numbered `slots[i]` in its
 * level's table (see SlotTable). The slots are the group's own array, shared by every activity.
 */
export interface Part {
  slots: readonly number[];
  cents: Cents;
}

/** What one domain line of an activity's split sends down: to sectors, providers and funders. */
export interface DomainLines {
  /** The sector group it was split by (null for the unassigned part of the split). */
  group: KeyedGroup | null;
  /** The domain line's cents, split to sectors (the unassigned part: one bucket line). */
  sectors: Part;
  /** Per sector line, in its order: split to providers. */
  providers: Part[];
  /** The domain line's cents, split to funders. */
  funders: Part;
}

/** An activity's allocation in cents (for running totals) and as the public result. */
export interface ActivityLines {
  annual: bigint;
  planTotal: bigint;
  /** annual → domains */
  domains: Part;
  /** Per domain line, in its order. Shared with the activity's lines under another split where equal. */
  byDomain: DomainLines[];
  /** Aligned with the context's period slots. */
  schedule: Cents;
  result: ActivityAllocation;
}

const TWELVE_MONTHS = 12n * MONTH;

/**
 * Splits one activity: annual → domains (split) → sectors (split) → providers (shares);
 * domain → funders (shares); plan-period total → payment periods (length). Every step goes through
 * largest-remainder apportionment, so each level sums to its parent exactly.
 * `same`: this activity's lines under another split, in the same context. Its annual cost, plan
 * total and schedule do not depend on the split, so they are taken from there, and so is what a
 * domain line sends down when that line has the same cents and the same sector weights: a
 * default-split edit mostly moves money between one domain and the unassigned rest.
 */
export function allocateActivity(activity: Activity, split: Split, ctx: Context, same?: ActivityLines): ActivityLines {
  const annual = same ? same.annual : (annualCents(activity.cost) ?? 0n);
  const planTotal = same ? same.planTotal : divRound(annual * ctx.periods.units, TWELVE_MONTHS);
  const sp = ctx.splitPlan(split);
  const dAmounts = apportionCents(annual, sp.domains.weights, sp.domains.small);
  const byDomain: DomainLines[] = [];
  for (let i = 0; i < dAmounts.length; i++) {
    const domainId = sp.domains.ids[i]!;
    const dCents = dAmounts[i]!;
    const group = domainId === null ? null : sp.sectors.get(domainId)!;
    const before = same ? sameDomain(same, sp.domains.slots[i]!, dCents, group) : undefined;
    byDomain.push(before ?? domainLines(domainId, dCents, group, ctx));
  }
  const schedule = same ? same.schedule : compact(apportionCents(planTotal, ctx.periodWeights, ctx.periodSmall));
  const domains = { slots: sp.domains.slots, cents: compact(dAmounts) };
  const lines = { annual, planTotal, domains, byDomain, schedule } as Omit<ActivityLines, 'result'> as ActivityLines;
  lines.result = lazyResult(activity.id, lines, ctx);
  return lines;
}

function domainLines(domainId: string | null, dCents: bigint, group: KeyedGroup | null, ctx: Context): DomainLines {
  if (domainId === null || group === null) {
    // The unassigned part of the split has no sector, provider or funder: one bucket line each.
    const only = compact([dCents]);
    const { unassigned } = ctx;
    return {
      group: null,
      sectors: { slots: unassigned.sector, cents: only },
      providers: [{ slots: unassigned.provider, cents: only }],
      funders: { slots: unassigned.funder, cents: only },
    };
  }
  const sAmounts = apportionCents(dCents, group.weights, group.small);
  const providers: Part[] = [];
  for (let j = 0; j < sAmounts.length; j++) {
    const pg = ctx.providerGroup(domainId, group.ids[j]!);
    providers.push({ slots: pg.slots, cents: compact(apportionCents(sAmounts[j]!, pg.weights, pg.small)) });
  }
  const fg = ctx.funderGroup(domainId);
  const funders = { slots: fg.slots, cents: compact(apportionCents(dCents, fg.weights, fg.small)) };
  return { group, sectors: { slots: group.slots, cents: compact(sAmounts) }, providers, funders };
}

/** The lines the same domain line (same slot, cents and sector weights) sent down before, if any. */
function sameDomain(
  before: ActivityLines,
  slot: number,
  cents: bigint,
  group: KeyedGroup | null,
): DomainLines | undefined {
  const i = before.domains.slots.indexOf(slot);
  if (i < 0 || centAt(before.domains.cents, i) !== cents) return undefined;
  const old = before.byDomain[i]!;
  return sameWeights(old.group, group) ? old : undefined;
}

function sameWeights(a: KeyedGroup | null, b: KeyedGroup | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.weights.length !== b.weights.length) return false;
  for (let i = 0; i < a.weights.length; i++)
    if (a.weights[i] !== b.weights[i] || a.slots[i] !== b.slots[i]) return false;
  return true;
}

/*
 * The public ActivityAllocation, its Decimal fields made on first read. A fresh allocation of a
 * large plan would otherwise spend most of its time building Decimals nobody looks at (the grid
 * shows a screenful of rows). The fields are own, enumerable getters that replace themselves by
 * plain values, so the object compares, clones and serialises like a plain one. The getters are
 * the same functions on every result (they find the lines under a symbol), so results share one
 * shape and creating one allocates no closures.
 */

const LINES = Symbol('lines');

interface Pending extends ActivityAllocation {
  [LINES]: { lines: ActivityLines; ctx: Context };
}

/** The amounts of a list of parts, each made by `make` from its line's ids. */
function amounts<T>(
  parts: readonly Part[],
  table: SlotTable,
  make: (ids: (string | null)[], amount: ReturnType<typeof centsToDec>) => T,
): T[] {
  const out: T[] = [];
  for (const { slots, cents } of parts)
    for (let i = 0; i < slots.length; i++) out.push(make(table.ids[slots[i]!]!, centsToDec(centAt(cents, i))));
  return out;
}

function lazy<K extends keyof ActivityAllocation>(
  name: K,
  make: (lines: ActivityLines, ctx: Context) => ActivityAllocation[K],
): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Pending) {
      const { lines, ctx } = this[LINES];
      const value = make(lines, ctx);
      Object.defineProperty(this, name, { value, enumerable: true, writable: false, configurable: false });
      return value;
    },
  };
}

const FIELDS: PropertyDescriptorMap = {
  annual: lazy('annual', (l) => centsToDec(l.annual)),
  planTotal: lazy('planTotal', (l) => centsToDec(l.planTotal)),
  domains: lazy('domains', (l, ctx) =>
    amounts([l.domains], ctx.tables.domains, ([domainId = null], amount) => ({ domainId, amount })),
  ),
  sectors: lazy('sectors', (l, ctx) =>
    amounts(
      l.byDomain.map((d) => d.sectors),
      ctx.tables.sectors,
      ([domainId = null, sectorId = null], amount) => ({ domainId, sectorId, amount }),
    ),
  ),
  providers: lazy('providers', (l, ctx) =>
    amounts(
      l.byDomain.flatMap((d) => d.providers),
      ctx.tables.providers,
      ([domainId = null, sectorId = null, providerId = null], amount) => ({ domainId, sectorId, providerId, amount }),
    ),
  ),
  funders: lazy('funders', (l, ctx) =>
    amounts(
      l.byDomain.map((d) => d.funders),
      ctx.tables.funders,
      ([domainId = null, funderId = null], amount) => ({ domainId, funderId, amount }),
    ),
  ),
  schedule: lazy('schedule', (l, ctx) =>
    ctx.periods.slots.map((s, i) => ({
      periodId: s.periodId,
      start: s.start,
      end: s.end,
      amount: centsToDec(centAt(l.schedule, i)),
    })),
  ),
};

function lazyResult(activityId: string, lines: ActivityLines, ctx: Context): ActivityAllocation {
  const result = { activityId } as Pending;
  Object.defineProperty(result, LINES, { value: { lines, ctx } });
  Object.defineProperties(result, FIELDS);
  return result;
}
