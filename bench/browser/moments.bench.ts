/*
 * The compare view's "two moments" with a long history, in Chromium: a plan of 500 activities with
 * 500 recorded points, <rp-compare-moments> open on the last two. Measured, as the longest stretch
 * the page got no turn (a message-channel probe):
 *   - a point recorded (here or by a peer) until the pickers list it; beside it the same without
 *     the view open, and the former read of the list (the whole timeline with what each entry
 *     changed, timeline(), in one call);
 *   - picking a moment not read before until both plans are compared; beside it the former read
 *     of one earlier plan on the page (planAt, in one call).
 * Median and least of RUNS each. Goal: the page blocked under 50 ms. Figures vary with machine
 * load (the least less so).
 * Run: npm run bench -- moments
 */
import '../../components/compare/compare-moments.ts';
import type { RpCompareMoments } from '../../components/compare/compare-moments.ts';
import type { Plan, PlanOp } from '../../src/model/index.ts';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import { collectable, planAt, readPoints, recordPoint, timeline } from '../../src/negotiation/history.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

const POINTS = 500;
const BURST = 10;
const RUNS = 15;
const GOAL_MS = 50;
const MIN = 60_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const least = (xs: number[]) => Math.min(...xs);
/** The median and, less touched by the machine's other work, the least of the runs. */
const both = (xs: number[]) => `${ms(median(xs))} (least ${ms(least(xs))})`;
const ok = (x: number) => (x <= GOAL_MS ? 'ok' : 'OVER');
const hasAmount = (a: Plan['activities'][number]) => typeof (a.cost as { amount?: unknown }).amount === 'string';

function edit(plan: Plan, i: number): PlanOp[] {
  const priced = plan.activities.filter(hasAmount);
  const a = priced[(i * 7919) % priced.length]!;
  const cost = { ...a.cost, amount: `${1000 + (i % 997)}.00` } as never;
  return [{ op: 'update-row', collection: 'activities', id: a.id, patch: { cost } }];
}

/** The longest stretch without a turn for the page while `work` runs (and until it settles). */
async function blocked(work: () => Promise<unknown>): Promise<number> {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let on = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (on) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  await work();
  on = false;
  longest = Math.max(longest, performance.now() - last);
  channel.port1.close();
  return longest;
}

const until = async (check: () => boolean, what: string): Promise<void> => {
  const end = performance.now() + 30_000;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

function history(): { state: YPlanState; t0: number } {
  const state = createPlanState(generatePlan(7, 500), { gcFilter: collectable });
  const t0 = Date.UTC(2026, 0, 5, 9, 0);
  recordPoint(state.doc, 'Anna', t0, { start: true, plan: state.plan });
  for (let p = 1; p < POINTS; p++) {
    for (let i = 0; i < BURST; i++) state.apply(edit(state.plan, p * BURST + i));
    recordPoint(state.doc, p % 2 ? 'Bert' : 'Anna', t0 + p * MIN, { plan: state.plan });
  }
  return { state, t0 };
}

export default async function run(): Promise<void> {
  const { state, t0 } = history();
  const doc = state.doc;
  let at = t0 + POINTS * MIN;
  const record = () => {
    for (let i = 0; i < BURST; i++) state.apply(edit(state.plan, at + i));
    at += MIN;
    // Two people in turns: each point a moment of its own, so the picked moments stay.
    return recordPoint(doc, at % (2 * MIN) ? 'Dirk' : 'Eva', at, { plan: state.plan })!;
  };
  console.log(`Plan of ${state.plan.activities.length} activities, ${readPoints(doc).length} recorded points`);

  // Without the view: recording a point alone.
  const alone: number[] = [];
  for (let i = 0; i < RUNS; i++) alone.push(await blocked(async () => record()));
  // The former read of the pickers' list.
  const former: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    timeline(doc, 200);
    former.push(performance.now() - s);
  }

  const el = document.createElement('rp-compare-moments') as RpCompareMoments;
  el.state = state;
  document.body.append(el);
  const root = () => el.shadowRoot!;
  const heading = () => root().querySelector('rp-compare')?.shadowRoot?.querySelector('h2')?.textContent ?? '';
  const compared = () => heading() !== '';
  const listed = (key: string) =>
    root().querySelector('select[data-pick="from"] option:nth-child(2)')?.getAttribute('value') === key;
  await until(compared, 'the first comparison');
  const open: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    open.push(
      await blocked(async () => {
        const p = record();
        await until(() => listed(p.key), 'the new moment listed');
        await el.updateComplete;
      }),
    );
  }
  // One person editing on: each point joins the newest moment, the picked one, read again.
  const grows: number[] = [];
  const picked = heading();
  const eva = recordPoint(doc, 'Eva', (at += MIN), { plan: state.plan })!;
  el.pick(readPoints(doc).at(-3)!.key, eva.key);
  await until(() => heading() !== picked, 'Eva’s moment compared');
  for (let i = 0; i < RUNS; i++) {
    grows.push(
      await blocked(async () => {
        const before = heading();
        for (let k = 0; k < BURST; k++) state.apply(edit(state.plan, at + k));
        at += MIN;
        const p = recordPoint(doc, 'Eva', at, { plan: state.plan })!;
        await until(() => listed(p.key) && heading() !== before, 'the grown moment compared');
        await el.updateComplete;
      }),
    );
  }
  console.log(`  a point recorded, until the pickers list it (goal: the page blocked under ${GOAL_MS} ms):`);
  console.log(`    recording alone (no view open): ${both(alone)}`);
  console.log(`    the former read of the list alone (timeline()): ${both(former)} in one call`);
  console.log(`    with the view open: ${both(open)} ${ok(median(open))}`);
  console.log(`    the picked moment grown by it (read again and compared): ${both(grows)} ${ok(median(grows))}`);

  // Picking moments not read before: each pick compares two earlier plans.
  const points = readPoints(doc);
  const onPage: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    planAt(doc, points[40 + i]!);
    onPage.push(performance.now() - s);
  }
  const picks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [from, to] = [points[points.length - 100 + 2 * i]!.key, points[points.length - 99 + 2 * i]!.key];
    const before = heading();
    picks.push(
      await blocked(async () => {
        el.pick(from, to);
        await until(() => heading() !== before, 'the comparison of the moments picked');
        await el.updateComplete;
      }),
    );
  }
  console.log(`  two moments picked, until they are compared:`);
  const two = 2 * median(onPage);
  console.log(
    `    the former read on the page of one earlier plan (planAt): ${both(onPage)}, two: ${ms(two)} ${ok(two)}`,
  );
  console.log(`    with the view open (both read in a worker, then compared): ${both(picks)} ${ok(median(picks))}`);
  el.remove();
  state.destroy();
}
