import { expect } from 'chai';
import { openScenarioStore, type LiveDeps, type ScenarioStore } from '../../src/store/index.ts';
import { yjsLive } from '../../src/store/live.ts';
import { newPlan } from '../../src/model/plan.ts';
import type { DeferredPlanState } from '../../src/sync/deferred-state.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import { deleteDb, uniqueDbName } from './helpers.ts';

/*
 * The store reads a scenario that was never edited from its seed plan, and loads its Yjs side
 * (live state, update log, tab relay) only when the scenario is first edited: most people who
 * open a plan only look at it.
 */

const PLAN = 'plan-lazy';
const region = (value: string): PlanOp[] => [{ op: 'set-field', field: 'region', value }];

/** The real Yjs side, counting how often it is asked for, and held back until `open()`. */
function watchedLive() {
  let open!: () => void;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  const seen = { loads: 0 };
  const load = async (): Promise<LiveDeps> => {
    seen.loads++;
    await gate;
    return yjsLive;
  };
  return { load, open, seen };
}

describe('scenario store: Yjs only from the first edit', () => {
  let dbName: string;
  const stores: ScenarioStore[] = [];
  const open = async (live?: () => Promise<LiveDeps>) => {
    const store = await openScenarioStore({ planId: PLAN, dbName, debounceMs: 10, ...(live ? { live } : {}) });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dbName = uniqueDbName('lazy');
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await deleteDb(dbName);
  });

  it('creates, lists, reads and opens a scenario without its Yjs side', async () => {
    const w = watchedLive();
    w.open();
    const store = await open(w.load);
    const plan = newPlan(PLAN, 'Alleen bekijken');
    const created = await store.ensureScenario('Eerste', plan);
    if (!created.ok) throw new Error('create failed');
    expect((await store.list()).map((s) => s.name)).to.deep.equal(['Eerste']);
    const read = await store.readPlan(created.value.id);
    expect(read.ok && read.value).to.deep.equal(plan);
    const opened = await store.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    expect(opened.value.state.plan).to.deep.equal(plan);
    await opened.value.flush();
    await opened.value.close();
    expect(w.seen.loads).to.equal(0);
  });

  it('shows an edit made while the Yjs side loads at once, then stores it, with undo intact', async () => {
    const w = watchedLive();
    const store = await open(w.load);
    const created = await store.create('Bewerkt', newPlan(PLAN, 'Plan'));
    if (!created.ok) throw new Error('create failed');
    const opened = await store.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    const state = opened.value.state;

    state.apply(region('Noord'));
    state.apply(region('Zuid'));
    state.undo();
    expect(state.plan.region, 'shown before Yjs has arrived').to.equal('Noord');
    expect(state.canUndo).to.equal(true);

    const flushed = opened.value.flush();
    w.open();
    await flushed;
    expect(w.seen.loads).to.equal(1);
    const other = await open();
    const stored = await other.readPlan(created.value.id);
    expect(stored.ok && stored.value.region).to.equal('Noord');

    state.redo();
    expect(state.plan.region).to.equal('Zuid');
    state.undo();
    state.undo();
    expect(state.plan.region).to.equal('');
    expect(state.canUndo).to.equal(false);
  });

  it('opens a scenario that was edited before with its Yjs side at once (a stored log to replay)', async () => {
    const first = await open();
    const created = await first.create('Eerder bewerkt', newPlan(PLAN));
    if (!created.ok) throw new Error('create failed');
    const opened = await first.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    opened.value.state.apply(region('Oost'));
    await opened.value.close();

    const w = watchedLive();
    w.open();
    const later = await open(w.load);
    const again = await later.openScenario(created.value.id);
    if (!again.ok) throw new Error('reopen failed');
    expect(w.seen.loads).to.equal(1);
    expect(again.value.state.plan.region).to.equal('Oost');
  });

  it('a scenario only looked at follows an edit made in another tab', async () => {
    const a = await open();
    const created = await a.create('Gedeeld', newPlan(PLAN));
    if (!created.ok) throw new Error('create failed');
    const w = watchedLive();
    w.open();
    const b = await open(w.load);
    const viewer = await b.openScenario(created.value.id);
    const editor = await a.openScenario(created.value.id);
    if (!viewer.ok || !editor.ok) throw new Error('open failed');
    const arrived = new Promise<string>((resolve) => {
      viewer.value.state.subscribe((plan) => {
        if (plan.region === 'West') resolve(plan.region);
      });
    });
    editor.value.state.apply(region('West'));
    expect(await arrived).to.equal('West');
    expect(w.seen.loads, 'the viewer loaded Yjs to follow').to.equal(1);
  });

  it('prepare() (an editable cell got focus) builds the live state in idle time, so the first edit finds it ready', async () => {
    const w = watchedLive();
    w.open();
    const store = await open(w.load);
    const created = await store.create('Voorbereid', newPlan(PLAN, 'Plan'));
    if (!created.ok) throw new Error('create failed');
    const opened = await store.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    const state = opened.value.state as DeferredPlanState;
    opened.value.prepare();
    opened.value.prepare();
    const end = Date.now() + 5000;
    while (!state.liveState && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(state.liveState, 'live before any edit').not.to.equal(null);
    expect(w.seen.loads).to.equal(1);
    expect(state.canUndo, 'preparing is no edit').to.equal(false);

    state.apply(region('Klaar'));
    expect(state.plan.region).to.equal('Klaar');
    await opened.value.flush();
    const other = await open();
    const stored = await other.readPlan(created.value.id);
    expect(stored.ok && stored.value.region).to.equal('Klaar');
  });
});
