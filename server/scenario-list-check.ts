import * as Y from 'yjs';
import { scenarioListProblems } from '../src/sync/collab/scenario-list.ts';
import { CLOSE_INVALID_UPDATE, CLOSE_OUT_OF_ORDER, CLOSE_ROOM_TOO_LARGE } from './guard.ts';
import type { CheckVerdict } from './room-check.ts';
import { clientIdsOf, type ClientIds } from './client-ids.ts';
import type { WriterIdentity } from './history-check.ts';

/*
 * The check of a plan's scenario-list room (`<plan>:scenarios`, src/sync/collab/scenario-list.ts):
 * every update a client sends is applied to a shadow copy first, and refused (4422 invalid-update)
 * when the list would break its rules — more than RP_COLLAB_MAX_SCENARIOS entries, an entry that is
 * not a map, a name that is not text or longer than 120 characters, fields or roots the list does
 * not have — or when it does not apply. The list is small, so it is checked as a whole every time.
 * A deletion never makes it invalid (a missing field is allowed), so an edit that waits for content
 * not here yet needs no holding. Observers' updates are dropped before this (read-only connections).
 * New content under a client id only from who announced or wrote it, as in a scenario's room
 * (client-ids.ts).
 */

const CHECKING = Symbol('scenario-list-check');

export class ScenarioListChecker {
  private shadow!: Y.Doc;
  private readonly ids: ClientIds;
  private readonly mirror = (update: Uint8Array, origin: unknown) => {
    if (origin === CHECKING) return;
    try {
      Y.applyUpdate(this.shadow, update, CHECKING);
    } catch {
      this.rebuild();
    }
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {
    this.ids = clientIdsOf(doc);
    this.rebuild();
    doc.on('update', this.mirror);
  }

  /** Checks an update a client sent (as RoomChecker.check), before Hocuspocus applies it. */
  check(update: Uint8Array, owner: object = {}, who: WriterIdentity | null = null): CheckVerdict {
    const to = Y.parseUpdateMeta(update).to;
    const { foreign, fresh } = this.ids.claim(to, (c) => Y.getState(this.shadow.store, c), owner, who);
    if (foreign !== null)
      return {
        ok: false,
        close: CLOSE_OUT_OF_ORDER,
        problem: `writes under client ${foreign}, another participant's`,
      };
    try {
      Y.applyUpdate(this.shadow, update, CHECKING);
    } catch (error) {
      this.rebuild();
      return {
        ok: false,
        close: CLOSE_INVALID_UPDATE,
        problem: `update does not apply (${error instanceof Error ? error.message.slice(0, 80) : 'error'})`,
      };
    }
    const problems = scenarioListProblems(this.shadow, this.maxEntries);
    if (problems.length === 0) {
      const size = Y.encodeStateAsUpdate(this.shadow).byteLength;
      if (size <= this.maxBytes) {
        this.ids.bind(fresh, owner, who);
        return { ok: true };
      }
      this.rebuild();
      return { ok: false, close: CLOSE_ROOM_TOO_LARGE, problem: `list holds ${size} bytes, cap ${this.maxBytes}` };
    }
    this.rebuild();
    return { ok: false, close: CLOSE_INVALID_UPDATE, problem: problems.slice(0, 3).join(', ') };
  }

  destroy(): void {
    this.doc.off('update', this.mirror);
    this.shadow.destroy();
  }

  private rebuild(): void {
    this.shadow?.destroy();
    // As the list room: nothing deleted is kept (history-check.ts roomGcFilter).
    this.shadow = new Y.Doc({ gc: this.doc.gc });
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc), CHECKING);
  }
}

const checkers = new WeakMap<Y.Doc, ScenarioListChecker>();

/** The list room's checker, made at its first client update. */
export function listCheckerFor(doc: Y.Doc, maxEntries: number, maxBytes: number): ScenarioListChecker {
  let checker = checkers.get(doc);
  if (!checker) {
    const made = new ScenarioListChecker(doc, maxEntries, maxBytes);
    checkers.set(doc, made);
    doc.once('destroy', () => {
      made.destroy();
      checkers.delete(doc);
    });
    checker = made;
  }
  return checker;
}
