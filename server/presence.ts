import { cleanName, parseSelection } from '../src/sync/collab/presence.ts';
import type { Role } from './auth.ts';
import { encodeAwareness, readAwareness } from './message-check.ts';

/*
 * Presence bound to the socket. An awareness update names client ids and their states; Hocuspocus
 * applies whatever a socket sends, so an observer could speak for an editor or fill the room with
 * fake participants. Here every awareness update a client sends is rewritten before it is applied:
 *
 *  - a client id belongs to the socket that first used it in the room (while that socket is there);
 *    entries for an id another socket holds, or that another instance announced, are dropped;
 *  - one socket holds at most maxPresenceEntries ids per room; a state over maxPresenceBytes is dropped;
 *  - the state is rebuilt from what the server knows: `name` from the token when it names its holder
 *    (else the typed name, cleaned), `role` from the connection, `color` and `selection` only when
 *    they have the shape the client sends (src/sync/collab/presence.ts). Nothing else passes.
 */

export interface PresenceIdentity {
  role: Role;
  name?: string;
}
export interface PresenceLimits {
  maxPresenceEntries: number;
  maxPresenceBytes: number;
}

/** What the client publishes (src/sync/collab/presence.ts LocalPresence), plus the server's role. */
export interface ServerPresence {
  name: string;
  color?: string;
  selection: unknown;
  role: Role;
}

interface AwarenessLike {
  getStates(): Map<number, unknown>;
}
interface RoomLike {
  awareness: AwarenessLike;
  connections: Map<unknown, unknown>;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** room (document) → client id → the socket (ws object) that holds it. */
const owners = new WeakMap<object, Map<number, object>>();

function ownersOf(room: object): Map<number, object> {
  let map = owners.get(room);
  if (!map) owners.set(room, (map = new Map()));
  return map;
}

export function presenceState(raw: unknown, who: PresenceIdentity): ServerPresence | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const s = raw as Record<string, unknown>;
  const out: ServerPresence = {
    name: who.name ?? cleanName(s.name),
    selection: parseSelection(s.selection),
    role: who.role,
  };
  if (typeof s.color === 'string' && COLOR.test(s.color)) out.color = s.color.toLowerCase();
  return out;
}

/**
 * The awareness update body to apply for `socket`, or null when nothing of it may pass.
 * `room` is the Hocuspocus document (its awareness and its live connections, keyed by socket).
 */
export function rewriteAwareness(
  room: RoomLike,
  socket: object,
  body: Uint8Array,
  who: PresenceIdentity,
  limits: PresenceLimits,
): Uint8Array | null {
  const entries = readAwareness(body);
  const map = ownersOf(room);
  const live = room.awareness.getStates();
  let held = 0;
  for (const owner of map.values()) if (owner === socket) held++;
  const out: { clientId: number; clock: number; state: unknown }[] = [];
  for (const e of entries) {
    if (e.bytes > limits.maxPresenceBytes) continue;
    const owner = map.get(e.clientId);
    if (owner !== socket) {
      if (owner !== undefined && room.connections.has(owner)) continue; // another socket's participant
      if (owner === undefined && live.has(e.clientId)) continue; // announced by another instance
      if (e.state === null) continue; // removing what it does not hold
      if (held >= limits.maxPresenceEntries) continue;
      map.set(e.clientId, socket);
      held++;
    }
    if (e.state === null) {
      out.push({ clientId: e.clientId, clock: e.clock, state: null });
      continue;
    }
    const state = presenceState(e.state, who);
    if (state) out.push({ clientId: e.clientId, clock: e.clock, state });
  }
  return out.length > 0 ? encodeAwareness(out) : null;
}

/** Forgets the ids a socket held in a room (it left). */
export function releasePresence(room: object, socket: object): void {
  const map = owners.get(room);
  if (!map) return;
  for (const [id, owner] of map) if (owner === socket) map.delete(id);
}
