import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import * as Y from 'yjs';
import {
  DEV_TOKENS,
  Refusal,
  TokenTable,
  assertSafeExposure,
  isLoopback,
  parseTokens,
  tokensFromEnv,
} from '../../../server/auth.ts';
import { DEFAULT_LIMITS, TokenBucket, limitsFromEnv } from '../../../server/limits.ts';
import { checkMessage } from '../../../server/message-check.ts';
import { Gate } from '../../../server/guard.ts';
import { FileStore, frameLog, readLog } from '../../../server/persistence.ts';
import { parseRedisUrl } from '../../../server/redis.ts';
import { tempDir } from './helpers.ts';

test('tokens: roles, room lists, and each refusal reason', () => {
  const table = parseTokens(
    JSON.stringify({ 'editor-secret': 'editor', 'beamer-secret': { role: 'observer', rooms: ['plan-1'] } }),
  );
  assert.deepEqual(table.check('editor-secret', 'plan-9'), { role: 'editor', rooms: '*' });
  assert.deepEqual(table.check('beamer-secret', 'plan-1'), { role: 'observer', rooms: ['plan-1'] });
  assert.deepEqual(table.check('beamer-secret', 'plan-2'), new Refusal('room-not-allowed'));
  // A listed plan covers its workshop's rooms: each scenario (`<plan>:<id>`) and the scenario list.
  for (const room of ['plan-1:main', 'plan-1:scenarios', 'plan-1:3f2a9c1e-0b6d-4e8f-9a7c-5d1e2f3a4b5c'])
    assert.deepEqual(table.check('beamer-secret', room), { role: 'observer', rooms: ['plan-1'] }, room);
  for (const room of ['plan-10:main', 'plan-1x:scenarios', 'plan-2:main'])
    assert.deepEqual(table.check('beamer-secret', room), new Refusal('room-not-allowed'), room);
  assert.deepEqual(table.check('', 'plan-1'), new Refusal('token-missing'));
  assert.deepEqual(table.check('editor-secreT', 'plan-1'), new Refusal('token-invalid'));
  for (const bad of ['', '../x', '.hidden', 'a/b', 'x'.repeat(129), 'plan 1']) {
    assert.deepEqual(table.check('editor-secret', bad), new Refusal('room-invalid'), bad);
  }
});

test('token configuration errors say what is wrong without echoing tokens', () => {
  assert.throws(() => parseTokens('{'), /not valid JSON/);
  assert.throws(() => parseTokens('{}'), /no tokens/);
  assert.throws(() => parseTokens('{"tiny": "editor"}'), /at least 8/);
  assert.throws(
    () => parseTokens('{"long-enough": "admin"}'),
    (e: Error) => /expected/.test(e.message) && !e.message.includes('long-enough'),
  );
  assert.throws(
    () => tokensFromEnv({ RP_COLLAB_TOKENS_FILE: '/nonexistent/tokens.json' }),
    /cannot read RP_COLLAB_TOKENS_FILE \(ENOENT\)/,
  );
  assert.throws(() => tokensFromEnv({ NODE_ENV: 'production' }), /refused in production/);
});

test('tokens come from RP_COLLAB_TOKENS, else a file, else the documented development tokens', () => {
  const dir = tempDir();
  const file = joinPath(dir.path, 'tokens.json');
  writeFileSync(file, JSON.stringify({ 'from-the-file': 'observer' }));
  assert.equal(
    tokensFromEnv({ RP_COLLAB_TOKENS: '{"from-the-env": "editor"}', RP_COLLAB_TOKENS_FILE: file }).source,
    'env',
  );
  const fromFile = tokensFromEnv({ RP_COLLAB_TOKENS_FILE: file });
  assert.equal(fromFile.source, 'file');
  assert.equal((fromFile.table.check('from-the-file', 'p') as { role: string }).role, 'observer');
  const dev = tokensFromEnv({});
  assert.equal(dev.source, 'dev');
  assert.equal((dev.table.check(Object.keys(DEV_TOKENS)[1]!, 'p') as { role: string }).role, 'observer');
  assert.ok(new TokenTable(DEV_TOKENS).check('dev-editor', 'p'));
  dir.remove();
});

test('limits from the environment; a bad value stops the start with its name', () => {
  assert.deepEqual(limitsFromEnv({}), DEFAULT_LIMITS);
  assert.equal(limitsFromEnv({ RP_COLLAB_MESSAGES_PER_SECOND: '20' }).messagesPerSecond, 20);
  assert.throws(
    () => limitsFromEnv({ RP_COLLAB_MAX_MESSAGE_BYTES: '1e6' }),
    /RP_COLLAB_MAX_MESSAGE_BYTES must be a positive integer/,
  );
  assert.throws(() => limitsFromEnv({ RP_COLLAB_MESSAGE_BURST: '0' }), /RP_COLLAB_MESSAGE_BURST/);
});

