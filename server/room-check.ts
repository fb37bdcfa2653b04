import * as Y from 'yjs';
import type { z } from '../src/model/zod.ts';
import { Plan } from '../src/model/plan.ts';
import { Split } from '../src/model/split.ts';
import { COLLECTIONS, ROW_SCHEMAS, SCALAR_FIELDS, roots, type Roots } from '../src/sync/layout.ts';
import { readDefaultSplit, readPlanField, readRow } from '../src/sync/read.ts';
import { guardObject } from '../src/sync/guard.ts';
import type { Collection } from '../src/model/ops.ts';
import { CLOSE_INVALID_UPDATE, CLOSE_OUT_OF_ORDER, CLOSE_ROOM_TOO_LARGE, type CloseReason } from './guard.ts';
import { completes, readParts, waitsFor, type UpdateParts } from './pending.ts';
import { HeldUpdates } from './held-updates.ts';
import { clientIdsOf, type ClientIds } from './client-ids.ts';
import { SIGNOFFS_ROOT } from '../src/negotiation/doc.ts';
import { signoffEntries, signoffProblems } from './signoff-check.ts';
import { HISTORY_ROOT } from '../src/negotiation/history.ts';
import { compactRoom } from './room-compaction.ts';
import { USERS_ROOT } from '../src/negotiation/history-users.ts';
import { HistoryNames, type WriterIdentity } from './history-check.ts';

/*
 * One truth for every participant. A client reads the plan out of the room's Y.Doc (src/sync/read.ts,
 * snapshot.ts) and, where a value does not fit the plan schema, keeps what it showed before — or,
 * joining later, falls back to its own copy or drops the row. A peer that writes an invalid value
 * would therefore make participants see different plans depending on when they joined. So the server
 * reads the plan the same way and refuses any update that would make a part of it invalid:
 *
 *   a scalar plan field (name, period, clauses, …)   must fit its schema; once set, it stays set
 *   the default split                                must fit the Split schema
 *   every row (rows.<collection>.<id>)               must be a Y.Map whose fields all fit (guardObject)
 *
 * A shared text (Y.Text) is read as its text only in a free-text field (src/sync/text.ts); anywhere
 * else (a code, a date, an amount) it reads as no value, as at every client, and is refused.
 *
 * Everything else in the doc (row order, meta, roots a plan does not use) is read by every client in
 * the same way, so it cannot split participants and is not checked. A part that was already invalid
 * (stored before this check existed) does not block updates elsewhere.
 *
 * How: each room keeps a shadow copy of its doc. An update is applied to the shadow first; the parts
 * its transaction touched are read again and compared with before. A refused update leaves the real
 * doc untouched and the shadow is rebuilt from it. Every change to the real doc (other instances
 * through Redis, direct connections) is mirrored into the shadow, so it never falls behind.
 *
 * Held updates: Yjs applies an update's deletions at once but keeps its new content pending while
 * content it builds on is missing. A client that edits while reconnecting sends such an edit before
 * its own sync step 2 (its offline edits): applied alone it would show an overwritten value as gone.
 * So an update that waits for anything (pending.ts waitsFor: an origin, a parent or an earlier clock
 * neither the room nor the update has, a deletion of content not here) is held apart — not handed to
 * Hocuspocus, not applied to the shadow (held-updates.ts) — merged with its sender's later updates
 * until the whole applies; then it is checked as one update of that sender, and released, or
 * refused. One still waiting after RP_COLLAB_UPDATE_HOLD_MS is refused; a sender may hold at most
 * MAX_HELD_BYTES in at most MAX_HELD_UPDATES updates, a room at most MAX_HELD_SENDERS senders. Nothing transient or pending ever
 * reaches the room, and others' edits are checked as if nobody held anything.
 * Held content is completed only by its own sender. Yjs integrates pending structs inside the update
 * that brings what they wait for, so content built on another participant's *next* edit would be
 * checked as part of that edit, under that participant's name (a history point "by Anna" that Bob
 * wrote). When an update brings what another socket's held update waits for, that held update is
 * dropped first (closed with 4425 out-of-order: the client says so, reconnects and sends it again,
 * now after what it builds on); the update is then checked on its own. Content from elsewhere
 * (another instance) completes a held update the same way as its sender's own: it is then checked
 * as its sender's.

 * The same place keeps the room's size estimate for the stored-size cap, and checks the sign-offs an
 * update records and the names it writes into the history against the identity of the socket that
 * sent it (signoff-check.ts, history-check.ts). The room keeps deleted content for the history
 * (history-check.ts roomGcFilter), which the cap counts: a growing edit that would pass it first has
 * the room's history compacted by the clients' rule (room-compaction.ts), and is refused only when the
 * room is still too large.
 */

