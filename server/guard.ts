import type { IncomingMessage } from 'node:http';
import type { Limits } from './limits.ts';
import { TokenBucket } from './limits.ts';
import { AUTH, checkMessage, peekKind, type MessageKind } from './message-check.ts';

/*
 * The guard sits in front of Hocuspocus. Hocuspocus 3 holds every message a socket sends for a room
 * until that room signs in, and keeps a refused socket open, so a client without a valid token could
 * fill the server's memory (fixed upstream in Hocuspocus 4, PR #1113, which needs Node 22). We stay
 * on 3.4.4 and enforce the same design here, by intercepting each socket's own 'message' event:
 *
 *  - at the handshake (`Gate.admit`): sockets per client address and in total;
 *  - per socket (`SocketGuard`): frame size (ws), message and byte rate, framing (message-check.ts),
 *    rooms per socket; before a room is signed in, only its auth message (≤ maxAuthBytes) and a small
 *    opening (the provider's state vector and presence, ≤ preAuthBytes / preAuthMessages in all) are
 *    let through — anything more closes the socket (4401 unauthenticated); a socket that has not
 *    signed in within authTimeoutMs, or leaves a room unsigned that long, is closed (4401
 *    auth-timeout); a refused sign-in closes the socket right after the refusal is sent (4403 reason);
 *  - per token (`Gate.claimRoom`): rooms open at the same time.
 * A client closed for a limit reconnects after a back-off and resyncs, so an honest but busy client
 * loses nothing, and a flooder is slowed down without slowing the room.
 */

export interface CloseReason {
  code: number;
  reason: string;
}

/** Close codes the client maps to a message (src/sync/collab/errors.ts). */
export const CLOSE_RATE_LIMITED = { code: 4429, reason: 'rate-limited' } as const;
export const CLOSE_MALFORMED = { code: 4400, reason: 'malformed-message' } as const;
export const CLOSE_TOO_MANY_ROOMS = { code: 4409, reason: 'too-many-rooms' } as const;
export const CLOSE_UNAUTHENTICATED = { code: 4401, reason: 'unauthenticated' } as const;
export const CLOSE_AUTH_TIMEOUT = { code: 4401, reason: 'auth-timeout' } as const;
/** A refused sign-in: the reason is the refusal reason the client already received. */
export const CLOSE_REFUSED = 4403;
export const CLOSE_ROOM_TOO_LARGE = { code: 4413, reason: 'room-too-large' } as const;
export const CLOSE_INVALID_UPDATE = { code: 4422, reason: 'invalid-update' } as const;
/**
 * An edit that waited for content someone else then sent (room-check.ts): not refused as invalid;
 * the client says so, reconnects and sends it again, now after what it builds on.
 */
export const CLOSE_OUT_OF_ORDER = { code: 4425, reason: 'out-of-order' } as const;

/** The part of a ws socket the guard touches. */
export interface GuardableSocket {
  emit(event: string | symbol, ...args: unknown[]): boolean;
  close(code?: number, reason?: string): void;
  terminate?(): void;
  readonly readyState?: number;
}

/** How long a closed socket may take to answer the close before it is cut off. */
const CLOSE_GRACE_MS = 2000;

export interface GuardEvents {
  onRefused?(reason: string, detail: string): void;
}

type RoomStatus = 'pending' | 'authenticating' | 'open';
interface RoomState {
  status: RoomStatus;
  since: number;
  preAuthBytes: number;
  preAuthMessages: number;
  tokenKey?: string;
}

/** Why a handshake was turned down: HTTP status and a short reason. */
export interface Turndown {
  status: 429 | 503;
  reason: 'too-many-sockets' | 'server-full';
}

export interface GateOptions {
  /** Take the client address from X-Forwarded-For (its last entry, added by your proxy). */
  trustProxy?: boolean;
  now?: () => number;
}

/** Server-wide admission: sockets per address and in total, rooms per token. */
export class Gate {
  private readonly perIp = new Map<string, number>();
  private total = 0;
  private readonly guards = new WeakMap<IncomingMessage, SocketGuard>();
  /** token key → room → sockets holding that room with that token. */
  private readonly tokenRooms = new Map<string, Map<string, Set<SocketGuard>>>();
  readonly now: () => number;

  constructor(
    readonly limits: Limits,
    private readonly options: GateOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Open sockets, including ones still in the handshake or not signed in. */
  get sockets(): number {
    return this.total;
  }

  clientAddress(request: IncomingMessage): string {
    if (this.options.trustProxy) {
      const forwarded = request.headers['x-forwarded-for'];
      const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (list.length > 0) return list[list.length - 1]!;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    return address.startsWith('::ffff:') ? address.slice(7) : address;
  }

  /**
   * At the HTTP upgrade: takes a socket slot for this client, released when its TCP connection
   * closes; null when admitted, else why not.
   */
  admit(request: IncomingMessage): Turndown | null {
    const turndown = this.wouldTurnDown(request);
    if (turndown) return turndown;
    const ip = this.clientAddress(request);
    const n = this.perIp.get(ip) ?? 0;
    this.perIp.set(ip, n + 1);
    this.total++;
    let released = false;
    request.socket.once('close', () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perIp.get(ip) ?? 1) - 1;
      if (left > 0) this.perIp.set(ip, left);
      else this.perIp.delete(ip);
    });
    return null;
  }

