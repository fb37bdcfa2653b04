import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Limits } from '../../../server/limits.ts';
import { join, raw, sleep, startServer, synced, waitFor, WS, type Client } from './helpers.ts';

/*
 * Passing refusals — a full server, too many rooms for a token, too many sockets (the handshake
 * answered 429/503), a sign-in that came too late — are told to the person in Dutch and English
 * and retried with a growing pause until they pass. The client used to stop for good on a full
 * server ("refused (server-full)") and said nothing for the others.
 */

/** A WebSocket class that counts the sockets a client opens; `delaySends` holds the first socket's messages back. */
function countingWS(delaySendsMs = 0): { WS: unknown; count: () => number } {
  let n = 0;
  const Base = WS as new (...args: unknown[]) => { send(d: unknown, ...rest: unknown[]): void };
  return {
    WS: class extends Base {
      private readonly nth = ++n;
      override send(d: unknown, ...rest: unknown[]): void {
        if (this.nth === 1 && delaySendsMs > 0) {
          setTimeout(() => {
            try {
              super.send(d, ...rest);
            } catch {
              /* closed meanwhile */
            }
          }, delaySendsMs);
        } else super.send(d, ...rest);
      }
    },
    count: () => n,
  };
}

const hasError = (c: Client, code: string) => c.errors.some((e) => e.code === code);

for (const [label, limits, code] of [
  ['the server holds its maximum of rooms', { maxRooms: 1 }, 'server-full'],
  ['the token has its maximum of rooms open', { maxRoomsPerToken: 1 }, 'too-many-rooms'],
] as const) {
  test(`${label}: a message, retries with a growing pause (not a stop), joins once a room is free`, async () => {
    const server = await startServer({ limits });
    const first = join(server.url, 'plan-first');
    const sockets = countingWS();
    let second: Client | null = null;
    try {
      await waitFor(() => synced(first), 'first room open');
      second = join(server.url, 'plan-second', { WebSocketPolyfill: sockets.WS });
      const s = second;
      await waitFor(() => hasError(s, code), `error ${code}`);
      const error = s.errors.find((e) => e.code === code)!;
      assert.equal(error.retrying, true);
      assert.ok(error.message.nl.includes('automatisch opnieuw verbonden'), error.message.nl);
      assert.ok(error.message.en.includes('retried automatically'), error.message.en);
      await sleep(5000);
      assert.notEqual(s.session.status, 'refused');
      // Back-off: 1–2 s, then 2–4 s, …: at most 3 attempts in the first 5 s (the provider's own loop made 5).
      assert.ok(sockets.count() >= 2 && sockets.count() <= 3, `attempts in 5 s: ${sockets.count()}`);
      first.leave();
      await waitFor(() => synced(s), 'second joins once the first room closed', 30_000);
    } finally {
      first.leave();
      second?.leave();
      await server.close();
    }
  });
}

for (const [label, limits, code] of [
  ['HTTP 429: too many sockets from this address', { maxSocketsPerIp: 1 }, 'too-many-sockets'],
  ['HTTP 503: the server holds its maximum of sockets', { maxSockets: 1 }, 'server-full'],
] as [string, Partial<Limits>, string][]) {
  test(`a handshake turned down with ${label}: a message, retried, joins once a socket is free`, async () => {
    const server = await startServer({ limits });
    const hog = await raw(server.url);
    let c: Client | null = null;
    try {
      c = join(server.url, 'plan-busy');
      const client = c;
      await waitFor(() => hasError(client, code), `error ${code}`);
      const error = client.errors.find((e) => e.code === code)!;
      assert.equal(error.retrying, true);
      assert.ok(error.message.nl.length > 20 && error.message.en.includes('retried automatically'));
      assert.notEqual(client.session.status, 'refused');
      hog.ws.close();
      await waitFor(() => synced(client), 'joined once the socket was free', 40_000);
    } finally {
      hog.ws.close();
      c?.leave();
      await server.close();
    }
  });
}

test('a sign-in that arrives after the deadline (4401 auth-timeout): a message, then retried and joined', async () => {
  const server = await startServer({ limits: { authTimeoutMs: 300 } });
  const sockets = countingWS(1500);
  const c = join(server.url, 'plan-slow', { WebSocketPolyfill: sockets.WS });
  try {
    await waitFor(() => hasError(c, 'auth-timeout'), 'error auth-timeout');
    const error = c.errors.find((e) => e.code === 'auth-timeout')!;
    assert.equal(error.retrying, true);
    assert.match(error.message.nl, /Aanmelden bij de werksessie duurde te lang/);
    assert.match(error.message.en, /Signing in to the workshop took too long/);
    await waitFor(() => synced(c), 'joined on a later attempt', 20_000);
    assert.ok(!c.statuses.includes('refused'));
  } finally {
    c.leave();
    await server.close();
  }
});