type Status = 'valid' | 'invalid';
type Located =
  | { kind: 'plan' }
  | { kind: 'default' }
  | { kind: 'rows'; c: Collection }
  | { kind: 'signoffs' }
  | { kind: 'points' }
  | { kind: 'users' }
  | { kind: 'other' };

const SCALAR = new Set<string>(SCALAR_FIELDS);
const fieldSchema = (f: string) => (Plan.shape as unknown as Record<string, z.ZodMiniType>)[f]!;
const CHECKING = Symbol('room-check');
/** What one sender may have held (bytes), and how many senders may wait at once in a room. */
const MAX_HELD_BYTES = 64 * 1024;
/** Updates one sender may have held (each one more re-reads what it holds). */
const MAX_HELD_UPDATES = 32;
const MAX_HELD_SENDERS = 8;
/** Clients one sender's held updates may wait for (an honest one waits for its own, and a few it builds on). */
const MAX_AWAITED_CLIENTS = 8;
const OUT_OF_ORDER: Extract<CheckVerdict, { ok: false }> = {
  ok: false,
  close: CLOSE_OUT_OF_ORDER,
  problem: 'waited for content another participant sent',
};

export type CheckVerdict = { ok: true } | { ok: false; close: CloseReason; problem: string; quiet?: boolean };
/** Held: the update looks invalid only because part of it waits for content not here yet. */
export type CheckResult = CheckVerdict | { ok: 'held'; verdict: Promise<CheckVerdict> };

const hasPending = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/** Whether a Yjs (v1) update carries new content; an update of only deletions has no struct groups. */
function addsContent(update: Uint8Array): boolean {
  // The first varUint is the number of clients with new structs.
  return update.length > 0 && update[0] !== 0;
}

export class RoomChecker {
  private shadow!: Y.Doc;
  private r!: Roots;
  private located!: Map<unknown, Located>;
  private readonly baseline = new Map<string, Status>();
  private dirty = new Set<string>();
  /** The sign-off entries as the room holds them (JSON), and the ones a transaction touched. */
  private signoffBase = new Map<string, string>();
  private signoffDirty = new Set<string>();
  /** The history's names as the room holds them, and the entries a transaction touched. */
  private names!: HistoryNames;
  /** Upper estimate of the stored size: exact at build, plus every update since. */
  private size = 0;
  private exactAt = 0;
  /** Updates the room took, and how many it had taken when its history was last compacted at the cap. */
  private changes = 0;
  private compactedAt = -1;
  /** Updates that wait for content not here yet, per sender (held-updates.ts). */
  private readonly held: HeldUpdates;
  /** Who may write new content under which client id (client-ids.ts). */
  private readonly ids: ClientIds;
  private readonly have = (client: number) => Y.getState(this.shadow.store, client);
  private readonly mirror = (update: Uint8Array, origin: unknown) => {
    // Updates from a client connection were checked (and counted) before Hocuspocus applied them.
    const checked = typeof origin === 'object' && origin !== null && 'webSocket' in origin;
    if (!checked) this.size += update.byteLength;
    this.changes++;
    try {
      Y.applyUpdate(this.shadow, update, CHECKING);
    } catch {
      this.rebuild();
    }
    // Content from elsewhere (another instance, the server itself) may be what a held update waits for.
    if (!checked && this.held.count > 0) this.recheckHeld(readParts(update).to);
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxBytes: number,
    /** How long an update may wait for the content it depends on. */
    private readonly holdMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.ids = clientIdsOf(doc);
    this.held = new HeldUpdates(holdMs, (owner) => this.expire(owner));
    this.rebuild();
    for (const c of COLLECTIONS) for (const id of this.r.rows[c].keys()) this.dirty.add(`r:${c}:${id}`);
    for (const f of SCALAR_FIELDS) this.dirty.add(`f:${f}`);
    this.dirty.add('d');
    this.settle();
    doc.on('update', this.mirror);
  }

