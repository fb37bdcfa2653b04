import * as Y from 'yjs';
import { idsOf, type WriterIdentity } from './history-check.ts';
import { USERS_ROOT } from '../src/negotiation/history-users.ts';

/*
 * Whose client ids are whose. A Yjs client writes under its client id, clock after clock, and a room
 * takes each clock once: content another socket wrote at a participant's next clocks would make the
 * room skip the participant's own edit there (the room shows the other content, the participant its
 * own, for good). So new content under a client id (clocks the room does not have yet) is taken only
 * from whoever the id is bound to. An id is bound:
 *
 *   - to the editor who writes under it first, in an update of that one client's content that the
 *     room takes (a sync step that brings several clients' content may be relaying a participant
 *     who is gone; a refused update binds nothing);
 *   - to the personal token holder the history's people (`users`) list it under, when the room is
 *     first used and whenever the people change: they come back to it after a reconnect or an
 *     unload, and an id first written together with other content (a text's conversion) is theirs.
 *
 * Bound means: to a personal token's holder by name, else to the socket, until it leaves. An id bound
 * to nobody is free (content relayed for a client that is gone, a text's conversion under the id
 * every participant derives alike, src/sync/text.ts). Someone writing first under an id another
 * participant announced but has not written under yet takes nothing from them: that participant's
 * Yjs document, receiving content under its own id, moves to a new one. The history's people may list
 * an id only for whoever it is bound to.
 * Limits: the bindings live in one instance's memory (a room on several instances starts without
 * them); with a shared token an id is free again once its socket left.
 */

type Key = string | object;

export class ClientIds {
  private readonly bound = new Map<number, Key>();
  private seeded = false;

  constructor(private readonly room: Y.Doc) {}

  /** Binds the ids the history's people list under personal tokens' holders (once, at first use). */
  private seed(reserved: ReadonlySet<string> | undefined): void {
    if (this.seeded || !reserved) return;
    this.seeded = true;
    this.bindListed(reserved);
  }

  /**
   * Binds the ids the history's people list under personal tokens' holders and nobody else has:
   * at first use, and after each update that changed the people (checked to be by the holder,
   * history-check.ts) — also an id first written together with another client's content.
   * `doc`: where to read the people (the checker's copy, which has the update before the room).
   */
  bindListed(reserved: ReadonlySet<string> | undefined, doc: Y.Doc = this.room): void {
    if (!reserved || !doc.share.has(USERS_ROOT)) return; // (getMap would add the root to the room)
    for (const [name, user] of doc.getMap(USERS_ROOT).entries()) {
      if (!reserved.has(name)) continue;
      for (const id of idsOf(user)) if (!this.bound.has(id)) this.bound.set(id, `name:${name}`);
    }
  }

  /** Who writes: a personal token's holder by name, anyone else by their socket's owner. */
  keyOf(owner: object, who: WriterIdentity | null): Key {
    return who?.name !== undefined && who.reserved?.has(who.name) ? `name:${who.name}` : owner;
  }

  /**
   * The first client id an update (reaching `to`: client → clock after its last struct) writes new
   * content under that is bound to someone else (`foreign`), or null; `fresh`: the id that update
   * writes first, to bind with `bind` once the update is taken (a refused one binds nothing).
   */
  claim(
    to: ReadonlyMap<number, number>,
    have: (client: number) => number,
    owner: object,
    who: WriterIdentity | null,
  ): { foreign: number | null; fresh: number | null } {
    this.seed(who?.reserved);
    const key = this.keyOf(owner, who);
    const fresh: number[] = [];
    for (const [client, end] of to) {
      if (end <= have(client)) continue; // nothing the room does not have
      const bound = this.bound.get(client);
      if (bound !== undefined && bound !== key) return { foreign: client, fresh: null };
      if (bound === undefined && have(client) === 0) fresh.push(client);
    }
    const first = who?.role === 'editor' && fresh.length === 1 && to.size === 1 ? fresh[0]! : null;
    return { foreign: null, fresh: first };
  }

  /** Binds an id an update the room took wrote first (see claim). */
  bind(fresh: number | null, owner: object, who: WriterIdentity | null): void {
    if (fresh !== null && !this.bound.has(fresh)) this.bound.set(fresh, this.keyOf(owner, who));
  }

  /** Whether `client` is bound to someone other than the writer. */
  boundElsewhere(client: number, owner: object, who: WriterIdentity | null): boolean {
    this.seed(who?.reserved);
    const bound = this.bound.get(client);
    return bound !== undefined && bound !== this.keyOf(owner, who);
  }

  /** A socket left: the ids bound to it are free again (a personal token's stay its holder's). */
  release(owner: object): void {
    for (const [client, key] of this.bound) if (key === owner) this.bound.delete(client);
  }
}

const rooms = new WeakMap<Y.Doc, ClientIds>();

/** A room's bindings (one per room document, shared by its checks and its presence). */
export function clientIdsOf(room: Y.Doc): ClientIds {
  let ids = rooms.get(room);
  if (!ids) rooms.set(room, (ids = new ClientIds(room)));
  return ids;
}
