import * as Y from 'yjs';
import type { WriterIdentity } from './history-check.ts';

/*
 * Whose client ids are whose. A Yjs client writes under its client id, clock after clock, and a room
 * takes each clock once: content another socket wrote at a participant's next clocks would make the
 * room skip the participant's own edit there (the room shows the other content, the participant its
 * own, for good). So new content under a client id (clocks the room does not have yet) is taken only
 * from whoever the id is bound to. An id is bound, while nothing is in the room under it:
 *
 *   - to the editor whose presence announces it (presence.ts; a client announces its id as it
 *     joins, before anyone else can know it), or
 *   - to the editor who writes under it first, in an update of its own content only (a sync step
 *     that brings several clients' content may be relaying a participant who is gone).
 *
 * Bound means: to a personal token's holder (by name: they come back to it after a reconnect, and
 * nobody takes it meanwhile, while the room is loaded), else to the socket, until it leaves. An id
 * bound to nobody is free (content a participant relays for a client that is gone). The history's
 * people (history-check.ts) may list an id only for whoever it is bound to.
 * Limits: the bindings live in one instance's memory (a room on several instances, or reloaded after
 * a restart, starts without them); with a shared token an id is free again once its socket left.
 */

type Key = string | object;

export class ClientIds {
  private readonly bound = new Map<number, Key>();

  constructor(private readonly room: Y.Doc) {}

  /** Who writes: a personal token's holder by name, anyone else by their socket's owner. */
  keyOf(owner: object, who: WriterIdentity | null): Key {
    return who?.name !== undefined && who.reserved?.has(who.name) ? `name:${who.name}` : owner;
  }

  /** An editor's presence holds these ids now: those with nothing in the room become theirs. */
  announced(ids: Iterable<number>, owner: object, who: WriterIdentity | null): void {
    if (who?.role !== 'editor') return;
    for (const id of ids) {
      if (!this.bound.has(id) && Y.getState(this.room.store, id) === 0) this.bound.set(id, this.keyOf(owner, who));
    }
  }

  /**
   * The first client id an update (reaching `to`: client → clock after its last struct) writes new
   * content under that is bound to someone else, or null; then a first write binds its id.
   */
  claim(
    to: ReadonlyMap<number, number>,
    have: (client: number) => number,
    owner: object,
    who: WriterIdentity | null,
  ): number | null {
    const key = this.keyOf(owner, who);
    const fresh: number[] = [];
    for (const [client, end] of to) {
      if (end <= have(client)) continue; // nothing the room does not have
      const bound = this.bound.get(client);
      if (bound !== undefined && bound !== key) return client;
      if (bound === undefined && have(client) === 0) fresh.push(client);
    }
    if (who?.role === 'editor' && fresh.length === 1 && to.size === 1) this.bound.set(fresh[0]!, key);
    return null;
  }

  /** Whether `client` is bound to someone other than the writer. */
  boundElsewhere(client: number, owner: object, who: WriterIdentity | null): boolean {
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
