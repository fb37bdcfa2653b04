import { Plan } from '../../src/model/plan.ts';
import { upgradePlan } from '../../src/model/upgrade.ts';
import type { Msg } from '../../src/i18n/locale.ts';
import { fillMsg, ui } from '../../src/i18n/index.ts';

export type PlanInput = { ok: true; plan: Plan } | { ok: false; message: Msg; issues: string[] };

/**
 * Checks a plan handed to the element against the zod schema. The host page may pass anything
 * (parsed JSON, a framework's proxy, undefined), so this never throws; it explains in nl and en.
 */
export function readPlan(value: unknown): PlanInput {
  let parsed: ReturnType<typeof Plan.safeParse>;
  try {
    parsed = Plan.safeParse(upgradePlan(value));
  } catch (err) {
    // A hostile object (throwing getters, revoked proxy) must not take the host page down.
    parsed = { success: false, error: { issues: [{ path: [], message: String(err) }] } } as never;
  }
  if (parsed.success) return { ok: true, plan: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 20)
    .map((i) => `${i.path.map(String).join('.') || '(plan)'}: ${i.message}`);
  const vars = { count: parsed.error.issues.length, first: issues[0] ?? '' };
  return { ok: false, issues, message: fillMsg(ui['planner.invalidPlan'], vars) };
}
