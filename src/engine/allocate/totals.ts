import type { Allocation, ActivityAllocation } from '../../model/allocation.ts';
import { centsToDec } from '../../money/cents.ts';
import type { Context } from './context.ts';
import type { ActivityLines, Line } from './activity.ts';
import { idsOf } from './context.ts';

interface Cell { cents: bigint; lines: number }

/**
 * Running sums of activity lines per key. Adding and removing an activity's lines keeps them equal
 * to a fresh sum; a key disappears when no line refers to it any more, so an incremental result
 * has exactly the rows a fresh one has.
 */
class Sums {
  readonly cells = new Map<string, Cell>();
  add(lines: readonly Line[], times: number): void {
    const k = BigInt(times);
    for (const l of lines) {
      const c = this.cells.get(l.key);
      // Adding once is by far the most common case; skip the bigint multiplication then.
      const cents = times === 1 ? l.cents : l.cents * k;
      if (c) {
        c.cents += cents;
        c.lines += times;
        if (c.lines === 0) this.cells.delete(l.key);
      } else {
        this.cells.set(l.key, { cents, lines: times });
      }
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
    this.domains.add(a.domains, times);
    this.sectors.add(a.sectors, times);
    this.providers.add(a.providers, times);
    this.funders.add(a.funders, times);
    for (let i = 0; i < this.schedule.length; i++) this.schedule[i]! += a.schedule[i]! * k;
  }

  /** The public result; totals sorted in catalogue order, unassigned buckets after their siblings. */
  result(activities: ActivityAllocation[]): Allocation {
    const { ctx } = this;
    const d = (id: string | null) => (id === null ? LAST : ctx.domainRank.get(id) ?? LAST);
    const s = (dom: string | null, id: string | null) => (dom === null || id === null ? LAST : ctx.sectorRank.get(dom)?.get(id) ?? LAST);
    const p = (id: string | null) => (id === null ? LAST : ctx.providerRank.get(id) ?? LAST);
    const f = (id: string | null) => (id === null ? LAST : ctx.funderRank.get(id) ?? LAST);
    const rows = <T>(sums: Sums, make: (ids: (string | null)[], amount: ReturnType<typeof centsToDec>) => T, rank: (ids: (string | null)[]) => number[]) =>
      [...sums.cells].map(([key, c]) => ({ key, ids: idsOf(key), c }))
        .map((r) => ({ r, rank: rank(r.ids) }))
        // Ties only with repeated ids in a broken plan; the key keeps the order independent of history.
        .sort((a, b) => compareRanks(a.rank, b.rank) || (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : 0))
        .map(({ r }) => make(r.ids, centsToDec(r.c.cents)));

    return {
      annualTotal: centsToDec(this.annual),
      planTotal: centsToDec(this.plan),
      activities,
      byDomain: rows(this.domains, ([a = null], amount) => ({ domainId: a, amount }), ([a = null]) => [d(a)]),
      bySector: rows(this.sectors, ([a = null, b = null], amount) => ({ domainId: a, sectorId: b, amount }),
        ([a = null, b = null]) => [d(a), s(a, b)]),
      byProvider: rows(this.providers, ([a = null, b = null, c = null], amount) => ({ domainId: a, sectorId: b, providerId: c, amount }),
        ([a = null, b = null, c = null]) => [d(a), s(a, b), p(c)]),
      byFunder: rows(this.funders, ([a = null, b = null], amount) => ({ domainId: a, funderId: b, amount }),
        ([a = null, b = null]) => [d(a), f(b)]),
      schedule: ctx.periods.slots.map((slot, i) => ({
        periodId: slot.periodId, start: slot.start, end: slot.end, amount: centsToDec(this.schedule[i]!),
      })),
    };
  }
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
