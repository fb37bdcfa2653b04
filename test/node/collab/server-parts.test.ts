import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import * as Y from 'yjs';
import { DEV_TOKENS, Refusal, TokenTable, parseTokens, tokensFromEnv } from '../../../server/auth.ts';
import { DEFAULT_LIMITS, TokenBucket, limitsFromEnv } from '../../../server/limits.ts';
import { checkMessage } from '../../../server/message-check.ts';
import { FileStore } from '../../../server/persistence.ts';
import { parseRedisUrl } from '../../../server/redis.ts';
import { tempDir } from './helpers.ts';

test('tokens: roles, room lists, and each refusal reason', () => {
  const table = parseTokens(JSON.stringify({ 'editor-secret': 'editor', 'beamer-secret': { role: 'observer', rooms: ['plan-1'] } }));
  assert.deepEqual(table.check('editor-secret', 'plan-9'), { role: 'editor', rooms: '*' });
  assert.deepEqual(table.check('beamer-secret', 'plan-1'), { role: 'observer', rooms: ['plan-1'] });
  assert.deepEqual(table.check('beamer-secret', 'plan-2'), new Refusal('room-not-allowed'));
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
  assert.throws(() => parseTokens('{"long-enough": "admin"}'), (e: Error) => /expected/.test(e.message) && !e.message.includes('long-enough'));
  assert.throws(() => tokensFromEnv({ RP_COLLAB_TOKENS_FILE: '/nonexistent/tokens.json' }), /cannot read RP_COLLAB_TOKENS_FILE \(ENOENT\)/);
  assert.throws(() => tokensFromEnv({ NODE_ENV: 'production' }), /refused in production/);
});

test('tokens come from RP_COLLAB_TOKENS, else a file, else the documented development tokens', () => {
  const dir = tempDir();
  const file = joinPath(dir.path, 'tokens.json');
  writeFileSync(file, JSON.stringify({ 'from-the-file': 'observer' }));
  assert.equal(tokensFromEnv({ RP_COLLAB_TOKENS: '{"from-the-env": "editor"}', RP_COLLAB_TOKENS_FILE: file }).source, 'env');
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
  assert.throws(() => limitsFromEnv({ RP_COLLAB_MAX_MESSAGE_BYTES: '1e6' }), /RP_COLLAB_MAX_MESSAGE_BYTES must be a positive integer/);
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
  const vs = (s: string) => { const b = [...new TextEncoder().encode(s)]; return [b.length, ...b]; };
  const vb = (u: Uint8Array) => { const out: number[] = []; let n = u.length; while (n > 0x7f) { out.push((n & 0x7f) | 0x80); n >>>= 7; } out.push(n); return [...out, ...u]; };
  assert.deepEqual(checkMessage(enc([vs('room'), [0, 2], vb(Y.encodeStateAsUpdate(doc))])), { ok: true, room: 'room' });
  assert.deepEqual(checkMessage(enc([vs('room'), [0, 0], vb(Y.encodeStateVector(doc))])), { ok: true, room: 'room' });
  assert.deepEqual(checkMessage(enc([vs('room'), [2, 0], vs('token')])), { ok: true, room: 'room' });
  assert.deepEqual(checkMessage(enc([vs('room'), [3]])), { ok: true, room: 'room' });
  assert.equal(checkMessage(enc([vs('room'), [3, 0]])).ok, false, 'trailing bytes');
  assert.equal(checkMessage(enc([vs('room'), [5], vs('stateless')])).ok, false, 'stateless is not accepted');
  let seed = 7;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
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
  const da = new Y.Doc(); da.getMap('m').set('a', 1);
  const db = new Y.Doc(); db.getMap('m').set('b', 2);
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
  const d = new Y.Doc(); d.getMap('m').set('ok', 1);
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
  assert.deepEqual(parseRedisUrl('redis://:p%40ss@10.0.0.5:6380/2'), { host: '10.0.0.5', port: 6380, username: undefined, password: 'p@ss', db: 2, tls: false });
  assert.equal(parseRedisUrl('rediss://cache.internal').tls, true);
  assert.throws(() => parseRedisUrl('http://x'), /redis:\/\//);
  assert.throws(() => parseRedisUrl('not a url'), /not a URL/);
});