  /** What a handshake from this client would get now, without taking a slot (GET /admission). */
  wouldTurnDown(request: IncomingMessage): Turndown | null {
    if (this.total >= this.limits.maxSockets) return { status: 503, reason: 'server-full' };
    const n = this.perIp.get(this.clientAddress(request)) ?? 0;
    if (n >= this.limits.maxSocketsPerIp) return { status: 429, reason: 'too-many-sockets' };
    return null;
  }

  attach(socket: GuardableSocket, request: IncomingMessage, events: GuardEvents = {}): SocketGuard {
    const guard = new SocketGuard(socket, this, events);
    this.guards.set(request, guard);
    return guard;
  }

  guardOf(request: IncomingMessage): SocketGuard | undefined {
    return this.guards.get(request);
  }

  /** Rooms open now with one token (any socket). */
  roomsOf(tokenKey: string): number {
    return this.tokenRooms.get(tokenKey)?.size ?? 0;
  }

  /** Rooms some socket has signed in to (loaded or still loading). */
  claimedRooms(): Iterable<string> {
    const out = new Set<string>();
    for (const rooms of this.tokenRooms.values()) for (const room of rooms.keys()) out.add(room);
    return out;
  }

  /** Records that `holder` opened `room` with this token; false when the token's room cap is reached. */
  claimRoom(tokenKey: string, room: string, holder: SocketGuard): boolean {
    let rooms = this.tokenRooms.get(tokenKey);
    if (!rooms) this.tokenRooms.set(tokenKey, (rooms = new Map()));
    let holders = rooms.get(room);
    if (!holders) {
      if (rooms.size >= this.limits.maxRoomsPerToken) return false;
      rooms.set(room, (holders = new Set()));
    }
    holders.add(holder);
    return true;
  }

  releaseRoom(tokenKey: string, room: string, holder: SocketGuard): void {
    const rooms = this.tokenRooms.get(tokenKey);
    const holders = rooms?.get(room);
    if (!rooms || !holders) return;
    holders.delete(holder);
    if (holders.size === 0) rooms.delete(room);
    if (rooms.size === 0) this.tokenRooms.delete(tokenKey);
  }
}

/** One socket's guard: rate, framing, rooms, and everything before sign-in. */
export class SocketGuard {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly rooms = new Map<string, RoomState>();
  // Hocuspocus re-emits messages it queued during authentication: those were checked already.
  private readonly passed = new WeakSet<object>();
  private readonly openedAt: number;
  private preAuthBytes = 0;
  private preAuthMessages = 0;
  private everSignedIn = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly limits: Limits;

