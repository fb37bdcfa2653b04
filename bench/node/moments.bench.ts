/*
 * What the compare view's "two moments" pickers cost while they are open. Every point recorded
 * (here or by a peer) makes them read the scenario's moments again. A plan of 500 activities with
 * 500 recorded points (each after a burst of edits, some removing a row, two people taking turns, so each point is an
 * entry of its own). Before: the whole timeline, with what each entry changed, in one call
 * (timeline(), which walks every listed point's items). Now: who, when and which name of each
 * entry (moments-steps.ts), read in slices with the page's turn between them (history-steps.ts).
 * Figures: the page blocked per recorded point (the longest stretch without a turn), the median
 * of 15 reads each. Goal: under 50 ms. Figures vary with machine load.
 * Run: node --import tsx bench/node/moments.bench.ts  (or npm run bench -- moments)
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Plan, PlanOp } from '../../src/model/index.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { collectable, planAt, readPoints, recordPoint, timeline } from '../../src/negotiation/history.ts';
import { momentSteps } from '../../src/negotiation/moments-steps.ts';
import { inSteps } from '../../src/negotiation/history-steps.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

const POINTS = 500;
const BURST = 10;
const READS = 15;
const GOAL_MS = 50;
const MIN = 60_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const hasAmount = (a: Plan['activities'][number]) => typeof (a.cost as { amount?: unknown }).amount === 'string';

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

const plan = generatePlan(7, 500);
const state = createPlanState(plan, { gcFilter: collectable });
const t0 = Date.UTC(2026, 0, 5, 9, 0);
recordPoint(state.doc, 'Anna', t0, { start: true, plan: state.plan });
for (let p = 1; p < POINTS; p++) {
  for (let i = 0; i < BURST; i++) state.apply(edit(state.plan, p * BURST + i));
  // Every fifth burst also removes an activity and puts it back as a new row (a removal writes no
  // item: the timeline reads it from the delete sets).
  if (p % 5 === 0) {
    const row = state.plan.activities[p % state.plan.activities.length]!;
    state.apply([{ op: 'remove-row', collection: 'activities', id: row.id }]);
    state.apply([{ op: 'insert-row', collection: 'activities', row: { ...row, id: `${row.id}-${p}` } }]);
  }
  recordPoint(state.doc, p % 2 ? 'Bert' : 'Anna', t0 + p * MIN, { plan: state.plan });
}
const doc = state.doc;
console.log(`Plan of ${plan.activities.length} activities, ${readPoints(doc).length} recorded points`);

/** The former read: the timeline with what each entry changed, in one call. */
function before(): number {
  const s = performance.now();
  timeline(doc, 200).map((e) => ({ key: e.id, kind: e.kind, by: e.by, at: e.at }));
  return performance.now() - s;
}

/** The read now: the moments in slices; the longest slice and the whole read. */
async function now(): Promise<{ longest: number; all: number; n: number }> {
  const s = performance.now();
  let longest = 0;
  let sliceStart = s;
  const list = await inSteps(momentSteps(doc), {
    pause: () => {
      longest = Math.max(longest, performance.now() - sliceStart);
      return new Promise<void>((r) =>
        setImmediate(() => {
          sliceStart = performance.now();
          r();
        }),
      );
    },
  });
  longest = Math.max(longest, performance.now() - sliceStart);
  return { longest, all: performance.now() - s, n: list.length };
}

before();
await now();
const was: number[] = [];
const is: { longest: number; all: number; n: number }[] = [];
for (let i = 0; i < READS; i++) {
  was.push(before());
  is.push(await now());
}
const longest = median(is.map((x) => x.longest));
const ok = (x: number) => (x <= GOAL_MS ? 'ok' : 'OVER');
console.log(`  moments for the pickers, per recorded point (goal: the page blocked under ${GOAL_MS} ms):`);
console.log(`    before: ${ms(median(was))} in one call (the whole timeline with its changes) ${ok(median(was))}`);
console.log(
  `    now: longest slice ${ms(longest)} ${ok(longest)}, all ${is[0]!.n} moments in ${ms(median(is.map((x) => x.all)))}`,
);

/*
 * One earlier plan, whole (the comparison of two moments, a restore): Y.createDocFromSnapshot and
 * the plan read from it. Before, the page waited for it per moment picked; with plan-at-worker.ts
 * the page only encodes the document's update for the worker (the first time; later only what is
 * new) and receives the plan (a structured clone).
 */
const points = readPoints(doc);
const planAts: number[] = [];
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  // A point not read before (history.ts keeps the last few plans built).
  planAt(doc, points[points.length - 20 - i * 30]!);
  planAts.push(performance.now() - s);
}
const encodes: number[] = [];
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  Y.encodeStateAsUpdate(doc);
  encodes.push(performance.now() - s);
}
// After the first read the worker is sent only what is new (a burst of edits and its point).
const vector = Y.encodeStateVector(doc);
for (let i = 0; i < BURST; i++) state.apply(edit(state.plan, i));
recordPoint(doc, 'Anna', t0 + POINTS * MIN, { plan: state.plan });
const news: number[] = [];
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  Y.encodeStateAsUpdate(doc, vector);
  news.push(performance.now() - s);
}
// The plan the worker sends back arrives as a structured clone.
const clones: number[] = [];
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  structuredClone(state.plan);
  clones.push(performance.now() - s);
}
const onPage = median(encodes) + median(clones);
console.log(`  one earlier plan, whole (planAt): ${ms(median(planAts))} on the page before`);
console.log(
  `    with the worker, on the page: ${ms(onPage)} the first read (whole update ${ms(median(encodes))}, plan received ${ms(median(clones))}), ${ms(median(news) + median(clones))} a later one (what is new ${ms(median(news))})`,
);
state.destroy();
