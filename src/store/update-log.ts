import type { Connection } from './connection.ts';
import type { LogEvents, ScenarioLog } from './backend.ts';
import { toStoreError } from './errors.ts';
import type { ScenarioRecord, UpdateRecord } from './schema.ts';
import { inTx, quiet } from './tx.ts';
import { fromStored, withoutSeed } from './seed-codec.ts';
import type { PlanOp } from '../model/ops.ts';
import { holdKeeperLock } from './keeper-lock.ts';

export type { SaveInfo } from './backend.ts';

/** An update handed to `append` and not yet committed; `stamp` orders it against `replace` calls. */
interface Pending {
  data: Uint8Array;
  stamp: number;
}

/**
 * A scenario's Yjs update log in IndexedDB. Writes are strict-durability transactions that also
 * touch the scenario's updatedAt, and run one after the other. A write that fails (full disk,
 * closed connection) never rejects into the live state: the updates stay pending in memory, the
 * error is reported, and the next append or `retry()` writes them together in one transaction.
 *
 * Compaction (`replace(merged)`) deletes exactly the rows whose content `merged` holds: the rows
 * this log loaded or wrote, and the updates appended, before `replace` was called. Each of those
 * gets a stamp from one counter, and `replace` notes the counter when it is called; a replace
 * that waits behind a slow write may therefore run after later appends (even after they were
 * written), and it keeps them. Rows another tab appended are never seen here, so never deleted.
 */
export class IdbUpdateLog implements ScenarioLog {
  /** Stored rows this log knows of, by seq, with the stamp of when it learned of them. */
  private readonly seen = new Map<number, number>();
  private pending: Pending[] = [];
  private clock = 0;
  private writing: Promise<void> = Promise.resolve();
  /** Who keeps edits in the record (keepEdits): this log, unlike any other tab's. */
  private readonly by = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  /**
   * The kept edits (ScenarioRecord.kept) this log read with the record: another tab's, which the
   * live state applies. Whether the live state holds them, and every edit this log kept itself.
   */
  private kept: { by: string; version: number } | null = null;
  private keptHeld = false;
  /** Lets go of the keeper lock (keeper-lock.ts) this log holds while edits it kept wait for the log. */
  private releaseKeeper: (() => void) | null = null;
  failing = false;

  constructor(
    private readonly connection: Connection,
    readonly scenarioId: string,
    private readonly events: LogEvents = {},
  ) {}

  /** Updates not yet stored (while a write is under way, or after a failed one). */
  get unsaved(): number {
    return this.pending.length;
  }

  async load(): Promise<Uint8Array[]> {
    const rows = await this.connection.run((db) => db.getAllFromIndex('updates', 'scenarioId', this.scenarioId));
    return this.known(rows);
  }

  /** Notes loaded rows as seen (stamped now) and returns their updates in order. */
  private known(rows: UpdateRecord[]): Uint8Array[] {
    rows.sort((a, b) => a.seq! - b.seq!);
    const stamp = this.clock++;
    for (const row of rows) if (!this.seen.has(row.seq!)) this.seen.set(row.seq!, stamp);
    return rows.map((row) => row.data);
  }

  /** The scenario's record and this log's updates, read in one transaction. */
  async loadWithRecord(): Promise<{ record: ScenarioRecord | undefined; updates: Uint8Array[] }> {
    const { record, rows } = await this.connection.run((db) =>
      inTx(db, ['scenarios', 'updates'], 'readonly', async (tx) => {
        const [record, rows] = await Promise.all([
          tx.objectStore('scenarios').get(this.scenarioId),
          tx.objectStore('updates').index('scenarioId').getAll(this.scenarioId),
        ]);
        return { record, rows };
      }),
    );
    if (record?.kept) this.kept = { by: record.kept.by, version: record.kept.version };
    return { record: fromStored(record), updates: this.known(rows) };
  }

  append(update: Uint8Array): Promise<void> {
    this.pending.push({ data: update, stamp: this.clock++ });
    return this.enqueue(() => this.writePending(null));
  }

  /** `merged` must hold everything this log has loaded or been given so far (the live doc's state). */
  replace(merged: Uint8Array): Promise<void> {
    const upTo = this.clock++;
    return this.enqueue(() => this.writePending({ data: merged, upTo }));
  }

  /** Writes whatever is pending; resolves when done (failures are reported, not thrown). */
  retry(): Promise<void> {
    return this.enqueue(() => this.writePending(null));
  }

