import type { Plan } from '../model/plan.ts';
import type { Collection, PlanField, PlanOp } from '../model/ops.ts';
import type { Section } from '../model/finding.ts';
import type { Msg } from '../i18n/locale.ts';

/** Why the plan changed: a local edit, undo/redo, another tab, or a workshop peer. */
export type ChangeOrigin = 'local' | 'undo' | 'redo' | 'tab' | 'remote' | 'load';

export interface PlanChange {
  origin: ChangeOrigin;
  /** Ids of rows (activities, providers, …, or 'default' for the default split) that changed. */
  rows: ReadonlySet<string>;
  /** Plan-level fields that changed (name, period, clauses, …). */
  fields?: ReadonlySet<PlanField>;
  /** Collections whose array changed (a row added, removed, moved or edited). */
  collections?: ReadonlySet<Collection>;
}

/**
 * Something the state refused or could not take over: an invalid local op, or a value from a peer,
 * a tab or storage that does not fit the plan schema. The state keeps the last valid value and
 * carries on; the host shows the message. Never thrown.
 */
export interface StateProblem {
  code: 'invalid-op' | 'invalid-value' | 'invalid-row' | 'invalid-update' | 'too-many-rows' | 'storage-failed';
  origin: ChangeOrigin;
  section: Section;
  rowId?: string;
  field?: string;
  message: Msg;
}

/**
 * The live state of one open scenario (ARCHITECTURE.md, "One state mechanism"). Snapshots are
 * immutable and structurally shared: a row that did not change keeps its object identity, so the
 * engine can recompute only what changed.
 */
export interface PlanState {
  readonly plan: Plan;
  /** Applies ops as one transaction and one undo step. */
  apply(ops: readonly PlanOp[]): void;
  undo(): void;
  redo(): void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  subscribe(listener: (plan: Plan, change: PlanChange) => void): () => void;
  destroy(): void;
}
