import * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import type { PlanOp } from '../model/ops.ts';
import { planFromDoc } from '../sync/plan-state.ts';
import { planDiffOps } from '../store/plan-diff.ts';
import type { FindingLocation } from '../model/finding.ts';
import type { CellPlace } from './anchor.ts';
import { restoreOp } from './history-place.ts';
import { affects, removedPlaces, touched } from './history-walk.ts';
import { valueAtSnapshot } from './history-at.ts';
import { collectUnshown, compactionDrops, deletedSince, type CompactionRule } from './history-compaction.ts';
import { personOf } from './history-users.ts';

/*
 * The scenario's history, in its Y.Doc (kept with its update log, shared in workshops). The
 * document keeps the plan's deleted content (gc off, or on with `collectable` as its gcFilter, so
 * that only compacted points go), and Y.snapshot / Y.createDocFromSnapshot give the plan as it was
 * at any recorded point. Root map `history`, one key per point, never rewritten:
 *
 *   p:<client>:<clock>   { at, by, snap }   the state after a burst of edits by that client
 *                                           (Y.encodeSnapshot), who (by; the client's person in
 *                                           PermanentUserData goes first) and when (ms)
 *
 * A browser records a point when its person stops editing for a moment (HISTORY_RULE.quietMs);
 * the timeline groups one person's points within HISTORY_RULE.groupMs into one entry.
 *
 * Bounded (compactHistory with HISTORY_RULE, by the rule in history-compaction.ts and the README):
 * older points are thinned, named versions (points given a name, and the store's "Eerdere
 * versies") are never compacted, and deleted content that shows at no point kept is collected.
 */

export const HISTORY_ROOT = 'history';
/** Transaction origin of history writes: the plan's undo manager does not track it. */
export const HISTORY_ORIGIN = { history: true } as const;

export type { CompactionRule } from './history-compaction.ts';

export const HISTORY_RULE = {
  quietMs: 3_000,
  groupMs: 5 * 60_000,
  detailDays: 14,
  detailPoints: 50,
  dailyDays: 90,
} as const satisfies CompactionRule & Record<string, number>;

/** How many places a timeline entry names. */
const CHANGES_LISTED = 50;
/** A point whose snapshot is larger is no point to its readers. */
export const MAX_SNAPSHOT_BYTES = 4_000_000;

export interface HistoryPoint {
  key: string;
  client: number;
  /** The client's clock when the point was recorded: its edits in the point are below it. */
  clock: number;
  at: number;
  by: string;
  snap: Uint8Array;
  /** A named version: never compacted. */
  name?: string;
  /** The start of the history: the scenario before its first edit. */
  start?: boolean;
  /** The plan's checksum at this point (planSum). */
  sum?: number;
}

/** One entry of the scenario's timeline: one person's edits made close together. */
export interface TimelineEntry {
  /** The key of the entry's last point (what a restore goes back to). */
  id: string;
  kind: 'edits' | 'start' | 'version';
  /** A named version's name. */
  name?: string;
  by: string;
  from: number;
  at: number;
  points: number;
  /** What changed since the entry before (up to 50 places); empty when that cannot be read. */
  changes: FindingLocation[];
}

/** One earlier value of a cell, row or field. */
export interface CellHistoryEntry {
  /** The point at which the cell held `value`. */
  id: string;
  by: string;
  at: number;
  value: unknown;
  /** The value before the first edit of the scenario. */
  start?: boolean;
}

const map = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(HISTORY_ROOT);

/**
 * The gcFilter of a document with history: a removed (compacted) point is collected; everything
 * else deleted is kept, so earlier states of the plan can be read.
 */
export function collectable(item: Y.Item): boolean {
  const parent = item.parent;
  return (
    parent instanceof Y.Map && parent._item === null && (parent.doc?.share.get(HISTORY_ROOT) as unknown) === parent
  );
}

