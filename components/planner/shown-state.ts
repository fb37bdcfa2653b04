import type { ReactiveControllerHost } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { PlanState, StateProblem } from '../../src/sync/state.ts';
import { DeferredPlanState } from '../../src/sync/deferred-state.ts';
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

  /** Replaces the shown state; a stored scenario shown before is flushed and closed behind it. */
  protected show(next: PlanState, opened: OpenScenario | null): void {
    for (const off of this.stateOff) off();
    const before = this.opened;
    if (before) this.closing = this.closing.then(() => before.close()).catch(() => {});
    else if (this.state && this.state !== next) this.state.destroy();
    this.state = next;
    this.opened = opened;
    this.stateOff = [
      next.subscribe((_plan, change) => {
        if (change.origin !== 'load') this.changed();
      }),
    ];
    const problems = (next as { onProblem?: (l: (p: StateProblem) => void) => () => void }).onProblem;
    if (problems) this.stateOff.push(problems.call(next, (p) => this.events.problem(p)));
    this.events.stateChanged(next);
    this.host.requestUpdate();
  }
}
