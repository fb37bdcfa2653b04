import { expect } from 'chai';
import { openDB } from 'idb';
import { openScenarioStore, type LiveDeps, type OpenScenario, type ScenarioStore } from '../../src/store/index.ts';
import { yjsLive } from '../../src/store/live.ts';
import { DB_VERSION, type ScenarioRecord } from '../../src/store/schema.ts';
import { seedUpdate } from '../../src/sync/seed.ts';
import type { YPlanState } from '../../src/sync/plan-state.ts';
import { newPlan, type Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { DeferredPlanState } from '../../src/sync/deferred-state.ts';
import { activity, rng } from '../sync/helpers.ts';
import { deleteDb, gatedLive, uniqueDbName } from './helpers.ts';

/*
 * Two tabs of one scenario, while one of them keeps its edits in the scenario's record (its live
 * state is still being built: keep-edits.test.ts). What a planner with both tabs open expects:
 * nothing typed in either tab is lost, no text is doubled, and both tabs end up showing the same plan.
 */

const PLAN = 'plan-kept-tabs';
const field = (f: 'region' | 'collaboration' | 'name', value: string): PlanOp => ({ op: 'set-field', field: f, value });
const rename = (id: string, name: string): PlanOp => ({
  op: 'update-row',
  collection: 'activities',
  id,
  patch: { name },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a person compares: the plan's texts and its activities' names, in order. */
const seen = (plan: Plan) => ({
  name: plan.name,
  region: plan.region,
  collaboration: plan.collaboration,
  activities: plan.activities.map((a) => `${a.id}:${a.name}`),
});

/** Waits (up to `ms`) until `check` holds; returns whether it did. */
async function until(check: () => boolean | Promise<boolean>, ms = 4000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) return false;
    await sleep(20);
  }
  return true;
}

/**
 * A tab that keeps edits and then crashes: a frame holds the keeper's lock (keeper-lock.ts) until
 * it is removed, when the browser lets go of it as it does for a tab that is gone.
 */
async function crashingTab(by: string): Promise<{ crash: () => void }> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const locks = frame.contentWindow!.navigator.locks;
  await new Promise<void>((held) => {
    void locks.request(`regioplan-kept:${by}`, () => {
      held();
      return new Promise<void>(() => {});
    });
  });
  return { crash: () => frame.remove() };
}

