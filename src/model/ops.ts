import type { Plan } from './plan.ts';
import type { Split } from './split.ts';

/*
 * Edits as operations. A grid edit becomes one or more ops; the state layer (src/sync) applies
 * them to the live document as one transaction. `applyOps` is the plain reference semantics, used
 * where no live document exists and to test that the document agrees with it.
 */

export type Collection = 'activities' | 'targetGroups' | 'providers' | 'funders' | 'domains';
export type RowOf<C extends Collection> = Plan[C][number];

/** The plan's own fields (not its collections or splits), in the order forms and diffs list them. */
export const PLAN_FIELDS = [
  'name',
  'region',
  'collaboration',
  'paymentTitle',
  'otherTitles',
  'executionModel',
  'leadProviderId',
  'period',
  'granularity',
  'deductibleCharged',
  'marketShareDate',
  'clauses',
  'marketShare',
  'patientRepresentation',
  'evaluationMoments',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export type PlanOp =
  | { op: 'set-field'; field: PlanField; value: Plan[PlanField] }
  | { op: 'insert-row'; collection: Collection; row: RowOf<Collection>; index?: number }
  | { op: 'update-row'; collection: Collection; id: string; patch: Partial<RowOf<Collection>> }
  | { op: 'remove-row'; collection: Collection; id: string }
  | { op: 'move-row'; collection: Collection; id: string; index: number }
  /** One split cell: rowId 'default' is the plan's split, else an activity id (creates its override). */
  | { op: 'set-split'; rowId: string; domainId: string; sectorId: string | null; percent: string | null };

/** The split row id of the plan-level default split. */
export const DEFAULT_SPLIT_ROW = 'default';

export function setSplitCell(split: Split, domainId: string, sectorId: string | null, percent: string | null): Split {
  if (sectorId === null) {
    const domains = split.domains.filter((d) => d.domainId !== domainId);
    if (percent !== null) {
      const at = split.domains.findIndex((d) => d.domainId === domainId);
      domains.splice(at < 0 ? domains.length : at, 0, { domainId, percent });
    }
    return { ...split, domains };
  }
  const match = (s: Split['sectors'][number]) => s.domainId === domainId && s.sectorId === sectorId;
  const sectors = split.sectors.filter((s) => !match(s));
  if (percent !== null) {
    const at = split.sectors.findIndex(match);
    sectors.splice(at < 0 ? sectors.length : at, 0, { domainId, sectorId, percent });
  }
  return { ...split, sectors };
}

/** Applies ops to a plan and returns a new plan; the input is not changed. Unknown ids are ignored. */
export function applyOps(plan: Plan, ops: readonly PlanOp[]): Plan {
  let next: Plan = { ...plan };
  for (const o of ops) {
    switch (o.op) {
      case 'set-field':
        next = { ...next, [o.field]: o.value };
        break;
      case 'insert-row': {
        const rows = [...(next[o.collection] as RowOf<Collection>[])];
        rows.splice(o.index ?? rows.length, 0, o.row);
        next = { ...next, [o.collection]: rows };
        break;
      }
      case 'update-row': {
        const rows = (next[o.collection] as RowOf<Collection>[]).map((r) => (r.id === o.id ? { ...r, ...o.patch } : r));
        next = { ...next, [o.collection]: rows };
        break;
      }
      case 'remove-row':
        next = { ...next, [o.collection]: (next[o.collection] as RowOf<Collection>[]).filter((r) => r.id !== o.id) };
        break;
      case 'move-row': {
        const rows = [...(next[o.collection] as RowOf<Collection>[])];
        const from = rows.findIndex((r) => r.id === o.id);
        if (from < 0) break;
        const [row] = rows.splice(from, 1);
        rows.splice(Math.min(o.index, rows.length), 0, row!);
        next = { ...next, [o.collection]: rows };
        break;
      }
      case 'set-split': {
        if (o.rowId === DEFAULT_SPLIT_ROW) {
          next = { ...next, defaultSplit: setSplitCell(next.defaultSplit, o.domainId, o.sectorId, o.percent) };
        } else {
          next = {
            ...next,
            activities: next.activities.map((a) =>
              a.id === o.rowId
                ? {
                    ...a,
                    split: setSplitCell(
                      a.split ?? structuredClone(next.defaultSplit),
                      o.domainId,
                      o.sectorId,
                      o.percent,
                    ),
                  }
                : a,
            ),
          };
        }
        break;
      }
    }
  }
  return next;
}