  /**
   * Checks an update a client (`owner`: its socket's guard; `who`: its token's role and holder)
   * sent, before Hocuspocus applies it.
   */
  check(update: Uint8Array, owner: object = {}, who: WriterIdentity | null = null): CheckResult {
    this.settle();
    if (addsContent(update) && this.size + update.byteLength > this.maxBytes) {
      // Measure exactly at most once a second: near the cap every growing edit would otherwise pay for it.
      if (this.now() - this.exactAt > 1000) {
        this.size = Y.encodeStateAsUpdate(this.shadow).byteLength;
        this.exactAt = this.now();
      }
      // The history the room keeps counts: first it is compacted by the clients' rule (again only
      // once the room changed: refused edits at the cap would otherwise each pay for it).
      if (
        this.size + update.byteLength > this.maxBytes &&
        this.changes !== this.compactedAt &&
        ((this.compactedAt = this.changes), compactRoom(this.doc, [this.shadow]))
      ) {
        this.settle();
        this.size = Y.encodeStateAsUpdate(this.shadow).byteLength;
        this.exactAt = this.now();
      }
      if (this.size + update.byteLength > this.maxBytes) {
        return {
          ok: false,
          close: CLOSE_ROOM_TOO_LARGE,
          problem: `room holds ~${this.size} bytes, cap ${this.maxBytes}`,
        };
      }
    }
    let parts: UpdateParts;
    try {
      parts = readParts(update);
    } catch (error) {
      return {
        ok: false,
        close: CLOSE_INVALID_UPDATE,
        problem: `malformed update (${error instanceof Error ? error.message.slice(0, 80) : 'error'})`,
      };
    }
    const { foreign, fresh } = this.ids.claim(parts.to, this.have, owner, who);
    if (foreign !== null) return { ...OUT_OF_ORDER, problem: `writes under client ${foreign}, another participant's` };
    // Content another sender's held update waits for: that update goes first (see above).
    for (const w of this.held.all())
      if (w.owner !== owner && completes(parts.to, w.awaits)) this.held.settle(w.owner, OUT_OF_ORDER);
    const mine = this.held.of(owner);
    const merged = mine ? Y.mergeUpdates([mine.merged, update]) : update;
    const awaits = waitsFor(mine ? readParts(merged) : parts, this.have);
    if (awaits.size > 0) {
      // Held apart: nothing of it reaches the room or the shadow until it is complete.
      if (
        awaits.size > MAX_AWAITED_CLIENTS ||
        (mine?.bytes ?? 0) + update.byteLength > MAX_HELD_BYTES ||
        (mine?.entries.length ?? 0) >= MAX_HELD_UPDATES ||
        (!mine && this.held.count >= MAX_HELD_SENDERS)
      ) {
        const verdict = { ...OUT_OF_ORDER, problem: 'too much waits for content not here yet' };
        this.held.settle(owner, verdict);
        return verdict;
      }
      let rooms = heldBy.get(owner);
      if (!rooms) heldBy.set(owner, (rooms = new Set()));
      rooms.add(this);
      return { ok: 'held', verdict: this.held.hold(owner, who, update, merged, awaits) };
    }
    // As Hocuspocus will apply them: this update, then the held ones in the order they came.
    // The id it writes first (with the sender's held updates, all of them together) is theirs once taken.
    const first = mine ? this.ids.claim(readParts(merged).to, this.have, owner, who).fresh : fresh;
    const verdict = this.apply([update, ...(mine?.entries.map((e) => e.update) ?? [])], owner, who);
    if (verdict.ok) this.ids.bind(first, owner, who);
    // The sender's held updates go with it: released after it, or refused with it.
    this.held.settle(owner, verdict);
    return verdict;
  }

