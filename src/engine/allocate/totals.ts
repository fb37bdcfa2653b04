import type { Allocation, ActivityAllocation } from '../../model/allocation.ts';
import { centsToDec } from '../../money/cents.ts';
import type { Context } from './context.ts';
import { centAt, type ActivityLines, type DomainLines, type Part } from './activity.ts';
import type { SlotTable } from './context.ts';

/**
 * Running sums of activity lines per slot of one level's table, and how many lines refer to each.
 * Adding and removing an activity's lines keeps them equal to a fresh sum; a slot no line refers to
 * any more is left out of the result, so an incremental result has exactly the rows a fresh one has.
 */
class Sums {
  readonly cents: bigint[] = [];
  readonly lines: number[] = [];
  add(parts: readonly Part[], times: number): void {
    for (const part of parts) this.addPart(part, times);
  }

  addPart({ slots, cents }: Part, times: number): void {
    const k = BigInt(times);
    const { cents: sums, lines } = this;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      // Adding once is by far the most common case; skip the bigint multiplication then.
      const c = times === 1 ? centAt(cents, i) : centAt(cents, i) * k;
      while (sums.length <= slot) {
        sums.push(0n);
        lines.push(0);
      }
      sums[slot]! += c;
      lines[slot]! += times;
    }
  }
}

const LAST = Number.MAX_SAFE_INTEGER;

export class Totals {
  private annual = 0n;
  private plan = 0n;
  private readonly domains = new Sums();
  private readonly sectors = new Sums();
  private readonly providers = new Sums();
  private readonly funders = new Sums();
  private readonly schedule: bigint[];

  constructor(private readonly ctx: Context) {
    this.schedule = ctx.periods.slots.map(() => 0n);
  }

  /** Adds an activity's lines `times` times (negative to remove). */
  add(a: ActivityLines, times: number): void {
    if (times === 0) return;
    const k = BigInt(times);
    this.annual += a.annual * k;
    this.plan += a.planTotal * k;
    this.addSplit(a, times);
    const schedule = this.schedule;
    for (let i = 0; i < schedule.length; i++)
      schedule[i]! += times === 1 ? centAt(a.schedule, i) : centAt(a.schedule, i) * k;
  }

  /**
   * An activity that occurs `times` times now follows another split: its split lines change, its
   * annual cost, plan total and schedule (the same in both) stay.
   */
  replaceSplit(before: ActivityLines, after: ActivityLines, times: number): void {
    if (times === 0) return;
    this.domains.addPart(before.domains, -times);
    this.domains.addPart(after.domains, times);
    // What a domain line sends down is shared between the two where it did not change.
    for (const d of before.byDomain) if (!after.byDomain.includes(d)) this.addDomain(d, -times);
    for (const d of after.byDomain) if (!before.byDomain.includes(d)) this.addDomain(d, times);
  }

  private addSplit(a: ActivityLines, times: number): void {
    this.domains.addPart(a.domains, times);
    for (const d of a.byDomain) this.addDomain(d, times);
  }

  private addDomain(d: DomainLines, times: number): void {
    this.sectors.addPart(d.sectors, times);
    this.providers.add(d.providers, times);
    this.funders.addPart(d.funders, times);
  }

  /** The public result; totals sorted in catalogue order, unassigned buckets after their siblings. */
  result(activities: ActivityAllocation[]): Omit<Allocation, 'byFunderYear'> {
    const { ctx } = this;
    const d = (id: string | null) => (id === null ? LAST : (ctx.domainRank.get(id) ?? LAST));
    const s = (dom: string | null, id: string | null) =>
      dom === null || id === null ? LAST : (ctx.sectorRank.get(dom)?.get(id) ?? LAST);
    const p = (id: string | null) => (id === null ? LAST : (ctx.providerRank.get(id) ?? LAST));
    const f = (id: string | null) => (id === null ? LAST : (ctx.funderRank.get(id) ?? LAST));
    const rows = <T>(
      sums: Sums,
      table: SlotTable,
      make: (ids: (string | null)[], amount: ReturnType<typeof centsToDec>) => T,
      rank: (ids: (string | null)[]) => number[],
    ) => {
      const live: { key: string; ids: (string | null)[]; cents: bigint; rank: number[] }[] = [];
      for (let slot = 0; slot < sums.lines.length; slot++) {
        if (sums.lines[slot] === 0) continue;
        const ids = table.ids[slot]!;
        live.push({ key: table.keys[slot]!, ids, cents: sums.cents[slot]!, rank: rank(ids) });
      }
      // Ties only with repeated ids in a broken plan; the key keeps the order independent of history.
      return live
        .sort((a, b) => compareRanks(a.rank, b.rank) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((r) => make(r.ids, centsToDec(r.cents)));
    };
    const { tables } = ctx;

    return {
      annualTotal: centsToDec(this.annual),
      planTotal: centsToDec(this.plan),
      activities,
      byDomain: rows(
        this.domains,
        tables.domains,
        ([a = null], amount) => ({ domainId: a, amount }),
        ([a = null]) => [d(a)],
      ),
      bySector: rows(
        this.sectors,
        tables.sectors,
        ([a = null, b = null], amount) => ({ domainId: a, sectorId: b, amount }),
        ([a = null, b = null]) => [d(a), s(a, b)],
      ),
      byProvider: rows(
        this.providers,
        tables.providers,
        ([a = null, b = null, c = null], amount) => ({ domainId: a, sectorId: b, providerId: c, amount }),
        ([a = null, b = null, c = null]) => [d(a), s(a, b), p(c)],
      ),
      byFunder: rows(
        this.funders,
        tables.funders,
        ([a = null, b = null], amount) => ({ domainId: a, funderId: b, amount }),
        ([a = null, b = null]) => [d(a), f(b)],
      ),
      schedule: ctx.periods.slots.map((slot, i) => ({
        periodId: slot.periodId,
        start: slot.start,
        end: slot.end,
        amount: centsToDec(this.schedule[i]!),
      })),
    };
  }
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
