import type { RpPlanner } from '../components/planner/planner.ts';
import { t } from '../src/i18n/index.ts';
import type { Locale } from '../src/i18n/locale.ts';
import type { Plan } from '../src/model/plan.ts';
import { sampleScenarios } from './plans/scenarios.ts';

/*
 * Gives a sample plan its alternatives on a visitor's first visit, so "Vergelijken" shows
 * differences at once. Done through the planner's public API only: `scenarioStore` (the store the
 * planner opened for the plan; its `create(name, plan)` is what the scenario bar uses). The planner
 * follows a store that gets its first scenario (as it follows another tab), so it opens the base
 * scenario itself. A visitor who has stored scenarios of this plan already keeps them as they are.
 */

const WAIT_MS = 10_000;

/** The planner's store once it is open for this plan, or null when it does not open in time. */
async function storeFor(planner: RpPlanner, planId: string) {
  const end = performance.now() + WAIT_MS;
  while (performance.now() < end) {
    const store = planner.scenarioStore;
    if (store?.planId === planId) return store;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

export async function seedScenarios(planner: RpPlanner, sampleId: string, plan: Plan, locale: Locale): Promise<void> {
  const store = await storeFor(planner, plan.id);
  if (!store || store.mode === 'memory') return;
  if ((await store.list({ includeDeleted: true })).length > 0) return;
  const base = await store.create(t(locale, 'planner.firstScenario'), plan);
  if (!base.ok) return;
  for (const variant of sampleScenarios(sampleId, plan)) await store.create(variant.name[locale], variant.plan);
}