  /**
   * Applies complete updates to the shadow, in one transaction and in the order the room will, and
   * judges them as `who`'s; refused, the shadow is rebuilt.
   */
  private apply(updates: readonly Uint8Array[], owner: object, who: WriterIdentity | null): CheckVerdict {
    try {
      this.shadow.transact(() => {
        for (const u of updates) Y.applyUpdate(this.shadow, u, CHECKING);
      }, CHECKING);
    } catch (error) {
      this.dirty.clear();
      this.rebuild();
      return {
        ok: false,
        close: CLOSE_INVALID_UPDATE,
        problem: `update does not apply (${error instanceof Error ? error.message.slice(0, 80) : 'error'})`,
      };
    }
    if (hasPending(this.shadow)) {
      // It waited after all for something waitsFor did not see: out, and sent again later.
      this.dirty.clear();
      this.rebuild();
      return { ...OUT_OF_ORDER, problem: 'waits for content not here yet' };
    }
    for (const u of updates) this.size += u.byteLength;
    const people = this.names.touchedUsers.size > 0;
    const signed = [...this.judgeSignoffs(who), ...this.judgeNames(owner, who)];
    if (signed.length > 0) {
      this.dirty.clear();
      this.rebuild();
      return { ok: false, close: CLOSE_INVALID_UPDATE, problem: signed.slice(0, 3).join(', ') };
    }
    const { problems, next } = this.judge(this.dirty);
    this.dirty.clear();
    if (problems.length === 0) {
      this.commit(next);
      if (people) this.ids.bindListed(who?.reserved, this.shadow);
      return { ok: true };
    }
    this.rebuild();
    return { ok: false, close: CLOSE_INVALID_UPDATE, problem: problems.slice(0, 3).join(', ') };
  }

  /** Content from elsewhere arrived: held updates it completes are checked now. */
  private recheckHeld(to: ReadonlyMap<number, number>): void {
    for (const w of this.held.all()) {
      if (!completes(to, w.awaits)) continue;
      w.awaits = waitsFor(readParts(w.merged), this.have);
      if (w.awaits.size === 0)
        this.held.settle(
          w.owner,
          this.apply(
            w.entries.map((e) => e.update),
            w.owner,
            w.who,
          ),
        );
    }
  }

  /** Updates waiting for content they depend on. */
  get heldCount(): number {
    return this.held.count;
  }

  private judge(parts: Set<string>): { problems: string[]; next: Map<string, Status | undefined> } {
    const problems: string[] = [];
    const next = new Map<string, Status | undefined>();
    for (const part of parts) {
      const now = this.evaluate(part);
      const was = this.baseline.get(part);
      next.set(part, now);
      if (now === 'invalid' && was !== 'invalid') problems.push(`${part} invalid${this.why(part)}`);
      else if (part.startsWith('f:') && was === 'valid' && now === undefined) problems.push(`${part} removed`);
    }
    return { problems, next };
  }

  private commit(next: Map<string, Status | undefined>): void {
    for (const [part, status] of next) {
      if (status === undefined) this.baseline.delete(part);
      else this.baseline.set(part, status);
    }
  }

