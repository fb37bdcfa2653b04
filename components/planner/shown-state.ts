import type { ReactiveControllerHost } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { PlanState, StateProblem } from '../../src/sync/state.ts';
import { DeferredPlanState } from '../../src/sync/deferred-state.ts';
import { samePlan } from '../../src/sync/plain-values.ts';
import type { OpenScenario, SaveInfo, StoreError } from '../../src/store/types.ts';

/** What the scenario controller tells its host. */
export interface ScenarioEvents {
  /** The shown state was replaced: a new plan, a stored scenario opened, a switch. */
  stateChanged(state: PlanState): void;
  /** The state to share in a workshop is known, or changed. */
  ready(): void;
  problem(problem: StateProblem): void;
  saved(info: SaveInfo): void;
  storeError(error: StoreError): void;
}

/** A plain state: a plan shown before (or without) its stored scenario, with its own undo. */
export const plainState = (plan: Plan): PlanState => new DeferredPlanState(plan, { loadOnEdit: false });

/**
 * The state the planner shows, and the stored scenario it belongs to (none while the plan is not
 * stored). Replacing it closes the scenario shown before behind it (flushed first) and tells the
 * host; every change of the shown plan that is not a load reaches `changed`.
 */
export abstract class ShownState {
  state: PlanState | null = null;
  /**
   * The plan the sections are given: the state's, except that a change that only re-reads the
   * same content (the live state taking over after focus prepared it, a stored scenario opening
   * with what was shown) keeps the object they have. A new object would re-render every section,
   * and a field someone is typing in would be written over with the stored value, dropping the
   * keystrokes (and, with them, the edit).
   */
  viewPlan: Plan | null = null;
  protected opened: OpenScenario | null = null;
  /** The scenarios shown before, closing one after the other. */
  protected closing: Promise<void> = Promise.resolve();
  private stateOff: (() => void)[] = [];

  constructor(
    protected readonly host: ReactiveControllerHost,
    protected readonly events: ScenarioEvents,
  ) {}

  /** A change of the shown plan (an edit, undo, redo, a host's set, a peer's). */
  protected abstract changed(): void;

  private view(plan: Plan, reread: boolean): void {
    if (!reread || !this.viewPlan || !samePlan(this.viewPlan, plan)) this.viewPlan = plan;
  }

  /** Replaces the shown state; a stored scenario shown before is flushed and closed behind it. */
  protected show(next: PlanState, opened: OpenScenario | null): void {
    for (const off of this.stateOff) off();
    const before = this.opened;
    if (before) this.closing = this.closing.then(() => before.close()).catch(() => {});
    else if (this.state && this.state !== next) this.state.destroy();
    this.state = next;
    this.opened = opened;
    this.view(next.plan, true);
    this.stateOff = [
      next.subscribe((plan, change) => {
        this.view(plan, change.origin === 'load');
        if (change.origin !== 'load') this.changed();
      }),
    ];
    const problems = (next as { onProblem?: (l: (p: StateProblem) => void) => () => void }).onProblem;
    if (problems) this.stateOff.push(problems.call(next, (p) => this.events.problem(p)));
    this.events.stateChanged(next);
    this.host.requestUpdate();
  }
}
