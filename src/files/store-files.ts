import type { ScenarioStore, StoreResult } from '../store/types.ts';
import { exportPlanFile, type PlanMeta } from './export.ts';
import type { FileScenario, PlanFile } from './format.ts';

/**
 * Every scenario of the store's plan as a plan file. Works in memory mode as well: the store
 * reads open scenarios from their live state, so an export after a failed save has the latest edits.
 */
export async function exportStore(store: ScenarioStore, meta: PlanMeta): Promise<StoreResult<string>> {
  const scenarios: FileScenario[] = [];
  for (const s of await store.list()) {
    const plan = await store.readPlan(s.id);
    if (!plan.ok) return plan;
    scenarios.push({
      id: s.id,
      name: s.name,
      chosen: s.chosen,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      plan: plan.value,
    });
  }
  return { ok: true, value: exportPlanFile(meta, scenarios) };
}

/** Adds an imported file's scenarios to the store as new scenarios (nothing existing is overwritten). */
export async function importIntoStore(store: ScenarioStore, file: PlanFile): Promise<StoreResult<string[]>> {
  const ids: string[] = [];
  for (const s of file.scenarios) {
    const created = await store.create(s.name, s.plan);
    if (!created.ok) return created;
    ids.push(created.value.id);
    if (s.chosen) {
      const chosen = await store.markChosen(created.value.id);
      if (!chosen.ok) return chosen;
    }
  }
  return { ok: true, value: ids };
}
