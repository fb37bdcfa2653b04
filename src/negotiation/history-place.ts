import type { Plan } from '../model/plan.ts';
import type { Collection, PlanOp } from '../model/ops.ts';
import { DEFAULT_SPLIT_ROW, PLAN_FIELDS } from '../model/ops.ts';
import type { FindingLocation } from '../model/finding.ts';
import type { CellPlace } from './anchor.ts';

/*
 * One cell, row or field of a plan, read and written by place: what a cell's history compares
 * from one point to the next, and the single op that puts an earlier value back.
 */

const COLLECTIONS: readonly string[] = ['domains', 'targetGroups', 'activities', 'providers', 'funders'];

type Row = { id: string } & Record<string, unknown>;

const rowOf = (plan: Plan, place: CellPlace): Row | undefined =>
  COLLECTIONS.includes(place.section) && place.rowId
    ? (plan[place.section as Collection] as readonly Row[]).find((r) => r.id === place.rowId)
    : undefined;

function splitOf(plan: Plan, rowId: string | undefined): Plan['defaultSplit'] | null {
  if (!rowId || rowId === DEFAULT_SPLIT_ROW) return plan.defaultSplit;
  return plan.activities.find((a) => a.id === rowId)?.split ?? null;
}

/** A field's value by its path (`cost.amount` is the amount of the cost). */
const at = (value: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined),
      value,
    );

/** `top` with the value at `rest` (a path below it) replaced by `value`. */
function withPath(top: unknown, rest: string[], value: unknown): unknown {
  if (rest.length === 0) return structuredClone(value);
  const [k, ...more] = rest;
  const o = typeof top === 'object' && top !== null ? { ...(top as Record<string, unknown>) } : {};
  o[k!] = withPath(o[k!], more, value);
  return o;
}

/**
 * The value at `place` in `plan`: a field's value, a split cell's percent, a whole row (no field),
 * or undefined when the place does not exist in that plan (a row not yet made, or since removed).
 */
export function valueAt(plan: Plan, place: CellPlace): unknown {
  if (place.domainId) {
    const split = splitOf(plan, place.rowId);
    if (!split) return undefined;
    const cell = place.sectorId
      ? split.sectors.find((s) => s.domainId === place.domainId && s.sectorId === place.sectorId)
      : split.domains.find((d) => d.domainId === place.domainId);
    return cell?.percent;
  }
  if (place.section === 'plan') return place.field ? at(plan, place.field) : undefined;
  const row = rowOf(plan, place);
  if (!row) return undefined;
  return place.field ? at(row, place.field) : row;
}

/**
 * The op that makes `place` hold `value` again, or null when it cannot (the row is gone, or a
 * whole row: put back through the timeline instead).
 */
export function restoreOp(current: Plan, place: CellPlace, value: unknown): PlanOp | null {
  if (value === undefined) return null;
  if (place.domainId) {
    const own = place.rowId && place.rowId !== DEFAULT_SPLIT_ROW;
    if (own && !current.activities.some((a) => a.id === place.rowId)) return null;
    return {
      op: 'set-split',
      rowId: place.rowId ?? DEFAULT_SPLIT_ROW,
      domainId: place.domainId,
      sectorId: place.sectorId ?? null,
      percent: typeof value === 'string' ? value : null,
    };
  }
  if (!place.field) {
    // A whole row, as it was (while it exists now; a removed row comes back through the timeline).
    const row = rowOf(current, place);
    if (!row || typeof value !== 'object' || value === null) return null;
    return {
      op: 'update-row',
      collection: place.section as Collection,
      id: row.id,
      patch: structuredClone({ ...(value as Row), id: row.id }),
    } as PlanOp;
  }
  const [top, ...rest] = place.field.split('.') as [string, ...string[]];
  if (place.section === 'plan') {
    if (!(PLAN_FIELDS as readonly string[]).includes(top)) return null;
    const v = withPath((current as Record<string, unknown>)[top], rest, value);
    return { op: 'set-field', field: top, value: v } as PlanOp;
  }
  const row = rowOf(current, place);
  if (!row) return null;
  return {
    op: 'update-row',
    collection: place.section as Collection,
    id: place.rowId!,
    patch: { [top]: withPath(row[top], rest, value) },
  } as PlanOp;
}

/** What changed between two plans, place by place (fields of the plan, cells of rows, rows added or removed). */
export function changedPlaces(before: Plan, after: Plan, limit = 50): FindingLocation[] {
  const out: FindingLocation[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const field of PLAN_FIELDS) if (!same(before[field], after[field])) out.push({ section: 'plan', field });
  if (!same(before.defaultSplit, after.defaultSplit)) out.push({ section: 'split', rowId: DEFAULT_SPLIT_ROW });
  for (const c of COLLECTIONS as Collection[]) {
    const was = new Map((before[c] as readonly Row[]).map((r) => [r.id, r]));
    const now = new Map((after[c] as readonly Row[]).map((r) => [r.id, r]));
    for (const [id, row] of now) {
      const old = was.get(id);
      if (!old) out.push({ section: c, rowId: id });
      else
        for (const k of Object.keys({ ...old, ...row }))
          if (!same(old[k], row[k])) out.push({ section: c, rowId: id, field: k });
      if (out.length >= limit) return out;
    }
    for (const id of was.keys()) if (!now.has(id)) out.push({ section: c, rowId: id });
  }
  return out.slice(0, limit);
}
