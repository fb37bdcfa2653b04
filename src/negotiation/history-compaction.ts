import * as Y from 'yjs';

/*
 * Keeping the history bounded: the compaction rule, one pure function that the browsers
 * (compactHistory) and the workshop server (server/history-check.ts, judging a peer's removal of
 * points) both apply, and the collection of deleted content that no point kept shows.
 *
 * The rule (README, "History"): every point of the last `detailDays` days and the last
 * `detailPoints` points stay; older ones keep the last point of each UTC day from `dailyDays`
 * whole days back on, the last of each week (weeks since the epoch, UTC) before that; named
 * points and starts always stay. Days are whole (the daily span starts at midnight UTC), so a point
 * removed at one moment is removed at any later one too: a server whose clock is behind the
 * browser's by up to a day judges the browser's compaction as the browser did.
 *
 * Collecting: a document with history keeps the deleted content its points show (history.ts
 * `collectable`). Content no point kept shows — written and deleted again between two points, or
 * shown only at points since removed — is collected (Y.tryGc); every kept point reads as before.
 */

export interface CompactionRule {
  /** Every point of the last this many days stays. */
  detailDays: number;
  /** The last this many points stay, however old. */
  detailPoints: number;
  /** Older points keep one a day up to this many whole days back, one a week before that. */
  dailyDays: number;
}

/** What the rule reads of a point. */
export interface RuledPoint {
  key: string;
  at: number;
  /** A named version: never removed. */
  name?: string;
  /** The start of the history: never removed. */
  start?: boolean;
}

const DAY_MS = 86_400_000;

/** Yjs' delete set (the class is not exported by name). */
type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/** The points the rule removes at `now` (oldest first); the input's order does not matter. */
export function compactionDrops<P extends RuledPoint>(points: readonly P[], now: number, rule: CompactionRule): P[] {
  const sorted = [...points].sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const detailFrom = Math.min(
    now - rule.detailDays * DAY_MS,
    sorted[sorted.length - rule.detailPoints]?.at ?? -Infinity,
  );
  const dailyFrom = (Math.floor(now / DAY_MS) - rule.dailyDays) * DAY_MS;
  const bucket = (at: number) => (at >= dailyFrom ? Math.floor(at / DAY_MS) : -1 - Math.floor(at / (7 * DAY_MS)));
  const lastOf = new Map<number, string>();
  for (const p of sorted) if (!p.name) lastOf.set(bucket(p.at), p.key);
  return sorted.filter((p) => !p.name && !p.start && p.at < detailFrom && lastOf.get(bucket(p.at)) !== p.key);
}

/** The delete ranges' index holding `clock`, or -1 (ranges sorted, as Yjs writes them). */
function rangeAt(ranges: readonly { clock: number; len: number }[], clock: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = ranges[mid]!;
    if (clock < r.clock) hi = mid - 1;
    else if (clock >= r.clock + r.len) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Whether any element of `client`'s clocks [clock, clock + len) shows in the snapshot: written by
 * then and not yet deleted. A delete set out of order (a hostile snapshot) reads as showing more,
 * never less, so nothing a point shows is collected because of it.
 */
export function showsAny(snap: Y.Snapshot, client: number, clock: number, len: number): boolean {
  const end = Math.min(clock + len, snap.sv.get(client) ?? 0);
  const ranges = snap.ds.clients.get(client);
  for (let at = clock; at < end;) {
    const i = ranges ? rangeAt(ranges, at) : -1;
    if (i < 0) return true;
    at = ranges![i]!.clock + ranges![i]!.len;
  }
  return false;
}

/**
 * Collects the deleted content (within `scope`, by default all of it) that none of the `kept`
 * snapshots shows; an item the undo manager keeps stays (Yjs skips it). Returns how many items
 * were collected.
 */
export function collectUnshown(
  doc: Y.Doc,
  kept: readonly Y.Snapshot[],
  scope: DeleteSet = Y.createDeleteSetFromStructStore(doc.store),
): number {
  // The snapshot that showed the item before is tried first: neighbouring items were mostly
  // written and deleted around the same points.
  const order = [...kept];
  let collected = 0;
  Y.tryGc(scope, doc.store, (item) => {
    if (item.content instanceof Y.ContentDeleted) return false;
    const { client, clock } = item.id;
    for (let i = 0; i < order.length; i++) {
      if (!showsAny(order[i]!, client, clock, item.length)) continue;
      if (i > 0) order.unshift(...order.splice(i, 1));
      return false;
    }
    collected++;
    return true;
  });
  return collected;
}

/** Per document: the delete sets of its transactions since its last collection. */
const deletions = new WeakMap<Y.Doc, DeleteSet[]>();

/**
 * What was deleted in `doc` since the last call for it: everything deleted at the first call (the
 * document as it was loaded), then only the deletions of its transactions since. Content that
 * shows at no kept point at the moment of its deletion is collected then; content a kept point
 * shows becomes collectable only when that point goes (the caller then collects in all of it).
 */
export function deletedSince(doc: Y.Doc): DeleteSet {
  const since = deletions.get(doc);
  if (!since) {
    const list: DeleteSet[] = [];
    deletions.set(doc, list);
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.deleteSet.clients.size === 0) return;
      list.push(tr.deleteSet);
      // A document compacted seldom (a workshop room, at its cap) holds one merged set, not one per edit.
      if (list.length >= 64) list.splice(0, list.length, Y.mergeDeleteSets(list));
    });
    return Y.createDeleteSetFromStructStore(doc.store);
  }
  const merged = Y.mergeDeleteSets(since);
  since.length = 0;
  return merged;
}
