import type { Plan } from '../model/plan.ts';
import type { PlanChange, PlanState } from './state.ts';

/**
 * How a component uses the live state (no lit or Handsontable here; this is the whole contract):
 *
 * ```ts
 * // 1. Read: watch the part of the plan the element shows. The callback runs now and then only
 * //    when that part's identity changes (unchanged rows keep their objects, so this is cheap).
 * this.stop = watch(state, (plan) => plan.activities, (activities) => { this.grid.rows = activities; });
 *
 * // 2. Write: a grid's rp-edit event carries PlanOps; hand them to the state as one batch.
 * grid.addEventListener('rp-edit', (e) => state.apply(e.detail.ops));
 *
 * // 3. Undo: Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) go to the state, never to the grid's own undo,
 * //    so that undo spans all grids and never reverts another person's edit.
 * if (e.key === 'z' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); e.shiftKey ? state.redo() : state.undo(); }
 *
 * // 4. disconnectedCallback(): this.stop();
 * ```
 * The engine follows the same way: `watch(state, (p) => p, (plan) => allocate(plan))`.
 */

/** Memoised read of a part of the plan: recomputed only when the plan object changes. */
export function selector<T>(pick: (plan: Plan) => T): (plan: Plan) => T {
  let lastPlan: Plan | undefined;
  let last: T;
  return (plan) => {
    if (plan !== lastPlan) {
      last = pick(plan);
      lastPlan = plan;
    }
    return last;
  };
}

/**
 * Calls `onChange` with the picked value now and whenever its identity changes. Returns the
 * function that stops watching.
 */
export function watch<T>(
  state: PlanState, pick: (plan: Plan) => T, onChange: (value: T, change: PlanChange | null) => void,
): () => void {
  const select = selector(pick);
  let current = select(state.plan);
  onChange(current, null);
  return state.subscribe((plan, change) => {
    const next = select(plan);
    if (Object.is(next, current)) return;
    current = next;
    onChange(next, change);
  });
}
