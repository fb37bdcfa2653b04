import type { ActivityAllocation, Allocation } from '../../src/model/allocation.ts';

/** One id → activity-allocation map per allocation object, shared by every grid that reads it. */
const indexes = new WeakMap<Allocation, Map<string, ActivityAllocation>>();

export function activityAllocations(allocation: Allocation): Map<string, ActivityAllocation> {
  let map = indexes.get(allocation);
  if (!map) {
    map = new Map(allocation.activities.map((x) => [x.activityId, x]));
    indexes.set(allocation, map);
  }
  return map;
}
