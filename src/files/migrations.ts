import { z } from '../model/zod.ts';
import { Plan } from '../model/plan.ts';
import { text } from '../model/primitives.ts';
import { FILE_KIND, MAX_SCENARIOS } from './format.ts';

/*
 * Older file formats, each with its own schema and one function to the next version. Adding a
 * format is: bump FILE_FORMAT_VERSION, describe the old shape here, add one step to FILE_MIGRATIONS.
 *
 * formatVersion 0 (pre-release builds): the plan's name, the scenarios as a list of { name, plan },
 * and the chosen one as an index; no ids, no timestamps:
 *   { "formatVersion": 0, "name": "…", "chosen": 1 | null, "scenarios": [{ "name": "…", "plan": {…} }] }
 * Migrating gives the scenarios ids "scenario-1", "scenario-2", … and the plan the first scenario's
 * plan id; times become the moment of import.
 */

export const FileV0 = z.strictObject({
  formatVersion: z.literal(0),
  name: text(200),
  chosen: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SCENARIOS - 1))),
  scenarios: z.array(z.strictObject({ name: text(120).check(z.minLength(1)), plan: Plan })).check(z.minLength(1), z.maxLength(MAX_SCENARIOS)),
});

export interface FileMigration {
  schema: z.ZodMiniType;
  /** Input is already parsed by `schema`; output is the next version's unparsed shape. */
  up(file: never, now: number): unknown;
}

const v0to1 = (file: z.infer<typeof FileV0>, now: number): unknown => ({
  formatVersion: 1,
  kind: FILE_KIND,
  exportedAt: new Date(now).toISOString(),
  plan: { id: file.scenarios[0]!.plan.id, name: file.name },
  scenarios: file.scenarios.map((s, i) => ({
    id: `scenario-${i + 1}`, name: s.name, chosen: file.chosen === i, createdAt: now, updatedAt: now, plan: s.plan,
  })),
});

/** FILE_MIGRATIONS[n] reads version n and returns version n + 1. */
export const FILE_MIGRATIONS: readonly FileMigration[] = [{ schema: FileV0, up: v0to1 as FileMigration['up'] }];
