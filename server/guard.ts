import type { Limits } from './limits.ts';
import { TokenBucket } from './limits.ts';
import { checkMessage } from './message-check.ts';

/*
 * Sits in front of Hocuspocus on every socket. Hocuspocus has no way to drop a message before it
 * handles it (beforeHandleMessage only runs once a room is open, and throwing there detaches the
 * room but leaves the socket open), so the guard intercepts the socket's own 'message' event.
 * A client over its rate or sending garbage is closed with a reason; its provider reconnects after
 * a back-off and resyncs, so an honest but busy client loses nothing and a flooder is slowed down.
 */

/** Close codes the client maps to a message (src/sync/collab/errors.ts). */
export const CLOSE_RATE_LIMITED = { code: 4429, reason: 'rate-limited' } as const;
export const CLOSE_MALFORMED = { code: 4400, reason: 'malformed-message' } as const;
export const CLOSE_TOO_MANY_ROOMS = { code: 4409, reason: 'too-many-rooms' } as const;

/** The part of a ws socket the guard touches. */
export interface GuardableSocket {
  emit(event: string | symbol, ...args: unknown[]): boolean;
  close(code?: number, reason?: string): void;
}

export interface GuardEvents {
  onRefused?(reason: string, detail: string): void;
}

export function installGuard(socket: GuardableSocket, limits: Limits, events: GuardEvents = {}): void {
  const messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
  // The byte burst must hold at least one message of the largest allowed size.
  const bytes = new TokenBucket(Math.max(limits.byteBurst, limits.maxMessageBytes), limits.bytesPerSecond);
  const rooms = new Set<string>();
  // Hocuspocus re-emits messages it queued during authentication: those were checked already.
  const passed = new WeakSet<object>();
  let closed = false;

  const refuse = (close: { code: number; reason: string }, detail: string) => {
    closed = true;
    events.onRefused?.(close.reason, detail);
    socket.close(close.code, close.reason);
  };

  const emit = socket.emit.bind(socket);
  socket.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'message') return emit(event, ...args);
    if (closed) return false;
    const [data, isBinary] = args;
    if (typeof data === 'object' && data !== null && passed.has(data)) return emit(event, ...args);
    if (!(data instanceof Uint8Array) || isBinary === false) {
      refuse(CLOSE_MALFORMED, 'not a binary message');
      return false;
    }
    if (!messages.take(1) || !bytes.take(data.byteLength)) {
      refuse(CLOSE_RATE_LIMITED, `${data.byteLength} bytes`);
      return false;
    }
    const verdict = checkMessage(data);
    if (!verdict.ok) {
      refuse(CLOSE_MALFORMED, verdict.problem);
      return false;
    }
    if (!rooms.has(verdict.room)) {
      if (rooms.size >= limits.maxRoomsPerSocket) {
        refuse(CLOSE_TOO_MANY_ROOMS, verdict.room);
        return false;
      }
      rooms.add(verdict.room);
    }
    passed.add(data);
    return emit(event, ...args);
  };
}
