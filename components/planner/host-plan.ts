import type { Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import { planDiffOps } from '../../src/store/plan-diff.ts';
import type { OwnPlan, OwnScenario } from '../../src/files/own-plan.ts';
import { readPlan, type PlanInput } from './plan-input.ts';

/** What a host's set means for what is shown (README, "The plan property"). */
export type HostSet =
  /** Nothing to do: the same object again (a framework's re-render) or rp-change's plan echoed back. */
  | { kind: 'echo' }
  /** The value is no plan: refused with a message. */
  | { kind: 'refused'; read: PlanInput & { ok: false } }
  /** The same content as what is shown or was set last: nothing changes. */
  | { kind: 'same'; read: PlanInput }
  /** A later set of the shown plan: its difference becomes one undoable step. */
  | { kind: 'change'; read: PlanInput; ops: PlanOp[] }
  /** Another plan (or the first): it is shown at once and its store is opened. */
  | { kind: 'new'; read: PlanInput; plan: Plan };

const sameContent = (a: Plan, b: Plan): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The host's side of the plan property: which plan the host set last, which one was set first for
 * this plan id (the published file that decides which stored scenario opens), and whether the
 * shown plan changed before its stored scenario opened (what is then carried over).
 */
export class HostPlan {
  /** The first plan set for this plan id: the published file. */
  first: Plan | null = null;
  /** Something changed the shown plan before its stored scenario opened. */
  dirty = false;
  /** …and that was (also) a host's set: then the shown plan wins over the stored content. */
  laterSet = false;
  /** Someone is about to edit the plan before it is stored (its live state is being prepared). */
  wantsLive = false;
  /** A plan of the user's own not stored yet: the scenarios to store for it (the shown one among them). */
  seeds: readonly OwnScenario[] | null = null;
  private input: unknown = undefined;
  private last: Plan | null = null;

  /** Reads a host's value against the plan shown now (null: nothing shown yet). */
  receive(value: unknown, shown: Plan | null): HostSet {
    // Frameworks hand the same object again on every render, and hosts echo rp-change's plan back:
    // neither is a new plan, and treating it as one would drop the undo history.
    if (shown && value !== null && typeof value === 'object' && (value === this.input || value === shown))
      return { kind: 'echo' };
    const read = readPlan(value);
    if (!read.ok) return { kind: 'refused', read };
    this.input = value;
    const plan = read.plan;
    if (shown && this.first && plan.id === shown.id) {
      // The same content as the last set (a framework re-render with a fresh object) is no new plan.
      if (this.last && sameContent(plan, this.last)) return { kind: 'same', read };
      this.last = plan;
      const ops = planDiffOps(shown, plan);
      return ops.length > 0 ? { kind: 'change', read, ops } : { kind: 'same', read };
    }
    this.start(plan);
    return { kind: 'new', read, plan };
  }

  /** A host's plan that starts afresh (its first set, or back from the user's own): it is the published file. */
  start(plan: Plan): void {
    this.last = plan;
    this.restart(plan, null);
  }

  /** The host's plan, set last (null: none yet). */
  get host(): Plan | null {
    return this.last;
  }

  /**
   * A plan of the user's own: a new one is shown at once and stored at once (it is the user's
   * doing); a stored one (`own` a plan with its id) opens its stored scenario.
   */
  startOwn(own: OwnPlan | Plan): void {
    const fresh = 'scenarios' in own;
    this.restart(fresh ? own.shown : own, fresh ? own.scenarios : null);
    this.dirty = fresh;
  }

  private restart(plan: Plan, seeds: readonly OwnScenario[] | null): void {
    this.first = plan;
    this.seeds = seeds;
    this.dirty = false;
    this.laterSet = false;
    this.wantsLive = false;
  }

  /**
   * What changed on screen before the stored scenario opened, as operations on `stored`: after a
   * host's set, the shown plan as a whole; after edits only, those edits. Resets the flags.
   */
  carry(stored: Plan, shown: Plan | undefined): PlanOp[] {
    const from = this.laterSet ? stored : this.first;
    const ops = shown && from && this.dirty ? planDiffOps(from, shown) : [];
    this.dirty = false;
    this.laterSet = false;
    return ops;
  }
}
