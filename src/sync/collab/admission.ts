import { handshakeError, type CollabError } from './errors.ts';

/*
 * Why a WebSocket handshake was turned down. Node's `ws` names the HTTP status (429 too many sockets
 * from this address, 503 server full); a browser's WebSocket never does — a refused handshake is a
 * bare 'error' and close 1006, like a network drop. So after a socket that closed without ever
 * opening, the client asks the server over plain HTTP what a handshake would get now
 * (GET <server>/admission, allowed from any origin; server/create-server.ts). No answer (the
 * network is away, an older server) means no message: the drop is treated as one.
 */

/** The admission address of a collab-url: ws → http, wss → https, `/admission` after its path. */
export function admissionUrl(collabUrl: string): string | null {
  try {
    const u = new URL(collabUrl);
    if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return null;
    u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
    u.pathname = `${u.pathname.replace(/\/+$/, '')}/admission`;
    u.search = '';
    u.hash = '';
    return u.toString();
  } catch {
    return null;
  }
}

/** The error a handshake would get now, or null (admitted, or no answer in time). */
export async function askAdmission(collabUrl: string, timeoutMs = 5000): Promise<CollabError | null> {
  const url = admissionUrl(collabUrl);
  if (!url || typeof fetch !== 'function') return null;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(url, { cache: 'no-store', signal: abort.signal });
    void response.body?.cancel().catch(() => {});
    return handshakeError(response.status);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
