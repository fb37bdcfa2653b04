import { expect } from 'chai';
import { DB_VERSION, openScenarioStore, type ScenarioStore } from '../../src/store/index.ts';
import { newPlan, Plan } from '../../src/model/plan.ts';
import { upgradePlan } from '../../src/model/upgrade.ts';
import { toV1, toV2 } from '../../src/store/migrations.ts';
import { createV1Db, deleteDb, rawOpen, readAll, uniqueDbName } from './helpers.ts';
import { loadV1Fixture, type StoredV1 } from './helpers.ts';

let fixture: StoredV1;
before(async () => {
  fixture = await loadV1Fixture();
});

describe('store migration', () => {
  let dbName: string;
  let store: ScenarioStore | null = null;
  beforeEach(() => {
    dbName = uniqueDbName('migration');
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    await deleteDb(dbName);
  });

  it('opens a v2 database (seeds stored as plan objects) at v3, and writes new seeds as text', async () => {
    const request = indexedDB.open(dbName, 2);
    request.onupgradeneeded = () => {
      toV1(request.result, request.transaction!, 1);
      toV2(request.result, request.transaction!, 1);
    };
    const v2 = await new Promise<IDBDatabase>((resolve) => {
      request.onsuccess = () => resolve(request.result);
    });
    const seed = newPlan('p2', 'Uit versie 2');
    const tx = v2.transaction(['plans', 'scenarios'], 'readwrite');
    tx.objectStore('plans').put({ id: 'p2', name: 'P2', revision: 1, createdAt: 1, updatedAt: 1 });
    tx.objectStore('scenarios').put({
      id: 's-v2',
      planId: 'p2',
      name: 'Oud',
      chosen: false,
      revision: 1,
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null,
      seed,
    });
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    v2.close();

    store = await openScenarioStore({ planId: 'p2', dbName });
    expect(store.mode).to.equal('idb');
    const read = await store.readPlan('s-v2');
    expect(read.ok && read.value).to.deep.equal(seed);
    const created = await store.create('Nieuw', newPlan('p2', 'Uit versie 3'));
    if (!created.ok) throw new Error('create failed');
    const again = await store.openScenario(created.value.id);
    expect(again.ok && again.value.state.plan.name).to.equal('Uit versie 3');

    const raw = await rawOpen(dbName);
    expect(raw.version).to.equal(DB_VERSION);
    const records = (await readAll(raw, 'scenarios')) as { id: string; seed: unknown; seedJson?: unknown }[];
    const written = records.find((r) => r.id === created.value.id)!;
    expect([written.seed, typeof written.seedJson]).to.deep.equal([null, 'string']);
    raw.close();
  });

  it('upgrades the stored v1 fixture to the current version with every scenario and its plan', async () => {
    (await createV1Db(dbName, fixture)).close();
    store = await openScenarioStore({ planId: 'dementie-eindhoven', dbName });
    expect(store.mode).to.equal('idb');
    const list = await store.list();
    expect(list.map((s) => [s.id, s.name, s.revision, s.chosen, s.deletedAt])).to.deep.equal(
      [
        ['scenario-60-25-15', '60/25/15', 1, false, null],
        ['scenario-70-20-10', '70/20/10', 1, false, null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    for (const old of fixture.scenarios) {
      const live = await store.openScenario(old.id);
      if (!live.ok) throw new Error(live.error.code);
      expect(live.value.state.plan).to.deep.equal(Plan.parse(upgradePlan(old.plan)));
      const history = await store.listSnapshots(old.id);
      expect(history).to.have.length(1);
    }
    // Edits after the migration land in the new update log.
    const live = await store.openScenario('scenario-70-20-10');
    if (!live.ok) throw new Error('open failed');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Helmond' }]);
    await store.close();
    store = await openScenarioStore({ planId: 'dementie-eindhoven', dbName });
    const plan = await store.readPlan('scenario-70-20-10');
    expect(plan.ok && plan.value.region).to.equal('Helmond');
    expect(plan.ok && plan.value.defaultSplit).to.deep.equal(fixture.scenarios[0]!.plan.defaultSplit);

    const raw = await rawOpen(dbName);
    expect(raw.version).to.equal(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).to.deep.equal(['plans', 'scenarios', 'snapshots', 'updates']);
    raw.close();
  });

  it('leaves a v1 database untouched when its migration fails, and runs from memory', async () => {
    const broken = {
      plans: fixture.plans,
      scenarios: [...fixture.scenarios, { id: 'broken', planId: 'dementie-eindhoven', name: 'Kapot' }],
    };
    (await createV1Db(dbName, broken)).close();
    store = await openScenarioStore({ planId: 'dementie-eindhoven', dbName });
    expect(store.mode).to.equal('memory');
    expect(store.error?.code).to.equal('migration');
    expect(store.error?.message.en).to.match(/Nothing was changed/);

    const raw = await rawOpen(dbName);
    expect(raw.version).to.equal(1);
    expect([...raw.objectStoreNames].sort()).to.deep.equal(['plans', 'scenarios']);
    expect(await readAll(raw, 'scenarios')).to.deep.equal(
      broken.scenarios.slice().sort((a, b) => a.id.localeCompare(b.id)),
    );
    raw.close();

    // Editing carries on in memory.
    const created = await store.create('Tijdelijk');
    expect(created.ok).to.equal(true);
  });
});
