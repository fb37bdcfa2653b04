import * as Y from 'yjs';
import { newPlan, type Plan } from '../model/plan.ts';
import type { PlanOp } from '../model/ops.ts';
import { COLLECTIONS, roots, type Roots } from './layout.ts';
import { applyOpToDoc } from './write-ops.ts';
import { opProblem, opSection } from './validate-op.ts';
import { safely } from './safely.ts';
import { samePlan } from './plain-values.ts';
import { undoSegments } from './undo-segments.ts';
import { writeSeed, writeSeedInSteps } from './seed.ts';
import { Snapshot } from './snapshot.ts';
import { messages } from './messages.ts';
import { yieldToPage } from './yield.ts';
import type { ChangeOrigin, PlanChange, PlanState, StateProblem } from './state.ts';

/*
 * The live state of one open scenario: a Y.Doc (see layout.ts) with a plain, immutable snapshot
 * beside it. Edits, undo, other tabs, storage and workshop peers all arrive as Yjs transactions;
 * one handler turns each into a new snapshot and one notification. Components reach it through
 * deferred-state.ts (plain until the first edit). Storage: update-log.ts. Other tabs: tabs.ts.
 * Workshops: collab/.
 */

export interface PlanStateOptions {
  /** Stored updates to start from (the scenario's update log). Without them the doc is seeded from the plan. */
  updates?: readonly Uint8Array[];
  /** Keep deleted content for Y snapshots; off by default to keep the doc small. */
  gc?: boolean;
  /** With gc on: whether a deleted item's content may go (false keeps it, for Y snapshots). */
  gcFilter?: (item: Y.Item) => boolean;
  /** Problems kept in `problems` (oldest dropped first). */
  maxProblems?: number;
}

export type Listener = (plan: Plan, change: PlanChange) => void;
export type UpdateListener = (update: Uint8Array, origin: ChangeOrigin, rawOrigin: unknown) => void;

/** Key of an undo step's batch number in its meta. */
const BATCH = 'batch';

const ORIGINS = new Set<ChangeOrigin>(['local', 'undo', 'redo', 'tab', 'remote', 'load']);

export interface YPlanState extends PlanState {
  readonly doc: Y.Doc;
  /** Problems seen so far (invalid ops, invalid values from peers), newest last. */
  readonly problems: readonly StateProblem[];
  onProblem(listener: (problem: StateProblem) => void): () => void;
  /** The whole doc as one update (for storage compaction and new peers). */
  encodeState(): Uint8Array;
  encodeStateVector(): Uint8Array;
  /** What this doc has that a peer with `stateVector` lacks. */
  encodeDiff(stateVector: Uint8Array): Uint8Array;
  /** Applies an update from storage, a tab or a peer. A malformed update is reported, never thrown. */
  applyUpdate(update: Uint8Array, origin: ChangeOrigin | object): boolean;
  /** Every doc update, local or not, with its origin (for storage and transports). */
  onUpdate(listener: UpdateListener): () => void;
  /**
   * Drops the undo and redo history. After the workshop refused an edit and the doc took over the
   * room's state, the history holds the refused edit (undo or redo would bring it back) and steps the
   * room's state has written over.
   */
  forgetHistory(): void;
}

export function createPlanState(plan: Plan, options: PlanStateOptions = {}): YPlanState {
  return new LivePlanState(plan, options);
}

export interface StepOptions {
  /** Rows written per step (one transaction each). Default 100. */
  rowsPerStep?: number;
  /** Awaited between steps. Default: yield to the page (input and paint go first). */
  pause?: () => Promise<void>;
  /** Receives each step's update as it commits: together, the seed (the same content as seedUpdate). */
  onSeedUpdate?: (update: Uint8Array) => void;
}

/**
 * createPlanState(plan) without a long task: the document is built from the plan in steps,
 * yielding to the page between them, so a person typing meanwhile is not kept waiting. The
 * state is the same as createPlanState(plan) gives (its seed the same bytes).
 */
