import type { Plan } from '../model/plan.ts';
import { applyOps, DEFAULT_SPLIT_ROW, type Collection, type PlanField, type PlanOp } from '../model/ops.ts';
import { opProblem, opSection } from './validate-op.ts';
import { messages } from './messages.ts';
import { safely } from './safely.ts';
import { deepFreeze, samePlan } from './plain-values.ts';
import type { ChangeOrigin, PlanChange, PlanState, StateProblem } from './state.ts';
import type { YPlanState } from './plan-state.ts';
import type * as Y from 'yjs';

/*
 * A plan state that is plain until the live (Yjs) state is needed, and delegates to it from then
 * on. Most people who open a plan only read it, and reading needs no CRDT: Yjs is loaded (dynamic
 * import) on the first edit, or earlier when something asks for `live()` (a workshop, another tab
 * editing the same scenario). Edits made while it loads are shown at once, each batch one undo
 * step, and are replayed into the live state in order when it arrives, so nothing typed in that
 * moment is lost and undo and redo carry on where they were.
 *
 * This module must not import Yjs (or anything that does) statically: it is in the first load.
 */

type Listener = (plan: Plan, change: PlanChange) => void;
type ProblemListener = (problem: StateProblem) => void;

/** A live state: apply, undo and change events as in PlanState; problems when it reports them. */
type Live = PlanState & { onProblem?(listener: ProblemListener): () => void };

export interface DeferredOptions<S extends Live> {
  /** Builds the live state from the plan the deferred state started with. Default: createPlanState. */
  load?: (plan: Plan) => Promise<S>;
  /** Start loading the live state at the first edit (default). Off: only when `live()` is called. */
  loadOnEdit?: boolean;
}

// Built in steps: the live state arrives while a person keeps typing, without a long task.
const loadPlanState = async (plan: Plan): Promise<YPlanState> =>
  (await import('./plan-state.ts')).createPlanStateInSteps(plan);

export class DeferredPlanState<S extends Live = YPlanState> implements PlanState {
  /** The plan after each batch of edits; history[0] is the starting plan, history[at] is shown. */
  private history: Plan[];
  private batches: PlanOp[][] = [];
  private at = 0;
  private current: S | null = null;
  private loading: Promise<S> | null = null;
  private destroyed = false;
  private preparing = false;
  private readonly listeners = new Set<Listener>();
  private readonly problemListeners = new Set<ProblemListener>();
  private readonly stops: (() => void)[] = [];
  private readonly load: (plan: Plan) => Promise<S>;
  private readonly loadOnEdit: boolean;

  /** `plan` is frozen, as the live state's snapshots are: pass a copy if it is not yours. */
  constructor(plan: Plan, options: DeferredOptions<S> = {}) {
    this.history = [deepFreeze(plan)];
    this.load = options.load ?? (loadPlanState as unknown as (plan: Plan) => Promise<S>);
    this.loadOnEdit = options.loadOnEdit ?? true;
  }

  get plan(): Plan {
    return this.current?.plan ?? this.history[this.at]!;
  }
  get canUndo(): boolean {
    return this.current ? this.current.canUndo : this.at > 0;
  }
  get canRedo(): boolean {
    return this.current ? this.current.canRedo : this.at < this.batches.length;
  }
  /** The batches of edits shown, in order, each as applied to the plan before it (none once live). */
  get edits(): readonly (readonly PlanOp[])[] {
    return this.batches.slice(0, this.at);
  }
  /** The live state, once it has taken over. */
  get liveState(): S | null {
    return this.current;
  }

  apply(ops: readonly PlanOp[]): void {
    if (this.destroyed) return;
    if (this.current) {
      this.current.apply(ops);
      return;
    }
    const before = this.plan;
    const valid: PlanOp[] = [];
    for (const o of ops) {
      const reason = opProblem(o, (c, id) => rowsOf(before, c).some((r) => r.id === id));
      if (reason === null) valid.push(o);
      else
        this.report({
          code: 'invalid-op',
          origin: 'local',
          section: opSection(o),
          message: messages.invalidOp(reason),
        });
    }
    if (valid.length === 0) return;
    let next: Plan;
    try {
      next = applyOps(before, valid);
    } catch {
      this.report({ code: 'invalid-op', origin: 'local', section: 'plan', message: messages.invalidOp('plan') });
      return;
    }
    // As in the live state, an edit nobody can see is no undo step (every Ctrl+Z does something).
    if (samePlan(before, next)) return;
    deepFreeze(next);
    this.batches.length = this.at;
    this.history.length = this.at + 1;
    this.batches.push(valid);
    this.history.push(next);
    this.at++;
    this.emit(next, changeOf(valid, 'local'));
    if (this.loadOnEdit) void this.live().catch(() => {});
  }

  undo(): void {
    this.step('undo');
  }
  redo(): void {
    this.step('redo');
  }

