import type { Plan } from '../model/plan.ts';
import type { PlanOp } from '../model/ops.ts';

/** Why the plan changed: a local edit, undo/redo, another tab, or a workshop peer. */
export type ChangeOrigin = 'local' | 'undo' | 'redo' | 'tab' | 'remote' | 'load';

export interface PlanChange {
  origin: ChangeOrigin;
  /** Ids of rows (activities, providers, …, or 'default' for the default split) that changed. */
  rows: ReadonlySet<string>;
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
