/*
 * Scenario store: save and load times for scenarios of 100, 1,000 and 5,000 activities, against a
 * plain idb put/get of the same plan as the peer (what a store without Yjs, log or revisions would
 * cost). Saves use strict durability on both sides.
 *   save   = store.create(plan): the plan as the scenario's seed, one transaction | peer: put(plan)
 *   load   = store.openScenario(id): read it; a never-edited scenario opens plain  | peer: get(id)
 *   first  = the first edit, flushed: loads Yjs, builds the live state from the
 *            plan, writes the seed update and the edit to the log               | peer: put(whole plan)
 *   edit   = a later edit, flushed (an append to the log)                        | peer: put(whole plan)
 * A page that only shows a plan never pays `first`; an editor pays it once per opened scenario.
 */
import { openDB } from 'idb';
import { openScenarioStore } from '../../src/store/index.ts';
import type { Plan } from '../../src/model/plan.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

const SIZES = [100, 1000, 5000];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;

async function peer(plan: Plan, runs: number) {
  const name = `rp-bench-peer-${Date.now()}`;
  const db = await openDB(name, 1, { upgrade: (d) => void d.createObjectStore('plans') });
  const save: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < runs; i++) {
    const key = `p${i}`;
    save.push(await time(async () => {
      const tx = db.transaction('plans', 'readwrite', { durability: 'strict' });
      await tx.store.put(plan, key);
      await tx.done;
    }));
    load.push(await time(() => db.get('plans', key)));
  }
  db.close();
  await new Promise((r) => { const q = indexedDB.deleteDatabase(name); q.onsuccess = q.onerror = r; });
  return { save: median(save), load: median(load), first: median(save), edit: median(save) };
}

async function ours(plan: Plan, runs: number) {
  const dbName = `rp-bench-store-${Date.now()}`;
  const store = await openScenarioStore({ planId: 'bench', dbName, debounceMs: 0, broadcast: false });
  const save: number[] = [];
  const load: number[] = [];
  const first: number[] = [];
  const edit: number[] = [];
  for (let i = 0; i < runs; i++) {
    let id = '';
    save.push(await time(async () => {
      const r = await store.create(`S${i}`, plan);
      if (!r.ok) throw new Error(r.error.code);
      id = r.value.id;
    }));
    let opened: Awaited<ReturnType<typeof store.openScenario>> | null = null;
    load.push(await time(async () => {
      opened = await store.openScenario(id);
    }));
    const live = opened!;
    if (!live.ok) throw new Error('open failed');
    const row = live.value.state.plan.activities[0]!;
    const rename = (name: string) => time(async () => {
      live.value.state.apply([{ op: 'update-row', collection: 'activities', id: row.id, patch: { name } }]);
      await live.value.flush();
    });
    first.push(await rename(`${row.name} ${i}`));
    edit.push(await rename(`${row.name} ${i}b`));
    await live.value.close();
  }
  await store.close();
  await new Promise((r) => { const q = indexedDB.deleteDatabase(dbName); q.onsuccess = q.onerror = r; });
  return { save: median(save), load: median(load), first: median(first), edit: median(edit) };
}

export default async function run(): Promise<void> {
  console.log('scenario store vs plain idb put/get of the same plan (median of runs, strict durability)');
  console.log('activities  what   regioplan store      plain idb     ratio');
  for (const size of SIZES) {
    const plan = generatePlan(42, size);
    const runs = size >= 5000 ? 3 : 5;
    // One warm-up of each, so that first-use compilation is not measured.
    await peer(plan, 1);
    await ours(plan, 1);
    const p = await peer(plan, runs);
    const o = await ours(plan, runs);
    for (const what of ['save', 'load', 'first', 'edit'] as const) {
      console.log(`${String(size).padStart(10)}  ${what.padEnd(5)} ${ms(o[what])}  ${ms(p[what])}  ${(o[what] / p[what]).toFixed(2).padStart(6)}×`);
    }
  }
}
