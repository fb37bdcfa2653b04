import * as Y from 'yjs';
import { presenceHolder } from './presence.ts';
import type { WriterIdentity } from './history-check.ts';

/*
 * Whose client ids are whose. A Yjs client writes under its client id, clock after clock, and a room
 * takes each clock once: content another socket wrote at a participant's next clocks would make the
 * room skip the participant's own edit there (the room shows the other content, the participant its
 * own, for good). So new content under a client id (clocks the room does not have yet) is taken only
 * from whoever the id is bound to:
 *
 *   - the socket whose presence announced the id (presence.ts: the first socket to use it in the
 *     room's awareness), while it is connected; a client announces its presence as it joins, before
 *     anyone else can know its id;
 *   - whoever wrote under the id while its presence was theirs: the holder's name for a personal
 *     token (it stays bound while the room is loaded, so the holder comes back to it after a
 *     reconnect, and nobody else takes it meanwhile), else the socket (until it leaves).
 *
 * An id nobody announced or wrote is free (content a participant relays for a client that is gone).
 * Limits: bindings live in one instance's memory (a room on several instances, or reloaded after a
 * restart, starts without them); with a shared token, an id whose socket left is free again.
 */

type Key = string | object;

export class ClientIds {
  private readonly bound = new Map<number, Key>();

  constructor(private readonly room: object) {}

  /**
   * The first client id an update (v1) writes new content under that is another participant's, or
   * null; then the ids the sender's presence holds are bound to it.
   */
  claim(
    update: Uint8Array,
    have: (client: number) => number,
    owner: object,
    socket: object,
    who: WriterIdentity | null,
  ): number | null {
    const key: Key = who?.name !== undefined && who.reserved?.has(who.name) ? `name:${who.name}` : owner;
    const fresh: number[] = [];
    for (const [client, to] of Y.parseUpdateMeta(update).to) {
      if (to <= have(client)) continue; // nothing the room does not have
      const bound = this.bound.get(client);
      const holder = presenceHolder(this.room, client);
      if (bound !== undefined && bound !== key && (typeof bound === 'string' || holder !== socket)) return client;
      if (holder !== undefined && holder !== socket && bound !== key) return client;
      if (holder === socket) fresh.push(client);
    }
    for (const client of fresh) this.bound.set(client, key);
    return null;
  }

  /** A socket left: the ids bound to it are free again (a personal token's stay its holder's). */
  release(owner: object): void {
    for (const [client, key] of this.bound) if (key === owner) this.bound.delete(client);
  }
}
