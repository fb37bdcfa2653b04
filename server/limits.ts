/*
 * What one connection, one client address, one token and one room may use. A workshop client sends
 * a few small messages per second (a Yjs update per edit, an awareness update per selection change);
 * these limits leave room for bursts such as a paste or the first sync of a large plan, and stop a
 * client that would starve the others. Every limit has an RP_COLLAB_* variable (server/README.md).
 */

export interface Limits {
  /** Largest single message in bytes; larger frames are refused by the socket (close 1009). */
  maxMessageBytes: number;
  /** Sustained messages per second per connection, and the burst allowed above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Sustained bytes per second per connection, and the burst allowed above it. */
  bytesPerSecond: number;
  byteBurst: number;
  /** Documents one socket may open: each costs server memory even before it authenticates. */
  maxRoomsPerSocket: number;

  /** A socket must sign in to a room within this time, and every room it opens within this time. */
  authTimeoutMs: number;
  /** Largest auth (token) message. */
  maxAuthBytes: number;
  /** What a socket may send for rooms it has not signed in to yet, besides the auth message. */
  preAuthBytes: number;
  preAuthMessages: number;

  /** Open sockets (WebSocket connections, signed in or not) in total and per client address. */
  maxSockets: number;
  maxSocketsPerIp: number;
  /** Rooms loaded in this instance, and rooms open at the same time with one token. */
  maxRooms: number;
  maxRoomsPerToken: number;
  /** A room's stored size (its Yjs state); growing edits beyond it are refused (close 4413). */
  maxRoomBytes: number;

  /** Presence entries (awareness client ids) one socket may hold in a room, and the size of each. */
  maxPresenceEntries: number;
  maxPresenceBytes: number;
  /** How long an update that builds on content not yet here may wait for it (room-check.ts). */
  updateHoldMs: number;
  /** Entries (deleted ones included) in a plan's shared scenario list (scenario-list-check.ts). */
  maxScenarios: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 300,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 4 * 1024 * 1024,
  maxRoomsPerSocket: 8,

  authTimeoutMs: 10_000,
  maxAuthBytes: 8 * 1024,
  preAuthBytes: 64 * 1024,
  preAuthMessages: 32,

  maxSockets: 2000,
  maxSocketsPerIp: 64,
  maxRooms: 1000,
  maxRoomsPerToken: 100,
  maxRoomBytes: 16 * 1024 * 1024,

  maxPresenceEntries: 4,
  maxPresenceBytes: 2048,
  updateHoldMs: 10_000,
  maxScenarios: 100,
});

export const LIMIT_ENV: Readonly<Record<keyof Limits, string>> = Object.freeze({
  maxMessageBytes: 'RP_COLLAB_MAX_MESSAGE_BYTES',
  messagesPerSecond: 'RP_COLLAB_MESSAGES_PER_SECOND',
  messageBurst: 'RP_COLLAB_MESSAGE_BURST',
  bytesPerSecond: 'RP_COLLAB_BYTES_PER_SECOND',
  byteBurst: 'RP_COLLAB_BYTE_BURST',
  maxRoomsPerSocket: 'RP_COLLAB_MAX_ROOMS_PER_SOCKET',
  authTimeoutMs: 'RP_COLLAB_AUTH_TIMEOUT_MS',
  maxAuthBytes: 'RP_COLLAB_MAX_AUTH_BYTES',
  preAuthBytes: 'RP_COLLAB_PREAUTH_BYTES',
  preAuthMessages: 'RP_COLLAB_PREAUTH_MESSAGES',
  maxSockets: 'RP_COLLAB_MAX_SOCKETS',
  maxSocketsPerIp: 'RP_COLLAB_MAX_SOCKETS_PER_IP',
  maxRooms: 'RP_COLLAB_MAX_ROOMS',
  maxRoomsPerToken: 'RP_COLLAB_MAX_ROOMS_PER_TOKEN',
  maxRoomBytes: 'RP_COLLAB_MAX_ROOM_BYTES',
  maxPresenceEntries: 'RP_COLLAB_MAX_PRESENCE_ENTRIES',
  maxPresenceBytes: 'RP_COLLAB_MAX_PRESENCE_BYTES',
  updateHoldMs: 'RP_COLLAB_UPDATE_HOLD_MS',
  maxScenarios: 'RP_COLLAB_MAX_SCENARIOS',
});

/** Reads a positive integer variable; a value that is not one is a start-up error naming it. */
export function positiveIntFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[1-9]\d{0,12}$/.test(raw)) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return Number(raw);
}

/** Limits from RP_COLLAB_* variables; a value that is not a positive integer is a start-up error. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const value = positiveIntFromEnv(env, LIMIT_ENV[key]);
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}

/** A token bucket: `capacity` tokens, refilled continuously at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `amount` tokens if there are enough; false means the caller is over its rate. */
  take(amount = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}
