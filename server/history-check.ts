import * as Y from 'yjs';
import { HISTORY_ROOT, HISTORY_RULE, MAX_SNAPSHOT_BYTES, collectable } from '../src/negotiation/history.ts';
import { compactionDrops } from '../src/negotiation/history-compaction.ts';
import { USERS_ROOT } from '../src/negotiation/history-users.ts';
import { isScenarioListRoom } from '../src/sync/collab/scenario-list.ts';
import type { SignerIdentity } from './signoff-check.ts';

/*
 * The history in a workshop (src/negotiation/history.ts, history-users.ts: the scenario's Y.Doc
 * holds who made which edit in the root map `users` — Yjs' PermanentUserData, name → client ids —
 * and its points in the root map `history`, `p:<client>:<clock>` → { at, by, snap, … }).
 *
 * Keeping it: a room's document keeps deleted content, as the clients' documents do (`roomGcFilter`:
 * the clients' `collectable`, so only removed points are collected as they go), so a participant
 * who joins later can read every earlier point; at the room's size cap, what no kept point shows is
 * collected too (room-compaction.ts). The scenario list (`<plan>:scenarios`) keeps none.
 *
 * Checking it, per update, against the identity the server assigned to the connection:
 *
 *   users.<name>        a name a personal token holds is written (added, given client ids,
 *                       replaced, removed) only by that token's holder; a client id another person
 *                       already has is never given to someone else
 *   history.p:<c>:<k>   a new point is by a name the writer may use (`by`, as above), under a
 *                       client id that is not another person's, dated at most a week ahead of the
 *                       server's clock; a start point (by nobody) by anyone
 *                       a recorded point never changes; it goes only when it is the writer's own,
 *                       or when the clients' compaction rule removes it (compactionDrops over
 *                       the points the room holds and those the update adds, as the clients read
 *                       them; at a clock a day ahead of the server's: the rule removes no less at a
 *                       later moment, so a client whose clock is up to a day ahead passes)
 *
 * The names the server vouches for are those of personal tokens' holders (auth.ts): nobody else
 * writes under them. Other names cannot be checked — a shared token names nobody, and a scenario
 * brings along the edits made before the workshop under the planner's `user-name` — so they pass;
 * use personal tokens where attribution must hold.
 * Observers write nothing (Hocuspocus drops their updates). room-check.ts applies this to the
 * entries each update touched; a refused update goes the way of any invalid update (4422).
 */

const DAY_MS = 86_400_000;

/** Who writes: the connection's role and assigned name, and the names personal tokens hold. */
export interface WriterIdentity extends SignerIdentity {
  /** Names of personal tokens' holders: nobody else may write under them. */
  reserved?: ReadonlySet<string>;
}

/**
 * The gcFilter of a room's document: a scenario's room keeps what its history reads (the clients'
 * `collectable`), the scenario list keeps nothing deleted.
 */
export function roomGcFilter(item: Y.Item): boolean {
  const doc = (item.parent as Y.AbstractType<unknown> | null)?.doc as (Y.Doc & { name?: unknown }) | null | undefined;
  if (doc && typeof doc.name === 'string' && isScenarioListRoom(doc.name)) return true;
  return collectable(item);
}

interface PointRecord {
  key: string;
  item: string;
  client: number;
  by: string;
  at: number;
  name?: string;
  start: boolean;
  /** A point as the clients read it (readPoints): only those count for the compaction rule. */
  ruled: boolean;
}

const itemId = (map: Y.Map<unknown>, key: string): string | null => {
  const item = map._map.get(key);
  return item && !item.deleted ? `${item.id.client}:${item.id.clock}` : null;
};

function pointRecord(map: Y.Map<unknown>, key: string): PointRecord | null {
  const item = itemId(map, key);
  const m = /^p:(\d+):\d+$/.exec(key);
  const v = map.get(key);
  if (!item || !m || typeof v !== 'object' || v === null) return null;
  const { by, at, name, start, snap } = v as Record<string, unknown>;
  const timed = typeof at === 'number' && Number.isFinite(at);
  return {
    key,
    item,
    client: Number(m[1]),
    by: typeof by === 'string' ? by : '',
    at: timed ? at : 0,
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    start: start === true,
    ruled: timed && typeof by === 'string' && snap instanceof Uint8Array && snap.length <= MAX_SNAPSHOT_BYTES,
  };
}

