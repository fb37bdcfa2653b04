import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { PlanState } from '../../src/sync/state.ts';
import { createAllocator } from '../../src/engine/allocate.ts';
import { createValidator } from '../../src/engine/validate.ts';
import { samePlan } from '../../src/sync/plain-values.ts';

interface Pending {
  plan: Plan;
  frame: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The engine behind one planner: findings now, amounts after the paint. An edit's marks and
 * findings are in the frame that follows it, while the allocation (the costly part: a default-split
 * edit recomputes every activity using it) runs in a task after that frame and updates the euro
 * view, totals and flow one frame later. A loaded plan gets both at once.
 *
 * Each planner has its own incremental allocator and validator: their caches are keyed by row
 * identity, so two planners on a page must not share them; a new state starts new ones.
 */
export class EngineController implements ReactiveController {
  findings: readonly Finding[] = [];
  private shown: Allocation | null = null;
  private validate = createValidator();
  private allocate = createAllocator();
  /** The plan whose allocation is still to come, and the scheduled run that computes it. */
  private pending: Pending | null = null;
  private off: (() => void) | null = null;
  /** The plan the findings (and, once nothing is pending, the amounts) are of. */
  private computed: Plan | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** After every change that is not a load: the host announces it (rp-change). */
    private readonly changed: (plan: Plan) => void,
    /** An engine bug: the last result is kept and the host says so. */
    private readonly failed: () => void,
  ) {
    host.addController(this);
  }

  /** The allocation of the current plan; never the previous plan's: a pending run is done now. */
  get allocation(): Allocation | null {
    if (this.pending) {
      this.allocateNow(this.pending.plan);
      this.host.requestUpdate();
    }
    return this.shown;
  }

  /** The allocation on screen (a pending run lands a frame later). */
  get shownAllocation(): Allocation | null {
    return this.shown;
  }

  /**
   * Follows a new state (a new plan, a stored scenario opened, a switch). A state or a load that
   * only re-reads the plan computed last (the live state taking over, a stored scenario opening
   * with what was shown) keeps its findings and amounts: new ones would re-render the sections,
   * and a field someone is typing in would be written over.
   */
  watch(state: PlanState): void {
    this.off?.();
    this.cancel();
    this.validate = createValidator();
    this.allocate = createAllocator();
    this.off = state.subscribe((plan, change) => {
      const load = change.origin === 'load';
      if (load && this.reread(plan)) return;
      this.recompute(plan, !load);
      if (!load) this.changed(plan);
    });
    if (!this.reread(state.plan)) this.recompute(state.plan, false);
  }

  /** The same content as the plan last computed (whose results stand). */
  private reread(plan: Plan): boolean {
    return !this.pending && this.computed !== null && samePlan(this.computed, plan);
  }

  hostConnected(): void {}

  private recompute(plan: Plan, allocationLater: boolean): void {
    this.computed = plan;
    try {
      this.findings = this.validate(plan);
    } catch {
      this.failed();
    }
    if (allocationLater) this.schedule(plan);
    else this.allocateNow(plan);
    this.host.requestUpdate();
  }

  private allocateNow(plan: Plan): void {
    this.cancel();
    try {
      this.shown = this.allocate(plan);
    } catch {
      this.failed();
    }
  }

  /** One run per burst of edits, for the newest plan; a newer edit replaces the plan it will use. */
  private schedule(plan: Plan): void {
    if (this.pending) {
      this.pending.plan = plan;
      return;
    }
    const run = (): void => {
      if (this.pending && this.pending === scheduled) {
        this.allocateNow(scheduled.plan);
        this.host.requestUpdate();
      }
    };
    // A frame callback runs before that frame's paint; the task it queues runs after it. A page
    // without frames (hidden tab) still gets its amounts from the timer.
    const scheduled: Pending = {
      plan,
      frame: requestAnimationFrame(() => setTimeout(run, 0)),
      timer: setTimeout(run, 250),
    };
    this.pending = scheduled;
  }

  private cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    cancelAnimationFrame(pending.frame);
    clearTimeout(pending.timer);
  }
}
