import { FILE_FORMAT_VERSION, FILE_KIND, type FileScenario, type PlanFile } from './format.ts';

export interface PlanMeta {
  id: string;
  name: string;
}

/** The plan file as an object (what `exportPlanFile` serialises). */
export function planFile(meta: PlanMeta, scenarios: readonly FileScenario[], exportedAt = new Date()): PlanFile {
  return {
    formatVersion: FILE_FORMAT_VERSION,
    kind: FILE_KIND,
    exportedAt: exportedAt.toISOString(),
    plan: { id: meta.id, name: meta.name },
    scenarios: scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      chosen: s.chosen,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      plan: structuredClone(s.plan),
    })),
  };
}

/** A plan with all its scenarios as JSON text. */
export function exportPlanFile(meta: PlanMeta, scenarios: readonly FileScenario[], exportedAt = new Date()): string {
  return `${JSON.stringify(planFile(meta, scenarios, exportedAt), null, 2)}\n`;
}

/** The same as a Blob, for a download link. */
export function exportPlanBlob(meta: PlanMeta, scenarios: readonly FileScenario[], exportedAt = new Date()): Blob {
  return new Blob([exportPlanFile(meta, scenarios, exportedAt)], { type: 'application/json' });
}

/** A download file name: the plan's name, made safe for file systems. */
export function planFileName(meta: PlanMeta): string {
  const base = meta.name
    .normalize('NFKD')
    .replace(/[^\w\- ]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${base || meta.id}.regioplan.json`;
}
