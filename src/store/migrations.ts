import { storeUi } from '../i18n/store.ts';
import type { PlanRecord, PlanRecordV1, ScenarioRecord, ScenarioRecordV1, SnapshotRecord } from './schema.ts';

/*
 * Explicit migrations, one function per version step, run inside the versionchange transaction.
 * They use only that transaction's own requests (no other awaits), and any error aborts it, so a
 * failed migration leaves the database at its old version with its data untouched.
 */

export type Migration = (db: IDBDatabase, tx: IDBTransaction, now: number) => void;

/** v0 → v1: the first schema. A scenario held its plan inline. */
export const toV1: Migration = (db) => {
  db.createObjectStore('plans', { keyPath: 'id' });
  const scenarios = db.createObjectStore('scenarios', { keyPath: 'id' });
  scenarios.createIndex('planId', 'planId');
};

/** Thrown inside an upgrade; the transaction aborts and the old version stays. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

const isString = (v: unknown): v is string => typeof v === 'string';

function checkV1Scenario(value: unknown): asserts value is ScenarioRecordV1 {
  const v = value as Partial<ScenarioRecordV1> | null;
  if (!v || !isString(v.id) || !isString(v.planId) || !isString(v.name))
    throw new MigrationError('v1 scenario without id/planId/name');
  const plan = v.plan as { formatVersion?: unknown } | undefined;
  if (!plan || typeof plan !== 'object' || plan.formatVersion !== 1)
    throw new MigrationError(`v1 scenario ${v.id} has no plan`);
}

const failures = new WeakMap<IDBTransaction, unknown>();

/** Why a versionchange transaction was aborted by a migration step, if it was. */
export const migrationFailure = (tx: IDBTransaction): unknown => failures.get(tx);

/**
 * Walks a store with a cursor, replacing each value. The callback runs inside the request's event,
 * later than `migrate` returns, so its failure is recorded and aborts the transaction from there.
 */
function rewrite(tx: IDBTransaction, storeName: string, map: (value: unknown) => unknown): void {
  const request = tx.objectStore(storeName).openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (!cursor) return;
    try {
      cursor.update(map(cursor.value));
      cursor.continue();
    } catch (e) {
      failures.set(tx, e);
      tx.abort();
    }
  };
}

/**
 * v1 → v2: scenario records gain revision, timestamps, soft delete and a chosen flag; the inline plan
 * becomes the seed of the scenario's Yjs log and its first snapshot; plans gain revision/timestamps.
 */
export const toV2: Migration = (db, tx, now) => {
  const updates = db.createObjectStore('updates', { keyPath: 'seq', autoIncrement: true });
  updates.createIndex('scenarioId', 'scenarioId');
  const snapshots = db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
  snapshots.createIndex('byScenario', ['scenarioId', 'createdAt']);

  rewrite(tx, 'plans', (value) => {
    const v = value as Partial<PlanRecordV1> | null;
    if (!v || !isString(v.id) || !isString(v.name)) throw new MigrationError('v1 plan without id/name');
    const next: PlanRecord = { id: v.id, name: v.name, revision: 1, createdAt: now, updatedAt: now };
    return next;
  });
  rewrite(tx, 'scenarios', (value) => {
    checkV1Scenario(value);
    const next: ScenarioRecord = {
      id: value.id,
      planId: value.planId,
      name: value.name,
      chosen: false,
      revision: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      seed: value.plan,
    };
    const snapshot: SnapshotRecord = {
      scenarioId: value.id,
      label: storeUi['store.migratedLabel'].nl,
      createdAt: now,
      plan: value.plan,
    };
    snapshots.add(snapshot);
    return next;
  });
};

/**
 * v2 → v3: nothing to rewrite. New seeds are written as JSON text (`seedJson`); seeds written as
 * objects stay readable. The step exists so that v2 code, which would read a text seed as no
 * seed at all, cannot open a database that holds one.
 */
export const toV3: Migration = () => undefined;

/** MIGRATIONS[n] upgrades version n to n + 1. */
export const MIGRATIONS: readonly Migration[] = [toV1, toV2, toV3];

/** Runs every step from oldVersion up to newVersion; an exception aborts the versionchange transaction. */
export function migrate(
  db: IDBDatabase,
  tx: IDBTransaction,
  oldVersion: number,
  newVersion: number,
  now = Date.now(),
): void {
  for (let v = oldVersion; v < newVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new MigrationError(`no migration from version ${v}`);
    step(db, tx, now);
  }
}
