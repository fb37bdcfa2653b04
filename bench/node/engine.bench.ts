/*
 * The engine against what users would otherwise reach for.
 *
 *  - regioplan: allocate(plan) + validate(plan), exact to the cent, for 100 / 1,000 / 10,000
 *    activities; and a one-cell edit of a 5,000-activity plan through the incremental allocator
 *    and validator (budget: one 16 ms frame).
 *  - plain JS: the same allocation with JavaScript numbers, each amount rounded to the cent with
 *    Math.round(x * 100) / 100 — the code people write first.
 *  - HyperFormula: the plan as spreadsheet formulas (=ROUND(parent * share, 2) per cell), the way
 *    the Excel workbook it replaces computes it.
 * For both peers: how many amounts are off by a cent or more against the exact result, and how
 * many parents their parts fail to add up to.
 * Run: node --import tsx bench/node/engine.bench.ts  (or npm run bench -- engine)
 */
import { loadavg } from 'node:os';
import { HyperFormula } from 'hyperformula';
import { allocate, createAllocator } from '../../src/engine/allocate.ts';
import { applyOps, type Plan, type PlanOp } from '../../src/model/index.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import { planPeriods } from '../../src/engine/allocate/period.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

type Validate = (plan: Plan) => unknown[];
const engine = (await import('../../src/engine/index.ts').catch(() => null)) as {
  validate?: Validate;
  createValidator?: () => Validate;
} | null;
const validate = engine?.validate;
const createValidator = engine?.createValidator;

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}` : '–');
/*
 * CPU time of this process (process.cpuUsage), not wall time: the figures then mean the same on a
 * busy shared machine as on a user's laptop. It includes GC helper threads, so it errs high.
 */
function cpu(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
}
function time(fn: () => void, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) t.push(cpu(fn));
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
}
const pct = (times: number[], p: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))]!;

// ---------------------------------------------------------------------------------------------
// Exact result as line → cents, the reference for counting the peers' errors.

type Lines = Map<string, number>;
/** Line keys shared by the exact result and the peers: activity|level|ids. */
function exactLines(a: Allocation): Lines {
  const out: Lines = new Map();
  const c = (d: { toFixed(n: number): string }) => Number(d.toFixed(2).replace('.', ''));
  for (const x of a.activities) {
    out.set(`${x.activityId}|annual`, c(x.annual));
    out.set(`${x.activityId}|plan`, c(x.planTotal));
    for (const l of x.domains) out.set(`${x.activityId}|d|${l.domainId}`, c(l.amount));
    for (const l of x.sectors) out.set(`${x.activityId}|s|${l.domainId}|${l.sectorId}`, c(l.amount));
    for (const l of x.providers) out.set(`${x.activityId}|p|${l.domainId}|${l.sectorId}|${l.providerId}`, c(l.amount));
    for (const l of x.funders) out.set(`${x.activityId}|f|${l.domainId}|${l.funderId}`, c(l.amount));
    for (const l of x.schedule) out.set(`${x.activityId}|t|${l.periodId}`, c(l.amount));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The plan's structure, prepared once for both peers (valid generated plans only: every split
// at 100 %, every column with providers, funder shares complete — so no unassigned buckets).

interface Shape {
  domains: { id: string; sectors: string[] }[];
  /** provider fractions per "domain|sector" ('' for none). */
  providers: Map<string, { id: string; fraction: number }[]>;
  funders: Map<string, { id: string; fraction: number }[]>;
  months: number;
  periods: { id: string; fraction: number }[];
}

function shape(plan: Plan): Shape {
  const providers = new Map<string, { id: string; fraction: number }[]>();
  for (const p of plan.providers) {
    const key = `${p.domainId}|${p.sectorId ?? ''}`;
    providers.set(key, [
      ...(providers.get(key) ?? []),
      { id: p.id, fraction: p.share === null ? NaN : Number(p.share) / 100 },
    ]);
  }
  for (const list of providers.values())
    if (list.every((p) => Number.isNaN(p.fraction))) for (const p of list) p.fraction = 1 / list.length;
  const funders = new Map<string, { id: string; fraction: number }[]>();
  for (const f of plan.funders)
    funders.set(f.domainId, [...(funders.get(f.domainId) ?? []), { id: f.id, fraction: 0 }]);
  for (const [d, list] of funders) {
    const rows = plan.funders.filter((f) => f.domainId === d);
    const counts = rows.map((f) =>
      f.share?.basis === 'count' ? Number(f.share.count) : f.share?.basis === 'percent' ? Number(f.share.percent) : 1,
    );
    const total = rows.every((f) => f.share?.basis === 'percent') ? 100 : counts.reduce((a, b) => a + b, 0);
    list.forEach((f, i) => {
      f.fraction = counts[i]! / total;
    });
  }
  const pp = planPeriods(plan.period, plan.granularity);
  const units = Number(pp.units);
  return {
    domains: plan.domains.map((d) => ({ id: d.id, sectors: d.sectors.map((s) => s.id) })),
    providers,
    funders,
    months: units / 377_580,
    periods: pp.slots.map((s) => ({ id: s.periodId, fraction: Number(s.units) / units })),
  };
}

const annualFloat = (c: Plan['activities'][number]['cost']): number => {
  switch (c.kind) {
    case 'lumpsum':
      return Number(c.amount) * { month: 12, quarter: 4, year: 1 }[c.per];
    case 'hours':
      return Number(c.hours) * Number(c.rate);
    case 'fte':
      return Number(c.fte) * Number(c.yearlyCost);
    default:
      return Number(c.persons) * Number(c.rate);
  }
};

// ---------------------------------------------------------------------------------------------
// Peer 1: plain-number JavaScript.

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The peer's work: every amount computed and stored as a number. Keys are only made when `keyed`
 * (to count errors afterwards), so the timed run pays for the arithmetic, not for our bookkeeping.
 */
function plainAllocate(plan: Plan, sh: Shape, keyed = false): Lines | number[] {
  const out: Lines = new Map();
  const flat: number[] = [];
  const put = keyed
    ? (k: () => string, v: number) => out.set(k(), Math.round(v * 100))
    : (_k: () => string, v: number) => flat.push(v);
  for (const a of plan.activities) {
    const split = a.split ?? plan.defaultSplit;
    const annual = round2(annualFloat(a.cost));
    put(() => `${a.id}|annual`, annual);
    const planTotal = round2((annual * sh.months) / 12);
    put(() => `${a.id}|plan`, planTotal);
    for (const d of sh.domains) {
      const e = split.domains.find((x) => x.domainId === d.id);
      if (!e) continue;
      const dAmount = round2((annual * Number(e.percent)) / 100);
      put(() => `${a.id}|d|${d.id}`, dAmount);
      const sectors: [string | null, number][] =
        d.sectors.length === 0
          ? [[null, dAmount]]
          : d.sectors.flatMap((s) => {
              const se = split.sectors.find((x) => x.domainId === d.id && x.sectorId === s);
              return se ? [[s, round2((dAmount * Number(se.percent)) / 100)] as [string, number]] : [];
            });
      for (const [s, sAmount] of sectors) {
        put(() => `${a.id}|s|${d.id}|${s}`, sAmount);
        for (const p of sh.providers.get(`${d.id}|${s ?? ''}`) ?? [])
          put(() => `${a.id}|p|${d.id}|${s}|${p.id}`, round2(sAmount * p.fraction));
      }
      for (const f of sh.funders.get(d.id) ?? []) put(() => `${a.id}|f|${d.id}|${f.id}`, round2(dAmount * f.fraction));
    }
    for (const t of sh.periods) put(() => `${a.id}|t|${t.id}`, round2(planTotal * t.fraction));
  }
  return keyed ? out : flat;
}

// ---------------------------------------------------------------------------------------------
// Peer 2: HyperFormula. Sheet "Plan": one row per activity — inputs (cost factors, the row's
// split percentages, copied from the default split as a spreadsheet user would), then formulas.
// Sheet "Shares": provider, funder and period fractions and plan months.

interface HfModel {
  hf: HyperFormula;
  keys: string[][];
  costCol: number;
}

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function hfBuild(plan: Plan, sh: Shape): HfModel {
  const shares: (number | string)[][] = [[sh.months / 12]];
  const shareRef = (value: number) => {
    shares.push([value]);
    return `Shares!$A$${shares.length}`;
  };
  const provRefs = new Map<string, { id: string; ref: string }[]>();
  for (const [k, list] of sh.providers)
    provRefs.set(
      k,
      list.map((p) => ({ id: p.id, ref: shareRef(p.fraction) })),
    );
  const funderRefs = new Map<string, { id: string; ref: string }[]>();
  for (const [k, list] of sh.funders)
    funderRefs.set(
      k,
      list.map((f) => ({ id: f.id, ref: shareRef(f.fraction) })),
    );
  const periodRefs = sh.periods.map((t) => ({ id: t.id, ref: shareRef(t.fraction) }));

  const rows: (number | string)[][] = [];
  const keys: string[][] = [];
  plan.activities.forEach((a, r) => {
    const row: (number | string)[] = [];
    const key: string[] = [];
    const n = r + 1;
    const cell = (v: number | string, k = '') => {
      row.push(v);
      key.push(k);
      return `${colName(row.length - 1)}${n}`;
    };
    const c = a.cost;
    const [x, y] =
      c.kind === 'lumpsum'
        ? [Number(c.amount), { month: 12, quarter: 4, year: 1 }[c.per]]
        : c.kind === 'hours'
          ? [Number(c.hours), Number(c.rate)]
          : c.kind === 'fte'
            ? [Number(c.fte), Number(c.yearlyCost)]
            : [Number(c.persons), Number(c.rate)];
    const xr = cell(x);
    const yr = cell(y);
    const split = a.split ?? plan.defaultSplit;
    const annual = cell(`=ROUND(${xr}*${yr},2)`, `${a.id}|annual`);
    const planTotal = cell(`=ROUND(${annual}*Shares!$A$1,2)`, `${a.id}|plan`);
    for (const d of sh.domains) {
      const e = split.domains.find((z) => z.domainId === d.id);
      if (!e) continue;
      const dp = cell(Number(e.percent));
      const dAmount = cell(`=ROUND(${annual}*${dp}/100,2)`, `${a.id}|d|${d.id}`);
      const sectors: [string | null, string][] = [];
      if (d.sectors.length === 0) sectors.push([null, dAmount]);
      for (const s of d.sectors) {
        const se = split.sectors.find((z) => z.domainId === d.id && z.sectorId === s);
        if (!se) continue;
        const sp = cell(Number(se.percent));
        sectors.push([s, cell(`=ROUND(${dAmount}*${sp}/100,2)`, `${a.id}|s|${d.id}|${s}`)]);
      }
      for (const [s, sAmount] of sectors) {
        for (const p of provRefs.get(`${d.id}|${s ?? ''}`) ?? [])
          cell(`=ROUND(${sAmount}*${p.ref},2)`, `${a.id}|p|${d.id}|${s}|${p.id}`);
      }
      for (const f of funderRefs.get(d.id) ?? []) cell(`=ROUND(${dAmount}*${f.ref},2)`, `${a.id}|f|${d.id}|${f.id}`);
    }
    for (const t of periodRefs) cell(`=ROUND(${planTotal}*${t.ref},2)`, `${a.id}|t|${t.id}`);
    rows.push(row);
    keys.push(key);
  });
  const hf = HyperFormula.buildFromSheets(
    { Plan: rows, Shares: shares },
    { licenseKey: 'gpl-v3', precisionRounding: 10 },
  );
  return { hf, keys, costCol: 0 };
}

function hfLines(m: HfModel, sh: Shape): Lines {
  const out: Lines = new Map();
  const sheet = m.hf.getSheetId('Plan')!;
  const values = m.hf.getSheetValues(sheet);
  m.keys.forEach((key, r) =>
    key.forEach((k, c) => {
      if (!k) return;
      const v = values[r]![c];
      if (typeof v === 'number') out.set(k, Math.round(v * 100));
    }),
  );
  // A sector-less domain's cell doubles as its only sector line.
  const sectorless = new Set(sh.domains.filter((d) => d.sectors.length === 0).map((d) => d.id));
  for (const [k, v] of [...out]) {
    const [a, level, d] = k.split('|');
    if (level === 'd' && sectorless.has(d!)) out.set(`${a}|s|${d}|null`, v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Error counts against the exact result.

function errors(exact: Lines, peer: Lines): { off: number; lines: number; parents: number; unbalanced: number } {
  let off = 0;
  for (const [k, v] of exact) {
    const p = peer.get(k);
    if (p === undefined || p !== v) off++;
  }
  // Parents whose parts do not add up, in the peer's own figures.
  const sums = new Map<string, number>();
  const add = (parent: string, v: number) => sums.set(parent, (sums.get(parent) ?? 0) + v);
  for (const [k, v] of peer) {
    const [a, level, d, s] = k.split('|');
    if (level === 'd') add(`${a}|annual`, v);
    else if (level === 's') add(`${a}|d|${d}`, v);
    else if (level === 'p') add(`${a}|s|${d}|${s}`, v);
    else if (level === 'f') add(`${a}|d|${d}|funders`, v);
    else if (level === 't') add(`${a}|plan`, v);
  }
  let unbalanced = 0;
  for (const [parent, sum] of sums) {
    const key = parent.endsWith('|funders') ? parent.slice(0, -8) : parent;
    if (peer.get(key) !== sum) unbalanced++;
  }
  return { off, lines: exact.size, parents: sums.size, unbalanced };
}

// ---------------------------------------------------------------------------------------------

function edit(plan: Plan, i: number): PlanOp[] {
  const a = plan.activities[(i * 7919) % plan.activities.length]!;
  return i % 2 === 0
    ? [
        {
          op: 'update-row',
          collection: 'activities',
          id: a.id,
          patch: { cost: { kind: 'lumpsum', amount: `${1000 + i}.${i % 100}`, per: 'month' } },
        },
      ]
    : [{ op: 'set-split', rowId: a.id, domainId: 'wmo', sectorId: null, percent: String(5 + (i % 10)) }];
}

console.log(
  `CPU time, medians unless stated (load average here: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')})${validate ? '' : '; validate not found: allocate only'}`,
);