export async function createPlanStateInSteps(
  plan: Plan,
  options: PlanStateOptions & StepOptions = {},
): Promise<YPlanState> {
  const doc = new Y.Doc({ gc: options.gc ?? true, gcFilter: options.gcFilter });
  const rowsPerStep = options.rowsPerStep ?? 100;
  const pause = options.pause ?? yieldToPage;
  const onUpdate = (update: Uint8Array) => options.onSeedUpdate?.(update);
  if (options.onSeedUpdate) doc.on('update', onUpdate);
  try {
    await writeSeedInSteps(doc, plan, 'load', rowsPerStep, pause);
  } finally {
    doc.off('update', onUpdate);
  }
  const problems = duplicateIds(plan);
  const snapshot = await Snapshot.inSteps(roots(doc), plan, 'load', problems, rowsPerStep * 2, pause);
  return new LivePlanState(plan, options, { doc, snapshot, problems });
}

/** A one-off plain plan from a doc (no incremental bookkeeping); `fallback` fills what is missing or broken. */
export function planFromDoc(doc: Y.Doc, fallback: Plan = newPlan('plan')): { plan: Plan; problems: StateProblem[] } {
  const problems: StateProblem[] = [];
  const snapshot = new Snapshot(roots(doc), fallback, 'load', problems);
  return { plan: snapshot.plan, problems };
}

class LivePlanState implements YPlanState {
  readonly doc: Y.Doc;
  private readonly r: Roots;
  private readonly snapshot: Snapshot;
  private readonly undoManager: Y.UndoManager;
  /** Origin of our own transactions; the undo manager tracks only these. */
  private readonly local = { state: 'local' };
  private undoing: 'undo' | 'redo' | null = null;
  /** Number of the latest local batch, and of the batch being undone or redone (undo steps carry it). */
  private batch = 0;
  private stepBatch: unknown = undefined;
  /** Writes under way whose notification waits (see holding()), and what they changed so far. */
  private hold = 0;
  private held: { plan: Plan; change: PlanChange } | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly problemListeners = new Set<(p: StateProblem) => void>();
  private readonly updateListeners = new Set<UpdateListener>();
  private readonly problemLog: StateProblem[] = [];
  private readonly maxProblems: number;

  /** `seeded`: a doc holding exactly the seed of `fallback`, and its snapshot (createPlanStateInSteps). */
  constructor(
    fallback: Plan,
    options: PlanStateOptions,
    seeded?: { doc: Y.Doc; snapshot: Snapshot; problems: StateProblem[] },
  ) {
    this.doc = seeded?.doc ?? new Y.Doc({ gc: options.gc ?? true, gcFilter: options.gcFilter });
    this.maxProblems = options.maxProblems ?? 200;
    this.r = roots(this.doc);
    let initial: StateProblem[];
    if (seeded) {
      initial = seeded.problems;
      this.snapshot = seeded.snapshot;
    } else {
      initial = options.updates?.length ? [] : duplicateIds(fallback);
      if (options.updates?.length) {
        for (const u of options.updates) {
          try {
            Y.applyUpdate(this.doc, u, 'load');
          } catch {
            initial.push({
              code: 'invalid-update',
              origin: 'load',
              section: 'plan',
              message: messages.invalidUpdate('load'),
            });
          }
        }
      } else {
        // The seed written straight into this doc: the same content as seedUpdate(plan), built once.
        writeSeed(this.doc, fallback, 'load');
      }
      this.snapshot = new Snapshot(this.r, fallback, 'load', initial);
    }
    for (const p of initial) this.record(p);
    this.undoManager = new Y.UndoManager(
      [this.r.plan, this.r.defaultSplit, ...Object.values(this.r.rows), ...Object.values(this.r.order)],
      // Batches are never merged by time: apply() closes each visible one (see there).
      { trackedOrigins: new Set([this.local]), captureTimeout: Number.POSITIVE_INFINITY },
    );
    this.undoManager.on('stack-item-added', this.onStackItem);
    this.undoManager.on('stack-item-updated', this.onStackJoined);
    this.doc.on('afterTransaction', this.onTransaction);
    this.doc.on('update', this.onDocUpdate);
  }

