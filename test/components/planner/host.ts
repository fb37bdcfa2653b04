import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { PlanOp } from '../../../src/model/ops.ts';
import { $ } from './dom.ts';

/* What the planner tests about a host's plan share: waiting, fresh databases, edits, a slow store. */

export const until = async (check: () => boolean, what: string, ms = 10_000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dbCount = 0;
export const freshDb = () => `rp-planner-host-${Date.now()}-${dbCount++}-${Math.random().toString(36).slice(2, 7)}`;

/** An edit as the sections send it (the forms and grids emit rp-edit with plan operations). */
export function edit(p: RpPlanner, ops: PlanOp[]): void {
  $(p, 'rp-plan-details').dispatchEvent(new CustomEvent('rp-edit', { detail: { ops }, bubbles: true, composed: true }));
}
export const rename = (name: string): PlanOp[] => [{ op: 'set-field', field: 'name', value: name }];

/** Whether a database of that name exists (a store was ever opened on it). */
export async function dbExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === name);
}

/**
 * Makes the store of an existing database slow: a read-write transaction over every object store is
 * kept busy for `ms`, so the planner's first read of its scenarios waits behind it (as behind a
 * slow disk or another tab's long write).
 */
export async function holdDb(name: string, ms: number): Promise<() => Promise<void>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readwrite');
  const store = tx.objectStore(names[0]!);
  const end = performance.now() + ms;
  // Each request keeps the transaction alive; the next is issued from its callback until the time is up.
  const spin = (): void => {
    if (performance.now() < end) store.count().onsuccess = spin;
  };
  spin();
  const done = new Promise<void>((resolve) => {
    tx.oncomplete =
      tx.onabort =
      tx.onerror =
        () => {
          db.close();
          resolve();
        };
  });
  return () => done;
}

/** The scenarios stored for a plan, read without a planner. */
export async function storedScenarios(dbName: string, planId: string): Promise<number> {
  if (!(await dbExists(dbName))) return 0;
  const { openScenarioStore } = await import('../../../src/store/index.ts');
  const store = await openScenarioStore({ planId, dbName, broadcast: false });
  const n = (await store.list()).length;
  await store.close();
  return n;
}
