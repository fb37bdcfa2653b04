import { ctMsg, type CollabUiKey } from '../../i18n/collab.ts';
import type { Msg } from '../../i18n/locale.ts';

/*
 * What the server's refusals and close codes mean to a person. Refusals (a bad token, a room the
 * token does not cover) stop the session: retrying would not help. Closes for a limit are passing:
 * the provider reconnects and resyncs, and the local document keeps every edit meanwhile.
 * Codes match server/auth.ts (refusal reasons) and server/guard.ts (close codes).
 */

export type CollabErrorCode =
  | 'token-missing' | 'token-invalid' | 'room-not-allowed' | 'room-invalid' | 'invalid-url' | 'refused'
  | 'rate-limited' | 'too-large' | 'malformed' | 'too-many-rooms';

export interface CollabError {
  code: CollabErrorCode;
  message: Msg;
  /** true: the client reconnects by itself; false: the session stopped (status 'refused'). */
  retrying: boolean;
}

const REFUSALS = new Set<CollabErrorCode>(['token-missing', 'token-invalid', 'room-not-allowed', 'room-invalid']);

export function collabError(code: CollabErrorCode, detail = ''): CollabError {
  const key = `collab.error.${code}` as CollabUiKey;
  return {
    code,
    message: ctMsg(key, { detail }),
    retrying: !REFUSALS.has(code) && code !== 'invalid-url' && code !== 'refused',
  };
}

/** The error for a "permission denied" reason from the server. */
export function refusalError(reason: string): CollabError {
  return REFUSALS.has(reason as CollabErrorCode)
    ? collabError(reason as CollabErrorCode)
    : collabError('refused', reason.replace(/[^\w .:-]/g, '').slice(0, 80) || 'permission-denied');
}

/** The error for a socket close, or null when the close needs no message (restart, network). */
export function closeError(code: number): CollabError | null {
  switch (code) {
    case 1009: return collabError('too-large');
    case 4429: return collabError('rate-limited');
    case 4400: return collabError('malformed');
    case 4409: return collabError('too-many-rooms');
    default: return null;
  }
}