test('token bucket: a burst up to capacity, then the sustained rate', () => {
  let now = 0;
  const b = new TokenBucket(5, 10, () => now);
  for (let i = 0; i < 5; i++) assert.equal(b.take(), true);
  assert.equal(b.take(), false, 'burst spent');
  now += 100; // 10 per second → 1 token
  assert.equal(b.take(), true);
  assert.equal(b.take(), false);
  now += 10_000;
  for (let i = 0; i < 5; i++) assert.equal(b.take(), true);
  assert.equal(b.take(), false, 'never more than capacity');
});

test('message check accepts what the provider sends and never throws on garbage', () => {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 'v');
  const enc = (parts: number[][]) => new Uint8Array(parts.flat());
  const vs = (s: string) => {
    const b = [...new TextEncoder().encode(s)];
    return [b.length, ...b];
  };
  const vb = (u: Uint8Array) => {
    const out: number[] = [];
    let n = u.length;
    while (n > 0x7f) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
    return [...out, ...u];
  };
  assert.deepEqual(checkMessage(enc([vs('room'), [0, 2], vb(Y.encodeStateAsUpdate(doc))])), {
    ok: true,
    room: 'room',
    type: 0,
    step: 2,
  });
  assert.deepEqual(checkMessage(enc([vs('room'), [0, 0], vb(Y.encodeStateVector(doc))])), {
    ok: true,
    room: 'room',
    type: 0,
    step: 0,
  });
  assert.deepEqual(checkMessage(enc([vs('room'), [2, 0], vs('token')])), { ok: true, room: 'room', type: 2 });
  assert.deepEqual(checkMessage(enc([vs('room'), [3]])), { ok: true, room: 'room', type: 3 });
  assert.equal(checkMessage(enc([vs('room'), [3, 0]])).ok, false, 'trailing bytes');
  assert.equal(checkMessage(enc([vs('room'), [5], vs('stateless')])).ok, false, 'stateless is not accepted');
  let seed = 7;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < 3000; i++) {
    const bytes = new Uint8Array(Math.floor(rand() * 40)).map(() => Math.floor(rand() * 256));
    const withRoom = i % 2 ? enc([vs('r'), [Math.floor(rand() * 3)], [...bytes]]) : bytes;
    assert.doesNotThrow(() => checkMessage(withRoom));
  }
});

test('file store: atomic writes, one file per instance, loads their union', async () => {
  const dir = tempDir();
  const a = new FileStore({ dataDir: dir.path, instance: 'a' });
  const b = new FileStore({ dataDir: dir.path, instance: 'b' });
  assert.equal(await a.load('plan-1'), null, 'nothing stored yet');
  const da = new Y.Doc();
  da.getMap('m').set('a', 1);
  const db = new Y.Doc();
  db.getMap('m').set('b', 2);
  await a.store('plan-1', Y.encodeStateAsUpdate(da));
  await b.store('plan-1', Y.encodeStateAsUpdate(db));
  da.getMap('m').set('a2', 3);
  await a.store('plan-1', Y.encodeStateAsUpdate(da));
  assert.deepEqual(readdirSync(joinPath(dir.path, 'plan-1')).sort(), ['a.ydoc', 'b.ydoc'], 'no temp files left');
  const merged = new Y.Doc();
  Y.applyUpdate(merged, (await a.load('plan-1'))!);
  assert.deepEqual(merged.getMap('m').toJSON(), { a: 1, a2: 3, b: 2 });
  await assert.rejects(a.store('../escape', new Uint8Array()), /not storable/);
  assert.throws(() => new FileStore({ dataDir: dir.path, instance: '../x' }), /instance name/);
  dir.remove();
});

test('file store: an unreadable file is moved aside, the rest still loads', async () => {
  const dir = tempDir();
  const logs: string[] = [];
  const store = new FileStore({ dataDir: dir.path, log: (l) => logs.push(l) });
  const d = new Y.Doc();
  d.getMap('m').set('ok', 1);
  await new FileStore({ dataDir: dir.path, instance: 'good' }).store('plan-c', Y.encodeStateAsUpdate(d));
  mkdirSync(joinPath(dir.path, 'plan-c'), { recursive: true });
  writeFileSync(joinPath(dir.path, 'plan-c', 'main.ydoc'), new Uint8Array([9, 200, 200, 200, 200]));
  const loaded = new Y.Doc();
  Y.applyUpdate(loaded, (await store.load('plan-c'))!);
  assert.deepEqual(loaded.getMap('m').toJSON(), { ok: 1 });
  assert.ok(readdirSync(joinPath(dir.path, 'plan-c')).some((n) => n.startsWith('main.ydoc.corrupt-')));
  assert.match(logs[0]!, /unreadable state file moved/);
  dir.remove();
});

