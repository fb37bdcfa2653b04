import type { PlanRecord, ScenarioRecord, SnapshotRecord } from './schema.ts';
import type { PlanOp } from '../model/ops.ts';
import type { UpdateLog } from '../sync/update-log.ts';
import type { StoreError, StoreResult } from './errors.ts';

/** A scenario's update log as the store uses it: src/sync's UpdateLog plus seeding and retry. */
export interface ScenarioLog extends UpdateLog {
  /** Starts an empty log with `update` (or these updates, in one go); false when another tab started it first. */
  seed(update: Uint8Array | readonly Uint8Array[]): Promise<boolean>;
  /**
   * Keeps `edits` (batches of ops on the seed: what is shown) in the scenario's record
   * (ScenarioRecord.kept), while its log has not started and no other tab keeps edits there.
   * False: not kept (they reach the log with the live state). A backend without it always waits.
   */
  keepEdits?(edits: readonly (readonly PlanOp[])[]): Promise<boolean>;
  /**
   * The live state now holds the kept edits this log read or kept (or `kept`, read since): its next
   * write clears them.
   */
  holdsKept?(release?: () => void, kept?: { by: string; version: number }): void;
  /** The scenario is closed here: edits this log kept, if still beside the log, are for others to apply. */
  letGoOfKept?(): void;
  /** Writes what an earlier failed write left pending. */
  retry(): Promise<void>;
  /** Updates handed to the log and not yet committed. */
  readonly unsaved: number;
  /** The last write failed (its updates are among `unsaved`, kept for the next try). */
  readonly failing: boolean;
}

export interface SaveInfo {
  scenarioId: string;
  /** Epoch ms of the commit. */
  at: number;
  /** Rows written in this save (a burst is written in one transaction). */
  updates: number;
}

export interface LogEvents {
  onSaved?: (info: SaveInfo) => void;
  onError?: (error: StoreError) => void;
}

/**
 * Where records live: IndexedDB, or memory when IndexedDB cannot be used. The scenario store's
 * rules (revisions, soft delete, snapshots, live states) are written once, above this.
 * Every method either commits completely or changes nothing.
 */
export interface Backend {
  readonly kind: 'idb' | 'memory';
  /**
   * Only for a memory fallback that waits for IndexedDB (a blocked upgrade): settles once what
   * it held has moved there (with a save per scenario moved), or the move failed.
   */
  readonly moved?: Promise<StoreResult<SaveInfo[]>>;
  ensurePlan(id: string, name: string, now: number): Promise<PlanRecord>;
  getPlan(id: string): Promise<PlanRecord | undefined>;
  /** Every plan with scenarios in this database (any plan id). */
  listPlans(): Promise<PlanRecord[]>;
  /** The plan's scenario records; their `seed` may be left out (a list never shows it). */
  listScenarios(planId: string): Promise<ScenarioRecord[]>;
  getScenario(id: string): Promise<ScenarioRecord | undefined>;
  /**
   * Reads the plan's scenarios and writes back what `change` returns, atomically. `change` is
   * synchronous (it runs inside the transaction) and may throw StoreAbort to change nothing.
   */
  updateScenarios(planId: string, change: (records: ScenarioRecord[]) => ScenarioRecord[]): Promise<ScenarioRecord[]>;
  /**
   * Adds a scenario and, when given, the first update of its log, in one transaction; with
   * `planName`, also the plan record when there is none yet (see ensurePlan).
   */
  addScenario(record: ScenarioRecord, firstUpdate: Uint8Array | null, planName?: string): Promise<void>;
  /** A scenario's record and its log, read in one transaction (what opening a scenario needs). */
  openLog(
    scenarioId: string,
    events: LogEvents,
  ): Promise<{ record: ScenarioRecord | undefined; log: ScenarioLog; updates: Uint8Array[] }>;
  listSnapshots(scenarioId: string): Promise<SnapshotRecord[]>;
  getSnapshot(id: number): Promise<SnapshotRecord | undefined>;
  addSnapshot(record: SnapshotRecord): Promise<number>;
  log(scenarioId: string, events: LogEvents): ScenarioLog;
  close(): void;
}
