import { FORMAT_VERSION } from './plan.ts';

/*
 * Plans written by older versions, brought up to the current model before the schema reads them
 * (files, IndexedDB records, a host page's `plan`, a Yjs document). Plain object work, no schema:
 * the result is parsed by `Plan` afterwards, so whatever is not an old plan passes through as it
 * is and gets the schema's own message.
 *
 * formatVersion 1 → 2: market shares as the handleiding defines them and the §4 agreement content.
 *  - marketShare: { definition: '', insuredTotal: null, laterYears: [] }. The area total is never
 *    guessed (not even as the sum of the listed insurers): a plan with insurers' counts then gets
 *    the finding "area-total-missing" asking for it.
 *  - patientRepresentation: '', evaluationMoments: [].
 *  - activities: their new fields (description, justification, regularShare,
 *    regularShareExplanation) are optional, so an older activity is already valid.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Defaults of the plan fields added in version 2 (also used to read older Yjs documents). */
export const V2_PLAN_DEFAULTS = {
  marketShare: { definition: '', insuredTotal: null, laterYears: [] },
  patientRepresentation: '',
  evaluationMoments: [],
} as const;

/** Adds the fields that are missing; keeps what is there. */
function withDefaults(obj: Obj, defaults: Readonly<Obj>): Obj {
  const out: Obj = { ...obj };
  for (const [k, v] of Object.entries(defaults)) if (!(k in out)) out[k] = structuredClone(v);
  return out;
}

/** The plan in the current model when it is a plan of an older version; anything else unchanged. */
export function upgradePlan(raw: unknown): unknown {
  if (!isObj(raw) || raw.formatVersion !== 1) return raw;
  const plan = withDefaults(raw, V2_PLAN_DEFAULTS);
  plan.formatVersion = FORMAT_VERSION;
  return plan;
}

/** True for a plan version upgradePlan can bring up to date. */
export const isOlderPlanVersion = (v: unknown): boolean => v === 1;
