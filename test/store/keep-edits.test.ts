import { expect } from 'chai';
import { openDB } from 'idb';
import { openScenarioStore, type LiveDeps, type OpenScenario, type ScenarioStore } from '../../src/store/index.ts';
import { DB_VERSION, type ScenarioRecord } from '../../src/store/schema.ts';
import { seedUpdate } from '../../src/sync/seed.ts';
import { newPlan, type Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { DeferredPlanState } from '../../src/sync/deferred-state.ts';
import { KEEPER_SLOW_MS } from '../../src/store/scenario-session.ts';
import { deleteDb, gatedLive, uniqueDbName } from './helpers.ts';

/*
 * Building the live (Yjs) state of a large plan takes a while, and it starts at the first edit.
 * A flush meanwhile (the page is hidden or closed, the person switches scenario) must not wait
 * for it: the edits shown are kept in the scenario's record, in one put, and reach the log when
 * the live state is there. A reload at any moment in between shows them.
 */

const PLAN = 'plan-keep';
const region = (value: string): PlanOp[] => [{ op: 'set-field', field: 'region', value }];

/** Resolves to 'done' when `p` settles within `ms`, else to 'waiting'. */
const within = (p: Promise<unknown>, ms: number): Promise<'done' | 'waiting'> =>
  Promise.race([p.then(() => 'done' as const), new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms))]);

