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

/**
 * The worker's answer: the plan, or null when the document no longer holds that state; `failed`
 * when its copy of the document could not take what it was sent (the copy is no good any more).
 */
export interface PlanAtAnswer {
  id: number;
  plan: Plan | null;
  failed?: true;
}