/** Every well-formed point, oldest first; anything else is skipped. */
export function readPoints(doc: Y.Doc): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (const [key, v] of map(doc).entries()) {
    const m = /^p:(\d+):(\d+)$/.exec(key);
    if (!m || typeof v !== 'object' || v === null) continue;
    const { at, by, snap, name, start, sum } = v as Record<string, unknown>;
    if (typeof at !== 'number' || !Number.isFinite(at) || typeof by !== 'string') continue;
    if (!(snap instanceof Uint8Array) || snap.length > MAX_SNAPSHOT_BYTES) continue;
    const client = Number(m[1]);
    // The start of the history is by nobody: the scenario as it was before the first edit.
    const who = start === true ? '' : (personOf(doc, client) ?? by.slice(0, 200));
    const point: HistoryPoint = { key, client, clock: Number(m[2]), at, by: who, snap };
    if (typeof name === 'string' && name) point.name = name.slice(0, 200);
    if (start === true) point.start = true;
    if (typeof sum === 'number') point.sum = sum;
    out.push(point);
  }
  return out.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
}

/**
 * Records the document as it is now, by `by`: a point of the timeline. Nothing is written when
 * the document has not changed since this client's last point. Returns the point, or null.
 */
export function recordPoint(
  doc: Y.Doc,
  by: string,
  at?: number,
  { name, start = false, plan }: { name?: string; start?: boolean; plan?: Plan } = {},
): HistoryPoint | null {
  const snapshot = Y.snapshot(doc);
  const points = readPoints(doc);
  // Now, and after every point already there: the timeline's order is the order of recording.
  const when = at ?? Math.max(Date.now(), (points[points.length - 1]?.at ?? 0) + 1);
  const own = points.filter((p) => p.client === doc.clientID);
  const last = own[own.length - 1];
  if (!name && last && Y.equalSnapshots(Y.decodeSnapshot(last.snap), snapshot)) return null;
  const snap = Y.encodeSnapshot(snapshot);
  const key = `p:${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`;
  const value = {
    at: when,
    by: by.slice(0, 200),
    snap,
    ...(name ? { name: name.slice(0, 200) } : {}),
    ...(start ? { start } : {}),
    // The plan's checksum: a state that cannot be read back whole (below) is not given as it was.
    ...(plan ? { sum: planSum(plan) } : {}),
  };
  doc.transact(() => map(doc).set(key, value), HISTORY_ORIGIN);
  return readPoints(doc).find((p) => p.key === key) ?? null;
}

/** How many earlier plans stay built per document (a plan of 5,000 activities is large). */
const PLANS_KEPT = 8;
const plans = new WeakMap<Y.Doc, Map<string, Plan | null>>();
const decoded = new WeakMap<Uint8Array, Y.Snapshot>();

/** The point's snapshot, decoded once (a point is never rewritten). */
export function snapshotOf(point: HistoryPoint): Y.Snapshot {
  let snap = decoded.get(point.snap);
  if (!snap) decoded.set(point.snap, (snap = Y.decodeSnapshot(point.snap)));
  return snap;
}