describe('scenario store: two tabs while one keeps its edits beside the log', () => {
  let dbName: string;
  const stores: ScenarioStore[] = [];
  const gates: (() => void)[] = [];
  const open = async (live?: () => Promise<LiveDeps>) => {
    const store = await openScenarioStore({ planId: PLAN, dbName, debounceMs: 10, ...(live ? { live } : {}) });
    stores.push(store);
    return store;
  };
  /** A tab: a store whose Yjs side waits until `go()`, with the scenario open. */
  const tab = async (id: string): Promise<{ store: ScenarioStore; s: OpenScenario; go: () => void }> => {
    const gate = gatedLive();
    gates.push(gate.open);
    const store = await open(gate.load);
    const opened = await store.openScenario(id);
    if (!opened.ok) throw new Error('open failed');
    return { store, s: opened.value, go: gate.open };
  };
  const created = async (plan: Plan): Promise<string> => {
    const made = await (await open()).create('Eerste', plan);
    if (!made.ok) throw new Error('create failed');
    return made.value.id;
  };
  const stored = async (id: string): Promise<Plan> => {
    const read = await (await open()).readPlan(id);
    if (!read.ok) throw new Error('read failed');
    return read.value;
  };

  beforeEach(() => {
    dbName = uniqueDbName('kept-tabs');
  });
  afterEach(async () => {
    for (const go of gates.splice(0)) go();
    for (const s of stores.splice(0)) await s.close();
    await deleteDb(dbName);
  });

  it('a tab that shows another open tab’s kept edits keeps them, and its own edits on them, when it goes live first', async () => {
    const id = await created(newPlan(PLAN, 'Plan'));
    const a = await tab(id);
    a.s.state.apply([field('region', 'Noord'), { op: 'insert-row', collection: 'activities', row: activity('act-a') }]);
    await a.s.flush(); // kept in the record: tab a's live state is still being built

    const b = await tab(id);
    expect(seen(b.s.state.plan), 'tab b shows tab a’s kept edits').to.deep.include({
      region: 'Noord',
      activities: ['act-a:Activiteit act-a'],
    });
    b.s.state.apply([field('region', 'Noord-West')]);
    b.s.state.apply([rename('act-a', 'Huisbezoek'), field('collaboration', 'Zorgnetwerk')]);
    const shown = seen(b.s.state.plan);

    b.go(); // tab b's live state is built before tab a's
    await sleep(400);
    expect(seen(b.s.state.plan), 'what tab b shows does not jump back').to.deep.equal(shown);

    a.go();
    await (a.s.state as DeferredPlanState).settle();
    await (b.s.state as DeferredPlanState).settle();
    const same = await until(() => JSON.stringify(seen(a.s.state.plan)) === JSON.stringify(seen(b.s.state.plan)));
    expect(same, 'both tabs show the same plan').to.equal(true);
    expect(seen(b.s.state.plan)).to.deep.equal(shown);
    await b.s.close();
    await a.s.close();
    expect(seen(await stored(id)), 'stored').to.deep.equal(shown);
  });

  it('edits typed in the waiting tab are stored once the keeping tab’s edits are in the log', async () => {
    const id = await created(newPlan(PLAN, 'Plan'));
    const a = await tab(id);
    a.s.state.apply([field('name', 'Plan Noord')]);
    await a.s.flush();
    const b = await tab(id);
    b.s.state.apply([field('name', 'Plan Noord en Oost')]);
    b.go();
    const flushed = b.s.flush();
    await sleep(200);
    a.go();
    await flushed;
    await a.s.flush();
    expect((await stored(id)).name, 'no text doubled, none lost').to.equal('Plan Noord en Oost');
    await Promise.all([a.s.close(), b.s.close()]);
    expect((await stored(id)).name).to.equal('Plan Noord en Oost');
  });

  /** Edits a tab kept beside the log of scenario `id` (and, with `seed`, a log it started on the seed). */
  const keptBy = async (id: string, by: string, edits: PlanOp[][], seed?: Plan): Promise<void> => {
    const db = await openDB(dbName, DB_VERSION);
    const record = (await db.get('scenarios', id)) as ScenarioRecord;
    await db.put('scenarios', { ...record, kept: { by, version: 1, edits } });
    if (seed) await db.add('updates', { scenarioId: id, data: seedUpdate(seed) });
    db.close();
  };
  const keptLeft = async (id: string): Promise<unknown> => {
    const db = await openDB(dbName, DB_VERSION);
    const record = (await db.get('scenarios', id)) as ScenarioRecord;
    db.close();
    return record.kept;
  };
  const crashedEdits = (): PlanOp[][] => [
    [field('name', 'Plan Noord')],
    [{ op: 'insert-row', collection: 'activities', row: activity('act-x') }],
  ];

  it('two tabs that show the kept edits of a tab that then crashes take them in once, with their own edits on top', async () => {
    const plan = newPlan(PLAN, 'Plan');
    const id = await created(plan);
    const keeper = await crashingTab('crashing-tab');
    await keptBy(id, 'crashing-tab', crashedEdits());
    const b = await tab(id);
    const c = await tab(id);
    expect(seen(b.s.state.plan)).to.deep.include({ name: 'Plan Noord', activities: ['act-x:Activiteit act-x'] });
    b.s.state.apply([field('name', 'Plan Noord en Zuid')]);
    b.s.state.apply([rename('act-x', 'Huisbezoek')]);
    c.s.state.apply([field('collaboration', 'Zorgnetwerk')]);
    b.go();
    c.go();
    await sleep(300);
    expect(seen(b.s.state.plan).activities, 'tab b waits, showing what it showed').to.deep.equal(['act-x:Huisbezoek']);
    keeper.crash();
    await (b.s.state as DeferredPlanState).settle();
    await (c.s.state as DeferredPlanState).settle();
    const expected = {
      name: 'Plan Noord en Zuid',
      region: '',
      collaboration: 'Zorgnetwerk',
      activities: ['act-x:Huisbezoek'],
    };
    expect(
      await until(() => JSON.stringify(seen(b.s.state.plan)) === JSON.stringify(seen(c.s.state.plan))),
      'both tabs show the same plan',
    ).to.equal(true);
    expect(seen(b.s.state.plan)).to.deep.equal(expected);
    await Promise.all([b.s.close(), c.s.close()]);
    expect(seen(await stored(id)), 'stored').to.deep.equal(expected);
    expect(await keptLeft(id), 'in the log now').to.equal(undefined);
  });

  it('tabs that opened the started log while its kept edits waited take them in once when the keeping tab crashes', async () => {
    const plan = newPlan(PLAN, 'Plan');
    const id = await created(plan);
    const keeper = await crashingTab('crashing-tab');
    await keptBy(id, 'crashing-tab', crashedEdits(), plan);
    const b = await open();
    const c = await open();
    const [x, y] = await Promise.all([b.openScenario(id), c.openScenario(id)]);
    if (!x.ok || !y.ok) throw new Error('open failed');
    x.value.state.apply([field('collaboration', 'Zorgnetwerk')]);
    keeper.crash();
    const expected = {
      name: 'Plan Noord',
      region: '',
      collaboration: 'Zorgnetwerk',
      activities: ['act-x:Activiteit act-x'],
    };
    expect(
      await until(
        () =>
          JSON.stringify(seen(x.value.state.plan)) === JSON.stringify(expected) &&
          JSON.stringify(seen(y.value.state.plan)) === JSON.stringify(expected),
      ),
      `both tabs show the crashed tab’s edits once (${JSON.stringify([seen(x.value.state.plan), seen(y.value.state.plan)])})`,
    ).to.equal(true);
    await Promise.all([x.value.close(), y.value.close()]);
    expect(seen(await stored(id)), 'stored').to.deep.equal(expected);
    expect(await keptLeft(id), 'in the log now').to.equal(undefined);
  });

  it('a tab that went after its log was started does not have its kept edits overwrite later edits of the same field', async () => {
    const plan = newPlan(PLAN, 'Plan');
    const id = await created(plan);
    // Tab x kept two edits and went (crashed) after the log was started; a later edit in the log
    // (a tab that opened the started log) changed one of the same fields.
    const seed = seedUpdate(plan);
    const later = yjsLive.stateFromUpdates([seed], newPlan(PLAN)) as YPlanState;
    const updates: Uint8Array[] = [];
    later.onUpdate((u) => updates.push(u));
    later.apply([field('region', 'Zuid')]);
    later.destroy();
    const db = await openDB(dbName, DB_VERSION);
    const record = (await db.get('scenarios', id)) as ScenarioRecord;
    const kept = {
      by: 'a-tab-that-went',
      version: 1,
      edits: [[field('region', 'Noord')], [field('collaboration', 'Zorg')]],
    };
    await db.put('scenarios', { ...record, kept });
    await db.add('updates', { scenarioId: id, data: seed });
    for (const data of updates) await db.add('updates', { scenarioId: id, data });
    db.close();

    const read = await stored(id);
    expect([read.region, read.collaboration], 'read').to.deep.equal(['Zuid', 'Zorg']);
    const opened = await (await open()).openScenario(id);
    if (!opened.ok) throw new Error('open failed');
    expect([opened.value.state.plan.region, opened.value.state.plan.collaboration], 'opened').to.deep.equal([
      'Zuid',
      'Zorg',
    ]);
    await opened.value.close();
    const again = await stored(id);
    expect([again.region, again.collaboration], 'stored').to.deep.equal(['Zuid', 'Zorg']);
  });
  it('a crashed tab’s kept edits another tab got from it over the tab channel are stored, not dropped', async () => {
    const plan = newPlan(PLAN, 'Plan');
    const id = await created(plan);
    const keeper = await crashingTab('crashing-tab');
    await keptBy(id, 'crashing-tab', crashedEdits(), plan);
    const b = await open();
    const x = await b.openScenario(id);
    if (!x.ok) throw new Error('open failed');
    const live = x.value.state as unknown as YPlanState;
    await sleep(100);
    // The keeping tab's live state replayed its kept edits and sent them over the tab channel; it
    // crashes before its debounced write.
    const other = yjsLive.stateFromUpdates([live.encodeState()], newPlan(PLAN)) as YPlanState;
    other.onUpdate((u, origin) => {
      if (origin === 'local') live.applyUpdate(u, 'tab');
    });
    for (const batch of crashedEdits()) other.apply(batch);
    expect(live.plan.name).to.equal('Plan Noord');
    keeper.crash();
    await sleep(800);
    await x.value.close();
    other.destroy();
    expect(seen(await stored(id)).name, 'stored').to.equal('Plan Noord');
  });

  it('a tab that finds a gone tab’s kept edits all changed since in the log lets go of them at once', async () => {
    const plan = newPlan(PLAN, 'Plan');
    const id = await created(plan);
    const keeper = await crashingTab('crashing-tab');
    await keptBy(id, 'crashing-tab', [[field('name', 'Plan Noord')]], plan);
    // A later edit of the same field in the log.
    const later = yjsLive.stateFromUpdates([seedUpdate(plan)], newPlan(PLAN)) as YPlanState;
    const sv = later.encodeStateVector();
    later.apply([field('name', 'Plan Zuid')]);
    const db = await openDB(dbName, DB_VERSION);
    await db.add('updates', { scenarioId: id, data: later.encodeDiff(sv) });
    db.close();
    later.destroy();
    keeper.crash();
    await sleep(100);
    const x = await (await open()).openScenario(id);
    if (!x.ok) throw new Error('open failed');
    // Only looked at: nothing else will be written, yet the kept edits and the lock are let go.
    expect(await until(async () => (await keptLeft(id)) === undefined, 3000), 'kept edits cleared').to.equal(true);
    const locks = await navigator.locks.query();
    expect((locks.held ?? []).map((l) => l.name).filter((n) => n?.includes('crashing-tab'))).to.deep.equal([]);
    expect(x.value.state.plan.name).to.equal('Plan Zuid');
    await x.value.close();
  });

  it('random interleavings of two tabs’ edits, flushes and live states lose nothing and double nothing', async function () {
    this.timeout(60_000);
    for (let run = 0; run < 10; run++) {
      const seed = 1000 + run;
      const r = rng(seed);
      const id = await created({ ...newPlan(PLAN, 'Plan'), activities: [activity('act-0')] });
      const a = await tab(id);
      let b: Awaited<ReturnType<typeof tab>> | null = null;
      // Tab a edits the region and inserts rows; tab b edits the collaboration and renames rows.
      const want = { region: '', collaboration: '', names: new Map<string, string>([['act-0', 'Activiteit act-0']]) };
      const flushes: Promise<void>[] = [];
      const steps: string[] = [];
      let rows = 0;
      let bLive = false;
      const bSaw = new Set<string>();
      const bNamed = new Map<string, string>();
      for (let step = 0; step < 16; step++) {
        // Tab a edits first (and mostly keeps its edits: a flush), then tab b opens.
        const opens = step === 5 && !b;
        const flushA = (step === 4 && r() < 0.8) || (step < 5 && Math.floor(r() * 10) === 4);
        const pick = opens ? 4 : flushA ? 3 : step < 5 ? Math.floor(r() * 3) : Math.floor(r() * 10);
        if (pick <= 1) {
          const value = `Regio ${step}`;
          a.s.state.apply([field('region', value)]);
          want.region = value;
          steps.push(`a region ${value}`);
        } else if (pick === 2 || (pick >= 5 && pick <= 6 && !b)) {
          const row = `act-${++rows}`;
          a.s.state.apply([{ op: 'insert-row', collection: 'activities', row: activity(row) }]);
          want.names.set(row, `Activiteit ${row}`);
          steps.push(`a insert ${row}`);
        } else if (pick === 3) {
          flushes.push(a.s.flush());
          steps.push('a flush');
        } else if (pick === 4 && !b) {
          // A scenario whose log has started opens live: tab b's Yjs side is needed at once.
          const opening = tab(id);
          const opened = await Promise.race([opening, sleep(300).then(() => null)]);
          if (!opened) {
            gates.at(-1)!();
            bLive = true;
          }
          b = opened ?? (await opening);
          steps.push(opened ? 'b opens' : 'b opens live');
        } else if (b && pick >= 4 && pick <= 7) {
          const shown = b.s.state.plan.activities;
          const target = shown[Math.floor(r() * shown.length)];
          if (r() < 0.4 || !target) {
            const value = `Netwerk ${step}`;
            b.s.state.apply([field('collaboration', value)]);
            want.collaboration = value;
            steps.push(`b collaboration ${value}`);
          } else {
            const name = `Naam ${step}`;
            b.s.state.apply([rename(target.id, name)]);
            want.names.set(target.id, name);
            bNamed.set(target.id, name);
            steps.push(`b rename ${target.id} ${name}`);
          }
          if (r() < 0.3) {
            flushes.push(b.s.flush());
            steps.push('b flush');
          }
        } else if (b && !bLive && pick >= 8) {
          b.go();
          bLive = true;
          steps.push('b live');
        } else if (step > 10 && pick >= 8) {
          a.go();
          steps.push('a live');
        }
        await sleep(Math.floor(r() * 40));
        if (!b) continue;
        // Nothing tab b showed goes away, and what was typed there stays (nobody removes rows here).
        const shownNow = new Map(b.s.state.plan.activities.map((x) => [x.id, x.name]));
        for (const row of bSaw)
          expect(shownNow.has(row), `tab b still shows ${row} (seed ${seed}: ${steps.join('; ')})`).to.equal(true);
        for (const [row, name] of bNamed) expect(shownNow.get(row), `seed ${seed}: ${steps.join('; ')}`).to.equal(name);
        for (const row of shownNow.keys()) bSaw.add(row);
      }
      a.go();
      b?.go();
      await Promise.all(flushes);
      const tabs = b ? [a, b] : [a];
      for (const t of tabs) await (t.s.state as Partial<DeferredPlanState>).settle?.();
      const story = `seed ${seed}: ${steps.join('; ')}`;
      const expected = {
        name: 'Plan',
        region: want.region,
        collaboration: want.collaboration,
        activities: [...want.names].map(([row, name]) => `${row}:${name}`),
      };
      if (b) {
        const other = b;
        const same = await until(
          () => JSON.stringify(seen(a.s.state.plan)) === JSON.stringify(seen(other.s.state.plan)),
        );
        expect(same, `both tabs show the same plan (${story})`).to.equal(true);
      }
      expect(seen(a.s.state.plan), story).to.deep.equal(expected);
      for (const t of tabs) await t.s.close();
      expect(seen(await stored(id)), `stored (${story})`).to.deep.equal(expected);
    }
  });
});
