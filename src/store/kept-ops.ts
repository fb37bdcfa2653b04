import type { Plan } from '../model/plan.ts';
import type { Split } from '../model/split.ts';
import { DEFAULT_SPLIT_ROW, type Collection, type PlanOp } from '../model/ops.ts';
import { deepEqual } from '../sync/plain-values.ts';

/*
 * Edits kept beside a scenario's log (ScenarioRecord.kept) were made on the scenario's seed. When
 * the tab that kept them went before they reached the log, another tab applies them to what the
 * log holds. The log may hold later edits of the same fields (a tab that opened the started log
 * and edited it): those are newer than the kept ones and stay. So a kept edit is applied only to
 * what is still as it was in the seed: a field, a row's value, a split cell; a row the kept edits
 * inserted is inserted unless it is there already, and edits of a row deleted since are dropped.
 */

type Row = { id: string } & Record<string, unknown>;

const rowOf = (plan: Plan, c: Collection, id: string): Row | undefined =>
  (plan[c] as readonly Row[] | undefined)?.find((r) => r.id === id);

function splitCell(split: Split | null | undefined, domainId: string, sectorId: string | null): string | null {
  if (!split) return null;
  if (sectorId === null) return split.domains.find((d) => d.domainId === domainId)?.percent ?? null;
  return split.sectors.find((s) => s.domainId === domainId && s.sectorId === sectorId)?.percent ?? null;
}

/** The split a set-split op writes to in `plan`; undefined when its row is not there. */
function splitOf(plan: Plan, rowId: string): Split | null | undefined {
  if (rowId === DEFAULT_SPLIT_ROW) return plan.defaultSplit;
  const row = plan.activities.find((a) => a.id === rowId);
  return row ? row.split : undefined;
}

/** The part of `op` that touches only what `now` still holds as `seed` did (none: empty). */
function stillToApply(seed: Plan, now: Plan, op: PlanOp): PlanOp[] {
  switch (op.op) {
    case 'set-field':
      return deepEqual(seed[op.field], now[op.field]) ? [op] : [];
    case 'insert-row':
      return rowOf(now, op.collection, op.row.id) ? [] : [op];
    case 'update-row': {
      const was = rowOf(seed, op.collection, op.id);
      // A row the kept edits inserted themselves: nobody else can have changed it.
      if (!was) return [op];
      const is = rowOf(now, op.collection, op.id);
      if (!is) return [];
      const patch = Object.fromEntries(Object.entries(op.patch).filter(([k]) => deepEqual(was[k], is[k])));
      return Object.keys(patch).length > 0 ? [{ ...op, patch }] : [];
    }
    case 'remove-row':
    case 'move-row':
      // A row the kept edits inserted, or one still there.
      return !rowOf(seed, op.collection, op.id) || rowOf(now, op.collection, op.id) ? [op] : [];
    case 'set-split': {
      const was = splitOf(seed, op.rowId);
      if (was === undefined) return [op];
      const is = splitOf(now, op.rowId);
      if (is === undefined) return [];
      return splitCell(was, op.domainId, op.sectorId) === splitCell(is, op.domainId, op.sectorId) ? [op] : [];
    }
  }
}

/** The kept edits (batches made on `seed`) that still apply to `now`, the content of the log. */
export function keptStillToApply(seed: Plan, now: Plan, edits: readonly (readonly PlanOp[])[]): PlanOp[][] {
  const out: PlanOp[][] = [];
  for (const batch of edits) {
    const ops = batch.flatMap((op) => stillToApply(seed, now, op));
    if (ops.length > 0) out.push(ops);
  }
  return out;
}
