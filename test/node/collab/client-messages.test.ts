import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  closeError,
  collabError,
  handshakeError,
  refusalError,
  type CollabError,
} from '../../../src/sync/collab/errors.ts';
import { retryDelay } from '../../../src/sync/collab/connect.ts';

/*
 * Every way the hardened server turns a client away (server/README.md, "Limits") has its own message
 * in Dutch and English, and the right retry policy: lasting refusals stop, passing ones are retried.
 */

const generic = collabError('refused', 'x');

function assertMessage(error: CollabError | null, code: string, retrying: boolean): void {
  assert.ok(error, `an error for ${code}`);
  assert.equal(error.code, code);
  assert.equal(error.retrying, retrying, `${code} retrying`);
  for (const l of ['nl', 'en'] as const) {
    assert.ok(error.message[l].length > 30, `${code} ${l}`);
    assert.notEqual(error.message[l], generic.message[l], `${code} ${l} is not the generic refusal`);
    assert.ok(!error.message[l].includes('{'), `${code} ${l} has no unfilled placeholder`);
  }
  assert.notEqual(error.message.nl, error.message.en);
}

test('close codes and reasons from the server: a message each, retried or stopped as retrying can or cannot help', () => {
  for (const [code, reason, expected, retrying] of [
    [4401, 'auth-timeout', 'auth-timeout', true],
    [4401, 'unauthenticated', 'unauthenticated', true],
    [4403, 'token-invalid', 'token-invalid', false],
    [4403, 'token-missing', 'token-missing', false],
    [4403, 'room-not-allowed', 'room-not-allowed', false],
    [4403, 'room-invalid', 'room-invalid', false],
    [4403, 'too-many-rooms', 'too-many-rooms', true],
    [4403, 'server-full', 'server-full', true],
    [4409, 'too-many-rooms', 'too-many-rooms', true],
    [4413, 'room-too-large', 'room-too-large', true],
    [4422, 'invalid-update', 'invalid-update', true],
    [4429, 'rate-limited', 'rate-limited', true],
    [4425, 'out-of-order', 'out-of-order', true],
    [4400, 'malformed-message', 'malformed', true],
    [1009, '', 'too-large', true],
  ] as const) {
    assertMessage(closeError(code, reason), expected, retrying);
  }
  assert.equal(closeError(1006, ''), null, 'a network drop needs no message');
  assert.equal(closeError(1012, ''), null, 'a server restart needs no message');
});

test('sign-in refusals: the new reasons have their own message; an unknown one stays "refused (reason)"', () => {
  assertMessage(refusalError('server-full'), 'server-full', true);
  assertMessage(refusalError('too-many-rooms'), 'too-many-rooms', true);
  assertMessage(refusalError('token-invalid'), 'token-invalid', false);
  const unknown = refusalError('something-new');
  assert.equal(unknown.code, 'refused');
  assert.equal(unknown.retrying, false);
  assert.match(unknown.message.en, /something-new/);
});

test('a handshake turned down (HTTP 429 too many sockets, 503 server full): a message, retried', () => {
  assertMessage(handshakeError(429), 'too-many-sockets', true);
  assertMessage(handshakeError(503), 'server-full', true);
  assert.equal(handshakeError(500), null);
  assertMessage(collabError('resync-failed'), 'resync-failed', false);
});

test('the pause between attempts doubles from 1 s up to 30 s, with jitter', () => {
  assert.equal(retryDelay(0), 1000);
  assert.equal(
    retryDelay(1, () => 1),
    2000,
  );
  assert.equal(
    retryDelay(1, () => 0),
    1000,
  );
  assert.equal(
    retryDelay(3, () => 1),
    8000,
  );
  assert.equal(
    retryDelay(20, () => 1),
    30_000,
  );
  assert.equal(
    retryDelay(20, () => 0),
    15_000,
  );
});
