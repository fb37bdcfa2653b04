import { ctMsg, type CollabUiKey } from '../../i18n/collab.ts';
import type { Msg } from '../../i18n/locale.ts';

/*
 * What the server's refusals and close codes mean to a person, and whether retrying can help.
 * Codes match server/auth.ts (refusal reasons) and server/guard.ts (close codes, handshake refusals).
 *
 *   stop       a bad token, a room the token does not cover, a bad address: retrying would not help
 *   resync     an edit refused by the plan check (4422) or the room-size cap (4413): the client drops
 *              the edits the room does not have, takes over the room's state and joins again (connect.ts)
 *   back off   a full server, too many rooms or sockets, a late or oversized sign-in, a rate limit,
 *              an edit the server could not take yet (4425 out-of-order): passing; the client
 *              reconnects after a growing pause and keeps every edit meanwhile
 */

export type CollabErrorCode =
  | 'token-missing'
  | 'token-invalid'
  | 'room-not-allowed'
  | 'room-invalid'
  | 'invalid-url'
  | 'refused'
  | 'rate-limited'
  | 'too-large'
  | 'malformed'
  | 'too-many-rooms'
  | 'server-full'
  | 'too-many-sockets'
  | 'auth-timeout'
  | 'unauthenticated'
  | 'invalid-update'
  | 'out-of-order'
  | 'room-too-large'
  | 'resync-failed';

export interface CollabError {
  code: CollabErrorCode;
  message: Msg;
  /** true: the client reconnects by itself; false: the session stopped (status 'refused'). */
  retrying: boolean;
}

/** Refusal reasons that do not change by retrying. */
const REFUSALS = new Set<CollabErrorCode>(['token-missing', 'token-invalid', 'room-not-allowed', 'room-invalid']);
/** Refusal reasons that pass: the server is full now, or the token has too many rooms open now. */
const PASSING_REFUSALS = new Set<CollabErrorCode>(['server-full', 'too-many-rooms']);
const STOPS = new Set<CollabErrorCode>([...REFUSALS, 'invalid-url', 'refused', 'resync-failed']);

/** Closes after which the client drops its unshared edits and takes over the room's state. */
export const RESYNC_CODES = new Set<CollabErrorCode>(['invalid-update', 'room-too-large']);

export function collabError(code: CollabErrorCode, detail = ''): CollabError {
  const key = `collab.error.${code}` as CollabUiKey;
  return { code, message: ctMsg(key, { detail }), retrying: !STOPS.has(code) };
}

/** The error for a "permission denied" reason from the server. */
export function refusalError(reason: string): CollabError {
  const code = reason as CollabErrorCode;
  return REFUSALS.has(code) || PASSING_REFUSALS.has(code)
    ? collabError(code)
    : collabError('refused', reason.replace(/[^\w .:-]/g, '').slice(0, 80) || 'permission-denied');
}

/** The error for a socket close, or null when the close needs no message (restart, network). */
export function closeError(code: number, reason = ''): CollabError | null {
  switch (code) {
    case 1009:
      return collabError('too-large');
    case 4429:
      return collabError('rate-limited');
    case 4400:
      return collabError('malformed');
    case 4409:
      return collabError('too-many-rooms');
    case 4401:
      return collabError(reason === 'auth-timeout' ? 'auth-timeout' : 'unauthenticated');
    case 4403:
      return reason ? refusalError(reason) : collabError('refused', 'permission-denied');
    case 4413:
      return collabError('room-too-large');
    case 4422:
      return collabError('invalid-update');
    case 4425:
      // An edit the server could not take yet (it waited for content someone else then sent, or
      // came under a client id another participant writes under): reconnecting sends it again.
      return collabError('out-of-order');
    default:
      return null;
  }
}

/** The error for a refused WebSocket handshake (HTTP 429 too many sockets from this address, 503 server full). */
export function handshakeError(status: number): CollabError | null {
  if (status === 429) return collabError('too-many-sockets');
  if (status === 503) return collabError('server-full');
  return null;
}
