import type { Plan } from '../model/plan.ts';
import type { PlanState } from '../sync/state.ts';
import type { PlanOp } from '../model/ops.ts';
import type { ScenarioLog } from './backend.ts';
import type { StoreError, StoreResult } from './errors.ts';
import type { SaveInfo } from './backend.ts';
import type { PlanRecord, ScenarioRecord } from './schema.ts';

export type StoreMode = 'idb' | 'memory';

/** A plan as the store's list of plans shows it: its id, the name it had when first stored, and when that was. */
export type PlanInfo = Pick<PlanRecord, 'id' | 'name' | 'createdAt'>;

/** A scenario as lists show it. `revision` is what this tab last saw. */
export type ScenarioInfo = Omit<ScenarioRecord, 'seed'>;

export interface SnapshotInfo {
  id: number;
  scenarioId: string;
  label: string;
  createdAt: number;
}

/** What store listeners hear: the list changed (here or in another tab), a save, a failure. */
export type StoreEvent =
  { type: 'list'; origin: 'local' | 'tab' } | { type: 'saved'; info: SaveInfo } | { type: 'error'; error: StoreError };

/** An open scenario: its live state, saved to the store as it changes. */
export interface OpenScenario {
  readonly id: string;
  readonly state: PlanState;
  /** Writes pending changes now; resolves once committed (or reported as failed). */
  flush(): Promise<void>;
  /** Flushes, detaches from the store and destroys the state. */
  close(): Promise<void>;
  /**
   * Call when a person is about to edit (an editable cell got focus): a scenario that is only
   * being looked at builds its live (Yjs) state then, in idle time, so the first edit does not
   * wait for it. Harmless when the state is live already.
   */
  prepare(): void;
}

/** A live state wired to a log: how src/sync's attachUpdateLog is seen from here. */
export interface LiveLink {
  /** Settles once the log and the state agree. */
  ready?: Promise<void>;
  flush(): Promise<void>;
  detach(): Promise<void> | void;
}

/**
 * The Yjs side the store needs (src/sync): a state from a plan or from stored updates, and the
 * wiring that appends its updates to a log. Injected so that memory mode, tests and the benchmark
 * use the same store rules.
 */
export interface AttachOptions {
  debounceMs: number;
  scenarioId: string;
  /** The updates the state was built from (already in the log). */
  loaded: readonly Uint8Array[];
  /** The state holds exactly `loaded`, nothing more (the log lacks nothing). */
  inSync?: boolean;
  /** BroadcastChannel name shared by this scenario's tabs; null for none. */
  tabChannel: string | null;
}

export interface LiveDeps {
  /** The plan encoded as one Yjs update (the first entry of a new scenario's log). */
  encodePlan(plan: Plan): Uint8Array;
  /** A live state holding exactly the given updates; `fallback` fills what they lack. */
  stateFromUpdates(updates: readonly Uint8Array[], fallback: Plan): PlanState;
  /**
   * A live state seeded from the plan, and its seed update (what encodePlan(plan) returns), with
   * the document built once. Optional: without it the store encodes the plan and replays it.
   */
  seededState?(plan: Plan): { state: PlanState; update: Uint8Array };
  /**
   * seededState, built in steps that yield to the page (no long task); the seed comes as the
   * steps' updates (together the same content as encodePlan(plan)). Preferred when there.
   */
  seededStateInSteps?(plan: Plan): Promise<{ state: PlanState; updates: Uint8Array[] }>;
  /** The plain plan the given updates describe. */
  decodePlan(updates: readonly Uint8Array[], fallback: Plan): Plan;
  /** Merges updates into one (Y.mergeUpdates). */
  mergeUpdates(updates: readonly Uint8Array[]): Uint8Array;
  /**
   * Applies edits that are content, not a step of this tab's undo (another tab's, recovered):
   * written to the log and shared with other tabs like any update.
   */
  applyAsContent?(state: PlanState, ops: readonly PlanOp[]): void;
  /** Appends the state's future updates to the log, debounced. */
  attach(state: PlanState, log: ScenarioLog, options: AttachOptions): LiveLink;
}

export interface ScenarioStore {
  readonly planId: string;
  /** 'memory' when IndexedDB could not be opened or the last save failed. */
  readonly mode: StoreMode;
  /** Why we are in memory mode, if we are. */
  readonly error: StoreError | null;
  /** Time (epoch ms) of the last committed save, or null. */
  readonly lastSavedAt: number | null;
  /**
   * True while something a person did exists only in this window's memory: IndexedDB could not
   * be opened (or an old tab blocks its upgrade) and there were edits, or a write failed and
   * waits for its retry. False for a store opened with `backend: 'memory'` (nothing is meant to
   * be kept). See warnBeforeUnloadWhileUnsaved.
   */
  readonly unsaved: boolean;
  /** Calls `listener` when `unsaved` changes (and at once when it is true). Returns the unsubscribe. */
  onUnsavedChange(listener: (unsaved: boolean) => void): () => void;
  subscribe(listener: (event: StoreEvent) => void): () => void;

  list(options?: { includeDeleted?: boolean }): Promise<ScenarioInfo[]>;
  /** Every plan this database holds scenarios of, this one and others (e.g. a person's own plans). */
  listPlans(): Promise<PlanInfo[]>;
  /** A scenario from the given plan (e.g. the current one) or, without one, from scratch. */
  create(name: string, plan?: Plan): Promise<StoreResult<ScenarioInfo>>;
  /**
   * Call when a person is about to edit a plan that has no stored scenario yet (a field got
   * focus): its live (Yjs) state is built now, in idle time, and the scenario `create(name, plan)`
   * makes from this same plan object starts from it, so its first edit does not wait for it.
   * One preparation at a time, joined by the first edit wherever it is; resolves when it is done.
   */
  prepare(plan: Plan): Promise<void>;
  /** The first scenario, creating one from `plan` when the plan has none yet. */
  ensureScenario(name: string, plan: Plan): Promise<StoreResult<ScenarioInfo>>;
  duplicate(id: string, name?: string): Promise<StoreResult<ScenarioInfo>>;
  /**
   * A scenario shared with this browser (a workshop's scenario list): stored under the given id, its
   * content the given Yjs update (its room's state). Refused (`stale`) when the id exists already.
   */
  adopt(id: string, name: string, content: Uint8Array): Promise<StoreResult<ScenarioInfo>>;
  rename(id: string, name: string): Promise<StoreResult<ScenarioInfo>>;
  /** Soft delete: undo with `restore`. The last scenario cannot be deleted. */
  remove(id: string): Promise<StoreResult<ScenarioInfo>>;
  restore(id: string): Promise<StoreResult<ScenarioInfo>>;
  markChosen(id: string): Promise<StoreResult<ScenarioInfo>>;
  readPlan(id: string): Promise<StoreResult<Plan>>;

  listSnapshots(scenarioId: string): Promise<SnapshotInfo[]>;
  saveSnapshot(scenarioId: string, label: string): Promise<StoreResult<SnapshotInfo>>;
  /** Makes the scenario equal to the snapshot, as one undoable edit; the state before is kept as a snapshot. */
  restoreSnapshot(snapshotId: number): Promise<StoreResult<ScenarioInfo>>;

  openScenario(id: string): Promise<StoreResult<OpenScenario>>;
  /** Writes every open scenario's pending changes. */
  flush(): Promise<void>;
  /** Flushes, closes open scenarios and the database connection. */
  close(): Promise<void>;
}

export type { StoreError, StoreResult, SaveInfo };
