import { newPlan, Plan } from '../model/plan.ts';
import { upgradePlan } from '../model/upgrade.ts';
import { stMsg } from '../i18n/store.ts';
import { FILE_KIND } from './format.ts';
import { describe, parsePlanFileValue, readJsonObject, type ImportError, type ImportOptions } from './import.ts';

/*
 * Plans of a person's own: started empty, from the handbook example, or opened from a file. Each
 * gets a plan id of its own, so its scenarios are stored apart from the site's plan and the samples
 * (the store keeps scenarios per plan id) and nothing of those is overwritten or compared with it.
 */

export const OWN_PLAN_PREFIX = 'eigen-';

/** Whether a plan id is one of a person's own plans (no published file behind it). */
export const isOwnPlanId = (id: string): boolean => id.startsWith(OWN_PLAN_PREFIX);

const newOwnPlanId = (): string => `${OWN_PLAN_PREFIX}${crypto.randomUUID()}`;

/** One scenario to store for an own plan; `name` null: the planner's name for a first scenario. */
export interface OwnScenario {
  name: string | null;
  plan: Plan;
  chosen: boolean;
}

/** An own plan: its scenarios (at least one), all under one new plan id; `shown` is opened first. */
export interface OwnPlan {
  shown: Plan;
  scenarios: OwnScenario[];
}

export type OwnPlanResult = { ok: true; value: OwnPlan } | { ok: false; error: ImportError };

function own(scenarios: readonly OwnScenario[]): OwnPlan {
  const id = newOwnPlanId();
  const mine = scenarios.map((s) => ({ ...s, plan: { ...s.plan, id } }));
  return { shown: (mine.find((s) => s.chosen) ?? mine[0]!).plan, scenarios: mine };
}

/** An empty plan of one's own. */
export function emptyOwnPlan(name: string): OwnPlan {
  return own([{ name: null, plan: newPlan('', name), chosen: false }]);
}

/** The handleiding's example as a plan of one's own (loaded on demand). */
export async function templateOwnPlan(name: string): Promise<OwnPlan> {
  const raw: unknown = (await import('./templates/handbook.json')).default;
  const plan = Plan.parse(upgradePlan(raw));
  return own([{ name: null, plan: { ...plan, name }, chosen: false }]);
}

/**
 * A file a person opens as a plan of their own: a plan file (all its scenarios) or a single plan
 * (what the export menu's JSON and the sample plans are). Read with the plan-file import's guards
 * (size first, forbidden keys, zod); never throws; a refused file says why in nl and en.
 */
export async function openOwnPlanFile(input: string | Blob, options: ImportOptions = {}): Promise<OwnPlanResult> {
  const read = await readJsonObject(input, options);
  if (!read.ok) return read;
  const raw = read.value as { kind?: unknown };
  if (raw.kind === undefined) {
    let parsed: ReturnType<typeof Plan.safeParse>;
    try {
      parsed = Plan.safeParse(upgradePlan(raw));
    } catch {
      return { ok: false, error: { code: 'invalid', message: stMsg('file.invalid', { detail: 'plan' }) } };
    }
    if (!parsed.success)
      return {
        ok: false,
        error: { code: 'invalid', message: stMsg('file.invalid', { detail: describe(parsed.error) }) },
      };
    return { ok: true, value: own([{ name: null, plan: parsed.data, chosen: false }]) };
  }
  if (raw.kind !== FILE_KIND)
    return { ok: false, error: { code: 'invalid', message: stMsg('file.invalid', { detail: 'kind' }) } };
  const file = parsePlanFileValue(raw, options.now ?? Date.now());
  if (!file.ok) return file;
  return { ok: true, value: own(file.file.scenarios.map((s) => ({ name: s.name, plan: s.plan, chosen: s.chosen }))) };
}
