/*
 * What the history costs. Two stored scenarios of the same plan (500 activities) after the same
 * 10,000 edits: one without history (the document's gc on, no points), one with it (deleted plan
 * content kept by the gcFilter as the store opens scenarios, each
 * edit attributed through PermanentUserData, a point recorded after every burst of 20 edits over a
 * year, compacted by the documented rule). Measured: opening each from its stored update (the
 * store's compacted log) and then editing it (one-cell ops, as in the grids), the two in turns
 * so that both meet the same load of the machine (median of 15 each). The history is bounded
 * when both ratios stay within 1.2×. Figures vary with machine load; compare ratios.
 * Run: node --import tsx bench/node/history.bench.ts  (or npm run bench -- history)
 */
import { performance } from 'node:perf_hooks';
import type { Plan, PlanOp } from '../../src/model/index.ts';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import {
  cellHistorySteps,
  collectable,
  compactHistory,
  planAt,
  readPoints,
  recordPoint,
  timelineSteps,
  valueAt,
} from '../../src/negotiation/history.ts';
import { inSteps } from '../../src/negotiation/history-steps.ts';
import { affects, touched } from '../../src/negotiation/history-walk.ts';
import type { CellPlace } from '../../src/negotiation/anchor.ts';
import type { FindingLocation } from '../../src/model/finding.ts';
import { keepHistory } from '../../src/negotiation/history-keep.ts';
import { attribute } from '../../src/negotiation/history-users.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

const RECORDED = 10_000;
const BURST = 20;
const EDITS = 300;
const OPENS = 15;
const YEAR_MS = 365 * 86_400_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const hasAmount = (a: Plan['activities'][number]) => typeof (a.cost as { amount?: unknown }).amount === 'string';

/** The amount of one activity's cost (the edit people make most). */
function edit(plan: Plan, i: number): PlanOp[] {
  const priced = plan.activities.filter(hasAmount);
  const a = priced[(i * 7919) % priced.length]!;
  return [
    {
      op: 'update-row',
      collection: 'activities',
      id: a.id,
      patch: { cost: { ...a.cost, amount: `${1000 + (i % 997)}.00` } as never },
    },
  ];
}

function stored(plan: Plan, history: boolean): Uint8Array {
  const state = createPlanState(plan, history ? { gcFilter: collectable } : {});
  const start = Date.now() - YEAR_MS;
  const stop = history ? keepHistory(state.doc, () => state.plan) : () => {};
  if (history) attribute(state.doc, 'Anna (zorgverzekeraar)');
  for (let i = 0; i < RECORDED; i++) {
    state.apply(edit(state.plan, i));
    if (history && (i + 1) % BURST === 0)
      recordPoint(state.doc, 'Anna', start + (i / RECORDED) * YEAR_MS, { plan: state.plan });
  }
  stop();
  if (history) compactHistory(state.doc);
  const update = state.encodeState();
  if (history) console.log(`  points kept after compaction: ${readPoints(state.doc).length}`);
  state.destroy();
  return update;
}

function open(plan: Plan, update: Uint8Array, history: boolean): YPlanState {
  const state = createPlanState(plan, { updates: [update], ...(history ? { gcFilter: collectable } : {}) });
  if (history) attribute(state.doc, 'Bert (gemeente)');
  return state;
}

interface Figures {
  open: number;
  edit: number;
}

/** One open and EDITS edits of the stored scenario. */
function once(plan: Plan, update: Uint8Array, history: boolean): Figures {
  const t0 = performance.now();
  const state = open(plan, update, history);
  const opened = performance.now() - t0;
  const t1 = performance.now();
  for (let i = 0; i < EDITS; i++) state.apply(edit(state.plan, RECORDED + i));
  const edited = (performance.now() - t1) / EDITS;
  state.destroy();
  return { open: opened, edit: edited };
}

/**
 * Both scenarios measured in turns (which goes first alternates), so that both meet the same load
 * of the machine; the median of each.
 */
function measure(plan: Plan, plain: Uint8Array, kept: Uint8Array): [Figures, Figures] {
  const runs: [Figures[], Figures[]] = [[], []];
  for (let run = 0; run < OPENS; run++) {
    const first = run % 2 === 0;
    const a = first ? once(plan, plain, false) : undefined;
    const b = once(plan, kept, true);
    runs[0].push(a ?? once(plan, plain, false));
    runs[1].push(b);
  }
  const of = (xs: Figures[]): Figures => ({ open: median(xs.map((x) => x.open)), edit: median(xs.map((x) => x.edit)) });
  return [of(runs[0]), of(runs[1])];
}

