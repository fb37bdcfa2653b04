import type { Plan } from '../../src/model/plan.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import { createAllocator } from '../../src/engine/allocate.ts';
import { createValidator } from '../../src/engine/validate.ts';

export interface EngineResult {
  allocation: Allocation;
  findings: Finding[];
}

/**
 * One planner's engine: its own incremental allocator and validator (each keeps caches keyed by
 * row identity, so two planners on a page must not share them). Run once per plan change.
 */
export function createEngine(): (plan: Plan) => EngineResult {
  const allocate = createAllocator();
  const validate = createValidator();
  return (plan) => ({ allocation: allocate(plan), findings: validate(plan) });
}
