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
 *
 * Scale (issue 15): two server instances (server/main.ts, separate processes) share rooms through
 * Redis (Debian's redis-server on a free loopback port), behind a small TCP load balancer in this
 * process that deals new connections round robin and skips a dead instance. 100 rooms × 10 clients
 * (real client, each a plan document); every room gets an edit (a new target group row, checked by
 * the server against the plan schema) every EDIT_EVERY_MS from a rotating participant. Measured: time
 * until every other participant of the room has the edit (p50/p95), memory (RSS) per instance, and,
 * after one instance is killed (SIGKILL) mid-run and its clients reconnect to the other, how many
 * acknowledged edits are missing — in the room and on disk. Goal: p95 < 50 ms, 0 lost.
 * Run: node --import tsx bench/node/collab.bench.ts   (or: npm run bench -- collab)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createTcpServer, connect as tcpConnect, type Socket } from 'node:net';
import { roots } from '../../src/sync/layout.ts';
import { insertRow } from '../../src/sync/write-ops.ts';
import { FileStore } from '../../server/persistence.ts';
import { WS, freePort, startRedis } from '../../test/node/collab/helpers.ts';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const TOKEN = 'bench-editor-token';

interface Subject {
  name: string;
  url: string;
  hocuspocus: Hocuspocus;
  close(): Promise<void>;
}