for (const n of [100, 1_000, 10_000]) {
  const plan = generatePlan(42, n);
  const runs = n >= 10_000 ? 3 : 7;
  allocate(plan); // warm up
  const tAlloc = time(() => allocate(plan), runs);
  const tValidate = validate ? time(() => validate(plan), runs) : 0;
  const sh = shape(plan);
  plainAllocate(plan, sh);
  const tPlain = time(() => plainAllocate(plan, sh), runs);
  const exact = exactLines(allocate(plan));
  const plain = errors(exact, plainAllocate(plan, sh, true) as Lines);

  let hfText: string;
  let tHf: number;
  {
    let m!: HfModel;
    tHf = cpu(() => {
      m = hfBuild(plan, sh);
    });
    const e = errors(exact, hfLines(m, sh));
    hfText = `HyperFormula build+compute ${ms(tHf)}, ${e.off}/${e.lines} amounts off by ≥ 1 cent, ${e.unbalanced}/${e.parents} parents not equal to the sum of their parts`;
    m.hf.destroy();
  }
  const ours = tAlloc + tValidate;
  console.log(`\n${n} activities`);
  console.log(
    `  regioplan allocate ${ms(tAlloc)}${validate ? ` + validate ${ms(tValidate)} = ${ms(ours)}` : ''}; 0 amounts off, every level sums to its parent`,
  );
  console.log(
    `  plain JS ${ms(tPlain)}, ${plain.off}/${plain.lines} amounts off by ≥ 1 cent, ${plain.unbalanced}/${plain.parents} parents not equal to the sum of their parts`,
  );
  console.log(`  ${hfText}`);
  console.log(`  regioplan / plain JS = ${ratio(ours, tPlain)}; regioplan / HyperFormula = ${ratio(ours, tHf)}`);
}