  get plan(): Plan {
    return this.snapshot.plan;
  }
  get canUndo(): boolean {
    return this.undoManager.canUndo();
  }
  get canRedo(): boolean {
    return this.undoManager.canRedo();
  }
  get problems(): readonly StateProblem[] {
    return this.problemLog;
  }

  apply(ops: readonly PlanOp[]): void {
    const valid: PlanOp[] = [];
    for (const o of ops) {
      const reason = opProblem(o, (c, id) => this.r.rows[c as keyof Roots['rows']]?.has(id) ?? false);
      if (reason === null) valid.push(o);
      else
        this.record({
          code: 'invalid-op',
          origin: 'local',
          section: opSection(o),
          message: messages.invalidOp(reason),
        });
    }
    if (valid.length === 0) return;
    const before = this.snapshot.plan;
    const um = this.undoManager;
    this.batch++;
    try {
      this.holding(() =>
        undoSegments(valid).forEach((part, i) => {
          if (i > 0) um.stopCapturing();
          this.doc.transact(() => {
            for (const o of part) applyOpToDoc(this.r, o);
          }, this.local);
        }),
      );
    } catch {
      // Only a doc a peer has bent out of shape gets here; what was written stays consistent.
      this.record({ code: 'invalid-op', origin: 'local', section: 'plan', message: messages.invalidOp('document') });
    }
    // One batch, one undo step, however quickly the next batch follows. A batch that changed the
    // doc but not the plan (a value set and dropped at once, a value the schema refuses) stays
    // open: the next batch joins its step, so undo never stops at a plan nobody can tell apart.
    if (!samePlan(before, this.snapshot.plan)) um.stopCapturing();
  }

  undo(): void {
    this.step('undo');
  }
  redo(): void {
    this.step('redo');
  }

  forgetHistory(): void {
    this.undoManager.clear();
  }

  private step(kind: 'undo' | 'redo'): void {
    // A step whose effect nobody can see (a batch that set a value and set it back, or an edit a
    // peer has since overwritten) is passed over, so that every Ctrl+Z visibly does something.
    // A batch written in parts (undo-segments.ts) is undone and redone as a whole.
    const um = this.undoManager;
    const stack = () => (kind === 'undo' ? um.undoStack : um.redoStack);
    const before = this.snapshot.plan;
    this.undoing = kind;
    try {
      this.holding(() => {
        do {
          const batch = stack().at(-1)?.meta.get(BATCH);
          this.stepBatch = batch;
          do {
            if (kind === 'undo') um.undo();
            else um.redo();
          } while (batch !== undefined && stack().at(-1)?.meta.get(BATCH) === batch);
        } while (samePlan(before, this.snapshot.plan) && stack().length > 0);
      });
    } finally {
      this.undoing = null;
      this.stepBatch = undefined;
      um.stopCapturing();
    }
  }

  /** Runs `write` (several transactions) with one notification for all of them, after the last. */
  private holding(write: () => void): void {
    this.hold++;
    try {
      write();
    } finally {
      this.hold--;
      const held = this.held;
      if (this.hold === 0 && held) {
        this.held = null;
        for (const l of [...this.listeners]) safely(() => l(held.plan, held.change));
      }
    }
  }

  /** Marks each undo and redo step with the batch it belongs to. */
  private readonly onStackItem = (event: { stackItem: { meta: Map<unknown, unknown> } }): void => {
    event.stackItem.meta.set(BATCH, this.undoing ? this.stepBatch : this.batch);
  };

