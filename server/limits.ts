/*
 * What one connection may send. A workshop client sends a few small messages per second (a Yjs
 * update per edit, an awareness update per selection change); these limits leave room for bursts
 * such as a paste or the first sync of a large plan, and stop a client that would starve the others.
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
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 300,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 4 * 1024 * 1024,
  maxRoomsPerSocket: 8,
});

const ENV_NAMES: Record<keyof Limits, string> = {
  maxMessageBytes: 'RP_COLLAB_MAX_MESSAGE_BYTES',
  messagesPerSecond: 'RP_COLLAB_MESSAGES_PER_SECOND',
  messageBurst: 'RP_COLLAB_MESSAGE_BURST',
  bytesPerSecond: 'RP_COLLAB_BYTES_PER_SECOND',
  byteBurst: 'RP_COLLAB_BYTE_BURST',
  maxRoomsPerSocket: 'RP_COLLAB_MAX_ROOMS_PER_SOCKET',
};

/** Limits from RP_COLLAB_* variables; a value that is not a positive integer is a start-up error. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof Limits)[]) {
    const raw = env[ENV_NAMES[key]];
    if (raw === undefined || raw === '') continue;
    if (!/^[1-9]\d{0,12}$/.test(raw)) throw new Error(`${ENV_NAMES[key]} must be a positive integer, got "${raw}"`);
    limits[key] = Number(raw);
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
