import { StoreAbort, storeError } from './errors.ts';
import type { ScenarioRecord, SnapshotRecord } from './schema.ts';
import type { ScenarioInfo, SnapshotInfo } from './types.ts';

/** Longest scenario name and snapshot label. */
export const NAME_MAX = 120;

/** A scenario as lists show it (without its seed plan). */
export const scenarioInfo = (r: ScenarioRecord): ScenarioInfo => ({
  id: r.id,
  planId: r.planId,
  name: r.name,
  chosen: r.chosen,
  revision: r.revision,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  deletedAt: r.deletedAt,
});

export const snapshotInfo = (s: SnapshotRecord): SnapshotInfo => ({
  id: s.id!,
  scenarioId: s.scenarioId,
  label: s.label,
  createdAt: s.createdAt,
});

/** The trimmed name, or a StoreAbort with `name-invalid`. */
export function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > NAME_MAX) throw new StoreAbort(storeError('name-invalid'));
  return trimmed;
}
