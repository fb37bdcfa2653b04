import type { Plan } from '../../src/model/plan.ts';
import { openScenarioStore, DB_NAME, type ScenarioStore } from '../../src/store/index.ts';

/** `local`: scenarios kept in this browser's IndexedDB; `none`: in memory only (the host keeps plans). */
export type StorageMode = 'local' | 'none';

export const asStorageMode = (value: unknown): StorageMode => (value === 'none' ? 'none' : 'local');

export { DB_NAME };

/**
 * The scenario store behind one planner. `none` is the store's memory backend: the same rules,
 * no BroadcastChannel (two planners on a page never hear each other), nothing ever unsaved.
 */
export function openPlannerStore(plan: Plan, mode: StorageMode, dbName: string): Promise<ScenarioStore> {
  return openScenarioStore({
    planId: plan.id,
    planName: plan.name,
    dbName: dbName || DB_NAME,
    ...(mode === 'none' ? { backend: 'memory' as const } : {}),
  });
}

const ROOM_CHARS = /[^A-Za-z0-9_.:-]/g;

/**
 * The workshop room of a scenario: `<plan>:<scenario id>`. The scenario every participant seeded from
 * the same host plan (deterministically, src/sync/seed.ts) is `<plan>:main`; every other scenario is
 * shared under the id its creator gave it, which everyone else adopts through the plan's shared
 * scenario list (src/sync/collab/scenario-list.ts, whose planRoom this matches).
 */
export function collabRoom(planId: string, scenarioId: string | null, seededId: string | null): string {
  const part = !scenarioId || scenarioId === seededId ? 'main' : scenarioId;
  const room = `${planId}:${part}`.replace(ROOM_CHARS, '_');
  const safe = /^[A-Za-z0-9_-]/.test(room) ? room : `p${room}`;
  return safe.length <= 128 ? safe : `${safe.slice(0, 127 - part.length)}:${part}`;
}
