import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { EDITOR, WS, join, startServer, synced, waitFor, sameDoc, type TestServer } from './helpers.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** Minimal Hocuspocus wire encoding, to send what no honest provider would. */
const varUint = (n: number) => {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
const varBytes = (b: Uint8Array) => [...varUint(b.length), ...b];
const varString = (s: string) => varBytes(new TextEncoder().encode(s));
const auth = (room: string, token: string) => new Uint8Array([...varString(room), 2, 0, ...varString(token)]);
const update = (room: string, body: Uint8Array) => new Uint8Array([...varString(room), 0, 2, ...varBytes(body)]);

type RawSocket = {
  on(e: string, f: (...a: any[]) => void): void;
  send(d: unknown): void;
  close(): void;
  readyState: number;
};
function raw(url: string): Promise<{ ws: RawSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new (WS as new (u: string) => RawSocket)(url);
  const closed = new Promise<{ code: number; reason: string }>((r) =>
    ws.on('close', (code: number, reason: Buffer) => r({ code, reason: String(reason) })),
  );
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, closed }));
    ws.on('error', reject);
  });
}

async function stillServes(room: string) {
  const a = join(server.url, room);
  const b = join(server.url, room);
  await waitFor(() => synced(a) && synced(b), 'fresh clients connect');
  a.doc.getMap('m').set('alive', room);
  await waitFor(() => b.doc.getMap('m').get('alive') === room, 'edits still propagate');
  a.leave();
  b.leave();
}

test('an oversized update is refused, the sender is told, the others carry on', async () => {
  const big = join(server.url, 'plan-big');
  const other = join(server.url, 'plan-big');
  await waitFor(() => synced(big) && synced(other), 'connected');
  big.doc.getMap('m').set('huge', 'x'.repeat(1_200_000));
  await waitFor(() => big.errors.some((e) => e.code === 'too-large'), 'sender told');
  const e = big.errors.find((x) => x.code === 'too-large')!;
  assert.equal(e.retrying, true);
  assert.ok(e.message.nl && e.message.en);
  assert.equal((big.doc.getMap('m').get('huge') as string).length, 1_200_000, 'kept locally');
  other.doc.getMap('m').set('small', 1);
  await stillServes('plan-big-2');
  assert.equal(other.doc.getMap('m').get('huge'), undefined, 'never reached the others');
  big.leave();
  other.leave();
});

test('malformed messages close only the sender, with a reason, and the server keeps running', async () => {
  const cases: [string, unknown][] = [
    ['random bytes', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])],
    ['a text frame', 'hello'],
    ['an unknown message type', new Uint8Array([...varString('plan-m'), 42])],
    ['a length past the end', new Uint8Array([...varString('plan-m'), 0, 2, 200, 1, 2, 3])],
    ['a broadcast-stateless message', new Uint8Array([...varString('plan-m'), 6, ...varString('spam')])],
  ];
  for (const [label, payload] of cases) {
    const { ws, closed } = await raw(server.url);
    ws.send(payload);
    const c = await closed;
    assert.deepEqual(c, { code: 4400, reason: 'malformed-message' }, label);
  }
  // Authenticated first, then an update whose Yjs body does not decode.
  const { ws, closed } = await raw(server.url);
  ws.send(auth('plan-m', EDITOR));
  ws.send(update('plan-m', new Uint8Array([5, 200, 200, 200, 1, 9, 9, 9])));
  assert.equal((await closed).code, 4400);
  await stillServes('plan-m');
});

test('random garbage from many sockets never takes the server down', async () => {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 40; i++) {
    const { ws, closed } = await raw(server.url);
    const prefix = i % 2 === 0 ? [...varString('plan-g'), Math.floor(rand() * 9)] : [];
    ws.send(
      new Uint8Array([
        ...prefix,
        ...Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)),
      ]),
    );
    // Some garbage happens to be a valid message (e.g. a query); then we close ourselves.
    const timer = setTimeout(() => ws.close(), 300);
    await closed;
    clearTimeout(timer);
  }
  await stillServes('plan-g2');
});

test('a flooding client is cut off without slowing the others, and loses nothing itself', async () => {
  const flooder = join(server.url, 'plan-flood', { userName: 'Flood' });
  const writer = join(server.url, 'plan-flood');
  const reader = join(server.url, 'plan-flood');
  await waitFor(() => [flooder, writer, reader].every(synced), 'connected');
  // 3000 separate transactions: 3000 messages in one go.
  for (let i = 0; i < 3000; i++) flooder.doc.getMap('flood').set(`k${i}`, i);
  writer.doc.getMap('m').set('during-flood', 'arrives');
  await waitFor(
    () => reader.doc.getMap('m').get('during-flood') === 'arrives',
    'a normal edit during the flood arrives',
    5000,
  );
  await waitFor(() => flooder.errors.some((e) => e.code === 'rate-limited'), 'flooder told');
  assert.ok(server.logs.some((l) => l.includes('rate-limited')));
  assert.ok(reader.doc.getMap('flood').size < 3000, 'the flood did not get through in one go');
  // Once it stops, its reconnect resyncs everything it wrote in one message.
  await waitFor(
    () => sameDoc(flooder.doc, reader.doc) && sameDoc(writer.doc, reader.doc),
    'converged after the flood',
    20_000,
  );
  assert.equal(reader.doc.getMap('flood').size, 3000);
  [flooder, writer, reader].forEach((c) => c.leave());
});

test('a client that sends many messages slowly enough is never cut off', async () => {
  const steady = join(server.url, 'plan-steady');
  const reader = join(server.url, 'plan-steady');
  await waitFor(() => synced(steady) && synced(reader), 'connected');
  for (let i = 0; i < 60; i++) {
    steady.doc.getMap('m').set(`k${i}`, i);
    steady.session.setSelection({ section: 'activities', rowId: `r${i}`, field: 'name' });
    await new Promise((r) => setTimeout(r, 10));
  }
  await waitFor(() => reader.doc.getMap('m').size === 60, 'all arrive');
  assert.deepEqual(steady.errors, []);
  steady.leave();
  reader.leave();
});

test('an awareness update with a broken state is refused', async () => {
  const { ws, closed } = await raw(server.url);
  ws.send(auth('plan-aw', EDITOR));
  const body = new Uint8Array([...varUint(1), ...varUint(7), ...varUint(1), ...varString('{not json')]);
  ws.send(new Uint8Array([...varString('plan-aw'), 1, ...varBytes(body)]));
  assert.equal((await closed).code, 4400);
});
