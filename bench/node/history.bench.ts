/*
 * What the history costs. Two stored scenarios of the same plan (500 activities) after the same
 * 10,000 edits: one without history (the document's gc on, no points), one with it (deleted plan
 * content kept by the gcFilter as the store opens scenarios, each
 * edit attributed through PermanentUserData, a point recorded after every burst of 20 edits over a
 * year, compacted by the documented rule). Measured: opening each from its stored update (the
 * store's compacted log) and then editing it (one-cell ops, as in the grids). The history is
 * bounded when both ratios stay within 1.2×. Figures vary with machine load; compare ratios.
 * Run: node --import tsx bench/node/history.bench.ts  (or npm run bench -- history)
 */
import { performance } from 'node:perf_hooks';
import type { Plan, PlanOp } from '../../src/model/index.ts';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import {
  cellHistory,
  collectable,
  compactHistory,
  readPoints,
  recordPoint,
  timeline,
} from '../../src/negotiation/history.ts';
import { keepHistory } from '../../src/negotiation/history-keep.ts';
import { attribute } from '../../src/negotiation/history-users.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

const RECORDED = 10_000;
const BURST = 20;
const EDITS = 300;
const OPENS = 9;
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

function measure(plan: Plan, update: Uint8Array, history: boolean): { open: number; edit: number } {
  const opens: number[] = [];
  const edits: number[] = [];
  for (let run = 0; run < OPENS; run++) {
    const t0 = performance.now();
    const state = open(plan, update, history);
    opens.push(performance.now() - t0);
    const t1 = performance.now();
    for (let i = 0; i < EDITS; i++) state.apply(edit(state.plan, RECORDED + i));
    edits.push((performance.now() - t1) / EDITS);
    state.destroy();
  }
  return { open: median(opens), edit: median(edits) };
}

const plan = generatePlan(7, 500);
console.log(`Plan of ${plan.activities.length} activities, ${RECORDED.toLocaleString('en')} recorded edits`);
const plain = stored(plan, false);
const kept = stored(plan, true);
console.log(
  `  stored update: ${(plain.length / 1024).toFixed(0)} KB without history, ${(kept.length / 1024).toFixed(0)} KB with`,
);
// Warm up both paths once (JIT), then alternate.
measure(plan, plain, false);
measure(plan, kept, true);
const a = measure(plan, plain, false);
const b = measure(plan, kept, true);
const ratio = (x: number, y: number) => (y / x).toFixed(2);
console.log(`  open:  ${ms(a.open)} without history, ${ms(b.open)} with  → ${ratio(a.open, b.open)}×`);
console.log(
  `  edit:  ${ms(a.edit)} without history, ${ms(b.edit)} with  → ${ratio(a.edit, b.edit)}× (per one-cell edit)`,
);
const state = open(plan, kept, true);
const t = performance.now();
const entries = timeline(state.doc, 20);
console.log(`  timeline of the last 20 entries: ${ms(performance.now() - t)} (${entries.length} entries)`);
const t2 = performance.now();
const values = cellHistory(state.doc, {
  section: 'activities',
  rowId: plan.activities.find(hasAmount)!.id,
  field: 'cost.amount',
});
console.log(`  one cell's history: ${ms(performance.now() - t2)} (${values.length} values)`);
state.destroy();
const within = b.open / a.open <= 1.2 && b.edit / a.edit <= 1.2;
console.log(`  within 1.2×: ${within ? 'yes' : 'NO'}`);
