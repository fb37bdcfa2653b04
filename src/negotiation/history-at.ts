import * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import type { Collection } from '../model/ops.ts';
import { DEFAULT_SPLIT_ROW } from '../model/ops.ts';
import { planFromDoc } from '../sync/plan-state.ts';
import { COLLECTIONS, roots, type Roots } from '../sync/layout.ts';
import type { CellPlace } from './anchor.ts';
import { valueAt } from './history-place.ts';

/*
 * One place of the plan as it was at a recorded point, read from the items of the document
 * itself (each item names its client and clock; a snapshot names the clocks it holds and what was
 * deleted by then), without rebuilding the whole earlier state: only the plan's fields, the
 * default split and the one row the place lies in are copied, as they were, into a small document
 * that the plan's own reader (planFromDoc) reads. What a cell's history shows costs so a
 * millisecond or two a point, whatever the size of the plan.
 *
 * A state whose content is gone (a document that joined a workshop late gets deleted content
 * collected by the server) reads as unreadable, never as a wrong value.
 */

/** The content of an item at the point is gone (collected): that state cannot be read back. */
class Unreadable extends Error {}
const ABSENT: unique symbol = Symbol('absent');

/** Whether the element at `clock` of `client` was there at the snapshot (written by then, not yet deleted). */
const seen = (snap: Y.Snapshot, client: number, clock: number): boolean =>
  clock < (snap.sv.get(client) ?? 0) && !Y.isDeleted(snap.ds, Y.createID(client, clock));

/** The value under `key` of `map` at the snapshot (an element of an item merged with others is found exactly). */
function entryAt(map: Y.Map<unknown>, key: string, snap: Y.Snapshot): unknown {
  for (let item: Y.Item | null = map._map.get(key) ?? null; item; item = item.left) {
    for (let j = item.length - 1; j >= 0; j--) {
      if (!seen(snap, item.id.client, item.id.clock + j)) continue;
      if (item.content instanceof Y.ContentDeleted) throw new Unreadable();
      return item.content.getContent()[j];
    }
  }
  return ABSENT;
}

/** The elements of a sequence (a Y.Array, a Y.Text) at the snapshot. */
function elementsAt(type: Y.Array<unknown> | Y.Text, snap: Y.Snapshot): unknown[] {
  const out: unknown[] = [];
  for (let item = type._start; item; item = item.right) {
    const deleted = item.content instanceof Y.ContentDeleted;
    if (!deleted && !item.countable) continue;
    for (let j = 0; j < item.length; j++) {
      if (!seen(snap, item.id.client, item.id.clock + j)) continue;
      if (deleted) throw new Unreadable();
      if (item.content instanceof Y.ContentString) out.push(item.content.str[j]);
      else out.push(item.content.getContent()[j]);
    }
  }
  return out;
}

/** A copy of a stored value as it was at the snapshot, ready to be written into another document. */
function copyAt(value: unknown, snap: Y.Snapshot): unknown {
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    fillAt(value, copy, snap);
    return copy;
  }
  if (value instanceof Y.Text)
    return new Y.Text(
      elementsAt(value, snap)
        .filter((x) => typeof x === 'string')
        .join(''),
    );
  if (value instanceof Y.Array)
    return Y.Array.from(elementsAt(value as Y.Array<unknown>, snap).map((x) => copyAt(x, snap)) as never[]);
  if (value instanceof Y.AbstractType) return undefined;
  return value;
}

/** Writes every key `from` had at the snapshot into `to`. */
function fillAt(from: Y.Map<unknown>, to: Y.Map<unknown>, snap: Y.Snapshot): void {
  for (const key of from._map.keys()) {
    const value = entryAt(from, key, snap);
    if (value === ABSENT) continue;
    const copy = copyAt(value, snap);
    if (copy !== undefined) to.set(key, copy);
  }
}

/** The collection whose row holds the place (a split cell of an activity lies in that activity's row). */
function rowCollection(place: CellPlace): Collection | null {
  if (!place.rowId) return null;
  if (place.section === 'split') return place.rowId === DEFAULT_SPLIT_ROW ? null : 'activities';
  return COLLECTIONS.find((c) => c === place.section) ?? null;
}

/**
 * The plan as it was at the snapshot, as far as `place` goes: the plan's fields, the default split
 * and the place's row (other rows left out). Null when that state's content is gone.
 */
export function planAroundAt(doc: Y.Doc, snap: Y.Snapshot, place: CellPlace): Plan | null {
  const from = roots(doc);
  const mini = new Y.Doc();
  try {
    const to: Roots = roots(mini);
    mini.transact(() => {
      fillAt(from.meta, to.meta, snap);
      fillAt(from.plan, to.plan, snap);
      fillAt(from.defaultSplit, to.defaultSplit, snap);
      const c = rowCollection(place);
      if (!c || !place.rowId) return;
      const row = entryAt(from.rows[c], place.rowId, snap);
      if (row === ABSENT) return;
      const listed = elementsAt(from.order[c], snap).includes(place.rowId);
      if (!listed) return;
      to.rows[c].set(place.rowId, copyAt(row, snap));
      to.order[c].push([place.rowId]);
    });
    return planFromDoc(mini).plan;
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  } finally {
    mini.destroy();
  }
}

/** The value at `place` at the snapshot: `{ value }` (undefined: the place did not exist), or null when unreadable. */
export function valueAtSnapshot(doc: Y.Doc, snap: Y.Snapshot, place: CellPlace): { value: unknown } | null {
  const plan = planAroundAt(doc, snap, place);
  return plan ? { value: valueAt(plan, place) } : null;
}