  /** The sign-off entries the last transaction touched, against `who`; taken into the base when they pass. */
  private judgeSignoffs(who: WriterIdentity | null): string[] {
    if (this.signoffDirty.size === 0) return [];
    const problems = signoffProblems(this.shadow.getMap(SIGNOFFS_ROOT), this.signoffDirty, this.signoffBase, who);
    if (problems.length === 0) this.settleSignoffs();
    return problems;
  }

  /** The history entries the last transaction touched, against `who`; taken into the base when they pass. */
  private judgeNames(owner: object, who: WriterIdentity | null): string[] {
    if (!this.names.dirty) return [];
    const problems = this.names.problems(who, (client) => this.ids.boundElsewhere(client, owner, who));
    if (problems.length === 0) this.names.settle();
    return problems;
  }

  private settleSignoffs(): void {
    const map = this.shadow.getMap(SIGNOFFS_ROOT);
    for (const k of this.signoffDirty) {
      if (map.has(k)) this.signoffBase.set(k, JSON.stringify(map.get(k)) ?? 'undefined');
      else this.signoffBase.delete(k);
    }
    this.signoffDirty.clear();
  }

  /** An owner's held updates waited too long: refused; the others wait on. */
  private expire(owner: object): void {
    this.held.settle(owner, {
      ok: false,
      close: CLOSE_INVALID_UPDATE,
      problem: `still waiting after ${this.holdMs} ms for content it builds on`,
    });
  }

  /** Drops an owner's held updates (it left, by default: quietly). */
  dropOwner(
    owner: object,
    verdict: CheckVerdict = { ok: false, close: CLOSE_INVALID_UPDATE, problem: 'sender left', quiet: true },
  ): void {
    this.held.settle(owner, verdict);
  }

  /** Parts of the plan that do not fit the schema now (e.g. stored before the check existed). */
  invalidParts(): string[] {
    this.settle();
    return [...this.baseline].filter(([, s]) => s === 'invalid').map(([p]) => p);
  }

  destroy(): void {
    this.doc.off('update', this.mirror);
    this.held.clear();
    this.shadow.destroy();
  }

  /** Takes what mirrored updates changed into the baseline as it is. */
  private settle(): void {
    // Mirrored updates were checked where they came in (a client here, or another instance).
    this.settleSignoffs();
    this.names.settle();
    for (const part of this.dirty) {
      const status = this.evaluate(part);
      if (status === undefined) this.baseline.delete(part);
      else this.baseline.set(part, status);
    }
    this.dirty.clear();
  }

  private rebuild(): void {
    this.shadow?.destroy();
    // The room's own gc: a shadow that collected what the room keeps would measure it too small.
    const shadow = new Y.Doc({ gc: this.doc.gc, gcFilter: this.doc.gcFilter });
    this.shadow = shadow;
    this.r = roots(shadow);
    this.located = new Map<unknown, Located>([
      [this.r.plan, { kind: 'plan' }],
      [this.r.defaultSplit, { kind: 'default' }],
      [this.r.meta, { kind: 'other' }],
      [shadow.getMap(SIGNOFFS_ROOT), { kind: 'signoffs' }],
      [shadow.getMap(HISTORY_ROOT), { kind: 'points' }],
      [shadow.getMap(USERS_ROOT), { kind: 'users' }],
    ]);
    for (const c of COLLECTIONS) {
      this.located.set(this.r.rows[c], { kind: 'rows', c });
      this.located.set(this.r.order[c], { kind: 'other' });
    }
    this.names = new HistoryNames(shadow);
    shadow.on('afterTransaction', (tr: Y.Transaction) => this.mark(tr));
    const state = Y.encodeStateAsUpdate(this.doc);
    this.size = state.byteLength;
    this.exactAt = this.now();
    Y.applyUpdate(shadow, state, CHECKING);
    this.dirty.clear();
    this.signoffBase = signoffEntries(shadow);
    this.signoffDirty.clear();
    this.names.reset();
  }

