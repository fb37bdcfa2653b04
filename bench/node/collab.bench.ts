/*
 * Live collaboration: how fast an edit reaches everyone in a workshop room, and what a room costs
 * the server.
 *
 *  - regioplan: our server (server/create-server.ts) with everything on: tokens, file persistence,
 *    the per-connection guard (size, rate, framing check of every message).
 *  - peer: a bare Hocuspocus 3 relay, no extensions, no limits (what the server is without our work).
 * Latency: 2, 10 and 30 clients (the real client, src/sync/collab) in one room on loopback; one
 * client edits a cell, the time until every other client has it; p50/p95 over many edits, one edit
 * at a time. Clients and server share this process, so the figures include client work too.
 * Memory: heap + buffers after loading N rooms, each holding a 30-activity plan document.
 * Run: node --import tsx bench/node/collab.bench.ts
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import { Server, type Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { TokenTable } from '../../server/auth.ts';
import { createCollabServer } from '../../server/create-server.ts';
import { connectCollab, type CollabSession } from '../../src/sync/collab/index.ts';
import { seedUpdate } from '../../src/sync/seed.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const WS: unknown = createRequire(createRequire(import.meta.url).resolve('@hocuspocus/provider'))('ws');
const TOKEN = 'bench-editor-token';

interface Subject { name: string; url: string; hocuspocus: Hocuspocus; close(): Promise<void> }

async function ours(): Promise<Subject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-collab-bench-'));
  const s = createCollabServer({ tokens: new TokenTable({ [TOKEN]: 'editor' }), dataDir, log: () => {} });
  await s.listen();
  return { name: 'regioplan', url: s.url, hocuspocus: s.hocuspocus, close: async () => { await s.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

async function bare(): Promise<Subject> {
  const s = new Server({ quiet: true, stopOnSignals: false });
  await new Promise<void>((r) => s.httpServer.listen({ host: '127.0.0.1', port: 0 }, () => r()));
  return {
    name: 'bare relay', url: `ws://127.0.0.1:${s.address.port}`, hocuspocus: s.hocuspocus,
    close: async () => { for (const c of s.webSocketServer.clients) c.terminate(); await s.destroy(); },
  };
}

const until = async (check: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!check()) { if (Date.now() > end) throw new Error('bench: timed out'); await new Promise((r) => setTimeout(r, 5)); }
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');

async function latency(subject: Subject, clients: number, edits: number): Promise<{ p50: number; p95: number }> {
  const room = `bench-${clients}-${Math.random().toString(36).slice(2, 8)}`;
  const docs = Array.from({ length: clients }, () => new Y.Doc());
  const sessions: CollabSession[] = docs.map((doc, i) =>
    connectCollab(doc, { url: subject.url, room, token: TOKEN, userName: `P${i}`, WebSocketPolyfill: WS }));
  await until(() => sessions.every((s) => s.synced));
  let pending: { key: string; left: number; done: () => void } | null = null;
  docs.forEach((doc) => doc.getMap('m').observe((e) => {
    if (pending && !e.transaction.local && e.keysChanged.has(pending.key) && --pending.left === 0) pending.done();
  }));
  const times: number[] = [];
  for (let i = 0; i < edits + 10; i++) {
    const key = `e${i}`;
    const writer = docs[i % clients]!;
    const t0 = performance.now();
    await new Promise<void>((done) => { pending = { key, left: clients - 1, done }; writer.getMap('m').set(key, i); });
    if (i >= 10) times.push(performance.now() - t0);
  }
  sessions.forEach((s) => s.disconnect());
  docs.forEach((d) => d.destroy());
  await new Promise((r) => setTimeout(r, 200));
  return { p50: pct(times, 0.5), p95: pct(times, 0.95) };
}

async function memoryPerRoom(subject: Subject, rooms: number): Promise<number> {
  const used = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const before = used();
  const connections = [];
  for (let i = 0; i < rooms; i++) {
    const c = await subject.hocuspocus.openDirectConnection(`mem-${i}`);
    const update = seedUpdate(generatePlan(i + 1, 30));
    await c.transact((doc) => Y.applyUpdate(doc, update));
    connections.push(c);
  }
  await new Promise((r) => setTimeout(r, 1500)); // let debounced stores finish
  const after = used();
  for (const c of connections) await c.disconnect();
  return (after - before) / rooms;
}

const sizes: [number, number][] = [[2, 200], [10, 100], [30, 60]];
const results: Record<string, Record<number, { p50: number; p95: number }>> = {};
const memory: Record<string, number> = {};
for (const make of [bare, ours]) {
  const subject = await make();
  results[subject.name] = {};
  for (const [n, edits] of sizes) results[subject.name]![n] = await latency(subject, n, edits);
  memory[subject.name] = await memoryPerRoom(subject, 200);
  await subject.close();
}

console.log('collab: edit propagation to every other client (loopback, one process)');
for (const [n] of sizes) {
  const o = results.regioplan![n]!, b = results['bare relay']![n]!;
  console.log(`  ${String(n).padStart(2)} clients  regioplan p50 ${ms(o.p50)} p95 ${ms(o.p95)} | bare relay p50 ${ms(b.p50)} p95 ${ms(b.p95)} | ratio p50 ${ratio(o.p50, b.p50)} p95 ${ratio(o.p95, b.p95)}`);
}
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
console.log(`collab: server memory per room (200 rooms, 30-activity plan each): regioplan ${kb(memory.regioplan!)} | bare relay ${kb(memory['bare relay']!)} | ratio ${ratio(memory.regioplan!, memory['bare relay']!)}`);
process.exit(0);
