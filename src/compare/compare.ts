import type { Msg } from '../i18n/locale.ts';
import type { Plan } from '../model/plan.ts';
import type { Allocation } from '../model/allocation.ts';
import { Dec, ZERO } from '../money/decimal.ts';
import { allocate } from '../engine/allocate.ts';
import { payments, type Payments } from '../engine/allocate/payments.ts';
import { compareInputs, type InputDifference } from './inputs.ts';
import { Names, TOTAL_LABELS } from './labels.ts';

/*
 * compare(a, b): what differs between two scenarios of a plan — the inputs, and the allocated
 * amounts per domain, sector, provider, funder and payment period — ready for a side-by-side view.
 *
 * Result rows: every key present in either allocation, in a's order (catalogue order, unassigned
 * buckets after their siblings) with rows only in b appended in b's order. A row missing on one
 * side counts as € 0 there. delta = b − a; relative = delta / |a| × 100 (percent points, rounded
 * half away from zero to 2 decimals), null when a is 0. `changed` is delta ≠ 0.
 * Rows are labelled in nl and en from the plans (b's names win). Periods match by period id.
 */

export interface ResultRow {
  /** Stable row key: the ids joined with '|' ('~' for an unassigned bucket). */
  key: string;
  label: Msg;
  /** The parent's label (sector → domain, provider → sector, funder → domain, …), for grouping. */
  group: Msg | null;
  domainId?: string | null;
  sectorId?: string | null;
  providerId?: string | null;
  funderId?: string | null;
  periodId?: string;
  a: Dec;
  b: Dec;
  delta: Dec;
  relative: Dec | null;
  changed: boolean;
}

export interface ResultDifferences {
  totals: ResultRow[];
  domains: ResultRow[];
  sectors: ResultRow[];
  providers: ResultRow[];
  funders: ResultRow[];
  /** Who each funder pays per year under the scenario's execution model (the lead, or each provider). */
  payees: ResultRow[];
  periods: ResultRow[];
}

export interface Comparison {
  a: { id: string; name: string };
  b: { id: string; name: string };
  inputs: InputDifference[];
  results: ResultDifferences;
  /** Number of result rows whose amount differs, over all sections. */
  changedRows: number;
}

export interface CompareOptions {
  /** Allocations already computed (e.g. by the live incremental allocator), to skip recomputing. */
  allocationA?: Allocation;
  allocationB?: Allocation;
}

const key = (...ids: (string | null | undefined)[]) => ids.map((id) => id ?? '~').join('|');