describe('scenario store: a flush before the live state is built keeps the edits shown', () => {
  let dbName: string;
  const stores: ScenarioStore[] = [];
  const gates: (() => void)[] = [];
  const open = async (live?: () => Promise<LiveDeps>) => {
    const store = await openScenarioStore({ planId: PLAN, dbName, debounceMs: 10, ...(live ? { live } : {}) });
    stores.push(store);
    return store;
  };
  const rawRecord = async (id: string): Promise<ScenarioRecord | undefined> => {
    const db = await openDB(dbName, DB_VERSION);
    const record = (await db.get('scenarios', id)) as ScenarioRecord | undefined;
    db.close();
    return record;
  };
  const rawUpdates = async (id: string): Promise<number> => {
    const db = await openDB(dbName, DB_VERSION);
    const count = await db.countFromIndex('updates', 'scenarioId', id);
    db.close();
    return count;
  };
  /** A scenario of `plan`, opened in a store whose Yjs side waits until the returned `go()`. */
  const openedGated = async (
    plan: Plan,
  ): Promise<{ store: ScenarioStore; id: string; live: OpenScenario; go: () => void }> => {
    const gate = gatedLive();
    gates.push(gate.open);
    const store = await open(gate.load);
    const created = await store.create('Eerste', plan);
    if (!created.ok) throw new Error('create failed');
    const opened = await store.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    return { store, id: created.value.id, live: opened.value, go: gate.open };
  };

  beforeEach(() => {
    dbName = uniqueDbName('keep');
  });
  afterEach(async () => {
    for (const go of gates.splice(0)) go();
    for (const s of stores.splice(0)) await s.close();
    await deleteDb(dbName);
  });

  it('stores the first edit at once, while the live state is still being built, and a reload shows it', async () => {
    const { id, live, go } = await openedGated(newPlan(PLAN, 'Plan'));
    live.state.apply(region('Noord'));
    expect(await within(live.flush(), 3000), 'flush does not wait for the live state').to.equal('done');

    const reload = await open();
    const read = await reload.readPlan(id);
    expect(read.ok && read.value.region).to.equal('Noord');
    const shown = await reload.openScenario(id);
    if (!shown.ok) throw new Error('reopen failed');
    expect(shown.value.state.plan.region).to.equal('Noord');
    await shown.value.close();

    // The live state arrives: the edit goes to the log, and the kept edits are no longer needed.
    go();
    live.state.apply(region('Zuid'));
    await live.close();
    expect(await rawUpdates(id)).to.be.greaterThan(0);
    const record = await rawRecord(id);
    expect(record?.kept, 'the kept edits go with the seed').to.equal(undefined);
    expect(record?.seedJson).to.equal(undefined);
    const again = await (await open()).readPlan(id);
    expect(again.ok && again.value.region).to.equal('Zuid');
  });

  it('a reload after the log was started on the old seed, but before the edits reached it, shows the edits', async () => {
    // The tab that kept the edits went right after its live state wrote the seed, before the edits.
    const plan = newPlan(PLAN, 'Plan');
    const store = await open();
    const created = await store.create('Eerste', plan);
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    const db = await openDB(dbName, DB_VERSION);
    const record = (await db.get('scenarios', id)) as ScenarioRecord;
    const kept = { by: 'a-tab-that-went', version: 1, edits: [region('Oost')] };
    await db.put('scenarios', { ...record, kept });
    await db.add('updates', { scenarioId: id, data: seedUpdate(plan) });
    db.close();

    const reload = await open();
    const read = await reload.readPlan(id);
    expect(read.ok && read.value.region, 'read').to.equal('Oost');
    const shown = await reload.openScenario(id);
    if (!shown.ok) throw new Error('reopen failed');
    expect(shown.value.state.plan.region, 'opened').to.equal('Oost');
    expect(shown.value.state.canUndo, 'recovered content is no step to undo').to.equal(false);
    await shown.value.close();
    expect((await rawRecord(id))?.kept, 'now in the log').to.equal(undefined);
    const again = await (await open()).readPlan(id);
    expect(again.ok && again.value.region).to.equal('Oost');
  });

  it('a tab that saw kept edits does not write them again over newer edits of the tab that kept them', async () => {
    const a = await openedGated(newPlan(PLAN, 'Plan'));
    a.live.state.apply(region('Noord'));
    await a.live.flush();
    const gate = gatedLive();
    gates.push(gate.open);
    const viewer = await (await open(gate.load)).openScenario(a.id);
    if (!viewer.ok) throw new Error('open failed');
    expect(viewer.value.state.plan.region, 'the kept edit is shown').to.equal('Noord');

    a.go();
    await (a.live.state as DeferredPlanState).settle();
    a.live.state.apply(region('Zuid'));
    await a.live.flush();
    gate.open();
    viewer.value.state.apply([{ op: 'set-field', field: 'collaboration', value: 'Zorgnetwerk' }]);
    await viewer.value.flush();
    await viewer.value.close();
    await a.live.close();
    const read = await (await open()).readPlan(a.id);
    expect(read.ok && [read.value.region, read.value.collaboration]).to.deep.equal(['Zuid', 'Zorgnetwerk']);
  });

  it('a scenario only looked at is not written by a flush', async () => {
    const { id, live } = await openedGated(newPlan(PLAN, 'Plan'));
    const before = await rawRecord(id);
    await live.flush();
    expect(await rawRecord(id)).to.deep.equal(before);
    expect(await rawUpdates(id)).to.equal(0);
  });

  it('two tabs editing before their live states are built: the second waits for the log, and both edits stay', async () => {
    const a = await openedGated(newPlan(PLAN, 'Plan'));
    const gate = gatedLive();
    gates.push(gate.open);
    const b = await (await open(gate.load)).openScenario(a.id);
    if (!b.ok) throw new Error('open failed');
    a.live.state.apply(region('Noord'));
    await a.live.flush();
    b.value.state.apply([{ op: 'set-field', field: 'collaboration', value: 'Zorgnetwerk' }]);
    const flushed = b.value.flush();
    expect(await within(flushed, 300), 'the edits tab a keeps are not written over').to.equal('waiting');
    gate.open();
    await flushed;
    const between = await (await open()).readPlan(a.id);
    expect(between.ok && [between.value.region, between.value.collaboration], 'kept and logged').to.deep.equal([
      'Noord',
      'Zorgnetwerk',
    ]);
    a.go();
    await a.live.close();
    expect((await rawRecord(a.id))?.kept).to.equal(undefined);
    const after = await (await open()).readPlan(a.id);
    expect(after.ok && [after.value.region, after.value.collaboration]).to.deep.equal(['Noord', 'Zorgnetwerk']);
  });

  it('a tab that goes live while another tab’s kept edits wait waits for them, says so, and leaves them kept: they are still stored should that tab crash', async () => {
    const a = await openedGated(newPlan(PLAN, 'Plan'));
    a.live.state.apply(region('Noord'));
    await a.live.flush();
    const viewerStore = await open();
    const errors: string[] = [];
    viewerStore.subscribe((e) => {
      if (e.type === 'error') errors.push(e.error.code);
    });
    const viewer = await viewerStore.openScenario(a.id);
    if (!viewer.ok) throw new Error('open failed');
    viewer.value.prepare(); // an editable cell got focus: the live state is built, and waits
    await new Promise((r) => setTimeout(r, 300));
    expect(viewerStore.unsaved, 'nothing of this tab waits yet').to.equal(false);
    viewer.value.state.apply([{ op: 'set-field', field: 'collaboration', value: 'Zorgnetwerk' }]);
    const flushed = viewer.value.flush();
    expect(await within(flushed, 300), 'the log is read once tab a has written its edits').to.equal('waiting');
    expect(viewerStore.unsaved, 'the edit waits: the page warns before it closes').to.equal(true);
    const rec = await rawRecord(a.id);
    // tab a is still open, its live state not built: if it crashed now, is 'Noord' still stored?
    const read = await (await open()).readPlan(a.id);
    expect([rec?.kept?.version, read.ok && read.value.region]).to.deep.equal([1, 'Noord']);
    await new Promise((r) => setTimeout(r, KEEPER_SLOW_MS + 200));
    expect(errors, 'a wait that lasts is said').to.deep.equal(['other-tab']);
    expect(viewerStore.mode, 'no save failed').to.equal('idb');

    a.go();
    await flushed;
    expect(viewerStore.unsaved).to.equal(false);
    await viewer.value.close();
    const after = await (await open()).readPlan(a.id);
    expect(after.ok && [after.value.region, after.value.collaboration]).to.deep.equal(['Noord', 'Zorgnetwerk']);
  });

  it('two tabs opened after the keeping tab went apply its kept edits once, not once each', async () => {
    const plan = newPlan(PLAN, 'Plan');
    const store = await open();
    const created = await store.create('Eerste', plan);
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    const db = await openDB(dbName, DB_VERSION);
    const record = (await db.get('scenarios', id)) as ScenarioRecord;
    const kept = {
      by: 'a-tab-that-went',
      version: 1,
      edits: [[{ op: 'set-field', field: 'name', value: 'Plan Noord' }] as PlanOp[]],
    };
    await db.put('scenarios', { ...record, kept });
    await db.add('updates', { scenarioId: id, data: seedUpdate(plan) });
    db.close();
    const [x, y] = await Promise.all([(await open()).openScenario(id), (await open()).openScenario(id)]);
    if (!x.ok || !y.ok) throw new Error('open failed');
    await Promise.all([x.value.close(), y.value.close()]);
    const read = await (await open()).readPlan(id);
    expect(read.ok && read.value.name).to.equal('Plan Noord');
  });

  it('a scenario switch (close) while the live state is still built keeps the edits at once', async () => {
    const { store, id, live } = await openedGated(newPlan(PLAN, 'Plan'));
    live.state.apply(region('Noord'));
    void live.close();
    await new Promise((r) => setTimeout(r, 300));
    await store.flush(); // the page is hidden now
    const read = await (await open()).readPlan(id);
    expect(read.ok && read.value.region).to.equal('Noord');
  });
});
