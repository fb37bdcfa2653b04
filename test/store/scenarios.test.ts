import { expect } from 'chai';
import { openScenarioStore, type ScenarioStore, type StoreEvent } from '../../src/store/index.ts';
import { newPlan } from '../../src/model/plan.ts';
import { deleteDb, nextEvent, uniqueDbName } from './helpers.ts';

const PLAN = 'plan-a';

describe('scenario store', () => {
  let dbName: string;
  const stores: ScenarioStore[] = [];
  const open = async (options: Partial<Parameters<typeof openScenarioStore>[0]> = {}) => {
    const store = await openScenarioStore({ planId: PLAN, dbName, debounceMs: 20, ...options });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dbName = uniqueDbName('scenarios');
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await deleteDb(dbName);
  });

  it('shows an edit after closing and reopening (reload after edit)', async () => {
    const a = await open();
    expect(a.mode).to.equal('idb');
    const created = await a.create('70/20/10', newPlan('plan-a', 'Dementie'));
    expect(created.ok).to.equal(true);
    if (!created.ok) return;
    const opened = await a.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    opened.value.state.apply([{ op: 'set-field', field: 'region', value: 'Zuidoost-Brabant' }]);
    await a.close();

    const b = await open();
    const list = await b.list();
    expect(list.map((s) => s.name)).to.deep.equal(['70/20/10']);
    const again = await b.openScenario(created.value.id);
    if (!again.ok) throw new Error('reopen failed');
    expect(again.value.state.plan.region).to.equal('Zuidoost-Brabant');
    expect(again.value.state.plan.name).to.equal('Dementie');
  });

  it('has an edit stored once rp-saved fired, without any close (crash straight after)', async () => {
    const saves: number[] = [];
    const a = await open({ onSaved: (info) => saves.push(info.updates) });
    const created = await a.create('A');
    if (!created.ok) throw new Error('create failed');
    const opened = await a.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    const saved = nextEvent<StoreEvent>((l) => a.subscribe(l), 'saved');
    // A burst of edits within the debounce is written as one update in one transaction.
    for (const name of ['A', 'AB', 'ABC']) opened.value.state.apply([{ op: 'set-field', field: 'name', value: name }]);
    await saved;
    expect(saves).to.deep.equal([1]);
    expect(a.lastSavedAt).to.be.a('number');

    const b = await open();
    const plan = await b.readPlan(created.value.id);
    expect(plan.ok && plan.value.name).to.equal('ABC');
  });

  it('flushes a pending edit on pagehide before the debounce ends', async () => {
    const a = await open({ debounceMs: 60_000 });
    const created = await a.create('A');
    if (!created.ok) throw new Error('create failed');
    const opened = await a.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    opened.value.state.apply([{ op: 'set-field', field: 'collaboration', value: 'Samen Oud' }]);
    const saved = nextEvent<StoreEvent>((l) => a.subscribe(l), 'saved');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await saved;
    const b = await open();
    const plan = await b.readPlan(created.value.id);
    expect(plan.ok && plan.value.collaboration).to.equal('Samen Oud');
  });

  it('flushes a pending edit when the page becomes hidden', async () => {
    const a = await open({ debounceMs: 60_000 });
    const created = await a.create('A');
    if (!created.ok) throw new Error('create failed');
    const opened = await a.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    opened.value.state.apply([{ op: 'set-field', field: 'region', value: 'Verborgen' }]);
    const saved = nextEvent<StoreEvent>((l) => a.subscribe(l), 'saved');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    await saved;
    const b = await open();
    const plan = await b.readPlan(created.value.id);
    expect(plan.ok && plan.value.region).to.equal('Verborgen');
  });

  it('merges two stores editing one scenario through the log', async () => {
    const a = await open();
    const created = await a.create('Gedeeld');
    if (!created.ok) throw new Error('create failed');
    const b = await open();
    const sa = await a.openScenario(created.value.id);
    const sb = await b.openScenario(created.value.id);
    if (!sa.ok || !sb.ok) throw new Error('open failed');
    sa.value.state.apply([{ op: 'set-field', field: 'region', value: 'Noord' }]);
    sb.value.state.apply([{ op: 'set-field', field: 'collaboration', value: 'Zorgnetwerk' }]);
    await Promise.all([sa.value.flush(), sb.value.flush()]);

    const c = await open();
    const plan = await c.readPlan(created.value.id);
    if (!plan.ok) throw new Error('read failed');
    expect(plan.value.region).to.equal('Noord');
    expect(plan.value.collaboration).to.equal('Zorgnetwerk');
    // Seeded once: the default domains are there once, not twice.
    expect(plan.value.domains.map((d) => d.id)).to.deep.equal(newPlan('x').domains.map((d) => d.id));
  });

  it('shows an edit from another tab live, and a third tab opening later sees it stored', async () => {
    const a = await open();
    const created = await a.create('Live');
    if (!created.ok) throw new Error('create failed');
    const b = await open();
    const sa = await a.openScenario(created.value.id);
    const sb = await b.openScenario(created.value.id);
    if (!sa.ok || !sb.ok) throw new Error('open failed');
    const arrived = new Promise<string>((resolve) => {
      sb.value.state.subscribe((plan, change) => {
        if (change.origin === 'tab') resolve(plan.region);
      });
    });
    sa.value.state.apply([{ op: 'set-field', field: 'region', value: 'Limburg' }]);
    expect(await arrived).to.equal('Limburg');
    await a.flush();
    const c = await open({ broadcast: false });
    const plan = await c.readPlan(created.value.id);
    expect(plan.ok && plan.value.region).to.equal('Limburg');
  });

  it('refuses a rename from a stale tab and tells it in nl and en', async () => {
    const a = await open();
    const created = await a.create('Oud');
    if (!created.ok) throw new Error('create failed');
    const b = await open();
    await b.list();
    const heard = nextEvent<StoreEvent>((l) => b.subscribe(l), 'list');
    expect((await a.rename(created.value.id, 'Nieuw uit A')).ok).to.equal(true);
    const event = await heard;
    expect(event).to.deep.equal({ type: 'list', origin: 'tab' });

    const stale = await b.rename(created.value.id, 'Nieuw uit B');
    expect(stale.ok).to.equal(false);
    if (stale.ok) return;
    expect(stale.error.code).to.equal('stale');
    expect(stale.error.message.nl).to.match(/ander tabblad/);
    expect(stale.error.message.en).to.match(/another tab/);
    expect((await a.list())[0]!.name).to.equal('Nieuw uit A');

    // After refreshing its list the tab may write again.
    await b.list();
    expect((await b.rename(created.value.id, 'Nieuw uit B')).ok).to.equal(true);
    expect((await a.list())[0]!.name).to.equal('Nieuw uit B');
  });

  it('deletes undoably, keeps the last scenario, and marks exactly one as chosen', async () => {
    const a = await open();
    const one = await a.create('Een');
    const two = await a.create('Twee');
    if (!one.ok || !two.ok) throw new Error('create failed');
    expect((await a.markChosen(one.value.id)).ok).to.equal(true);
    expect((await a.markChosen(two.value.id)).ok).to.equal(true);
    expect((await a.list()).map((s) => [s.name, s.chosen])).to.deep.equal([
      ['Een', false],
      ['Twee', true],
    ]);

    expect((await a.remove(one.value.id)).ok).to.equal(true);
    expect((await a.list()).map((s) => s.name)).to.deep.equal(['Twee']);
    const last = await a.remove(two.value.id);
    expect(!last.ok && last.error.code).to.equal('last-scenario');

    expect((await a.restore(one.value.id)).ok).to.equal(true);
    expect((await a.list()).map((s) => s.name)).to.deep.equal(['Een', 'Twee']);
    const bad = await a.rename(one.value.id, '   ');
    expect(!bad.ok && bad.error.code).to.equal('name-invalid');
  });

  it('duplicates a scenario with its current content, independent afterwards', async () => {
    const a = await open();
    const created = await a.create('Basis');
    if (!created.ok) throw new Error('create failed');
    const live = await a.openScenario(created.value.id);
    if (!live.ok) throw new Error('open failed');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'West' }]);
    const copy = await a.duplicate(created.value.id);
    if (!copy.ok) throw new Error('duplicate failed');
    expect(copy.value.name).to.equal('Basis (kopie)');
    const copyLive = await a.openScenario(copy.value.id);
    if (!copyLive.ok) throw new Error('open copy failed');
    expect(copyLive.value.state.plan.region).to.equal('West');
    copyLive.value.state.apply([{ op: 'set-field', field: 'region', value: 'Oost' }]);
    await a.flush();
    const original = await a.readPlan(created.value.id);
    expect(original.ok && original.value.region).to.equal('West');
  });

  it('restores a snapshot as one undoable edit and keeps the state before it', async () => {
    const a = await open();
    const plan = newPlan('plan-a', 'Met split');
    plan.defaultSplit = {
      domains: [
        { domainId: 'zvw', percent: '70' },
        { domainId: 'wmo', percent: '30' },
      ],
      sectors: [],
    };
    const created = await a.create('S', plan);
    if (!created.ok) throw new Error('create failed');
    const live = await a.openScenario(created.value.id);
    if (!live.ok) throw new Error('open failed');
    const snap = await a.saveSnapshot(created.value.id, 'Workshop 1');
    if (!snap.ok) throw new Error('snapshot failed');
    const kept = structuredClone(live.value.state.plan);

    live.value.state.apply([
      { op: 'set-field', field: 'name', value: 'Later' },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '60' },
      { op: 'set-split', rowId: 'default', domainId: 'jw', sectorId: null, percent: '10' },
    ]);
    const edited = structuredClone(live.value.state.plan);
    const restored = await a.restoreSnapshot(snap.value.id);
    expect(restored.ok).to.equal(true);
    expect(live.value.state.plan).to.deep.equal(kept);

    const history = await a.listSnapshots(created.value.id);
    expect(history.map((h) => h.label)).to.deep.equal(['Vóór terugzetten van “Workshop 1”', 'Workshop 1']);
    live.value.state.undo();
    expect(live.value.state.plan).to.deep.equal(edited);
  });
});