/** A checksum of a plan's content (FNV-1a over its JSON; the plan's id left out). */
export function planSum(plan: Plan): number {
  const text = JSON.stringify({ ...plan, id: '' });
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The plan `doc` held at `snapshot` (its gc off, or keeping that state's content); null when the
 * plan read back is not the one that was (`sum`: its planSum then; a document that joined a
 * workshop late may have had that state's content collected). Throws where Yjs cannot read it.
 */
export function planFromSnapshot(doc: Y.Doc, snapshot: Y.Snapshot, sum: number | undefined): Plan | null {
  const old = Y.createDocFromSnapshot(doc, snapshot);
  try {
    const { plan } = planFromDoc(old);
    return sum !== undefined && planSum(plan) !== sum ? null : plan;
  } finally {
    old.destroy();
  }
}

/** The plan as it was at `point`; null when the document no longer holds that state. */
export function planAt(doc: Y.Doc, point: HistoryPoint): Plan | null {
  let cache = plans.get(doc);
  if (!cache) plans.set(doc, (cache = new Map()));
  if (cache.has(point.key)) {
    // Most recently used last: the least recently used goes first when the cache is full.
    const kept = cache.get(point.key)!;
    cache.delete(point.key);
    cache.set(point.key, kept);
    return kept;
  }
  let plan: Plan | null;
  // A document whose gc keeps the plan's content (collectable) holds every earlier state of the
  // plan: Yjs asks for gc off to be sure of that, so it is off while the state is read.
  const gc = doc.gc;
  doc.gc = false;
  try {
    plan = planFromSnapshot(doc, snapshotOf(point), point.sum);
  } catch {
    plan = null;
  } finally {
    doc.gc = gc;
  }
  cache.set(point.key, plan);
  if (cache.size > PLANS_KEPT) cache.delete(cache.keys().next().value!);
  return plan;
}

/** The scenario's timeline, newest first: one person's points within groupMs form one entry. */
export function timeline(doc: Y.Doc, limit = 200): TimelineEntry[] {
  return [...timelineSteps(doc, limit)];
}

/**
 * Whether point `after` joins the timeline entry of the point `before` it: neither is a named
 * version or the start, the same person made both, at most HISTORY_RULE.groupMs apart.
 */
export function sameEntry(before: HistoryPoint, after: HistoryPoint): boolean {
  const alone = (x: HistoryPoint) => !!x.name || !!x.start;
  return !alone(before) && !alone(after) && before.by === after.by && after.at - before.at <= HISTORY_RULE.groupMs;
}

/**
 * The timeline one entry at a time, newest first: each step reads only the items of that entry's
 * points (what they touched; what a removal took away from the delete sets), never an earlier
 * state of the whole plan, so a caller can let the page run between steps.
 */
export function* timelineSteps(doc: Y.Doc, limit = 200): Generator<TimelineEntry, void> {
  const points = readPoints(doc);
  const groups: HistoryPoint[][] = [];
  for (const p of points) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    if (g && last && sameEntry(last, p)) g.push(p);
    else groups.push([p]);
  }
  const from = startClocks(points);
  const shown = groups.slice(-limit - 1);
  // The group before the oldest shown only says what that one changed.
  const oldest = shown.length > limit ? 1 : 0;
  for (let i = shown.length - 1; i >= oldest; i--) yield timelineEntry(doc, shown[i]!, shown[i - 1], from);
}

function timelineEntry(
  doc: Y.Doc,
  g: readonly HistoryPoint[],
  before: readonly HistoryPoint[] | undefined,
  from: ReadonlyMap<string, number>,
): TimelineEntry {
  const first = g[0]!;
  const last = g[g.length - 1]!;
  let changes: FindingLocation[] = [];
  if (!last.start) {
    // The first 50 places the group's points touched (each point read no further than needed).
    const seen = new Map<string, FindingLocation>();
    for (const p of g) {
      if (seen.size >= CHANGES_LISTED) break;
      for (const c of touched(doc, p.client, from.get(p.key) ?? 0, p.clock, CHANGES_LISTED))
        seen.set(JSON.stringify(c), c);
    }
    changes = [...seen.values()].slice(0, CHANGES_LISTED);
    // A removal writes no item: what it took away is in the delete set since the entry before.
    if (changes.length === 0 && before)
      changes = removedPlaces(doc, snapshotOf(before[before.length - 1]!), snapshotOf(last));
  }
  return {
    id: last.key,
    kind: last.name ? 'version' : last.start ? 'start' : 'edits',
    ...(last.name ? { name: last.name } : {}),
    by: last.by,
    from: first.at,
    at: last.at,
    points: g.length,
    changes,
  };
}

/** For each point, the clock its client's edits in it start from: that client's point before it. */
function startClocks(points: readonly HistoryPoint[]): Map<string, number> {
  const last = new Map<number, number>();
  const out = new Map<string, number>();
  for (const p of [...points].sort((a, b) => a.clock - b.clock)) {
    out.set(p.key, last.get(p.client) ?? 0);
    last.set(p.client, p.clock);
  }
  return out;
}

/**
 * The earlier values of a cell, row or field, newest first (each value once per run of points
 * holding it). Only the points whose edits touched the place are read back (and the first).
 */
export function cellHistory(doc: Y.Doc, place: CellPlace, limit = HISTORY_RULE.detailPoints): CellHistoryEntry[] {
  const out: CellHistoryEntry[] = [];
  for (const e of cellHistorySteps(doc, place, limit)) if (e) out.push(e);
  return out;
}

/**
 * A cell's history one point at a time, newest first: each step reads one point's value of the
 * place from the document's items (history-at.ts; no earlier state of the whole plan is built)
 * and gives the entry it completes, or undefined. A value is listed at the first point of its run.
 */
export function* cellHistorySteps(
  doc: Y.Doc,
  place: CellPlace,
  limit = HISTORY_RULE.detailPoints,
): Generator<CellHistoryEntry | undefined, void> {
  const points = readPoints(doc);
  const from = startClocks(points);
  const where = place as FindingLocation;
  const recent = points.slice(-limit);
  let pending: { entry: CellHistoryEntry; text: string } | null = null;
  for (let i = recent.length - 1; i >= 0; i--) {
    const p = recent[i]!;
    const edits = i === 0 || p.start ? null : touched(doc, p.client, from.get(p.key) ?? 0, p.clock);
    if (edits && !edits.some((e) => affects(e, where))) continue;
    const read = valueAtSnapshot(doc, snapshotOf(p), place);
    if (!read) {
      yield undefined;
      continue;
    }
    const text = JSON.stringify(read.value ?? null);
    const entry: CellHistoryEntry = {
      id: p.key,
      by: p.by,
      at: p.at,
      value: read.value,
      ...(p.start ? { start: true } : {}),
    };
    // The same value one point earlier: the run started there.
    const done = pending && pending.text !== text ? pending.entry : undefined;
    pending = { entry, text };
    yield done;
  }
  if (pending) yield pending.entry;
}

/** The ops that put the plan back as it was at point `id` (apply them as one batch: one undo step). */
export function restorePointOps(doc: Y.Doc, current: Plan, id: string): PlanOp[] | null {
  const point = readPoints(doc).find((p) => p.key === id);
  const then = point ? planAt(doc, point) : null;
  return then ? planDiffOps(current, { ...then, id: current.id }) : null;
}

/** The op that puts `place` back to its value at point `id`. */
export function restoreCellOp(doc: Y.Doc, current: Plan, place: CellPlace, id: string): PlanOp | null {
  const point = readPoints(doc).find((p) => p.key === id);
  const then = point ? valueAtSnapshot(doc, snapshotOf(point), place) : null;
  return then ? restoreOp(current, place, then.value) : null;
}

/**
 * Thins the points by the documented rule (compactionDrops), then collects the deleted content no
 * point kept shows. Returns how many points were removed.
 */
export function compactHistory(doc: Y.Doc, now: number = Date.now(), rule: CompactionRule = HISTORY_RULE): number {
  return compactAndCollect(doc, now, rule).dropped;
}

/**
 * compactHistory, saying also how many items of deleted content were collected: what was deleted
 * since the last compaction of this document and shows at no point kept (content written and
 * deleted again between two points), and, when points go, everything only they showed.
 */
export function compactAndCollect(
  doc: Y.Doc,
  now: number = Date.now(),
  rule: CompactionRule = HISTORY_RULE,
): { dropped: number; collected: number } {
  const points = readPoints(doc);
  const drop = compactionDrops(points, now, rule);
  const since = deletedSince(doc);
  if (drop.length > 0) {
    doc.transact(() => {
      for (const p of drop) map(doc).delete(p.key);
    }, HISTORY_ORIGIN);
    plans.get(doc)?.clear();
  }
  const gone = new Set(drop.map((p) => p.key));
  const kept = points.filter((p) => !gone.has(p.key)).map(snapshotOf);
  // A stored scenario then opens without what no point shows.
  const scope = drop.length > 0 ? Y.createDeleteSetFromStructStore(doc.store) : since;
  // A document with gc off keeps everything deleted (as Yjs does).
  return { dropped: drop.length, collected: doc.gc ? collectUnshown(doc, kept, scope) : 0 };
}

/** Calls `listener` after every change of the history (a point recorded here or by a peer). */
export function observeHistory(doc: Y.Doc, listener: () => void): () => void {
  const m = map(doc);
  const handler = () => listener();
  m.observe(handler);
  return () => m.unobserve(handler);
}

export { valueAt } from './history-place.ts';