const plan = generatePlan(7, 500);
console.log(`Plan of ${plan.activities.length} activities, ${RECORDED.toLocaleString('en')} recorded edits`);
const plain = stored(plan, false);
const kept = stored(plan, true);
console.log(
  `  stored update: ${(plain.length / 1024).toFixed(0)} KB without history, ${(kept.length / 1024).toFixed(0)} KB with`,
);
// Warm up both paths once (JIT), then measure them in turns.
measure(plan, plain, kept);
const [a, b] = measure(plan, plain, kept);
const ratio = (x: number, y: number) => (y / x).toFixed(2);
console.log(`  open:  ${ms(a.open)} without history, ${ms(b.open)} with  → ${ratio(a.open, b.open)}×`);
console.log(
  `  edit:  ${ms(a.edit)} without history, ${ms(b.edit)} with  → ${ratio(a.edit, b.edit)}× (per one-cell edit)`,
);
const within = b.open / a.open <= 1.2 && b.edit / a.edit <= 1.2;
console.log(`  within 1.2×: ${within ? 'yes' : 'NO'}`);

/*
 * Reading the history without blocking the page (the dialog's cell history and timeline): the
 * time to the first entry shown and the longest slice of work between two turns of the page
 * (goal: under 50 ms), read as the dialog reads them (history-steps.ts), at 500 and 5,000
 * activities. Before: every point the cell's history lists was rebuilt whole
 * (Y.createDocFromSnapshot) in one call that held the page until all entries were read.
 */
const SLICE_GOAL_MS = 50;

async function sliced<T>(
  steps: Iterator<T | undefined, void>,
): Promise<{ first: number; longest: number; all: number; n: number }> {
  const t0 = performance.now();
  let first = -1;
  let longest = 0;
  let sliceStart = t0;
  const list = await inSteps(steps, {
    pause: () => {
      longest = Math.max(longest, performance.now() - sliceStart);
      return new Promise<void>((r) =>
        setImmediate(() => {
          sliceStart = performance.now();
          r();
        }),
      );
    },
    onProgress: () => {
      if (first < 0) first = performance.now() - t0;
    },
  });
  longest = Math.max(longest, performance.now() - sliceStart);
  return { first, longest, all: performance.now() - t0, n: list.length };
}

/** The former cell history: each listed point's plan rebuilt whole, all in one call. */
function formerCellHistory(doc: YPlanState['doc'], place: CellPlace): number {
  const points = readPoints(doc).slice(-50);
  const last = new Map<number, number>();
  let n = 0;
  points.forEach((p, i) => {
    const from = last.get(p.client) ?? 0;
    last.set(p.client, p.clock);
    if (i > 0 && !p.start && !touched(doc, p.client, from, p.clock).some((e) => affects(e, place as FindingLocation)))
      return;
    const then = planAt(doc, p);
    if (then) n += valueAt(then, place) === undefined ? 0 : 1;
  });
  return n;
}

const secs = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : ms(x));
for (const size of [500, 5_000]) {
  const big = size === plan.activities.length ? plan : generatePlan(7, size);
  const update = size === plan.activities.length ? kept : stored(big, true);
  const place: CellPlace = { section: 'activities', rowId: big.activities.find(hasAmount)!.id, field: 'cost.amount' };
  const before = open(big, update, true);
  const t0 = performance.now();
  formerCellHistory(before.doc, place);
  const former = performance.now() - t0;
  before.destroy();
  const state = open(big, update, true);
  const cell = await sliced(cellHistorySteps(state.doc, place));
  const line = await sliced(timelineSteps(state.doc, 30));
  state.destroy();
  const ok = (x: number) => (x <= SLICE_GOAL_MS ? 'ok' : 'OVER');
  console.log(
    `  ${size.toLocaleString('en')} activities, reading the history (goal: no slice over ${SLICE_GOAL_MS} ms):`,
  );
  console.log(`    cell history before: ${secs(former)} in one call (the page waited for all of it)`);
  console.log(
    `    cell history now: first entry after ${ms(cell.first)}, longest slice ${ms(cell.longest)} ${ok(cell.longest)}, all ${cell.n} in ${ms(cell.all)}`,
  );
  console.log(
    `    timeline now: first entry after ${ms(line.first)}, longest slice ${ms(line.longest)} ${ok(line.longest)}, all ${line.n} in ${ms(line.all)}`,
  );
}