  /** The plan parts a transaction touched (the walk snapshot.ts does). */
  private mark(tr: Y.Transaction): void {
    for (const [type, keys] of tr.changed) {
      let t: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
      let key: string | null = null;
      while (!this.located.has(t)) {
        const item = t._item;
        if (!item || !(item.parent instanceof Y.AbstractType)) break;
        key = item.parentSub;
        t = item.parent as Y.AbstractType<unknown>;
      }
      const at = this.located.get(t);
      if (!at || at.kind === 'other') continue;
      const touched = t === type ? [...keys].filter((k): k is string => k !== null) : key === null ? [] : [key];
      if (at.kind === 'signoffs') {
        for (const k of touched) this.signoffDirty.add(k);
        continue;
      }
      if (at.kind === 'points' || at.kind === 'users') {
        const into = at.kind === 'points' ? this.names.touchedPoints : this.names.touchedUsers;
        for (const k of touched) into.add(k);
        continue;
      }
      if (at.kind === 'default') this.dirty.add('d');
      else if (at.kind === 'plan') {
        for (const k of touched) if (SCALAR.has(k)) this.dirty.add(`f:${k}`);
      } else for (const k of touched) this.dirty.add(`r:${at.c}:${k}`);
    }
  }

  /** Which fields of a row are refused (for the log). */
  private why(part: string): string {
    if (!part.startsWith('r:')) return '';
    const [, c, ...rest] = part.split(':') as [string, Collection, ...string[]];
    const id = rest.join(':');
    const row = this.r.rows[c].get(id);
    if (!(row instanceof Y.Map)) return ' (not a row)';
    const candidate = readRow(c, id, row);
    const shape = ROW_SCHEMAS[c].shape as Record<string, z.ZodMiniType>;
    const bad = Object.keys(shape).filter((k) => !shape[k]!.safeParse(candidate[k]).success);
    return ` (${bad.join(', ')})`;
  }

  /** A part's status as a client would read it; undefined when it is not there. */
  private evaluate(part: string): Status | undefined {
    if (part === 'd') return Split.safeParse(readDefaultSplit(this.r)).success ? 'valid' : 'invalid';
    if (part.startsWith('f:')) {
      const f = part.slice(2);
      if (!this.r.plan.has(f)) return undefined;
      return fieldSchema(f).safeParse(readPlanField(this.r, f)).success ? 'valid' : 'invalid';
    }
    const [, c, ...rest] = part.split(':') as [string, Collection, ...string[]];
    const id = rest.join(':');
    const row = this.r.rows[c].get(id);
    if (row === undefined) return undefined;
    if (!(row instanceof Y.Map)) return 'invalid';
    return guardObject(ROW_SCHEMAS[c], readRow(c, id, row), undefined).refused.length === 0 ? 'valid' : 'invalid';
  }
}

const checkers = new WeakMap<Y.Doc, RoomChecker>();
/** Owner (a socket's guard) → rooms where it has updates held. */
const heldBy = new WeakMap<object, Set<RoomChecker>>();

/** A socket left: its held updates will never be completed by it; drop them everywhere. */
export function releaseHeld(owner: object): void {
  const rooms = heldBy.get(owner);
  if (!rooms) return;
  heldBy.delete(owner);
  for (const checker of rooms) checker.dropOwner(owner);
}

/** The room's checker, made at its first client update (read-only rooms never pay for a shadow). */
export function checkerFor(doc: Y.Doc, maxBytes: number, holdMs?: number): RoomChecker {
  let checker = checkers.get(doc);
  if (!checker) {
    const made = new RoomChecker(doc, maxBytes, holdMs);
    checkers.set(doc, made);
    doc.once('destroy', () => {
      made.destroy();
      checkers.delete(doc);
    });
    checker = made;
  }
  return checker;
}
