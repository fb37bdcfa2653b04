import type { Plan } from '../model/plan.ts';
import { DEFAULT_SPLIT_ROW, PLAN_FIELDS as FIELDS, type Collection, type PlanOp, type RowOf } from '../model/ops.ts';

const COLLECTIONS: readonly Collection[] = ['domains', 'targetGroups', 'providers', 'funders', 'activities'];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The ops that turn `from` into `to`. Restoring a snapshot applies these to the live state as one
 * transaction, so the restore is a single undo step and reaches other tabs like any other edit.
 */
export function planDiffOps(from: Plan, to: Plan): PlanOp[] {
  const ops: PlanOp[] = [];
  for (const field of FIELDS) {
    if (!same(from[field], to[field])) ops.push({ op: 'set-field', field, value: structuredClone(to[field]) });
  }
  for (const collection of COLLECTIONS) ops.push(...rowOps(collection, from[collection], to[collection]));
  if (!same(from.defaultSplit, to.defaultSplit)) {
    // Clear then refill in order, so that entry order matches the snapshot exactly.
    for (const d of from.defaultSplit.domains)
      ops.push({ op: 'set-split', rowId: DEFAULT_SPLIT_ROW, domainId: d.domainId, sectorId: null, percent: null });
    for (const s of from.defaultSplit.sectors)
      ops.push({
        op: 'set-split',
        rowId: DEFAULT_SPLIT_ROW,
        domainId: s.domainId,
        sectorId: s.sectorId,
        percent: null,
      });
    for (const d of to.defaultSplit.domains)
      ops.push({ op: 'set-split', rowId: DEFAULT_SPLIT_ROW, domainId: d.domainId, sectorId: null, percent: d.percent });
    for (const s of to.defaultSplit.sectors)
      ops.push({
        op: 'set-split',
        rowId: DEFAULT_SPLIT_ROW,
        domainId: s.domainId,
        sectorId: s.sectorId,
        percent: s.percent,
      });
  }
  return ops;
}

function rowOps(
  collection: Collection,
  from: readonly RowOf<Collection>[],
  to: readonly RowOf<Collection>[],
): PlanOp[] {
  const ops: PlanOp[] = [];
  const target = new Map(to.map((row) => [row.id, row]));
  const order = from.filter((row) => target.has(row.id)).map((row) => row.id);
  for (const row of from) if (!target.has(row.id)) ops.push({ op: 'remove-row', collection, id: row.id });
  const current = new Map(from.map((row) => [row.id, row]));
  to.forEach((row, index) => {
    const before = current.get(row.id);
    if (!before) {
      ops.push({ op: 'insert-row', collection, row: structuredClone(row), index });
      order.splice(index, 0, row.id);
      return;
    }
    if (!same(before, row)) ops.push({ op: 'update-row', collection, id: row.id, patch: structuredClone(row) });
    const at = order.indexOf(row.id);
    if (at !== index) {
      ops.push({ op: 'move-row', collection, id: row.id, index });
      order.splice(at, 1);
      order.splice(index, 0, row.id);
    }
  });
  return ops;
}
