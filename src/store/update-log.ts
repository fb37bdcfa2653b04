import type { Connection } from './connection.ts';
import { toStoreError, type StoreError } from './errors.ts';
import type { UpdateRecord } from './schema.ts';
import { inTx, quiet } from './tx.ts';

/** The log interface src/sync/update-log.ts attaches a live state to (structurally the same). */
export interface UpdateLogLike {
  load(): Promise<Uint8Array[]>;
  append(update: Uint8Array): Promise<void>;
  replace(merged: Uint8Array): Promise<void>;
}

export interface SaveInfo {
  scenarioId: string;
  /** Epoch ms of the commit. */
  at: number;
  /** Updates written in this save (a burst is written in one transaction). */
  updates: number;
}

export interface UpdateLogEvents {
  onSaved?: (info: SaveInfo) => void;
  onError?: (error: StoreError) => void;
}

/**
 * A scenario's Yjs update log in IndexedDB. Writes are strict-durability transactions that also
 * touch the scenario's updatedAt. A write that fails (full disk, closed connection) never rejects
 * into the live state: the updates stay pending in memory, the error is reported, and the next
 * append or `retry()` writes them together in one transaction. Compaction deletes exactly the rows
 * this log has seen, so an update another tab appended meanwhile is never lost.
 */
export class IdbUpdateLog implements UpdateLogLike {
  private readonly seen = new Set<number>();
  private pending: Uint8Array[] = [];
  private writing: Promise<void> = Promise.resolve();
  failing = false;

  constructor(
    private readonly connection: Connection,
    readonly scenarioId: string,
    private readonly events: UpdateLogEvents = {},
  ) {}

  /** Updates not yet stored (after a failed write). */
  get unsaved(): number {
    return this.pending.length;
  }

  async load(): Promise<Uint8Array[]> {
    const rows = await this.connection.run((db) => db.getAllFromIndex('updates', 'scenarioId', this.scenarioId));
    rows.sort((a, b) => a.seq! - b.seq!);
    for (const row of rows) this.seen.add(row.seq!);
    return rows.map((row) => row.data);
  }

  append(update: Uint8Array): Promise<void> {
    this.pending.push(update);
    return this.enqueue(() => this.writePending(null));
  }

  replace(merged: Uint8Array): Promise<void> {
    return this.enqueue(() => this.writePending(merged));
  }

  /** Writes whatever is pending; resolves when done (failures are reported, not thrown). */
  retry(): Promise<void> {
    return this.enqueue(() => this.writePending(null));
  }

  /**
   * Starts the log with a first update, unless some tab already started it: the check and the
   * write are one transaction, so exactly one seed is ever stored. Returns whether this one was.
   */
  async seed(update: Uint8Array): Promise<boolean> {
    const seq = await this.connection.run((db) =>
      inTx(db, ['updates', 'scenarios'], 'readwrite', async (tx) => {
        const count = await tx.objectStore('updates').index('scenarioId').count(this.scenarioId);
        if (count > 0) return null;
        const added = await tx.objectStore('updates').add({ scenarioId: this.scenarioId, data: update });
        const scenario = await tx.objectStore('scenarios').get(this.scenarioId);
        if (scenario?.seed) await tx.objectStore('scenarios').put({ ...scenario, seed: null });
        return added;
      }),
    );
    if (seq === null) return false;
    this.seen.add(seq);
    return true;
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.writing = this.writing.then(job, job);
    return this.writing;
  }

  private async writePending(merged: Uint8Array | null): Promise<void> {
    if (!merged && this.pending.length === 0) return;
    const batch = this.pending.slice();
    const obsolete = merged ? [...this.seen] : [];
    try {
      const at = Date.now();
      const added = await this.connection.run((db) => inTx(db, ['updates', 'scenarios'], 'readwrite', async (tx) => {
        const scenarios = tx.objectStore('scenarios');
        const scenario = await scenarios.get(this.scenarioId);
        const updates = tx.objectStore('updates');
        const requests: Promise<number>[] = [];
        if (merged) {
          for (const seq of obsolete) quiet(updates.delete(seq));
          // The merged update already contains everything pending.
          requests.push(updates.add({ scenarioId: this.scenarioId, data: merged } satisfies UpdateRecord));
        } else {
          for (const data of batch) requests.push(updates.add({ scenarioId: this.scenarioId, data }));
        }
        if (scenario) quiet(scenarios.put({ ...scenario, updatedAt: at }));
        return Promise.all(requests);
      }));
      if (merged) for (const seq of obsolete) this.seen.delete(seq);
      for (const seq of added) this.seen.add(seq);
      this.pending = this.pending.slice(batch.length);
      this.failing = false;
      this.events.onSaved?.({ scenarioId: this.scenarioId, at, updates: merged ? 1 : batch.length });
    } catch (e) {
      this.failing = true;
      this.events.onError?.(toStoreError(e));
    }
  }
}
