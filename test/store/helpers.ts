import { toV1 } from '../../src/store/migrations.ts';
import type { PlanRecordV1, ScenarioRecordV1 } from '../../src/store/schema.ts';
import type { LiveDeps } from '../../src/store/index.ts';
import { yjsLive } from '../../src/store/live.ts';

/** The real Yjs side of a store, held back until `open()` (a live state still being built). */
export function gatedLive(): { load: () => Promise<LiveDeps>; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  const load = async (): Promise<LiveDeps> => {
    await gate;
    return yjsLive;
  };
  return { load, open };
}

let counter = 0;
/** A database name no other test uses. */
export const uniqueDbName = (label: string): string =>
  `rp-test-${label}-${Date.now()}-${counter++}-${Math.random().toString(36).slice(2)}`;

export function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

const done = (request: IDBRequest | IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve();
      request.onerror = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }
  });

export interface V1Fixture {
  plans: PlanRecordV1[];
  scenarios: ScenarioRecordV1[];
}

/** Writes a version-1 database exactly as v1 code did: v1 schema, then the records. */
export async function createV1Db(
  name: string,
  fixture: { plans: unknown[]; scenarios: unknown[] },
): Promise<IDBDatabase> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => toV1(request.result, request.transaction!, Date.now());
  await done(request);
  const db = request.result;
  const tx = db.transaction(['plans', 'scenarios'], 'readwrite');
  for (const p of fixture.plans) tx.objectStore('plans').put(p);
  for (const s of fixture.scenarios) tx.objectStore('scenarios').put(s);
  await done(tx);
  return db;
}

/** Opens whatever version exists, without upgrading. */
export async function rawOpen(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name);
  await done(request);
  return request.result;
}

export async function readAll(db: IDBDatabase, store: string): Promise<unknown[]> {
  const request = db.transaction(store).objectStore(store).getAll();
  await done(request);
  return request.result as unknown[];
}

/** Resolves on the next event of the given type from a store subscription. */
export function nextEvent<T extends { type: string }>(
  subscribe: (l: (e: T) => void) => () => void,
  type: T['type'],
): Promise<T> {
  return new Promise((resolve) => {
    const stop = subscribe((e) => {
      if (e.type === type) {
        stop();
        resolve(e);
      }
    });
  });
}

/** Replaces a prototype method for the duration of a test; returns the undo. */
export function stub<T extends object, K extends keyof T>(target: T, key: K, replacement: T[K]): () => void {
  const original = target[key];
  target[key] = replacement;
  return () => {
    target[key] = original;
  };
}

export const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

export interface StoredV1 {
  description: string;
  version: 1;
  plans: PlanRecordV1[];
  scenarios: ScenarioRecordV1[];
}

/** The stored v1 database dump (test/fixtures/store/v1.json), read as a file. */
export async function loadV1Fixture(): Promise<StoredV1> {
  const response = await fetch(new URL('../fixtures/store/v1.json', import.meta.url));
  return (await response.json()) as StoredV1;
}
