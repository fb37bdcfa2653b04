import * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import { DEFAULT_SPLIT_ROW, type Collection, type PlanOp, type RowOf } from '../model/ops.ts';
import type { Split } from '../model/split.ts';
import { COLLECTIONS, SCALAR_FIELDS, type Roots } from './layout.ts';
import {
  initActivitySplit,
  setActivityCell,
  setDefaultCell,
  writeActivitySplit,
  writeDefaultSplit,
} from './split-cells.ts';
import { setValue } from './values.ts';
import { isPlanText, isRowText } from './text.ts';

/*
 * PlanOps written into the doc. Must be called inside a transaction. The outcome equals
 * `applyOps` from src/model/ops.ts for valid ops on a plan whose row ids are unique (the doc keys
 * rows by id); test/sync/ops-equivalence.test.ts holds it to that.
 */

/** Row ids in the order the snapshot shows them, with their position in the raw Y.Array. */
export function visibleOrder(r: Roots, c: Collection): { id: string; at: number }[] {
  const seen = new Set<string>();
  const out: { id: string; at: number }[] = [];
  const rows = r.rows[c];
  r.order[c].toArray().forEach((id, at) => {
    if (typeof id !== 'string' || seen.has(id) || !(rows.get(id) instanceof Y.Map)) return;
    seen.add(id);
    out.push({ id, at });
  });
  return out;
}

/** `Array.prototype.splice`'s reading of a start index. */
const spliceAt = (index: number, length: number): number =>
  index < 0 ? Math.max(length + index, 0) : Math.min(index, length);

function removeFromOrder(order: Y.Array<unknown>, id: string): void {
  const raw = order.toArray();
  for (let i = raw.length - 1; i >= 0; i--) if (raw[i] === id) order.delete(i, 1);
}

function insertIntoOrder(r: Roots, c: Collection, id: string, index: number | undefined): void {
  const order = r.order[c];
  if (index === undefined) {
    order.push([id]);
    return;
  }
  const visible = visibleOrder(r, c).filter((v) => v.id !== id);
  const at = spliceAt(index, visible.length);
  if (at >= visible.length) order.push([id]);
  else order.insert(visible[at]!.at, [id]);
}

/** `text`: an edit (text fields as Y.Text, text.ts); false for the seed, which stays plain. */
function writeRowFields(
  r: Roots,
  c: Collection,
  row: Y.Map<unknown>,
  fields: Record<string, unknown>,
  text: boolean,
): void {
  const isText = text ? isRowText(c) : undefined;
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'id') continue;
    if (c === 'activities' && k === 'split') writeActivitySplit(row, v as Split | null);
    else setValue(row, k, v, isText);
  }
}

function createRow(
  r: Roots,
  c: Collection,
  id: string,
  fields: Record<string, unknown>,
  text: boolean,
): Y.Map<unknown> {
  const row = new Y.Map<unknown>();
  r.rows[c].set(id, row);
  if (c === 'activities') initActivitySplit(row);
  writeRowFields(r, c, row, fields, text);
  return row;
}

export function insertRow(r: Roots, c: Collection, row: RowOf<Collection>, index?: number): void {
  // Ids are keys here: inserting an id that exists replaces that row and moves it.
  removeFromOrder(r.order[c], row.id);
  insertIntoOrder(r, c, row.id, index);
  createRow(r, c, row.id, row as Record<string, unknown>, true);
}

export function applyOpToDoc(r: Roots, o: PlanOp): void {
  switch (o.op) {
    case 'set-field':
      setValue(r.plan, o.field, o.value, isPlanText);
      return;
    case 'insert-row':
      insertRow(r, o.collection, o.row, o.index);
      return;
    case 'update-row': {
      const row = r.rows[o.collection].get(o.id);
      if (!(row instanceof Y.Map)) return;
      const { id: newId, ...rest } = o.patch as Record<string, unknown>;
      writeRowFields(r, o.collection, row, rest, true);
      if (typeof newId === 'string' && newId !== o.id) renameRow(r, o.collection, o.id, newId);
      return;
    }
    case 'remove-row':
      if (!(r.rows[o.collection].get(o.id) instanceof Y.Map)) return;
      r.rows[o.collection].delete(o.id);
      removeFromOrder(r.order[o.collection], o.id);
      return;
    case 'move-row': {
      const visible = visibleOrder(r, o.collection);
      const from = visible.findIndex((v) => v.id === o.id);
      if (from < 0 || spliceAt(Math.min(o.index, visible.length - 1), visible.length - 1) === from) return;
      removeFromOrder(r.order[o.collection], o.id);
      insertIntoOrder(r, o.collection, o.id, Math.min(o.index, visible.length - 1));
      return;
    }
    case 'set-split': {
      if (o.rowId === DEFAULT_SPLIT_ROW) {
        setDefaultCell(r.defaultSplit, o.domainId, o.sectorId, o.percent);
        return;
      }
      const row = r.rows.activities.get(o.rowId);
      if (row instanceof Y.Map) setActivityCell(row, r.defaultSplit, o.domainId, o.sectorId, o.percent);
      return;
    }
  }
}

/** A row's id changed: its fields move to a new key at the same place (concurrent edits to the old key are lost). */
function renameRow(r: Roots, c: Collection, from: string, to: string): void {
  const old = r.rows[c].get(from);
  if (!(old instanceof Y.Map)) return;
  const at = visibleOrder(r, c).findIndex((v) => v.id === from);
  if (r.rows[c].get(to) instanceof Y.Map) removeFromOrder(r.order[c], to);
  const row = new Y.Map<unknown>();
  r.rows[c].set(to, row);
  copyMap(old, row);
  r.rows[c].delete(from);
  removeFromOrder(r.order[c], from);
  insertIntoOrder(r, c, to, at);
}

function copyMap(from: Y.Map<unknown>, to: Y.Map<unknown>): void {
  for (const [k, v] of from.entries()) {
    if (v instanceof Y.Map) {
      const nested = new Y.Map<unknown>();
      to.set(k, nested);
      copyMap(v, nested);
    } else if (v instanceof Y.Text) to.set(k, new Y.Text(v.toString()));
    else if (!(v instanceof Y.AbstractType)) to.set(k, v);
  }
}

/** Writes a whole plan into an empty doc (the seed). */
export function writePlan(r: Roots, plan: Plan): void {
  for (const _ of writePlanSteps(r, plan)) {
    // one transaction: the caller's
  }
}

/**
 * writePlan in steps of about `rowsPerStep` rows: it yields between them, so a caller can run
 * each step in a transaction of its own and let the page breathe. The writes, and their order,
 * are exactly writePlan's (the same items with the same ids), so the doc ends up the same.
 */
export function* writePlanSteps(
  r: Roots,
  plan: Plan,
  rowsPerStep = Number.POSITIVE_INFINITY,
): Generator<void, void, void> {
  for (const f of SCALAR_FIELDS) setValue(r.plan, f, plan[f]);
  writeDefaultSplit(r.defaultSplit, plan.defaultSplit);
  let written = 0;
  for (const c of COLLECTIONS) {
    const rows = plan[c] as RowOf<Collection>[];
    const seen = new Set<string>();
    const ids: string[] = [];
    for (const row of rows) {
      if (!seen.has(row.id)) ids.push(row.id);
      seen.add(row.id);
      createRow(r, c, row.id, row as Record<string, unknown>, false);
      if (++written % rowsPerStep === 0) yield;
    }
    r.order[c].push(ids);
  }
}