test('redis URLs', () => {
  assert.deepEqual(parseRedisUrl('redis://:p%40ss@10.0.0.5:6380/2'), {
    host: '10.0.0.5',
    port: 6380,
    username: undefined,
    password: 'p@ss',
    db: 2,
    tls: false,
  });
  assert.equal(parseRedisUrl('rediss://cache.internal').tls, true);
  assert.throws(() => parseRedisUrl('http://x'), /redis:\/\//);
  assert.throws(() => parseRedisUrl('not a url'), /not a URL/);
});

test('file store log: edits are appended, not rewritten; a cut-short tail is ignored and trimmed; compaction leaves one state', async () => {
  const dir = tempDir();
  const logs: string[] = [];
  const store = new FileStore({ dataDir: dir.path, log: (l) => logs.push(l) });
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  // A room stored before the log existed: a plain full state.
  doc.getMap('m').set('old', 1);
  await store.store('plan-log', Y.encodeStateAsUpdate(doc));
  updates.length = 0;
  for (let i = 0; i < 20; i++) doc.getMap('m').set(`k${i}`, 'v'.repeat(100));
  await store.append('plan-log', updates.splice(0, 10));
  await store.append('plan-log', updates.splice(0));
  const logPath = joinPath(dir.path, 'plan-log', 'main.ylog');
  const stateBytes = readFileSync(joinPath(dir.path, 'plan-log', 'main.ydoc')).length;
  assert.ok(statSync(logPath).size < 20 * 200, 'only the edits were written');
  const loaded = async () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, (await new FileStore({ dataDir: dir.path }).load('plan-log'))!);
    return d.getMap('m').toJSON();
  };
  assert.deepEqual(await loaded(), doc.getMap('m').toJSON());
  // A crash in the middle of a write: half a record at the end.
  const full = readFileSync(logPath);
  writeFileSync(logPath, Buffer.concat([full, Buffer.from([200, 0, 0, 0, 1, 2, 3])]));
  const again = new FileStore({ dataDir: dir.path, log: (l) => logs.push(l) });
  assert.ok(await again.load('plan-log'));
  assert.match(logs.join('\n'), /cut short.*trimmed/);
  assert.equal(statSync(logPath).size, full.length, 'own log trimmed to its last good record');
  doc.getMap('m').set('after-crash', true);
  await again.append('plan-log', [Y.encodeStateAsUpdate(doc)]);
  assert.equal((await loaded())['after-crash'], true, 'records written after the trim are read');
  // Another instance's torn tail is ignored, not touched.
  writeFileSync(joinPath(dir.path, 'plan-log', 'other.ylog'), Buffer.from([9, 0, 0, 0, 7]));
  assert.equal((await loaded())['after-crash'], true);
  assert.equal(statSync(joinPath(dir.path, 'plan-log', 'other.ylog')).size, 5);
  // Compaction: the full state, the log removed.
  await again.store('plan-log', Y.encodeStateAsUpdate(doc));
  assert.ok(!readdirSync(joinPath(dir.path, 'plan-log')).includes('main.ylog'));
  assert.ok(readFileSync(joinPath(dir.path, 'plan-log', 'main.ydoc')).length > stateBytes);
  assert.deepEqual(await loaded(), doc.getMap('m').toJSON());
  dir.remove();
});

test('log records: framing round-trips, and a flipped byte ends the log there', () => {
  const a = new Uint8Array([1, 2, 3]),
    b = new Uint8Array([4, 5]);
  const framed = frameLog([a, b]);
  assert.deepEqual(
    readLog(framed).updates.map((u) => [...u]),
    [
      [1, 2, 3],
      [4, 5],
    ],
  );
  const bad = Buffer.from(framed);
  bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
  assert.deepEqual(
    readLog(bad).updates.map((u) => [...u]),
    [[1, 2, 3]],
  );
  assert.equal(readLog(bad).goodLength, 11);
});

test('dev tokens only on loopback; named tokens', () => {
  assert.ok(
    isLoopback('127.0.0.1') &&
      isLoopback('127.1.2.3') &&
      isLoopback('::1') &&
      isLoopback('localhost') &&
      isLoopback('[::1]'),
  );
  assert.ok(!isLoopback('0.0.0.0') && !isLoopback('::') && !isLoopback('10.0.0.1') && !isLoopback('example.org'));
  assert.throws(() => assertSafeExposure('0.0.0.0', new TokenTable(DEV_TOKENS)), /only on loopback/);
  assert.doesNotThrow(() => assertSafeExposure('0.0.0.0', parseTokens('{"a-real-secret": "editor"}')));
  assert.doesNotThrow(() => assertSafeExposure('127.0.0.1', new TokenTable(DEV_TOKENS)));
  const named = parseTokens('{"anna-secret-1": {"role": "editor", "name": " Anna "}}');
  assert.equal((named.check('anna-secret-1', 'p') as { name?: string }).name, 'Anna');
  assert.throws(() => parseTokens('{"anna-secret-1": {"role": "editor", "name": "A\\u0007"}}'), /control characters/);
});

test('gate: the client address is the socket peer, or the last X-Forwarded-For entry behind a trusted proxy', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as never;
  const direct = new Gate(DEFAULT_LIMITS);
  assert.equal(
    direct.clientAddress(request('::ffff:127.0.0.5', '6.6.6.6')),
    '127.0.0.5',
    'a header is not believed by default',
  );
  const proxied = new Gate(DEFAULT_LIMITS, { trustProxy: true });
  assert.equal(
    proxied.clientAddress(request('127.0.0.1', '6.6.6.6, 192.0.2.7')),
    '192.0.2.7',
    'what our proxy appended, not what the client claimed',
  );
  assert.equal(proxied.clientAddress(request('127.0.0.1')), '127.0.0.1');
});
