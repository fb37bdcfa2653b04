import { z } from '../model/zod.ts';
import { Id, text } from '../model/primitives.ts';
import { Plan } from '../model/plan.ts';

/*
 * The plan file: one plan with all its scenarios, as JSON. `formatVersion` is the file format's
 * version (independent of the plan model's own formatVersion). Older versions are migrated in
 * migrations.ts; this file describes only the current one.
 */

export const FILE_FORMAT_VERSION = 2 as const;
export const FILE_KIND = 'regioplan-plan' as const;
/** Files are refused above this size, before any parsing. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_SCENARIOS = 50;

/** Epoch milliseconds. */
const Time = z.number().check(z.int(), z.minimum(0), z.maximum(8.64e15));

export const FileScenario = z.strictObject({
  id: Id,
  name: text(120).check(z.minLength(1)),
  chosen: z.boolean(),
  createdAt: Time,
  updatedAt: Time,
  plan: Plan,
});
export type FileScenario = z.infer<typeof FileScenario>;

export const PlanFile = z
  .strictObject({
    formatVersion: z.literal(FILE_FORMAT_VERSION),
    kind: z.literal(FILE_KIND),
    exportedAt: z.iso.datetime(),
    plan: z.strictObject({ id: Id, name: text(200) }),
    scenarios: z.array(FileScenario).check(z.minLength(1), z.maxLength(MAX_SCENARIOS)),
  })
  .check(
    z.superRefine((file, ctx) => {
      const ids = new Set<string>();
      file.scenarios.forEach((s, i) => {
        if (ids.has(s.id))
          ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], message: 'duplicate scenario id' });
        ids.add(s.id);
      });
      if (file.scenarios.filter((s) => s.chosen).length > 1) {
        ctx.addIssue({ code: 'custom', path: ['scenarios'], message: 'more than one chosen scenario' });
      }
    }),
  );
export type PlanFile = z.infer<typeof PlanFile>;
