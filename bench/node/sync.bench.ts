/*
 * The live state on every keystroke: one one-cell op applied to the Yjs document, plus the
 * incremental snapshot refresh the engine reads, on plans of 500 and 5,000 activities. Peer:
 * `applyOps` on plain objects (no document, no undo, no sync) — the floor any state layer adds to.
 * Also: creating the state (seeding the doc), opening it from a stored update, and encoding it,
 * which storage pays on open and on compaction. Figures vary with machine load; compare ratios. Run: node --import tsx bench/node/sync.bench.ts  (or npm run bench)
 */
import { performance } from 'node:perf_hooks';
import { applyOps, type Plan, type PlanOp } from '../../src/model/index.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

const EDITS = 400;

function stats(times: number[]): { p50: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]! };
}
const ms = (x: number) => `${x.toFixed(3)} ms`;

/** Typical grid edits: a cost cell, an activity split cell, a name, a default-split cell. */
function edit(plan: Plan, i: number): PlanOp[] {
  const a = plan.activities[(i * 7919) % plan.activities.length]!;
  switch (i % 4) {
    case 0:
      return [
        {
          op: 'update-row',
          collection: 'activities',
          id: a.id,
          patch: { cost: { kind: 'hours', hours: String(10 + (i % 50)), rate: '85.50' } },
        },
      ];
    case 1:
      return [{ op: 'set-split', rowId: a.id, domainId: 'zvw', sectorId: null, percent: String(90 + (i % 10)) }];
    case 2:
      return [{ op: 'update-row', collection: 'activities', id: a.id, patch: { name: `${a.name}·` } }];
    default:
      return [{ op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: String(5 + (i % 10)) }];
  }
}

function run(size: number): void {
  const base = generatePlan(7, size);

  let t = performance.now();
  const state = createPlanState(base);
  const createMs = performance.now() - t;
  t = performance.now();
  const encoded = state.encodeState();
  const encodeMs = performance.now() - t;

  t = performance.now();
  const reopened = createPlanState(base, { updates: [encoded] });
  const openMs = performance.now() - t;
  reopened.destroy();

  // Warm-up on both paths.
  for (let i = 0; i < 20; i++) {
    state.apply(edit(state.plan, i));
    applyOps(base, edit(base, i));
  }

  const live: number[] = [];
  const plain: number[] = [];
  let plan = state.plan;
  for (let i = 0; i < EDITS; i++) {
    const ops = edit(plan, i);
    t = performance.now();
    state.apply(ops);
    const snapshot = state.plan; // the refreshed snapshot is ready when apply returns
    live.push(performance.now() - t);
    t = performance.now();
    plan = applyOps(plan, ops);
    plain.push(performance.now() - t);
    if (snapshot.activities.length !== plan.activities.length) throw new Error('state and applyOps disagree');
  }
  if (JSON.stringify(state.plan) !== JSON.stringify(plan)) throw new Error('state and applyOps disagree after the run');
  const l = stats(live);
  const p = stats(plain);
  console.log(`sync: ${size} activities — one-cell edit + snapshot: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}`);
  console.log(`sync: ${size} activities — peer applyOps (plain objects): p50 ${ms(p.p50)}, p95 ${ms(p.p95)}`);
  console.log(
    `sync: ${size} activities — ratio live/peer: p50 ${(l.p50 / p.p50).toFixed(1)}×, p95 ${(l.p95 / p.p95).toFixed(1)}×`,
  );
  console.log(
    `sync: ${size} activities — create (seed) ${ms(createMs)}, open from stored update ${ms(openMs)}, encode ${ms(encodeMs)} (${(encoded.length / 1024).toFixed(0)} KiB; plan JSON ${(JSON.stringify(base).length / 1024).toFixed(0)} KiB)`,
  );
  state.destroy();
}

for (const size of [500, 5000]) run(size);
