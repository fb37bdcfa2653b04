import type { Funder, Plan, Provider, Section } from '../../model/index.ts';
import type { RowContext } from './row-context.ts';
import { bucketKey } from './support.ts';

/** Results kept between validations, each with the objects it was computed from. */
export class Memo {
  private readonly slots = new Map<string, { deps: readonly unknown[]; value: unknown }>();

  get<T>(slot: string, deps: readonly unknown[], make: () => T): T {
    const hit = this.slots.get(slot);
    if (hit && sameRefs(hit.deps, deps)) return hit.value as T;
    const value = make();
    this.slots.set(slot, { deps, value });
    return value;
  }
}

export function sameRefs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Domains and sector buckets that receive money through a split row that is in use. */
export interface Funded {
  domains: ReadonlySet<string>;
  buckets: ReadonlySet<string>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function positions(rows: readonly { id: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!out.has(r.id)) out.set(r.id, i);
  });
  return out;
}

/**
 * Lookups over the current plan for cross-row rules. Each is built on first use and reused by later
 * validations while its collection is the same array, so an edit of one activity does not rebuild
 * the provider or funder lookups.
 */
export class PlanIndex {
  constructor(
    readonly plan: Plan,
    readonly ctx: RowContext,
    /** Money flows of the split rows in use; the same object while its contents do not change. */
    readonly funded: Funded,
    private readonly memo: Memo,
  ) {}

  /** A result kept between validations while every object in `deps` stays the same. */
  cached<T>(slot: string, deps: readonly unknown[], make: () => T): T {
    return this.memo.get(slot, deps, make);
  }

  get providersById(): ReadonlyMap<string, Provider> {
    const { providers } = this.plan;
    return this.memo.get('providersById', [providers], () => new Map(providers.map((p) => [p.id, p] as const)));
  }

  /** Providers per bucketKey(domainId, sectorId). */
  get providersByBucket(): ReadonlyMap<string, Provider[]> {
    const { providers } = this.plan;
    return this.memo.get('providersByBucket', [providers], () =>
      groupBy(providers, (p) => bucketKey(p.domainId, p.sectorId)),
    );
  }

  get fundersByDomain(): ReadonlyMap<string, Funder[]> {
    const { funders } = this.plan;
    return this.memo.get('fundersByDomain', [funders], () => groupBy(funders, (f) => f.domainId));
  }

  /** Position of a row in its section, for the stable order of findings; -1 for none. */
  position(section: Section, rowId: string | undefined): number {
    if (rowId === undefined) return -1;
    const map = this.positionsOf(section);
    return map?.get(rowId) ?? -1;
  }

  private positionsOf(section: Section): Map<string, number> | undefined {
    const p = this.plan;
    switch (section) {
      case 'split':
      case 'activities':
        return this.memo.get('pos:activities', [p.activities], () => positions(p.activities));
      case 'providers':
        return this.memo.get('pos:providers', [p.providers], () => positions(p.providers));
      case 'funders':
        return this.memo.get('pos:funders', [p.funders], () => positions(p.funders));
      case 'targetGroups':
        return this.memo.get('pos:targetGroups', [p.targetGroups], () => positions(p.targetGroups));
      case 'domains':
        return this.memo.get('pos:domains', [p.domains], () => positions(p.domains));
      default:
        return undefined;
    }
  }
}