  async keepEdits(edits: readonly (readonly PlanOp[])[]): Promise<boolean> {
    // Held before the edits are kept: another tab that sees them sees this tab is open.
    this.releaseKeeper ??= await holdKeeperLock(this.by);
    const at = Date.now();
    const version = await this.connection.run((db) =>
      inTx(db, ['updates', 'scenarios'], 'readwrite', async (tx) => {
        const scenarios = tx.objectStore('scenarios');
        const [count, scenario] = await Promise.all([
          tx.objectStore('updates').index('scenarioId').count(this.scenarioId),
          scenarios.get(this.scenarioId),
        ]);
        if (count > 0 || !scenario || (scenario.kept && scenario.kept.by !== this.by)) return null;
        const kept = { by: this.by, version: (scenario.kept?.version ?? 0) + 1, edits: edits.map((b) => [...b]) };
        quiet(scenarios.put({ ...scenario, kept, updatedAt: at }));
        return kept.version;
      }),
    );
    if (version === null) return false;
    this.events.onSaved?.({ scenarioId: this.scenarioId, at, updates: 0 });
    return true;
  }

  holdsKept(release?: () => void, kept?: { by: string; version: number }): void {
    this.keptHeld = true;
    if (kept) this.kept = kept;
    if (release) this.releaseKeeper = release;
  }

  /** The edits this log kept are in the log (or the scenario is closed): other tabs may apply them. */
  letGoOfKept(): void {
    this.releaseKeeper?.();
    this.releaseKeeper = null;
  }

  /**
   * Starts the log with a first update, unless some tab already started it: the check and the
   * write are one transaction, so exactly one seed is ever stored. Returns whether this one was.
   */
  async seed(update: Uint8Array | readonly Uint8Array[]): Promise<boolean> {
    const stamp = this.clock++;
    const updates = update instanceof Uint8Array ? [update] : update;
    const seqs = await this.connection.run((db) =>
      inTx(db, ['updates', 'scenarios'], 'readwrite', async (tx) => {
        const count = await tx.objectStore('updates').index('scenarioId').count(this.scenarioId);
        if (count > 0) return null;
        const added = Promise.all(
          updates.map((data) => tx.objectStore('updates').add({ scenarioId: this.scenarioId, data })),
        );
        const scenario = await tx.objectStore('scenarios').get(this.scenarioId);
        // A seed with kept edits stays until the edits are in the log (writePending).
        if (scenario && !scenario.kept && (scenario.seed || scenario.seedJson !== undefined))
          quiet(tx.objectStore('scenarios').put(withoutSeed(scenario)));
        return added;
      }),
    );
    if (seqs === null) return false;
    for (const seq of seqs) this.seen.set(seq, stamp);
    return true;
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.writing = this.writing.then(job, job);
    return this.writing;
  }

  private async writePending(merged: { data: Uint8Array; upTo: number } | null): Promise<void> {
    // Kept edits the live state holds are cleared by a write, with or without updates.
    if (!merged && this.pending.length === 0 && !this.keptHeld) return;
    const batch = this.pending.slice();
    const covered = (stamp: number) => merged !== null && stamp < merged.upTo;
    // What the merged update holds is deleted; what came after it is written beside it.
    const obsolete = merged ? [...this.seen].filter(([, stamp]) => covered(stamp)).map(([seq]) => seq) : [];
    const rows: Pending[] = [
      ...(merged ? [{ data: merged.data, stamp: merged.upTo }] : []),
      ...batch.filter((p) => !covered(p.stamp)),
    ];
    const clearing = this.keptHeld;
    try {
      const at = Date.now();
      const added = await this.connection.run((db) =>
        inTx(db, ['updates', 'scenarios'], 'readwrite', async (tx) => {
          const scenarios = tx.objectStore('scenarios');
          const scenario = await scenarios.get(this.scenarioId);
          const updates = tx.objectStore('updates');
          for (const seq of obsolete) quiet(updates.delete(seq));
          const requests = rows.map((row) =>
            updates.add({ scenarioId: this.scenarioId, data: row.data } satisfies UpdateRecord),
          );
          // Kept edits the live state holds are in the log with this write: they go, with the seed.
          const kept = scenario?.kept;
          const held =
            this.keptHeld &&
            kept !== undefined &&
            (kept.by === this.by || (kept.by === this.kept?.by && kept.version === this.kept.version));
          if (scenario)
            quiet(scenarios.put(held ? { ...withoutSeed(scenario), updatedAt: at } : { ...scenario, updatedAt: at }));
          return Promise.all(requests);
        }),
      );
      // Cleared, or no longer there to clear (no write of this log can keep edits again).
      if (clearing) {
        this.keptHeld = false;
        this.letGoOfKept();
      }
      for (const seq of obsolete) this.seen.delete(seq);
      added.forEach((seq, i) => this.seen.set(seq, rows[i]!.stamp));
      // Appends made while this write ran stay pending (they are behind it in the queue).
      this.pending = this.pending.slice(batch.length);
      this.failing = false;
      this.events.onSaved?.({ scenarioId: this.scenarioId, at, updates: rows.length });
    } catch (e) {
      // The pending updates stay; a failed compaction is simply not done (the rows it would have
      // deleted are still there, and still hold everything).
      this.failing = true;
      this.events.onError?.(toStoreError(e));
    }
  }
}
