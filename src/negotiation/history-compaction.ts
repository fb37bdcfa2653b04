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
 * A point a peer records before a deletion reaches it, arriving after that content was collected
 * here, shows it: such a point reads back as unreadable (its plan's checksum, history.ts), never as
 * a wrong plan, as with Yjs' own gc.
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

/** How many of the snapshots that hold an item are looked at one by one, before the walk over all. */
const TRIES = 8;

interface Range {
  clock: number;
  len: number;
}

/**
 * The clocks both range lists hold (`null`: every clock). Each range out is the overlap of one
 * range of each, so a list out of order (a hostile snapshot) gives less, never more.
 */
function intersect(a: readonly Range[] | null, b: readonly Range[]): Range[] {
  if (a === null) return b.map(({ clock, len }) => ({ clock, len }));
  const out: Range[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i]!;
    const y = b[j]!;
    const from = Math.max(x.clock, y.clock);
    const to = Math.min(x.clock + x.len, y.clock + y.len);
    if (from < to) out.push({ clock: from, len: to - from });
    if (x.clock + x.len < y.clock + y.len) i++;
    else j++;
  }
  return out;
}

/** Whether the sorted ranges hold every clock of [from, to). */
function covers(ranges: readonly Range[], from: number, to: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = ranges[mid]!;
    if (from < r.clock) hi = mid - 1;
    else if (from >= r.clock + r.len) lo = mid + 1;
    else return to <= r.clock + r.len;
  }
  return false;
}

/**
 * The deleted items of one client (within `ranges`) that none of the `kept` snapshots shows. An
 * item shows at a snapshot that holds one of its clocks (below the snapshot's state) and has not
 * deleted it. Each item is looked up in the first few snapshots that hold it; what none of them
 * shows is decided in one walk that takes in each snapshot's delete set once, so the work grows
 * with what the history stores, never with items times points.
 */
function unshownOf(doc: Y.Doc, client: number, ranges: readonly Range[], kept: readonly Y.Snapshot[]): Y.Item[] {
  const structs = doc.store.clients.get(client);
  if (!structs) return [];
  const items: Y.Item[] = [];
  for (const r of ranges) {
    let i: number;
    try {
      i = Y.findIndexSS(structs, r.clock);
    } catch {
      continue;
    }
    for (; i < structs.length && structs[i]!.id.clock < r.clock + r.len; i++) {
      const s = structs[i]!;
      if (s instanceof Y.Item && s.deleted && !s.keep && !(s.content instanceof Y.ContentDeleted)) items.push(s);
    }
  }
  // The snapshots that hold any of this client's clocks, by how much of it they hold.
  const snaps = kept
    .map((s) => ({ sv: s.sv.get(client) ?? 0, ds: s.ds.clients.get(client) ?? [] }))
    .filter((s) => s.sv > 0)
    .sort((x, y) => x.sv - y.sv);
  const out: Y.Item[] = [];
  const undecided: Y.Item[] = [];
  for (const item of items) {
    const { clock } = item.id;
    // Mostly one of the first snapshots that hold an item shows it (it was there until deleted).
    let lo = 0;
    for (let hi = snaps.length; lo < hi;) {
      const mid = (lo + hi) >>> 1;
      if (snaps[mid]!.sv > clock) hi = mid;
      else lo = mid + 1;
    }
    let k = lo;
    for (; k < snaps.length && k < lo + TRIES; k++) {
      const { sv, ds } = snaps[k]!;
      if (!covers(ds, clock, Math.min(clock + item.length, sv))) break;
    }
    if (k === snaps.length) out.push(item);
    else if (k === lo + TRIES) undecided.push(item);
  }
  if (undecided.length === 0) return out;
  // The rest in one walk, newest item first: the snapshots that hold an item's first clock are taken
  // in one by one, keeping the clocks all of them deleted; an item within those is shown by none.
  undecided.sort((x, y) => y.id.clock - x.id.clock);
  let deletedInAll: Range[] | null = null;
  let j = snaps.length - 1;
  for (const item of undecided) {
    const { clock } = item.id;
    for (; j >= 0 && snaps[j]!.sv > clock; j--) deletedInAll = intersect(deletedInAll, snaps[j]!.ds);
    if (deletedInAll !== null && deletedInAll.length === 0) break;
    if (deletedInAll === null || covers(deletedInAll, clock, clock + item.length)) out.push(item);
  }
  return out;
}

/**
 * Collects the deleted content (within `scope`, by default all of it) that none of the `kept`
 * snapshots shows; an item the undo manager keeps stays. Returns how many items were collected.
 */
export function collectUnshown(
  doc: Y.Doc,
  kept: readonly Y.Snapshot[],
  scope: DeleteSet = Y.createDeleteSetFromStructStore(doc.store),
): number {
  const unshown = new Set<Y.Item>();
  for (const [client, ranges] of scope.clients)
    for (const item of unshownOf(doc, client, ranges, kept)) unshown.add(item);
  if (unshown.size > 0) Y.tryGc(scope, doc.store, (item) => unshown.has(item));
  return unshown.size;
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
