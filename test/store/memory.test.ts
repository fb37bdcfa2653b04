import { expect } from 'chai';
import { openScenarioStore, type ScenarioStore } from '../../src/store/index.ts';
import { newPlan } from '../../src/model/plan.ts';
import { uniqueDbName } from './helpers.ts';

/*
 * `backend: 'memory'`: a host that keeps plans itself (storage="none") gets the same store rules
 * without IndexedDB, without other tabs, and without "unsaved" warnings.
 */
describe('scenario store: backend memory', () => {
  const stores: ScenarioStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });
  const open = async (dbName: string) => {
    const store = await openScenarioStore({ planId: 'p', dbName, backend: 'memory', debounceMs: 5 });
    stores.push(store);
    return store;
  };

  it('keeps scenarios and edits in this store only, writes no database, and reports nothing unsaved', async () => {
    const dbName = uniqueDbName('memory');
    const a = await open(dbName);
    const b = await open(dbName);
    expect(a.mode).to.equal('memory');
    expect(a.error).to.equal(null);
    const created = await a.ensureScenario('Scenario 1', newPlan('p', 'Van de host'));
    if (!created.ok) throw new Error('create failed');
    const live = await a.openScenario(created.value.id);
    if (!live.ok) throw new Error('open failed');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Alleen hier' }]);
    await live.value.flush();
    expect((await a.rename(created.value.id, 'Hernoemd')).ok).to.equal(true);
    const plan = await a.readPlan(created.value.id);
    expect(plan.ok && plan.value.region).to.equal('Alleen hier');
    expect(a.unsaved).to.equal(false);
    expect(await b.list()).to.deep.equal([], 'a second memory store shares nothing');
    const databases = await indexedDB.databases();
    expect(databases.some((d) => d.name === dbName)).to.equal(false);
  });
});