/** A person's client ids as the map lists them. */
export function idsOf(user: unknown): Set<number> {
  const out = new Set<number>();
  const ids = user instanceof Y.Map ? user.get('ids') : undefined;
  if (ids instanceof Y.Array) for (const id of ids.toArray()) if (typeof id === 'number') out.add(id);
  return out;
}

/** How far ahead of the server's clock a new point may be dated (a participant's clock may be ahead). */
const MAX_AHEAD_MS = 7 * DAY_MS;

/** Start points a room's history may hold (one per browser that started it at the same moment). */
const MAX_STARTS = 4;

/**
 * The history's names as the room holds them (before an update), and the keys the update touched.
 * `check` says what is wrong with the touched entries for a writer; `settle` takes them in.
 */
export class HistoryNames {
  private points = new Map<string, PointRecord>();
  private users = new Map<string, { item: string | null; ids: Set<number> }>();
  /** Who each client id is mapped to (a lookup per id, not a walk over every person). */
  private owners = new Map<number, Set<string>>();
  /** The keys of the points the compaction rule removes, worked out once per check. */
  private drops: Set<string> | null = null;
  /** Start points the update being checked adds. */
  private newStarts = 0;
  readonly touchedPoints = new Set<string>();
  readonly touchedUsers = new Set<string>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.reset();
  }

  get dirty(): boolean {
    return this.touchedPoints.size > 0 || this.touchedUsers.size > 0;
  }

  /** Reads the whole base again (after the shadow was rebuilt). */
  reset(): void {
    this.touchedPoints.clear();
    this.touchedUsers.clear();
    this.points.clear();
    this.users.clear();
    this.owners.clear();
    this.drops = null;
    const points = this.doc.getMap(HISTORY_ROOT);
    for (const key of points.keys()) {
      const r = pointRecord(points, key);
      if (r) this.points.set(key, r);
    }
    const users = this.doc.getMap(USERS_ROOT);
    for (const [name, user] of users.entries()) this.setUser(name, { item: itemId(users, name), ids: idsOf(user) });
  }

  /** Sets (or with null removes) a person and their client ids, keeping `owners` in step. */
  private setUser(name: string, user: { item: string | null; ids: Set<number> } | null): void {
    for (const id of this.users.get(name)?.ids ?? []) {
      const names = this.owners.get(id);
      names?.delete(name);
      if (names?.size === 0) this.owners.delete(id);
    }
    if (!user) return void this.users.delete(name);
    this.users.set(name, user);
    for (const id of user.ids) {
      const names = this.owners.get(id);
      if (names) names.add(name);
      else this.owners.set(id, new Set([name]));
    }
  }

  /** Takes the touched entries into the base as they are now. */
  settle(): void {
    const points = this.doc.getMap(HISTORY_ROOT);
    for (const key of this.touchedPoints) {
      const r = pointRecord(points, key);
      if (r) this.points.set(key, r);
      else this.points.delete(key);
    }
    const users = this.doc.getMap(USERS_ROOT);
    for (const name of this.touchedUsers) {
      this.setUser(name, users.has(name) ? { item: itemId(users, name), ids: idsOf(users.get(name)) } : null);
    }
    this.touchedPoints.clear();
    this.touchedUsers.clear();
    this.drops = null;
  }

  /**
   * What is wrong with the touched entries when `who` wrote them; [] when they may pass.
   * `boundElsewhere`: whether a client id is bound to another participant (client-ids.ts).
   */
  problems(who: WriterIdentity | null, boundElsewhere: (client: number) => boolean = () => false): string[] {
    this.newStarts = 0;
    this.drops = null;
    const out: string[] = [];
    for (const name of this.touchedUsers) {
      const problem = this.userProblem(name, who, boundElsewhere);
      if (problem) out.push(`users.${name.slice(0, 80)}: ${problem}`);
    }
    for (const key of this.touchedPoints) {
      const problem = this.pointProblem(key, who);
      if (problem) out.push(`history.${key.slice(0, 80)}: ${problem}`);
    }
    return out;
  }

  /**
   * Whether `who` may write under `name`: its own assigned name, or a name no personal token holds
   * (edits made before joining, under the planner's user-name, come along with the scenario).
   */
  private mayClaim(name: string, who: WriterIdentity | null): string | null {
    if (!who || who.role !== 'editor') return 'only an editor writes the history';
    if (name === who.name || !who.reserved?.has(name)) return null;
    return `attributed to "${name.slice(0, 60)}", a personal token's holder, but this token's holder is ${who.name ? `"${who.name}"` : 'nobody'}`;
  }

  /** The person the room maps a client id to, other than `except`. */
  private ownerOf(client: number, except?: string): string | null {
    for (const name of this.owners.get(client) ?? []) if (name !== except) return name;
    return null;
  }

  private userProblem(
    name: string,
    who: WriterIdentity | null,
    boundElsewhere: (client: number) => boolean,
  ): string | null {
    const claim = this.mayClaim(name, who);
    if (claim) return claim;
    const users = this.doc.getMap(USERS_ROOT);
    const was = this.users.get(name);
    const added = [...idsOf(users.get(name))].filter((id) => !was?.ids.has(id));
    for (const id of added) {
      const owner = this.ownerOf(id, name);
      if (owner !== null) return `client ${id} is "${owner.slice(0, 60)}"'s`;
      // An id someone else announced or wrote under first: listing it would name their edits.
      if (boundElsewhere(id)) return `client ${id} is another participant's`;
    }
    return null;
  }

  private pointProblem(key: string, who: WriterIdentity | null): string | null {
    const points = this.doc.getMap(HISTORY_ROOT);
    const was = this.points.get(key);
    const now = itemId(points, key);
    if (was) {
      if (now === was.item) return null;
      if (now !== null) return 'a recorded point never changes';
      if (who?.role === 'editor' && who.name !== undefined && was.by === who.name && !was.start) return null;
      return this.compactable(key, was) ? null : `removes ${was.by ? `"${was.by.slice(0, 60)}"'s` : 'a'} point`;
    }
    if (now === null) return null; // added and removed in one update, or not a point
    const r = pointRecord(points, key);
    if (!r) return null; // not a point: every reader skips it
    // A point dated far ahead would stay for good (the rule keeps what is recent), and every point
    // recorded after it would follow it (recordPoint dates after the last point).
    if (r.at > this.now() + MAX_AHEAD_MS) return "dated more than a week ahead of the server's clock";
    if (r.start) {
      if (r.by !== '') return 'a start point is by nobody';
      // Two browsers that start a fresh room's history at once each write one; more is a flood
      // nobody could remove (the compaction rule keeps every start).
      const starts = [...this.points.values()].filter((p) => p.start).length + ++this.newStarts;
      return starts > MAX_STARTS ? `the history has ${MAX_STARTS} starts already` : null;
    }
    // A point by nobody ('': its browser had no name yet) claims no one.
    const claim =
      r.by === '' ? (who?.role === 'editor' ? null : 'only an editor writes the history') : this.mayClaim(r.by, who);
    if (claim) return claim;
    // A point reads as the person its client id is mapped to: that must be the writer too.
    const owner = this.ownerOf(r.client);
    if (owner === null || owner === r.by || (r.by === '' && this.mayClaim(owner, who) === null)) return null;
    return `client ${r.client} is "${owner.slice(0, 60)}"'s`;
  }

  /**
   * Whether the clients' compaction rule removes this point, a day ahead of the server's clock,
   * from the points the room holds and those the update adds (a client compacts what it has).
   */
  private compactable(key: string, p: PointRecord): boolean {
    if (!p.ruled) return false;
    if (!this.drops) {
      const ruled = [...this.points.values()].filter((r) => r.ruled);
      const points = this.doc.getMap(HISTORY_ROOT);
      for (const k of this.touchedPoints) {
        const r = this.points.has(k) ? null : pointRecord(points, k);
        if (r?.ruled) ruled.push(r);
      }
      this.drops = new Set(compactionDrops(ruled, this.now() + DAY_MS, HISTORY_RULE).map((r) => r.key));
    }
    return this.drops.has(key);
  }
}