// One-cell edits of a 5,000-activity plan.
{
  const base = generatePlan(5, 5_000);
  const allocator = createAllocator();
  const validator = createValidator?.();
  allocator(base);
  validator?.(base);
  const tAlloc: number[] = [];
  const tBoth: number[] = [];
  let plan = base;
  for (let i = 0; i < 300; i++) {
    plan = applyOps(plan, edit(plan, i));
    const a = cpu(() => allocator(plan));
    const v = validator ? cpu(() => validator(plan)) : 0;
    if (i >= 20) {
      tAlloc.push(a);
      tBoth.push(a + v);
    }
  }
  const sh = shape(plan);
  const tPlain = time(() => plainAllocate(plan, sh), 5);
  const m = hfBuild(plan, sh);
  const sheet = m.hf.getSheetId('Plan')!;
  const tHf: number[] = [];
  for (let i = 0; i < 100; i++) {
    tHf.push(cpu(() => m.hf.setCellContents({ sheet, row: (i * 7919) % 5_000, col: 0 }, [[1000 + i]])));
  }
  m.hf.destroy();
  const p50 = pct(tBoth, 0.5);
  console.log('\none-cell edit, 5,000 activities (budget: one 16 ms frame)');
  console.log(
    `  regioplan incremental allocate p50 ${ms(pct(tAlloc, 0.5))} p95 ${ms(pct(tAlloc, 0.95))}` +
      (validator ? `; allocate + validate p50 ${ms(p50)} p95 ${ms(pct(tBoth, 0.95))}` : ''),
  );
  console.log(
    `  plain JS full recompute ${ms(tPlain)}; HyperFormula setCellContents p50 ${ms(pct(tHf, 0.5))} p95 ${ms(pct(tHf, 0.95))}`,
  );
  console.log(
    `  regioplan / plain JS = ${ratio(p50, tPlain)}; regioplan / HyperFormula = ${ratio(p50, pct(tHf, 0.5))}`,
  );
}