  private step(kind: 'undo' | 'redo'): void {
    if (this.destroyed) return;
    if (this.current) {
      if (kind === 'undo') this.current.undo();
      else this.current.redo();
      return;
    }
    if (kind === 'undo' ? this.at === 0 : this.at === this.batches.length) return;
    const batch = this.batches[kind === 'undo' ? this.at - 1 : this.at]!;
    this.at += kind === 'undo' ? -1 : 1;
    this.emit(this.plan, changeOf(batch, kind));
  }

  /**
   * Someone is about to edit (an editable cell got focus): build the live state now, in idle
   * time, so that the first edit finds it ready instead of waiting for it. Does nothing once it
   * is there or on its way.
   */
  prepare(): void {
    if (this.current || this.loading || this.destroyed || this.preparing) return;
    this.preparing = true;
    whenIdle(() => {
      this.preparing = false;
      if (!this.destroyed) void this.live().catch(() => {});
    });
  }

  /** The live state, loading it when it is not there yet. A failed load is reported and retried on the next call. */
  live(): Promise<S> {
    if (this.current) return Promise.resolve(this.current);
    if (this.destroyed) return Promise.reject(new Error('plan state destroyed'));
    this.loading ??= this.load(this.history[0]!).then(
      (live) => this.takeOver(live),
      (e: unknown) => {
        this.loading = null;
        this.report({
          code: 'storage-failed',
          origin: 'local',
          section: 'plan',
          message: messages.storageFailed(e instanceof Error ? e.name : String(e).slice(0, 80)),
        });
        throw e;
      },
    );
    return this.loading;
  }

  /** Resolves once every edit made so far is in the live state, or loading it failed (and was reported). */
  async settle(): Promise<void> {
    if (this.current || this.destroyed || (!this.loading && this.batches.length === 0)) return;
    await this.live().catch(() => {});
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onProblem(listener: ProblemListener): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    for (const stop of this.stops) stop();
    this.listeners.clear();
    this.problemListeners.clear();
    this.current?.destroy();
  }

  private takeOver(live: S): S {
    if (this.destroyed) {
      live.destroy();
      throw new Error('plan state destroyed');
    }
    if (live.onProblem) this.stops.push(live.onProblem((p) => this.report(p)));
    for (const batch of this.batches.slice(0, this.at)) live.apply(batch);
    // Undone batches are replayed and undone again, so that redo still has them. Only a batch
    // that changed something is one undo step of the live state.
    let undone = 0;
    for (const batch of this.batches.slice(this.at)) {
      const before = live.plan;
      live.apply(batch);
      if (!samePlan(before, live.plan)) undone++;
    }
    for (let i = 0; i < undone; i++) live.undo();
    this.current = live;
    this.history = [];
    this.batches = [];
    this.at = 0;
    this.stops.push(live.subscribe((plan, change) => this.emit(plan, change)));
    // The same plan, now read from the document (new objects): listeners re-read it, and since
    // every edit in it was announced already, it comes as a load, not as another edit.
    this.emit(live.plan, { origin: 'load', rows: new Set() });
    return live;
  }

  private emit(plan: Plan, change: PlanChange): void {
    for (const l of [...this.listeners]) safely(() => l(plan, change));
  }

  private report(problem: StateProblem): void {
    for (const l of [...this.problemListeners]) safely(() => l(problem));
  }
}

/** A plan state that loads Yjs only when the plan is first edited (see DeferredPlanState); `plan` is copied. */
export const deferredPlanState = (plan: Plan): DeferredPlanState => new DeferredPlanState(structuredClone(plan));

/** The live (Yjs) state behind a plan state, loading it when needed: a workshop shares the document itself. */
export function liveStateOf(state: PlanState): Promise<YPlanState> {
  return state instanceof DeferredPlanState
    ? (state as DeferredPlanState).live()
    : Promise.resolve(state as YPlanState);
}

/** The live Yjs document behind a state once it is built; null while the state is plain. */
export function liveDocOf(state: PlanState | null): Y.Doc | null {
  const live = state instanceof DeferredPlanState ? state.liveState : state;
  return (live as Partial<YPlanState> | null)?.doc ?? null;
}

/** Runs `work` when the page is idle (soon, at the latest), so it never delays a frame the user waits for. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: 1000 });
  else setTimeout(work, 0);
}

const rowsOf = (plan: Plan, c: string): readonly { id: string }[] =>
  (plan[c as Collection] as readonly { id: string }[] | undefined) ?? [];

function changeOf(ops: readonly PlanOp[], origin: ChangeOrigin): PlanChange {
  const rows = new Set<string>();
  const fields = new Set<PlanField>();
  const collections = new Set<Collection>();
  for (const o of ops) {
    if (o.op === 'set-field') fields.add(o.field);
    else if (o.op === 'set-split') {
      rows.add(o.rowId);
      if (o.rowId !== DEFAULT_SPLIT_ROW) collections.add('activities');
    } else {
      rows.add(o.op === 'insert-row' ? o.row.id : o.id);
      collections.add(o.collection);
    }
  }
  return { origin, rows, fields, collections };
}