  /** A batch joined the open step of an invisible one (apply()): all that batch's steps join this one. */
  private readonly onStackJoined = (event: { stackItem: { meta: Map<unknown, unknown> } }): void => {
    const joined = event.stackItem.meta.get(BATCH);
    if (this.undoing || joined === this.batch) return;
    const stack = this.undoManager.undoStack;
    for (let i = stack.length - 1; i >= 0 && stack[i]!.meta.get(BATCH) === joined; i--)
      stack[i]!.meta.set(BATCH, this.batch);
  };

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onProblem(listener: (p: StateProblem) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  onUpdate(listener: UpdateListener): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  encodeState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }
  encodeStateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }
  encodeDiff(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  applyUpdate(update: Uint8Array, origin: ChangeOrigin | object): boolean {
    try {
      Y.applyUpdate(this.doc, update, origin);
      return true;
    } catch {
      const o = this.originOf(origin);
      this.record({ code: 'invalid-update', origin: o, section: 'plan', message: messages.invalidUpdate(o) });
      return false;
    }
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.doc.off('update', this.onDocUpdate);
    this.undoManager.destroy();
    this.listeners.clear();
    this.updateListeners.clear();
    this.problemListeners.clear();
    this.doc.destroy();
  }

  private originOf(origin: unknown): ChangeOrigin {
    if (origin === this.local) return 'local';
    if (origin === this.undoManager) return this.undoing ?? 'undo';
    if (typeof origin === 'string' && ORIGINS.has(origin as ChangeOrigin)) return origin as ChangeOrigin;
    // Providers pass themselves as origin: anything else came from a peer.
    return 'remote';
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    if (!this.snapshot.mark(tr)) return;
    const origin = this.originOf(tr.origin);
    const before = this.snapshot.plan;
    let flushed;
    try {
      flushed = this.snapshot.flush(origin);
    } catch {
      // A bug or a shape no guard foresaw must not break the page: keep the last snapshot.
      this.record({ code: 'invalid-update', origin, section: 'plan', message: messages.invalidUpdate(origin) });
      return;
    }
    if (!flushed) return;
    for (const p of flushed.problems) this.record(p);
    if (flushed.plan === before) return;
    if (this.hold > 0) {
      this.held = this.held ? { plan: flushed.plan, change: joinChanges(this.held.change, flushed.change) } : flushed;
      return;
    }
    for (const l of [...this.listeners]) safely(() => l(flushed.plan, flushed.change));
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const o = this.originOf(origin);
    for (const l of [...this.updateListeners]) safely(() => l(update, o, origin));
  };

  private record(p: StateProblem): void {
    this.problemLog.push(p);
    if (this.problemLog.length > this.maxProblems) this.problemLog.shift();
    for (const l of [...this.problemListeners]) safely(() => l(p));
  }
}

function joinChanges(a: PlanChange, b: PlanChange): PlanChange {
  const join = <T>(x?: ReadonlySet<T>, y?: ReadonlySet<T>) =>
    x || y ? new Set([...(x ?? []), ...(y ?? [])]) : undefined;
  const out: PlanChange = { origin: b.origin, rows: join(a.rows, b.rows)! };
  const fields = join(a.fields, b.fields);
  const collections = join(a.collections, b.collections);
  if (fields) out.fields = fields;
  if (collections) out.collections = collections;
  return out;
}

/** The doc keys rows by id, so a plan with a repeated id keeps one row for it: say so. */
function duplicateIds(plan: Plan): StateProblem[] {
  const out: StateProblem[] = [];
  for (const c of COLLECTIONS) {
    const seen = new Set<string>();
    for (const row of plan[c] as { id: string }[]) {
      if (seen.has(row.id))
        out.push({
          code: 'invalid-row',
          origin: 'load',
          section: c,
          rowId: row.id,
          message: messages.duplicateRow(c, row.id),
        });
      seen.add(row.id);
    }
  }
  return out;
}