  constructor(
    readonly socket: GuardableSocket,
    private readonly gate: Gate,
    private readonly events: GuardEvents,
  ) {
    this.limits = gate.limits;
    this.messages = new TokenBucket(this.limits.messageBurst, this.limits.messagesPerSecond);
    // The byte burst must hold at least one message of the largest allowed size.
    this.bytes = new TokenBucket(
      Math.max(this.limits.byteBurst, this.limits.maxMessageBytes),
      this.limits.bytesPerSecond,
    );
    this.openedAt = gate.now();
    this.arm();

    const emit = socket.emit.bind(socket);
    socket.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event === 'close') this.ended();
      if (event !== 'message') return emit(event, ...args);
      return this.onMessage(args[0], args[1]) ? emit(event, ...args) : false;
    };
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Closes the socket with a code and reason the client can show. */
  close(close: CloseReason, detail = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.events.onRefused?.(close.reason, detail);
    this.clearTimer();
    try {
      this.socket.close(close.code, close.reason);
    } catch {
      /* already gone */
    }
    this.cutOffLater();
  }

  /** A client that does not answer the close (keeps sending instead) is cut off after a grace. */
  private cutOffLater(): void {
    const t = setTimeout(() => {
      if (this.socket.readyState !== 3) {
        try {
          this.socket.terminate?.();
        } catch {
          /* gone */
        }
      }
    }, CLOSE_GRACE_MS);
    t.unref?.();
  }

  /** The room's sign-in was accepted; false if this socket is already being closed. */
  signedIn(room: string, tokenKey: string): boolean {
    const state = this.rooms.get(room);
    if (this.closed || !state) return false;
    if (state.status !== 'open') {
      this.preAuthBytes -= state.preAuthBytes;
      this.preAuthMessages -= state.preAuthMessages;
      state.preAuthBytes = 0;
      state.preAuthMessages = 0;
      state.status = 'open';
    }
    state.tokenKey = tokenKey;
    this.everSignedIn = true;
    this.arm();
    return true;
  }

  /** The room's sign-in was refused: the refusal goes out first, then the socket closes. */
  refused(room: string, reason: string): void {
    if (this.closed) return;
    const state = this.rooms.get(room);
    if (state) state.status = 'authenticating';
    // Hocuspocus sends "permission denied" once onAuthenticate has rejected (microtasks): close after.
    this.closed = true;
    this.clearTimer();
    setTimeout(() => {
      this.events.onRefused?.(reason, room);
      try {
        this.socket.close(CLOSE_REFUSED, reason);
      } catch {
        /* already gone */
      }
      this.cutOffLater();
    }, 0);
  }

  /** The token key a room was opened with (to release it when the room closes). */
  tokenOf(room: string): string | undefined {
    return this.rooms.get(room)?.tokenKey;
  }

  /** A room connection ended (the client left it, or the socket closed). */
  roomClosed(room: string): void {
    const state = this.rooms.get(room);
    if (state?.tokenKey) this.gate.releaseRoom(state.tokenKey, room, this);
    if (state) state.tokenKey = undefined;
  }

  private ended(): void {
    this.closed = true;
    this.clearTimer();
    for (const room of this.rooms.keys()) this.roomClosed(room);
  }

  private onMessage(data: unknown, isBinary: unknown): boolean {
    if (this.closed) return false;
    if (typeof data === 'object' && data !== null && this.passed.has(data)) return true;
    if (!(data instanceof Uint8Array) || isBinary === false) {
      this.close(CLOSE_MALFORMED, 'not a binary message');
      return false;
    }
    if (!this.messages.take(1) || !this.bytes.take(data.byteLength)) {
      this.close(CLOSE_RATE_LIMITED, `${data.byteLength} bytes`);
      return false;
    }
    // Room and type first (cheap): a message over the pre-sign-in budget is refused before its body
    // is decoded.
    let kind: MessageKind;
    try {
      kind = peekKind(data);
    } catch (error) {
      this.close(CLOSE_MALFORMED, error instanceof Error ? error.message : 'undecodable');
      return false;
    }
    let state = this.rooms.get(kind.room);
    if (!state) {
      if (this.rooms.size >= this.limits.maxRoomsPerSocket) {
        this.close(CLOSE_TOO_MANY_ROOMS, kind.room.slice(0, 130));
        return false;
      }
      state = { status: 'pending', since: this.gate.now(), preAuthBytes: 0, preAuthMessages: 0 };
      this.rooms.set(kind.room, state);
      this.arm();
    }
    if (state.status !== 'open' && !this.beforeSignIn(state, kind.type, data.byteLength)) return false;
    const verdict = checkMessage(data);
    if (!verdict.ok) {
      this.close(CLOSE_MALFORMED, verdict.problem);
      return false;
    }
    this.passed.add(data);
    return true;
  }

  /** What is let through for a room that has not signed in yet. */
  private beforeSignIn(state: RoomState, type: number, bytes: number): boolean {
    if (type === AUTH) {
      if (state.status !== 'pending') {
        this.close(CLOSE_UNAUTHENTICATED, 'a second auth message before the answer');
        return false;
      }
      if (bytes > this.limits.maxAuthBytes) {
        this.close(CLOSE_UNAUTHENTICATED, `auth message of ${bytes} bytes`);
        return false;
      }
      state.status = 'authenticating';
      return true;
    }
    state.preAuthBytes += bytes;
    state.preAuthMessages += 1;
    this.preAuthBytes += bytes;
    this.preAuthMessages += 1;
    if (this.preAuthBytes > this.limits.preAuthBytes || this.preAuthMessages > this.limits.preAuthMessages) {
      this.close(
        CLOSE_UNAUTHENTICATED,
        `${this.preAuthBytes} bytes in ${this.preAuthMessages} messages before sign-in`,
      );
      return false;
    }
    return true;
  }

  /** The earliest sign-in deadline: the socket's own until it signed in once, then each open room's. */
  private deadline(): number | null {
    let earliest: number | null = this.everSignedIn ? null : this.openedAt;
    for (const s of this.rooms.values()) {
      if (s.status !== 'open' && (earliest === null || s.since < earliest)) earliest = s.since;
    }
    return earliest === null ? null : earliest + this.limits.authTimeoutMs;
  }

  private arm(): void {
    this.clearTimer();
    if (this.closed) return;
    const at = this.deadline();
    if (at === null) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const due = this.deadline();
        if (due !== null && due <= this.gate.now() + 1)
          this.close(CLOSE_AUTH_TIMEOUT, `not signed in after ${this.limits.authTimeoutMs} ms`);
        else this.arm();
      },
      Math.max(0, at - this.gate.now()),
    );
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Installs a guard on a socket outside any server (tests of the per-socket limits). */
export function installGuard(socket: GuardableSocket, limits: Limits, events: GuardEvents = {}): SocketGuard {
  return new SocketGuard(socket, new Gate(limits), events);
}
