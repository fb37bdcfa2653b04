import type { Allocation } from '../../model/allocation.ts';
import type { ExecutionModel, Plan } from '../../model/plan.ts';
import { centsToDec, decToCents } from '../../money/cents.ts';
import type { Dec } from '../../money/decimal.ts';
import { planPeriods } from './period.ts';

/*
 * payments(plan, allocation): who is paid, by whom, per payment period — exact to the cent.
 *
 * The execution model decides the payee (handleiding §4 "Hoe te gebruiken?": the parties agree
 * on an execution model, e.g. a main contractor or all providers as equals):
 *  - main contractor (hoofdaannemer) and cashier (kassier): every funder pays the lead; the lead
 *    passes on to each other provider its part (`passOn`).
 *  - equal partners: every funder pays each provider of its domain its own part directly.
 * Without a usable lead (none chosen, or an id no provider has) funders pay the providers
 * directly, as under equal partners; the lead-missing rule reports the gap.
 *
 * The levels, each split with the largest-remainder method so every level sums to its parent:
 *  1. Per calendar year, the year's part of the plan's schedule → funder lines (`byFunder`, and
 *     `byFunderYear` for a later year with its own market shares; the funderId-null lines are what
 *     no funder covers), in proportion to that year's annual amounts.
 *  2. Funder line → the year's periods: a funder × period table whose rows are those amounts and
 *     whose columns are the plan's schedule (`allocation.schedule`).
 *  3. Funder line → the parts of its domain's providers (in proportion to the providers' annual
 *     amounts in that domain), and those parts → periods, a table whose columns are the funder's
 *     periods. The payees are these parts (equal partners) or the lead alone.
 * A table with given row and column totals is filled column by column, each column split over the
 * rows by what they still have to receive (see fillTable), so rows and columns both add up exactly.
 */

const sum = (xs: readonly bigint[]) => xs.reduce((s, x) => s + x, 0n);

export interface PaymentPeriod {
  /** "2025-Q1", "2025-03" or "2025", as in `allocation.schedule`. */
  periodId: string;
  start: string;
  end: string;
}

/** One recipient's money from one funder line, per year, over the term and per period. */
export interface PaymentLine {
  /** The provider paid; null = no provider yet in that domain. */
  providerId: string | null;
  /** Per year (the funder line's first-year annual amount, split the same way). */
  annual: Dec;
  /** Over the plan period; the sum of `periods`. */
  amount: Dec;
  /** Aligned with `Payments.periods`. */
  periods: Dec[];
}

export interface FunderPayments {
  domainId: string | null;
  /** null: the part of the domain no listed funder covers (for the Zvw: no contracting insurer). */
  funderId: string | null;
  annual: Dec;
  /** Over the plan period; the sum of `periods`, and of every list of lines below. */
  amount: Dec;
  periods: Dec[];
  /** Whom this funder pays: the lead (main contractor, cashier) or each provider (equal partners). */
  payees: PaymentLine[];
  /** Whose part it is: the providers of the domain. Equal to `payees` under equal partners. */
  parts: PaymentLine[];
}

export interface Payments {
  model: ExecutionModel;
  /** The provider every funder pays; null when funders pay the providers directly. */
  leadId: string | null;
  periods: PaymentPeriod[];
  funders: FunderPayments[];
  /**
   * What the lead passes on to each other provider, over all listed funders (not the funderId-null
   * lines: nobody pays those); empty without a lead.
   */
  passOn: PaymentLine[];
}

/**
 * Largest remainder for any signs: part i is total × w_i / Σw, rounded down (floor), and the cents
 * left go to the largest remainders, lower index first on ties. Equal parts when Σw is 0.
 * For non-negative totals and weights this is the same rule as src/money/apportion.ts.
 */
export function splitCents(total: bigint, weights: readonly bigint[]): bigint[] {
  const n = weights.length;
  if (n === 0) return [];
  let w = weights.reduce((s, x) => s + x, 0n);
  let ws = weights;
  if (w === 0n) {
    ws = weights.map(() => 1n);
    w = BigInt(n);
  }
  const sign = w < 0n ? -1n : 1n;
  const W = w * sign;
  const out = new Array<bigint>(n);
  const rems = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const p = total * ws[i]! * sign;
    let q = p / W;
    if (q * W > p) q -= 1n; // floor, also for negative p
    out[i] = q;
    rems[i] = p - q * W;
    given += q;
  }
  let left = total - given; // 0 ≤ left < n
  const order = [...out.keys()].sort((a, b) => (rems[a]! > rems[b]! ? -1 : rems[a]! < rems[b]! ? 1 : a - b));
  for (let k = 0; left > 0n; k++, left--) out[order[k % n]!]! += 1n;
  return out;
}

/**
 * A rows × columns table of cents whose rows sum to `rows` and columns to `cols` (Σrows = Σcols).
 * Column by column, each column's total is split over the rows in proportion to what each row
 * still has to receive (largest remainder); the last column takes exactly what is left. So every
 * column is exact by construction, every row too, and a row's periods differ from its even
 * split by a cent or so (a row that got a cent more earlier weighs less later). `weights` (the
 * periods' lengths) only matter when every column total is 0 but a row is not (a broken sum).
 */
export function fillTable(rows: readonly bigint[], cols: readonly bigint[], weights: readonly bigint[]): bigint[][] {
  const n = cols.length;
  const table = rows.map(() => new Array<bigint>(n).fill(0n));
  if (n === 0 || rows.length === 0) return table;
  if (sum(cols) !== sum(rows)) return rows.map((r) => splitCents(r, weights)); // the rows stay exact
  const left = [...rows];
  for (let k = 0; k < n; k++) {
    const part = k === n - 1 ? left : splitCents(cols[k]!, left);
    for (let i = 0; i < rows.length; i++) {
      table[i]![k] = part[i]!;
      left[i]! -= k === n - 1 ? 0n : part[i]!;
    }
  }
  return table;
}

