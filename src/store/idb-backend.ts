import type { Backend, LogEvents, ScenarioLog } from './backend.ts';
import type { Connection } from './connection.ts';
import type { PlanRecord, ScenarioRecord, SnapshotRecord } from './schema.ts';
import { IdbUpdateLog } from './update-log.ts';
import { inTx, quiet } from './tx.ts';
import { fromStored, toStored } from './seed-codec.ts';

/** Records in IndexedDB; every write is one strict-durability transaction. */
export class IdbBackend implements Backend {
  readonly kind = 'idb' as const;

  constructor(private readonly connection: Connection) {}

  ensurePlan(id: string, name: string, now: number): Promise<PlanRecord> {
    return this.connection.run((db) =>
      inTx(db, ['plans'], 'readwrite', async (tx) => {
        const existing = await tx.objectStore('plans').get(id);
        if (existing) return existing;
        const record: PlanRecord = { id, name, revision: 1, createdAt: now, updatedAt: now };
        await tx.objectStore('plans').add(record);
        return record;
      }),
    );
  }

  getPlan(id: string) {
    return this.connection.run((db) => db.get('plans', id));
  }

  listPlans() {
    return this.connection.run((db) => db.getAll('plans'));
  }

  listScenarios(planId: string) {
    return this.connection.run((db) => db.getAllFromIndex('scenarios', 'planId', planId));
  }

  async getScenario(id: string) {
    return fromStored(await this.connection.run((db) => db.get('scenarios', id)));
  }

  updateScenarios(planId: string, change: (records: ScenarioRecord[]) => ScenarioRecord[]) {
    return this.connection.run((db) =>
      inTx(db, ['scenarios'], 'readwrite', async (tx) => {
        const store = tx.objectStore('scenarios');
        // Records pass through as stored (their seed text untouched); a seed plan given is stored as text.
        const changed = change(await store.index('planId').getAll(planId));
        await Promise.all(changed.map((record) => store.put(toStored(record))));
        return changed;
      }),
    );
  }

  addScenario(record: ScenarioRecord, firstUpdate: Uint8Array | null, planName?: string) {
    // One strict-durability commit for the whole save (each commit is a flush to disk).
    return this.connection.run((db) =>
      inTx(db, ['plans', 'scenarios', 'updates'], 'readwrite', async (tx) => {
        if (firstUpdate) quiet(tx.objectStore('updates').add({ scenarioId: record.id, data: firstUpdate }));
        quiet(tx.objectStore('scenarios').add(toStored(record)));
        if (planName !== undefined && !(await tx.objectStore('plans').getKey(record.planId))) {
          const at = record.createdAt;
          quiet(
            tx
              .objectStore('plans')
              .add({ id: record.planId, name: planName, revision: 1, createdAt: at, updatedAt: at }),
          );
        }
      }),
    );
  }

  async openLog(scenarioId: string, events: LogEvents) {
    const log = new IdbUpdateLog(this.connection, scenarioId, events);
    const { record, updates } = await log.loadWithRecord();
    return { record, log, updates };
  }

  listSnapshots(scenarioId: string) {
    const range = IDBKeyRange.bound([scenarioId, -Infinity], [scenarioId, Infinity]);
    return this.connection.run((db) => db.getAllFromIndex('snapshots', 'byScenario', range));
  }

  getSnapshot(id: number) {
    return this.connection.run((db) => db.get('snapshots', id));
  }

  addSnapshot(record: SnapshotRecord) {
    return this.connection.run((db) =>
      inTx(db, ['snapshots'], 'readwrite', (tx) => tx.objectStore('snapshots').add(record)),
    );
  }

  log(scenarioId: string, events: LogEvents): ScenarioLog {
    return new IdbUpdateLog(this.connection, scenarioId, events);
  }

  close(): void {
    this.connection.close();
  }
}
