import * as Y from 'yjs';
import type { z } from '../src/model/zod.ts';
import { Plan } from '../src/model/plan.ts';
import { Split } from '../src/model/split.ts';
import { COLLECTIONS, ROW_SCHEMAS, SCALAR_FIELDS, roots, type Roots } from '../src/sync/layout.ts';
import { readDefaultSplit, readPlanField, readRow } from '../src/sync/read.ts';
import { guardObject } from '../src/sync/guard.ts';
import type { Collection } from '../src/model/ops.ts';
import { CLOSE_INVALID_UPDATE, CLOSE_OUT_OF_ORDER, CLOSE_ROOM_TOO_LARGE, type CloseReason } from './guard.ts';
import { awaitedClients, pendingMark, writtenClients } from './pending.ts';
import { ClientIds } from './client-ids.ts';
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
 * Such an update is held — not handed to Hocuspocus — until what it waits for arrives; then the
 * completed state is checked and it is released, or refused. One still waiting after
 * RP_COLLAB_UPDATE_HOLD_MS is refused. Nothing transient ever reaches the room: an update that
 * leaves anything pending is held, whether or not it changes what the plan shows, and the room's
 * own doc never holds pending content.
 * Held content is completed only by its own sender. Yjs integrates pending structs inside the update
 * that brings what they wait for, so content built on another participant's *next* edit would be
 * checked as part of that edit, under that participant's name (a history point "by Anna" that Bob
 * wrote). When an update would complete what another socket's held update waits for, that held
 * update is dropped first (closed with 4425 out-of-order: the client reconnects quietly and sends
 * it again, now after what it builds on); the update is then checked on its own.
 *
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
/** How often the room's history may be compacted at the cap. */
const COMPACT_EVERY_MS = 5000;
const OUT_OF_ORDER: Extract<CheckVerdict, { ok: false }> = {
  ok: false,
  close: CLOSE_OUT_OF_ORDER,
  problem: 'waited for content another participant sent',
};

export type CheckVerdict = { ok: true } | { ok: false; close: CloseReason; problem: string; quiet?: boolean };
/** Held: the update looks invalid only because part of it waits for content not here yet. */
export type CheckResult = CheckVerdict | { ok: 'held'; verdict: Promise<CheckVerdict> };

