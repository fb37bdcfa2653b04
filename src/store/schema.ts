import type { DBSchema } from 'idb';
import type { Plan } from '../model/plan.ts';
import type { PlanOp } from '../model/ops.ts';

/*
 * The database's shape, one interface per version. v1 was the first shipped schema (a scenario held
 * its plan inline); v2 is the current one: the live scenario is a Yjs update log, scenario records
 * carry revision and timestamps, and each scenario has a history of snapshots. v3 keeps the same
 * stores and writes a scenario's seed plan as JSON text (`seedJson`, see seed-codec.ts); a v3
 * reader takes both forms, and the version keeps code that knows only `seed` away from it.
 */

export const DB_NAME = 'regioplan';
export const DB_VERSION = 3;

/** A plan: the project that groups scenarios ("70/20/10 or 60/25/15?"). */
export interface PlanRecord {
  id: string;
  name: string;
  revision: number;
  createdAt: number;
  updatedAt: number;
}

export interface ScenarioRecord {
  id: string;
  planId: string;
  name: string;
  chosen: boolean;
  /** Bumped on every metadata write; a write carrying an older revision is refused. */
  revision: number;
  createdAt: number;
  updatedAt: number;
  /** Soft delete, so a delete can be undone. */
  deletedAt: number | null;
  /**
   * A plan whose Yjs log has not been started yet: a scenario nobody has edited (it is shown from
   * this plan, without Yjs), or one migrated from v1. The first tab that edits the scenario encodes
   * it into the log, in a transaction that checks the log is still empty, so two tabs never seed
   * the same content twice; the seed is cleared then.
   */
  seed: Plan | null;
  /**
   * v3: the seed as JSON text, how IndexedDB stores it (`seed` is null then). Chromium reads a
   * whole record back to index it, and text costs it a copy where a plan object costs a second
   * structured clone: saving a large scenario took twice a plain put. Only the idb backend sees it.
   */
  seedJson?: string;
  /**
   * Edits the log does not hold yet: a flush before the scenario's live state was built (building
   * the Yjs document of a large plan takes a while) keeps the edits shown, as batches of ops on
   * the seed, in one put. The content is the log (or the seed) with these applied. The log that
   * kept them (`by`, its `version`-th keep) clears them, and the seed, in the transaction that
   * writes them to the log; a tab whose live state applied this version does so too.
   */
  kept?: KeptEdits;
}

/** ScenarioRecord.kept. */
export interface KeptEdits {
  by: string;
  version: number;
  edits: PlanOp[][];
}

export interface UpdateRecord {
  seq?: number;
  scenarioId: string;
  data: Uint8Array;
}

export interface SnapshotRecord {
  id?: number;
  scenarioId: string;
  label: string;
  createdAt: number;
  plan: Plan;
}

/** The stores of versions 2 and 3 (v3 changed how a seed is written, not the stores). */
export interface StoreSchema extends DBSchema {
  plans: { key: string; value: PlanRecord };
  scenarios: { key: string; value: ScenarioRecord; indexes: { planId: string } };
  updates: { key: number; value: UpdateRecord; indexes: { scenarioId: string } };
  snapshots: { key: number; value: SnapshotRecord; indexes: { byScenario: [string, number] } };
}

/** v1 records, kept for the migration and its fixture. */
export interface PlanRecordV1 {
  id: string;
  name: string;
}
export interface ScenarioRecordV1 {
  id: string;
  planId: string;
  name: string;
  plan: Plan;
}
