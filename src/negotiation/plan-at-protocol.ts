import type { Plan } from '../model/plan.ts';

/** What the page asks the plan-at worker: the plan at one point. */
export interface PlanAtRequest {
  id: number;
  /** What the worker's copy of the document lacks (empty when it has everything). */
  update: Uint8Array;
  /** The point's snapshot (Y.encodeSnapshot). */
  snap: Uint8Array;
  /** The plan's checksum at the point (planSum), when recorded. */
  sum?: number;
}

/** The worker's answer: the plan, or null when the document no longer holds that state. */
export interface PlanAtAnswer {
  id: number;
  plan: Plan | null;
}