interface Held {
  resolve: (v: CheckVerdict) => void;
  timer: ReturnType<typeof setTimeout>;
  update: Uint8Array;
  owner: object;
  who: WriterIdentity | null;
}

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
  /** When the room's history was last compacted at the cap. */
  private compactedAt = -Infinity;
  private held: Held[] = [];
  /** Who may write new content under which client id (client-ids.ts). */
  private readonly ids: ClientIds;
  private heldParts = new Set<string>();
  private readonly mirror = (update: Uint8Array, origin: unknown) => {
    // Updates from a client connection were checked (and counted) before Hocuspocus applied them.
    const checked = typeof origin === 'object' && origin !== null && 'webSocket' in origin;
    if (!checked) this.size += update.byteLength;
    try {
      Y.applyUpdate(this.shadow, update, CHECKING);
    } catch {
      this.rebuild();
    }
    // Content from elsewhere may be what a held update was waiting for.
    if (this.held.length > 0 && !hasPending(this.shadow)) this.resolveHeld();
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxBytes: number,
    /** How long an update may wait for the content it depends on. */
    private readonly holdMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.ids = new ClientIds(doc);
    this.rebuild();
    for (const c of COLLECTIONS) for (const id of this.r.rows[c].keys()) this.dirty.add(`r:${c}:${id}`);
    for (const f of SCALAR_FIELDS) this.dirty.add(`f:${f}`);
    this.dirty.add('d');
    this.settle();
    doc.on('update', this.mirror);
  }

  /**
   * Checks an update a client (`owner`: its socket's guard; `who`: its token's role and holder;
   * `socket`: the socket its presence is bound to) sent, before Hocuspocus applies it.
   */
  check(
    update: Uint8Array,
    owner: object = {},
    who: WriterIdentity | null = null,
    socket: object = owner,
  ): CheckResult {
    this.settle();
    if (addsContent(update)) {
      const have = (client: number) => Y.getState(this.shadow.store, client);
      const foreign = this.ids.claim(update, have, owner, socket, who);
      if (foreign !== null)
        return { ...OUT_OF_ORDER, problem: `writes under client ${foreign}, another participant's` };
    }
    if (addsContent(update) && this.size + update.byteLength > this.maxBytes) {
      // Measure exactly at most once a second: near the cap every growing edit would otherwise pay for it.
      if (this.now() - this.exactAt > 1000) {
        this.size = Y.encodeStateAsUpdate(this.shadow).byteLength;
        this.exactAt = this.now();
      }
      // The history the room keeps counts: first it is compacted by the clients' rule (at most every
      // few seconds: near the cap every growing edit would otherwise pay for a walk of the history).
      if (
        this.size + update.byteLength > this.maxBytes &&
        this.now() - this.compactedAt > COMPACT_EVERY_MS &&
        ((this.compactedAt = this.now()), compactRoom(this.doc, [this.shadow]))
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
    // Content another socket's held update waits for: that update goes first (see above).
    if (this.held.some((h) => h.owner !== owner) && this.completesOthers(update)) {
      for (const other of new Set(this.held.map((h) => h.owner))) {
        if (other !== owner) this.dropOwner(other, OUT_OF_ORDER);
      }
    }
    const pendingBefore = pendingMark(this.shadow);
    try {
      Y.applyUpdate(this.shadow, update, CHECKING);
    } catch (error) {
      this.dirty.clear();
      this.restore();
      return {
        ok: false,
        close: CLOSE_INVALID_UPDATE,
        problem: `update does not apply (${error instanceof Error ? error.message.slice(0, 80) : 'error'})`,
      };
    }
    this.size += update.byteLength;
    const signed = [...this.judgeSignoffs([who]), ...this.judgeNames([who])];
    if (signed.length > 0) {
      this.dirty.clear();
      this.restore();
      return { ok: false, close: CLOSE_INVALID_UPDATE, problem: signed.slice(0, 3).join(', ') };
    }
    const waits = pendingMark(this.shadow) !== pendingBefore;
    if (!hasPending(this.shadow)) {
      // Complete: this update and every held one with it.
      const parts = new Set([...this.dirty, ...this.heldParts]);
      this.dirty.clear();
      const { problems, next } = this.judge(parts);
      if (problems.length === 0) {
        this.commit(next);
        this.releaseHeld();
        return { ok: true };
      }
      this.refuseHeld(`refused together with an update that made ${problems[0]}`);
      this.rebuild();
      return { ok: false, close: CLOSE_INVALID_UPDATE, problem: problems.slice(0, 3).join(', ') };
    }
    if (!waits && !this.held.some((h) => h.owner === owner)) {
      // Complete on its own; what is pending is another socket's, which this update does not touch.
      const { problems, next } = this.judge(this.dirty);
      this.dirty.clear();
      if (problems.length === 0) {
        this.commit(next);
        return { ok: true };
      }
      this.restore();
      return { ok: false, close: CLOSE_INVALID_UPDATE, problem: problems.slice(0, 3).join(', ') };
    }
    // It waits for content not here yet (or comes after this socket's own held updates): held.
    for (const p of this.dirty) this.heldParts.add(p);
    this.dirty.clear();
    let entry!: Held;
    const verdict = new Promise<CheckVerdict>((resolve) => {
      entry = { resolve, timer: setTimeout(() => this.expire(owner), this.holdMs), update, owner, who };
    });
    entry.timer.unref?.();
    this.held.push(entry);
    let rooms = heldBy.get(owner);
    if (!rooms) heldBy.set(owner, (rooms = new Set()));
    rooms.add(this);
    return { ok: 'held', verdict };
  }

  /** Whether an update brings content the held updates wait for. */
  private completesOthers(update: Uint8Array): boolean {
    const awaited = awaitedClients(this.shadow);
    if (awaited.size === 0) return false;
    for (const client of writtenClients(update)) if (awaited.has(client)) return true;
    return false;
  }

  /** Updates waiting for content they depend on. */
  get heldCount(): number {
    return this.held.length;
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

  /**
   * The sign-off entries the last transactions touched, against `whos` (the senders): [] when one
   * of them may record them all; then they are taken into the base.
   */
  private judgeSignoffs(whos: readonly (WriterIdentity | null)[]): string[] {
    if (this.signoffDirty.size === 0) return [];
    const map = this.shadow.getMap(SIGNOFFS_ROOT);
    let problems: string[] = [];
    for (const who of whos.length > 0 ? whos : [null]) {
      problems = signoffProblems(map, this.signoffDirty, this.signoffBase, who);
      if (problems.length === 0) break;
    }
    if (problems.length === 0) this.settleSignoffs();
    return problems;
  }

  /**
   * The history entries the last transactions touched, against `whos` (the senders): [] when one of
   * them may write them all; then they are taken into the base.
   */
  private judgeNames(whos: readonly (WriterIdentity | null)[]): string[] {
    if (!this.names.dirty) return [];
    let problems: string[] = [];
    for (const who of whos.length > 0 ? whos : [null]) {
      problems = this.names.problems(who);
      if (problems.length === 0) break;
    }
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

  /** The shadow has nothing pending any more: the held updates are complete; check them now. */
  private resolveHeld(): void {
    const whos = this.held.map((h) => h.who);
    const signed = [...this.judgeSignoffs(whos), ...this.judgeNames(whos)];
    if (signed.length > 0) {
      this.dirty.clear();
      this.refuseHeld(signed.slice(0, 3).join(', '));
      this.rebuild();
      return;
    }
    const parts = new Set([...this.dirty, ...this.heldParts]);
    this.dirty.clear();
    const { problems, next } = this.judge(parts);
    if (problems.length === 0) {
      this.commit(next);
      this.releaseHeld();
    } else {
      this.refuseHeld(problems.slice(0, 3).join(', '));
      this.rebuild();
    }
  }

  private releaseHeld(): void {
    const held = this.held;
    this.held = [];
    this.heldParts.clear();
    // After the update that completed them has been applied.
    for (const h of held) {
      clearTimeout(h.timer);
      setTimeout(() => h.resolve({ ok: true }), 0);
    }
  }

  private refuseHeld(problem: string): void {
    const held = this.held;
    this.held = [];
    this.heldParts.clear();
    for (const h of held) {
      clearTimeout(h.timer);
      h.resolve({ ok: false, close: CLOSE_INVALID_UPDATE, problem });
    }
  }

  /** An owner's held updates waited too long: refused; the others wait on. */
  private expire(owner: object): void {
    this.dropOwner(owner, {
      ok: false,
      close: CLOSE_INVALID_UPDATE,
      problem: `still waiting after ${this.holdMs} ms for content it builds on`,
    });
  }

  /** Removes an owner's held updates (refused, or dropped because it left) and rebuilds the shadow without them. */
  dropOwner(
    owner: object,
    verdict: CheckVerdict = { ok: false, close: CLOSE_INVALID_UPDATE, problem: 'sender left', quiet: true },
  ): void {
    const mine = this.held.filter((h) => h.owner === owner);
    if (mine.length === 0) return;
    this.held = this.held.filter((h) => h.owner !== owner);
    for (const h of mine) {
      clearTimeout(h.timer);
      h.resolve(verdict);
    }
    this.restore();
  }

  /**
   * Rebuilds the shadow from the room and applies the held updates to it again: after an update
   * was refused or a held one dropped, the others wait on as they were.
   */
  private restore(): void {
    this.rebuild();
    this.heldParts.clear();
    for (const h of this.held) {
      try {
        Y.applyUpdate(this.shadow, h.update, CHECKING);
      } catch {
        /* it applied before */
      }
    }
    for (const p of this.dirty) this.heldParts.add(p);
    this.dirty.clear();
    if (this.held.length > 0 && !hasPending(this.shadow)) this.resolveHeld();
  }

  releaseClientIds(owner: object): void {
    this.ids.release(owner);
  }

  /** Parts of the plan that do not fit the schema now (e.g. stored before the check existed). */
  invalidParts(): string[] {
    this.settle();
    return [...this.baseline].filter(([, s]) => s === 'invalid').map(([p]) => p);
  }

  destroy(): void {
    this.doc.off('update', this.mirror);
    for (const h of this.held) clearTimeout(h.timer);
    this.held = [];
    this.shadow.destroy();
  }

  /** Takes what mirrored updates changed into the baseline as it is. */
  private settle(): void {
    // Mirrored updates were checked where they came in (a client here, or another instance).
    if (this.held.length === 0) {
      this.settleSignoffs();
      this.names.settle();
    }
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

/** A socket left a room: the client ids bound to it are free again (client-ids.ts). */
export function releaseClientIds(doc: Y.Doc, owner: object): void {
  checkers.get(doc)?.releaseClientIds(owner);
}

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
