import { expect } from 'chai';
import { openScenarioStore, type LiveDeps, type ScenarioStore } from '../../src/store/index.ts';
import { yjsLive } from '../../src/store/live.ts';
import { newPlan, type Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import { deleteDb, uniqueDbName } from './helpers.ts';

/*
 * ScenarioStore.prepare(plan): a person is about to edit a plan that has no stored scenario yet.
 * Its live state is built in idle time, and the scenario created from that plan takes it over at
 * its first edit, joining the preparation wherever it is: one state is built, never two, and the
 * edit is kept whichever comes first.
 */

const PLAN = 'plan-prepared';
const region = (value: string): PlanOp[] => [{ op: 'set-field', field: 'region', value }];

/** The real Yjs side, counting the live states it seeds (held until `release()`) and destroys. */
function countedLive() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const seen = { built: 0, destroyed: 0 };
  const deps: LiveDeps = {
    ...yjsLive,
    seededStateInSteps: async (plan: Plan) => {
      seen.built++;
      await gate;
      const seeded = await yjsLive.seededStateInSteps!(plan);
      const destroy = seeded.state.destroy.bind(seeded.state);
      seeded.state.destroy = () => {
        seen.destroyed++;
        destroy();
      };
      return seeded;
    },
  };
  return { load: () => Promise.resolve(deps), release, seen };
}

describe('scenario store: a live state prepared before the first scenario exists', () => {
  let dbName: string;
  const stores: ScenarioStore[] = [];
  const open = async (live?: () => Promise<LiveDeps>) => {
    const store = await openScenarioStore({ planId: PLAN, dbName, debounceMs: 10, ...(live ? { live } : {}) });
    stores.push(store);
    return store;
  };
  const firstEdit = async (store: ScenarioStore, plan: Plan, value: string) => {
    const created = await store.create('Eerste', plan);
    if (!created.ok) throw new Error('create failed');
    const opened = await store.openScenario(created.value.id);
    if (!opened.ok) throw new Error('open failed');
    opened.value.state.apply(region(value));
    expect(opened.value.state.plan.region, 'shown at once').to.equal(value);
    return { id: created.value.id, opened: opened.value };
  };
  const stored = async (id: string) => {
    const read = await (await open()).readPlan(id);
    return read.ok ? read.value.region : null;
  };

  beforeEach(() => {
    dbName = uniqueDbName('prepared');
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await deleteDb(dbName);
  });

  it('a first edit made while the preparation is under way joins it: one state built, the edit stored', async () => {
    const live = countedLive();
    const store = await open(live.load);
    const plan = newPlan(PLAN, 'Nog niet opgeslagen');
    const prepared = store.prepare(plan);
    await new Promise((r) => setTimeout(r, 50));
    expect(live.seen.built, 'under way').to.equal(1);
    const { id, opened } = await firstEdit(store, plan, 'Noord');
    const flushed = opened.flush();
    live.release();
    await Promise.all([prepared, flushed]);
    expect(live.seen.built, 'the edit joined the preparation').to.equal(1);
    expect(opened.state.plan.region).to.equal('Noord');
    expect(await stored(id)).to.equal('Noord');
    opened.state.undo();
    expect(opened.state.plan.region, 'the edit is one undo step').to.equal('');
  });

  it('a first edit made before the preparation started joins it too', async () => {
    const live = countedLive();
    const store = await open(live.load);
    const plan = newPlan(PLAN);
    const prepared = store.prepare(plan);
    const { id, opened } = await firstEdit(store, plan, 'Zuid');
    live.release();
    await opened.flush();
    await prepared;
    expect(live.seen.built).to.equal(1);
    expect(await stored(id)).to.equal('Zuid');
  });

  it('a preparation done before the scenario is created is taken over: the first edit builds nothing', async () => {
    const live = countedLive();
    live.release();
    const store = await open(live.load);
    const plan = newPlan(PLAN);
    await store.prepare(plan);
    const { id, opened } = await firstEdit(store, plan, 'Oost');
    await opened.flush();
    expect(live.seen.built).to.equal(1);
    expect(live.seen.destroyed).to.equal(0);
    expect(await stored(id)).to.equal('Oost');
  });

  it('a scenario created from another plan builds its own; the unused preparation is destroyed with the store', async () => {
    const live = countedLive();
    live.release();
    const store = await open(live.load);
    const plan = newPlan(PLAN, 'Voorbereid');
    await store.prepare(plan);
    const { id, opened } = await firstEdit(store, newPlan(PLAN, 'Een ander'), 'West');
    await opened.flush();
    expect(live.seen.built).to.equal(2);
    expect((await store.readPlan(id)).ok && opened.state.plan.name).to.equal('Een ander');
    expect(await stored(id)).to.equal('West');
    await store.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(live.seen.destroyed, 'the closed scenario and the unused preparation').to.equal(2);
  });
});