export function delta(a: Dec, b: Dec): Pick<ResultRow, 'a' | 'b' | 'delta' | 'relative' | 'changed'> {
  const d = b.minus(a);
  const relative = a.isZero() ? null : d.div(a.abs()).times(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return { a, b, delta: d, relative, changed: !d.isZero() };
}

type Base = Omit<ResultRow, 'a' | 'b' | 'delta' | 'relative' | 'changed'>;

function rows<T>(la: readonly T[], lb: readonly T[], describe: (x: T) => Base, amount: (x: T) => Dec): ResultRow[] {
  const map = new Map<string, { base: Base; a: Dec; b: Dec }>();
  for (const [list, side] of [
    [la, 'a'],
    [lb, 'b'],
  ] as const) {
    for (const x of list) {
      const base = describe(x);
      const row = map.get(base.key) ?? { base, a: ZERO, b: ZERO };
      row[side] = row[side].plus(amount(x));
      map.set(base.key, row);
    }
  }
  return [...map.values()].map(({ base, a, b }) => ({ ...base, ...delta(a, b) }));
}

type PayeeLine = { domainId: string | null; funderId: string | null; providerId: string | null; amount: Dec };

/** Per funder line and payee, the annual amount the execution model sends there. */
function payeeLines(p: Payments | undefined): PayeeLine[] {
  if (!p) return [];
  return p.funders.flatMap((f) =>
    f.payees.map((x) => ({ domainId: f.domainId, funderId: f.funderId, providerId: x.providerId, amount: x.annual })),
  );
}

/**
 * Result differences of two allocations, labelled with names from the plans. With the scenarios'
 * payments, also who each funder pays (which differs between execution models).
 */
export function compareResults(
  ra: Allocation,
  rb: Allocation,
  names: Names,
  pa?: Payments,
  pb?: Payments,
): ResultDifferences {
  const totals: ResultRow[] = [
    { key: 'annual', label: TOTAL_LABELS.annual, group: null, ...delta(ra.annualTotal, rb.annualTotal) },
    { key: 'plan', label: TOTAL_LABELS.plan, group: null, ...delta(ra.planTotal, rb.planTotal) },
  ];
  return {
    totals,
    domains: rows(
      ra.byDomain,
      rb.byDomain,
      (x) => ({ key: key(x.domainId), label: names.domain(x.domainId), group: null, domainId: x.domainId }),
      (x) => x.amount,
    ),
    sectors: rows(
      ra.bySector,
      rb.bySector,
      (x) => ({
        key: key(x.domainId, x.sectorId),
        label: names.sector(x.domainId, x.sectorId),
        group: names.domain(x.domainId),
        domainId: x.domainId,
        sectorId: x.sectorId,
      }),
      (x) => x.amount,
    ),
    providers: rows(
      ra.byProvider,
      rb.byProvider,
      (x) => ({
        key: key(x.domainId, x.sectorId, x.providerId),
        label: names.provider(x.providerId),
        group: names.sector(x.domainId, x.sectorId),
        domainId: x.domainId,
        sectorId: x.sectorId,
        providerId: x.providerId,
      }),
      (x) => x.amount,
    ),
    funders: rows(
      ra.byFunder,
      rb.byFunder,
      (x) => ({
        key: key(x.domainId, x.funderId),
        label: names.funder(x.funderId, x.domainId),
        group: names.domain(x.domainId),
        domainId: x.domainId,
        funderId: x.funderId,
      }),
      (x) => x.amount,
    ),
    payees: rows(
      payeeLines(pa),
      payeeLines(pb),
      (x) => {
        const funder = names.funder(x.funderId, x.domainId);
        const payee = names.provider(x.providerId);
        return {
          key: key(x.domainId, x.funderId, x.providerId),
          label: { nl: `${funder.nl} → ${payee.nl}`, en: `${funder.en} → ${payee.en}` },
          group: names.domain(x.domainId),
          domainId: x.domainId,
          funderId: x.funderId,
          providerId: x.providerId,
        };
      },
      (x) => x.amount,
    ),
    periods: rows(
      ra.schedule,
      rb.schedule,
      (x) => ({
        key: x.periodId,
        label: { nl: x.periodId, en: x.periodId },
        group: null,
        periodId: x.periodId,
      }),
      (x) => x.amount,
    ),
  };
}

/** Input and result differences of scenario b against scenario a; see the file header. */
export function compare(a: Plan, b: Plan, options: CompareOptions = {}): Comparison {
  const names = new Names(a, b);
  const ra = options.allocationA ?? allocate(a);
  const rb = options.allocationB ?? allocate(b);
  const results = compareResults(ra, rb, names, payments(a, ra), payments(b, rb));
  const changedRows = Object.values(results).reduce(
    (n, list: ResultRow[]) => n + list.filter((r) => r.changed).length,
    0,
  );
  return {
    a: { id: a.id, name: a.name },
    b: { id: b.id, name: b.name },
    inputs: compareInputs(a, b, names),
    results,
    changedRows,
  };
}

/** One result row across 2–4 scenarios; `deltas[i]` compares scenario i+1 with the first. */
export interface ManyRow extends Omit<ResultRow, 'a' | 'b' | 'delta' | 'relative' | 'changed'> {
  values: Dec[];
  deltas: Pick<ResultRow, 'delta' | 'relative' | 'changed'>[];
}

export interface ManyComparison {
  scenarios: { id: string; name: string }[];
  /** Each later scenario against the first. */
  pairs: Comparison[];
  /** The same rows side by side: union of all scenarios' rows, in the first pair's order. */
  results: Record<keyof ResultDifferences, ManyRow[]>;
}

/** 2–4 scenarios against the first (more are allowed but do not fit a side-by-side view). */
export function compareMany(plans: readonly Plan[], allocations?: readonly Allocation[]): ManyComparison {
  if (plans.length === 0) {
    return {
      scenarios: [],
      pairs: [],
      results: { totals: [], domains: [], sectors: [], providers: [], funders: [], payees: [], periods: [] },
    };
  }
  const allocs = plans.map((p, i) => allocations?.[i] ?? allocate(p));
  const first = plans[0]!;
  const pairs = plans.slice(1).map((p, i) => compare(first, p, { allocationA: allocs[0], allocationB: allocs[i + 1] }));
  const sections = ['totals', 'domains', 'sectors', 'providers', 'funders', 'payees', 'periods'] as const;
  const results = {} as ManyComparison['results'];
  for (const section of sections) {
    const byKey = new Map<string, ManyRow>();
    const order: string[] = [];
    pairs.forEach((pair, i) => {
      for (const r of pair.results[section]) {
        let row = byKey.get(r.key);
        if (!row) {
          const { a: _a, b: _b, delta: _d, relative: _r, changed: _c, ...base } = r;
          row = {
            ...base,
            values: plans.map(() => ZERO),
            deltas: pairs.map(() => ({ delta: ZERO, relative: null, changed: false })),
          };
          byKey.set(r.key, row);
          order.push(r.key);
        }
        row.values[0] = r.a;
        row.values[i + 1] = r.b;
        row.deltas[i] = { delta: r.delta, relative: r.relative, changed: r.changed };
      }
    });
    // A row that pair i lacks is in neither the first scenario nor scenario i+1: 0 against 0.
    results[section] = order.map((k) => byKey.get(k)!);
  }
  return { scenarios: plans.map((p) => ({ id: p.id, name: p.name })), pairs, results };
}
