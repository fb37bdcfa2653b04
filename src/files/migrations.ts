import { z } from '../model/zod.ts';
import { Id, text } from '../model/primitives.ts';
import { upgradePlan } from '../model/upgrade.ts';
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
 *
 * formatVersion 1: the current file shape holding plans of plan format 1. Migrating brings every
 * scenario's plan to the current plan model (model/upgrade.ts: market-share definition and area
 * total, patients' representation, evaluation moments; the area total stays empty, never guessed,
 * and the validation asks for it).
 *
 * The old schemas check the file's own shape; plans are checked once, by the current schema, after
 * upgradePlan, so an old plan is judged by one set of rules with one kind of message.
 */

/** A plan inside an old file: an object, read by the current schema after upgradePlan. */
const OldPlan = z.record(z.string(), z.unknown());
const Time = z.number().check(z.int(), z.minimum(0), z.maximum(8.64e15));

export const FileV0 = z.strictObject({
  formatVersion: z.literal(0),
  name: text(200),
  chosen: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_SCENARIOS - 1))),
  scenarios: z
    .array(z.strictObject({ name: text(120).check(z.minLength(1)), plan: OldPlan }))
    .check(z.minLength(1), z.maxLength(MAX_SCENARIOS)),
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
  plan: { id: file.scenarios[0]!.plan.id as string, name: file.name },
  scenarios: file.scenarios.map((s, i) => ({
    id: `scenario-${i + 1}`,
    name: s.name,
    chosen: file.chosen === i,
    createdAt: now,
    updatedAt: now,
    plan: s.plan,
  })),
});

export const FileV1 = z.strictObject({
  formatVersion: z.literal(1),
  kind: z.literal(FILE_KIND),
  exportedAt: z.iso.datetime(),
  plan: z.strictObject({ id: Id, name: text(200) }),
  scenarios: z
    .array(
      z.strictObject({
        id: Id,
        name: text(120).check(z.minLength(1)),
        chosen: z.boolean(),
        createdAt: Time,
        updatedAt: Time,
        plan: OldPlan,
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_SCENARIOS)),
});

const v1to2 = (file: z.infer<typeof FileV1>): unknown => ({
  ...file,
  formatVersion: 2,
  scenarios: file.scenarios.map((s) => ({ ...s, plan: upgradePlan(s.plan) })),
});

/** FILE_MIGRATIONS[n] reads version n and returns version n + 1. */
export const FILE_MIGRATIONS: readonly FileMigration[] = [
  { schema: FileV0, up: v0to1 as FileMigration['up'] },
  { schema: FileV1, up: v1to2 as FileMigration['up'] },
];