async function ours(): Promise<Subject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-collab-bench-'));
  const s = createCollabServer({ tokens: new TokenTable({ [TOKEN]: 'editor' }), dataDir, log: () => {} });
  await s.listen();
  return {
    name: 'regioplan',
    url: s.url,
    hocuspocus: s.hocuspocus,
    close: async () => {
      await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function bare(): Promise<Subject> {
  const s = new Server({ quiet: true, stopOnSignals: false });
  await new Promise<void>((r) => s.httpServer.listen({ host: '127.0.0.1', port: 0 }, () => r()));
  return {
    name: 'bare relay',
    url: `ws://127.0.0.1:${s.address.port}`,
    hocuspocus: s.hocuspocus,
    close: async () => {
      for (const c of s.webSocketServer.clients) c.terminate();
      await s.destroy();
    },
  };
}

const until = async (check: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('bench: timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');

async function latency(subject: Subject, clients: number, edits: number): Promise<{ p50: number; p95: number }> {
  const room = `bench-${clients}-${Math.random().toString(36).slice(2, 8)}`;
  const docs = Array.from({ length: clients }, () => new Y.Doc());
  const sessions: CollabSession[] = docs.map((doc, i) =>
    connectCollab(doc, { url: subject.url, room, token: TOKEN, userName: `P${i}`, WebSocketPolyfill: WS }),
  );
  await until(() => sessions.every((s) => s.synced));
  let pending: { key: string; left: number; done: () => void } | null = null;
  docs.forEach((doc) =>
    doc.getMap('m').observe((e) => {
      if (pending && !e.transaction.local && e.keysChanged.has(pending.key) && --pending.left === 0) pending.done();
    }),
  );
  const times: number[] = [];
  for (let i = 0; i < edits + 10; i++) {
    const key = `e${i}`;
    const writer = docs[i % clients]!;
    const t0 = performance.now();
    await new Promise<void>((done) => {
      pending = { key, left: clients - 1, done };
      writer.getMap('m').set(key, i);
    });
    if (i >= 10) times.push(performance.now() - t0);
  }
  sessions.forEach((s) => s.disconnect());
  docs.forEach((d) => d.destroy());
  await new Promise((r) => setTimeout(r, 200));
  return { p50: pct(times, 0.5), p95: pct(times, 0.95) };
}

async function memoryPerRoom(subject: Subject, rooms: number): Promise<number> {
  const used = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
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

const sizes: [number, number][] = [
  [2, 200],
  [10, 100],
  [30, 60],
];
const scaleOnly = process.env.RP_BENCH_SCALE_ONLY === '1';
if (scaleOnly) {
  await scaleRun();
  process.exit(0);
}
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
  const o = results.regioplan![n]!,
    b = results['bare relay']![n]!;
  console.log(
    `  ${String(n).padStart(2)} clients  regioplan p50 ${ms(o.p50)} p95 ${ms(o.p95)} | bare relay p50 ${ms(b.p50)} p95 ${ms(b.p95)} | ratio p50 ${ratio(o.p50, b.p50)} p95 ${ratio(o.p95, b.p95)}`,
  );
}
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
console.log(
  `collab: server memory per room (200 rooms, 30-activity plan each): regioplan ${kb(memory.regioplan!)} | bare relay ${kb(memory['bare relay']!)} | ratio ${ratio(memory.regioplan!, memory['bare relay']!)}`,
);
await scaleRun();
process.exit(0);

/* ---------------- Scale: two instances behind Redis, one killed mid-run ---------------- */

interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
}

async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      RP_COLLAB_INSTANCE: name,
      RP_COLLAB_PORT: String(port),
      RP_COLLAB_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  await until(() => out.includes('listening on') || child.exitCode !== null, 30_000);
  if (child.exitCode !== null) throw new Error(`instance ${name} did not start:\n${out}`);
  return { name, port, child, output: () => out };
}

/** A TCP load balancer on loopback: new connections round robin; a backend that refuses is skipped. */
async function loadBalancer(ports: number[]): Promise<{ port: number; close(): void }> {
  let next = 0;
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const first = next;
    next = (next + 1) % ports.length;
    const attempt = (n: number) => {
      if (n >= ports.length || client.destroyed) {
        client.destroy();
        return;
      }
      const up = tcpConnect(ports[(first + n) % ports.length]!, '127.0.0.1');
      let connected = false;
      up.on('error', () => {
        up.destroy();
        if (!connected) attempt(n + 1);
        else client.destroy();
      });
      up.once('connect', () => {
        connected = true;
        sockets.add(up);
        up.on('close', () => {
          sockets.delete(up);
          client.destroy();
        });
        client.on('close', () => up.destroy());
        client.pipe(up);
        up.pipe(client);
      });
    };
    attempt(0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

async function health(port: number): Promise<{ rss: number; rooms: number; sockets: number }> {
  return (await fetch(`http://127.0.0.1:${port}/health`)).json() as Promise<{
    rss: number;
    rooms: number;
    sockets: number;
  }>;
}
function mib(b: number): string {
  return `${(b / 1024 / 1024).toFixed(0)} MiB`;
}

async function scaleRun(): Promise<void> {
  const ROOMS = 100;
  const PER_ROOM = 10;
  const EDIT_EVERY_MS = 1000; // per room: 100 edits/s in all, each to 9 others
  const EDIT_SECONDS = 30;
  const KILL_AT_S = 15;
  const redis = await startRedis();
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-collab-scale-'));
  const env = {
    RP_REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    RP_COLLAB_DATA_DIR: dataDir,
    RP_COLLAB_TOKENS: JSON.stringify({ [TOKEN]: 'editor' }),
    // One token and one address (this process) for everyone: raise the per-token and per-address caps.
    RP_COLLAB_MAX_ROOMS_PER_TOKEN: '1000',
    RP_COLLAB_MAX_SOCKETS_PER_IP: '5000',
    RP_COLLAB_MAX_SOCKETS: '5000',
  };
  const instances = [await startInstance('one', env), await startInstance('two', env)];
  const lb = await loadBalancer(instances.map((i) => i.port));
  const url = `ws://127.0.0.1:${lb.port}`;
  const idle = await Promise.all(instances.map((i) => health(i.port)));

  interface Member {
    doc: Y.Doc;
    session: CollabSession;
    acked: Set<string>;
    sent: string[];
  }
  const rooms: Member[][] = [];
  const pending = new Map<string, { t0: number; left: number; afterKill: boolean }>();
  const steady: number[] = [];
  const afterKill: number[] = [];
  /** Each single delivery (one edit at one participant), before the kill. */
  const deliveries: number[] = [];
  let killedAt = Infinity;

  const started = performance.now();
  for (let r = 0; r < ROOMS; r++) {
    const seed = seedUpdate(generatePlan(1000 + r, 10));
    const members: Member[] = [];
    for (let i = 0; i < PER_ROOM; i++) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, seed);
      const m: Member = { doc, session: null as unknown as CollabSession, acked: new Set(), sent: [] };
      m.session = connectCollab(doc, {
        url,
        room: `scale-${r}`,
        token: TOKEN,
        userName: `P${r}-${i}`,
        WebSocketPolyfill: WS,
        // Everything sent before the server acknowledged all of it is safe on the server.
        onSynced: (ok) => {
          if (ok) for (const k of m.sent.splice(0)) m.acked.add(k);
        },
      });
      doc.getMap('rows.targetGroups').observe((e) => {
        if (e.transaction.local) return;
        for (const key of e.keysChanged) {
          const p = pending.get(key);
          if (!p) continue;
          if (!p.afterKill) deliveries.push(performance.now() - p.t0);
          if (--p.left > 0) continue;
          pending.delete(key);
          (p.afterKill ? afterKill : steady).push(performance.now() - p.t0);
        }
      });
      members.push(m);
    }
    rooms.push(members);
    if (r % 10 === 9) await until(() => members.every((m) => m.session.synced), 60_000);
  }
  await until(() => rooms.every((ms) => ms.every((m) => m.session.synced)), 60_000);
  const connectedIn = performance.now() - started;
  const loaded = await Promise.all(instances.map((i) => health(i.port)));

  // Edits: every EDIT_EVERY_MS each room gets a new row from its next participant.
  let edits = 0;
  const tickMs = EDIT_EVERY_MS / ROOMS;
  const editUntil = performance.now() + EDIT_SECONDS * 1000;
  let peak = loaded;
  while (performance.now() < editUntil) {
    const r = edits % ROOMS;
    const k = Math.floor(edits / ROOMS);
    const writer = rooms[r]![k % PER_ROOM]!;
    const id = `tg-${r}-${k}`;
    pending.set(id, { t0: performance.now(), left: PER_ROOM - 1, afterKill: performance.now() >= killedAt });
    writer.sent.push(id);
    writer.doc.transact(() =>
      insertRow(roots(writer.doc), 'targetGroups', {
        id,
        name: `Doelgroep ${k}`,
        characteristics: '',
        postcodes: ['5611'],
        estimatedSize: k,
        referenceDate: null,
      }),
    );
    edits++;
    if (killedAt === Infinity && performance.now() - started - connectedIn >= KILL_AT_S * 1000) {
      peak = await Promise.all(instances.map((i) => health(i.port)));
      instances[0]!.child.kill('SIGKILL');
      killedAt = performance.now();
    }
    const due = started + connectedIn + edits * tickMs;
    const wait = due - performance.now();
    await new Promise((res) => setTimeout(res, Math.max(0, wait)));
  }

  // Everyone back on the surviving instance, every edit everywhere.
  const settleStart = performance.now();
  const everyone = rooms.flat();
  await until(() => everyone.every((m) => m.session.synced) && pending.size === 0, 60_000).catch(() => {});
  const settled = performance.now() - settleStart;
  const unsettled = pending.size;
  const survivor = await health(instances[1]!.port);

  // Acknowledged edits lost: in the room (a fresh participant on the survivor), then on disk.
  const acked = rooms.map((ms) => new Set(ms.flatMap((m) => [...m.acked])));
  let lostInRoom = 0;
  for (let r = 0; r < ROOMS; r++) {
    const doc = new Y.Doc();
    const s = connectCollab(doc, {
      url: `ws://127.0.0.1:${instances[1]!.port}`,
      room: `scale-${r}`,
      token: TOKEN,
      userName: 'Check',
      WebSocketPolyfill: WS,
    });
    await until(() => s.synced, 30_000);
    const rows = doc.getMap('rows.targetGroups');
    for (const id of acked[r]!) if (!rows.has(id)) lostInRoom++;
    s.disconnect();
    doc.destroy();
  }
  for (const m of everyone) m.session.disconnect();
  await new Promise((res) => {
    instances[1]!.child.once('exit', res);
    instances[1]!.child.kill('SIGTERM');
  });
  let lostOnDisk = 0;
  const store = new FileStore({ dataDir, instance: 'check', log: () => {} });
  for (let r = 0; r < ROOMS; r++) {
    const state = await store.load(`scale-${r}`);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    const rows = doc.getMap('rows.targetGroups');
    for (const id of acked[r]!) if (!rows.has(id)) lostOnDisk++;
  }
  lb.close();
  await redis.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const ackedTotal = acked.reduce((n, s) => n + s.size, 0);
  const p95 = pct(steady, 0.95);
  console.log(
    `collab scale: 2 instances behind Redis, ${ROOMS} rooms × ${PER_ROOM} clients (${ROOMS * PER_ROOM} sockets through one load balancer), connected in ${(connectedIn / 1000).toFixed(1)} s`,
  );
  console.log(
    `  edits: ${edits} (one per room every ${EDIT_EVERY_MS} ms for ${EDIT_SECONDS} s), each a new plan row checked by the server`,
  );
  console.log(
    `  propagation to all 9 others, before the kill: p50 ${ms(pct(steady, 0.5))} p95 ${ms(p95)} (n=${steady.length}); to each one: p50 ${ms(pct(deliveries, 0.5))} p95 ${ms(pct(deliveries, 0.95))}`,
  );
  if (afterKill.length > 0)
    console.log(
      `  after the kill (incl. reconnect of half the clients): p50 ${ms(pct(afterKill, 0.5))} p95 ${ms(pct(afterKill, 0.95))} (n=${afterKill.length})`,
    );
  console.log(
    `  memory (RSS) idle: ${idle.map((h, i) => `${instances[i]!.name} ${mib(h.rss)}`).join(', ')}; all clients connected: ${loaded.map((h, i) => `${instances[i]!.name} ${mib(h.rss)} (${h.sockets} sockets, ${h.rooms} rooms)`).join(', ')}; at the kill: ${peak.map((h, i) => `${instances[i]!.name} ${mib(h.rss)}`).join(', ')}; survivor after failover: ${mib(survivor.rss)} (${survivor.sockets} sockets)`,
  );
  console.log(
    `  kill of instance one after ${KILL_AT_S} s: all clients synced again ${(settled / 1000).toFixed(1)} s after editing stopped; edits not delivered to everyone: ${unsettled}`,
  );
  console.log(
    `  acknowledged edits lost: ${lostInRoom} in the rooms, ${lostOnDisk} on disk (of ${ackedTotal} acknowledged)`,
  );
  console.log(
    `  machine: ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (this process runs all ${ROOMS * PER_ROOM} clients and the load balancer)`,
  );
  console.log(
    `  goal: p95 < 50 ms ${p95 < 50 ? 'met' : 'NOT met'}; no acknowledged edit lost ${lostInRoom + lostOnDisk === 0 ? 'met' : 'NOT met'}`,
  );
}
