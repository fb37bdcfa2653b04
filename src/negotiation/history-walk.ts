import * as Y from 'yjs';
import type { FindingLocation } from '../model/finding.ts';
import { DEFAULT_SPLIT_ROW } from '../model/ops.ts';
import { COLLECTIONS, SPLIT_BASE, SPLIT_CELLS, SPLIT_FLAG, parseCellKey } from '../sync/layout.ts';

/*
 * What one client's edits between two of its points touched, read from the items it wrote (each
 * Yjs item names its client and clock, and sits under a key of a row, a field or a split cell).
 * Fast: no earlier state is rebuilt. A removal writes no item: the timeline reads those from the
 * states themselves (history.ts).
 */

const rootNames = (doc: Y.Doc): Map<unknown, string> => new Map([...doc.share].map(([name, type]) => [type, name]));

const splitPlace = (rowId: string, key: string | undefined): FindingLocation => {
  const cell = key ? parseCellKey(key) : null;
  return {
    section: 'split',
    rowId,
    ...(cell ? { domainId: cell.domainId, ...(cell.sectorId ? { sectorId: cell.sectorId } : {}) } : {}),
  };
};

/** Where an item sits in the plan; null when it is beside the plan (history, people, comments). */
function placeOfItem(item: Y.Item, names: Map<unknown, string>): FindingLocation | null {
  const keys: string[] = item.parentSub !== null ? [item.parentSub] : [];
  let parent: unknown = item.parent;
  while (parent instanceof Y.AbstractType && parent._item) {
    const up: Y.Item = parent._item;
    if (up.parentSub !== null) keys.unshift(up.parentSub);
    parent = up.parent;
  }
  const root = names.get(parent);
  if (root === 'plan') return keys[0] ? { section: 'plan', field: keys[0] } : null;
  if (root === 'defaultSplit') return splitPlace(DEFAULT_SPLIT_ROW, keys[0]);
  const [kind, c] = root?.split('.') ?? [];
  const collection = COLLECTIONS.find((x) => x === c);
  if (!collection) return null;
  if (kind === 'order') {
    const id = item.content.getContent()[0];
    return typeof id === 'string' ? { section: collection, rowId: id } : { section: collection };
  }
  if (kind !== 'rows' || !keys[0]) return null;
  const [rowId, field, cell] = keys as [string, string | undefined, string | undefined];
  if (field === SPLIT_CELLS) return splitPlace(rowId, cell);
  if (field === SPLIT_BASE || field === SPLIT_FLAG) return splitPlace(rowId, undefined);
  return { section: collection, rowId, ...(field ? { field } : {}) };
}

/** The places `client` wrote to between clocks `from` (inclusive) and `to` (exclusive), each once. */
export function touched(doc: Y.Doc, client: number, from: number, to: number, limit = 200): FindingLocation[] {
  const structs = doc.store.clients.get(client) ?? [];
  const names = rootNames(doc);
  const seen = new Map<string, FindingLocation>();
  let i = 0;
  if (from > 0) {
    try {
      i = Y.findIndexSS(structs, from);
    } catch {
      return [];
    }
  }
  for (; i < structs.length && seen.size < limit; i++) {
    const s = structs[i]!;
    if (s.id.clock >= to) break;
    if (!(s instanceof Y.Item)) continue;
    const place = placeOfItem(s, names);
    if (place) seen.set(JSON.stringify(place), place);
  }
  return [...seen.values()];
}

/**
 * The places whose items were deleted between two snapshots (`before` null: from the start): what a
 * removal took away, which writes no item of its own. A removed row is named once, as a row.
 */
export function removedPlaces(
  doc: Y.Doc,
  before: Y.Snapshot | null,
  now: Y.Snapshot,
  limit = 50,
  items = 2_000,
): FindingLocation[] {
  const names = rootNames(doc);
  const seen = new Map<string, FindingLocation>();
  // At most `items` items are read: a long span says enough by then.
  let budget = items;
  for (const [client, ranges] of now.ds.clients) {
    const structs = doc.store.clients.get(client) ?? [];
    const earlier = before?.ds.clients.get(client) ?? [];
    let e = 0;
    for (const r of ranges) {
      // Most of what is deleted was deleted before already: only the rest is read. Both delete
      // sets are sorted and merged (as Yjs keeps them): one walk through both.
      while (e < earlier.length && earlier[e]!.clock + earlier[e]!.len <= r.clock) e++;
      const was = earlier[e];
      if (was && was.clock <= r.clock && r.clock + r.len <= was.clock + was.len) continue;
      for (let clock = r.clock; clock < r.clock + r.len && budget > 0; budget--) {
        let s: Y.AbstractStruct;
        try {
          s = structs[Y.findIndexSS(structs, clock)]!;
        } catch {
          break;
        }
        clock = s.id.clock + s.length;
        if (!(s instanceof Y.Item) || (before && Y.isDeleted(before.ds, s.id))) continue;
        const place = placeOfItem(s, names);
        if (place) seen.set(JSON.stringify(place), place);
      }
    }
  }
  // A removed row is named once: not its fields, nor (an activity's) its split cells.
  const all = [...seen.values()];
  const removed = new Set(all.filter((p) => p.rowId && !p.field && !p.domainId).map((p) => `${p.section}:${p.rowId}`));
  const within = (p: FindingLocation) =>
    (!!(p.field || p.domainId) && removed.has(`${p.section}:${p.rowId}`)) ||
    (p.section === 'split' && removed.has(`activities:${p.rowId}`));
  return all.filter((p) => !within(p)).slice(0, limit);
}

/** Whether an edit at `edited` changes what `place` shows (the same field, cell or row). */
export function affects(edited: FindingLocation, place: FindingLocation): boolean {
  if (edited.section !== place.section || edited.rowId !== place.rowId) return false;
  if (place.domainId)
    return !edited.domainId || (edited.domainId === place.domainId && edited.sectorId === place.sectorId);
  if (!place.field || !edited.field) return true;
  return edited.field === place.field.split('.')[0];
}
