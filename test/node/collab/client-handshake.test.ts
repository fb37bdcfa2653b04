import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Limits } from '../../../server/limits.ts';
import { handshakeError } from '../../../src/sync/collab/errors.ts';
import { join, raw, startServer, synced, waitFor, WS, type Client } from './helpers.ts';

/*
 * A handshake the server turns down (HTTP 429: too many sockets from this address; 503: the server
 * holds its maximum of sockets) used to reach a browser as a bare network drop: a browser's
 * WebSocket never shows the HTTP status, so the person saw "offline" and nothing about why. The
 * client now asks the server (GET /admission, allowed from any origin) what it would answer, and
 * says so in Dutch and English: too many connections from this address, or a full server. Both
 * are retried with a growing pause.
 */

/** A WebSocket as browsers have it: a refused handshake is an 'error' event that names no status. */
const BrowserLikeWS = (() => {
  const Base = WS as new (...args: unknown[]) => {
    addEventListener(type: string, listener: (e: unknown) => void, options?: unknown): void;
  };
  return class extends Base {
    override addEventListener(type: string, listener: (e: unknown) => void, options?: unknown): void {
      if (type !== 'error') return super.addEventListener(type, listener, options);
      super.addEventListener(type, () => listener({ type: 'error' }), options);
    }
  };
})();

const hasError = (c: Client, code: string) => c.errors.some((e) => e.code === code);

for (const [label, limits, code, nl, en] of [
  [
    'HTTP 429 (too many sockets from this address)',
    { maxSocketsPerIp: 1 },
    'too-many-sockets',
    /vanaf uw adres/i,
    /from your address/i,
  ],
  ['HTTP 503 (server full)', { maxSockets: 1 }, 'server-full', /werksessieserver is vol/, /workshop server is full/],
] as [string, Partial<Limits>, string, RegExp, RegExp][]) {
  test(`a browser whose handshake is turned down with ${label} is told why, retries, and joins once there is room`, async () => {
    const server = await startServer({ limits });
    const hog = await raw(server.url);
    let c: Client | null = null;
    try {
      c = join(server.url, 'plan-handshake', { WebSocketPolyfill: BrowserLikeWS });
      const client = c;
      await waitFor(() => hasError(client, code), `error ${code}`);
      const error = client.errors.find((e) => e.code === code)!;
      assert.equal(error.retrying, true);
      assert.match(error.message.nl, nl);
      assert.match(error.message.en, en);
      assert.notEqual(client.session.status, 'refused');
      hog.ws.close();
      await waitFor(() => synced(client), 'joined once a socket was free', 40_000);
    } finally {
      hog.ws.close();
      c?.leave();
      await server.close();
    }
  });
}

test('the status Node sees names the same specific reasons', () => {
  assert.equal(handshakeError(429)?.code, 'too-many-sockets');
  assert.equal(handshakeError(503)?.code, 'server-full');
  assert.equal(handshakeError(500), null);
});

test('GET /admission answers what a handshake would get, from any origin, without taking a socket', async () => {
  const server = await startServer({ limits: { maxSocketsPerIp: 1 } });
  const http = server.url.replace(/^ws/, 'http');
  try {
    const free = await fetch(`${http}/admission`, { headers: { Origin: 'https://region.example' } });
    assert.equal(free.status, 200);
    assert.equal(free.headers.get('access-control-allow-origin'), '*');
    // Asking took no socket: a WebSocket still gets in.
    const first = await raw(server.url);
    const busy = await fetch(`${http}/admission`);
    assert.equal(busy.status, 429);
    assert.equal((await busy.json()).reason, 'too-many-sockets');
    first.ws.close();
  } finally {
    await server.close();
  }
});