const cents = (d: Dec) => decToCents(d);

interface Lines {
  providerId: string | null;
  annual: bigint;
  periods: bigint[];
}

const toLine = (l: Lines): PaymentLine => ({
  providerId: l.providerId,
  annual: centsToDec(l.annual),
  amount: centsToDec(sum(l.periods)),
  periods: l.periods.map(centsToDec),
});

/** The lead every funder pays under this plan's execution model, or null (direct payment). */
export function paymentLead(plan: Plan): string | null {
  if (plan.executionModel === 'equal-partners' || plan.leadProviderId === null) return null;
  return plan.providers.some((p) => p.id === plan.leadProviderId) ? plan.leadProviderId : null;
}

/** Who pays whom per period; see the file header. Pure: reads the plan and its allocation. */
export function payments(plan: Plan, allocation: Allocation): Payments {
  const slots = allocation.schedule.length === 0 ? [] : planPeriods(plan.period, plan.granularity).slots;
  // The engine's schedule and these slots come from the same function; use the engine's if not.
  const periods: PaymentPeriod[] = allocation.schedule.map((p) => ({
    periodId: p.periodId,
    start: p.start,
    end: p.end,
  }));
  const slotWeights = slots.length === periods.length ? slots.map((s) => s.units) : periods.map(() => 1n);
  const schedule = allocation.schedule.map((p) => cents(p.amount));

  // Funder lines: the first year's (byFunder), then any a later year adds.
  const lineKey = (f: { domainId: string | null; funderId: string | null }) =>
    `${f.domainId ?? '~'}|${f.funderId ?? '~'}`;
  const funderLines = [...allocation.byFunder];
  const seen = new Set(funderLines.map(lineKey));
  const years = allocation.byFunderYear ?? [];
  for (const y of years) {
    for (const f of y.funders)
      if (!seen.has(lineKey(f))) {
        seen.add(lineKey(f));
        funderLines.push({ ...f, amount: centsToDec(0n) });
      }
  }
  const funderAnnual = funderLines.map((f) => cents(f.amount));
  // Each calendar year's periods are shared by that year's market shares (insured persons may
  // switch insurer on 1 January): the year's total → funder lines, then → its periods.
  const funderPeriods = funderLines.map(() => new Array<bigint>(periods.length).fill(0n));
  const yearOf = (k: number) => Number(periods[k]!.periodId.slice(0, 4));
  for (const y of [...new Set(periods.map((_, k) => yearOf(k)))]) {
    const ks = periods.map((_, k) => k).filter((k) => yearOf(k) === y);
    const own = years.find((x) => x.year === y)?.funders;
    let weights = funderAnnual;
    if (own) {
      const byLine = new Map<string, bigint>();
      for (const x of own) byLine.set(lineKey(x), (byLine.get(lineKey(x)) ?? 0n) + cents(x.amount));
      weights = funderLines.map((f) => byLine.get(lineKey(f)) ?? 0n);
    }
    const rows = splitCents(sum(ks.map((k) => schedule[k]!)), weights);
    const block = fillTable(
      rows,
      ks.map((k) => schedule[k]!),
      ks.map((k) => slotWeights[k]!),
    );
    block.forEach((row, i) =>
      ks.forEach((k, j) => {
        funderPeriods[i]![k] = row[j]!;
      }),
    );
  }
  const funderTerm = funderPeriods.map(sum);
  const leadId = paymentLead(plan);

  const providersOf = new Map<string | null, typeof allocation.byProvider>();
  for (const p of allocation.byProvider) {
    const list = providersOf.get(p.domainId);
    if (list) list.push(p);
    else providersOf.set(p.domainId, [p]);
  }
  const funders: FunderPayments[] = funderLines.map((f, i) => {
    const providers = providersOf.get(f.domainId) ?? [];
    const ids = providers.length === 0 ? [null] : providers.map((p) => p.providerId);
    const pw = providers.length === 0 ? [1n] : providers.map((p) => cents(p.amount));
    const annual = splitCents(funderAnnual[i]!, pw);
    const term = splitCents(funderTerm[i]!, pw);
    const table = fillTable(term, funderPeriods[i]!, slotWeights);
    const parts = ids.map((providerId, j) => toLine({ providerId, annual: annual[j]!, periods: table[j]! }));
    const payees =
      leadId === null ? parts : [toLine({ providerId: leadId, annual: funderAnnual[i]!, periods: funderPeriods[i]! })];
    return {
      domainId: f.domainId,
      funderId: f.funderId,
      annual: centsToDec(funderAnnual[i]!),
      amount: centsToDec(funderTerm[i]!),
      periods: funderPeriods[i]!.map(centsToDec),
      payees,
      parts,
    };
  });

  const passOn: PaymentLine[] = [];
  if (leadId !== null) {
    const byProvider = new Map<string | null, Lines>();
    // Only what listed funders pay: the uncovered and unassigned lines bring the lead no money.
    for (const f of funders) {
      if (f.funderId === null) continue;
      for (const part of f.parts) {
        if (part.providerId === leadId) continue;
        const row = byProvider.get(part.providerId) ?? {
          providerId: part.providerId,
          annual: 0n,
          periods: periods.map(() => 0n),
        };
        row.annual += cents(part.annual);
        part.periods.forEach((p, k) => {
          row.periods[k]! += cents(p);
        });
        byProvider.set(part.providerId, row);
      }
    }
    passOn.push(...[...byProvider.values()].map(toLine));
  }
  return { model: plan.executionModel, leadId, periods, funders, passOn };
}
