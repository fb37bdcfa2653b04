import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as pathJoin } from 'node:path';
import * as Y from 'yjs';
import { TokenTable } from '../../../server/auth.ts';
import { createCollabServer, type CollabServer, type CollabServerOptions } from '../../../server/create-server.ts';
import {
  connectCollab,
  type CollabOptions,
  type CollabSession,
  type CollabStatus,
} from '../../../src/sync/collab/index.ts';
import type { CollabError } from '../../../src/sync/collab/errors.ts';
import type { Peer } from '../../../src/sync/collab/presence.ts';

/**
 * The provider's own `ws` dependency (Node 20 has no WebSocket global), with an 'error' listener from
 * the start: on a retry the provider closes a socket that is still connecting after removing its own
 * listeners, and Node's `ws` then emits an error nobody handles (a browser's WebSocket does not).
 */
const fromProvider = createRequire(createRequire(import.meta.url).resolve('@hocuspocus/provider'));
const BaseWS = fromProvider('ws') as new (...args: unknown[]) => {
  on(event: string, f: (...a: unknown[]) => void): void;
};
export const WS: unknown = class extends BaseWS {
  constructor(...args: unknown[]) {
    super(...args);
    this.on('error', () => {});
  }
};

export const EDITOR = 'editor-token-1';
export const OBSERVER = 'observer-token-1';
export const ROOM_ONLY = 'room-only-token';
export const NAMED = 'named-token-anna';
export const testTokens = () =>
  new TokenTable({
    [EDITOR]: 'editor',
    [OBSERVER]: 'observer',
    [ROOM_ONLY]: { role: 'editor', rooms: ['plan-a'] },
    // A personal token: the server shows this name, whatever the client calls itself.
    [NAMED]: { role: 'editor', rooms: '*', name: 'Anna (token)' } as never,
  });

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(pathJoin(tmpdir(), 'rp-collab-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestServer extends CollabServer {
  logs: string[];
}

export async function startServer(options: Partial<CollabServerOptions> = {}): Promise<TestServer> {
  const logs: string[] = [];
  const echo = process.env.RP_TEST_SERVER_LOG === '1';
  const server = createCollabServer({
    tokens: testTokens(),
    dataDir: null,
    log: (l) => {
      logs.push(l);
      if (echo) console.log(l);
    },
    ...options,
  });
  await server.listen();
  return Object.assign(server, { logs });
}

export interface Client {
  doc: Y.Doc;
  session: CollabSession;
  statuses: CollabStatus[];
  errors: CollabError[];
  peers: () => readonly Peer[];
  reconnect(): void;
  leave(): void;
}

/** Joins `room` with a plain Y.Doc (or the given one) through the real client API. */
export function join(
  url: string,
  room: string,
  options: Partial<CollabOptions> & { doc?: Y.Doc | { doc: Y.Doc } } = {},
): Client {
  const target = options.doc ?? new Y.Doc();
  const doc = target instanceof Y.Doc ? target : target.doc;
  const statuses: CollabStatus[] = [];
  const errors: CollabError[] = [];
  let session!: CollabSession;
  const open = () =>
    connectCollab(target, {
      url,
      room,
      token: EDITOR,
      userName: 'Tester',
      WebSocketPolyfill: WS,
      ...options,
      onStatus: (s) => {
        statuses.push(s);
        options.onStatus?.(s);
      },
      onError: (e) => {
        errors.push(e);
        options.onError?.(e);
      },
    });
  session = open();
  return {
    doc,
    statuses,
    errors,
    get session() {
      return session;
    },
    peers: () => session.peers,
    reconnect() {
      session.disconnect();
      session = open();
    },
    leave() {
      session.disconnect();
    },
  } as Client;
}

export async function waitFor(check: () => boolean, label: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${label}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export const stateOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex');
/**
 * Two docs hold the same content: the same state vector and the same JSON of every root. (Encoded
 * bytes can differ between converged docs: structs split and merge depending on arrival order.)
 */
export function sameDoc(a: Y.Doc, b: Y.Doc): boolean {
  return stateOf(a) === stateOf(b) && stable(docJson(a, b)) === stable(docJson(b, a));
}
export function docJson(doc: Y.Doc, other?: Y.Doc): Record<string, unknown> {
  const names = new Set([...doc.share.keys(), ...(other?.share.keys() ?? [])]);
  const out: Record<string, unknown> = {};
  for (const name of [...names].sort()) {
    const known = doc.share.get(name) ?? other?.share.get(name);
    // A root this doc never named is untyped here: read it as the kind the content shows.
    const isMap =
      known instanceof Y.Map ||
      (known !== undefined &&
        !(known instanceof Y.Array) &&
        (known as unknown as { _map: Map<string, unknown> })._map.size > 0);
    out[name] = isMap ? doc.getMap(name).toJSON() : doc.getArray(name).toJSON();
  }
  return out;
}
/** JSON with object keys sorted: Y.Map key order depends on the order updates arrived in. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export const synced = (c: Client) => c.session.synced;

/* ---------- Raw wire clients: what no honest provider sends ---------- */

/** Hocuspocus 3 wire encoding (varUint, varString, message framing). */
export const varUint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
export const varBytes = (b: Uint8Array): number[] => [...varUint(b.length), ...b];
export const varString = (s: string): number[] => varBytes(new TextEncoder().encode(s));
export const wire = {
  auth: (room: string, token: string) => new Uint8Array([...varString(room), 2, 0, ...varString(token)]),
  step1: (room: string, sv: Uint8Array) => new Uint8Array([...varString(room), 0, 0, ...varBytes(sv)]),
  update: (room: string, body: Uint8Array) => new Uint8Array([...varString(room), 0, 2, ...varBytes(body)]),
  /** An awareness update: [clientId, clock, state] entries; state null removes the entry. */
  awareness: (room: string, entries: [number, number, unknown][]) => {
    const body = [...varUint(entries.length)];
    for (const [id, clock, state] of entries)
      body.push(...varUint(id), ...varUint(clock), ...varString(JSON.stringify(state)));
    return new Uint8Array([...varString(room), 1, ...varBytes(new Uint8Array(body))]);
  },
};

type WsLike = {
  on(e: string, f: (...a: any[]) => void): void;
  send(d: unknown, cb?: (e?: Error) => void): void;
  close(): void;
  terminate(): void;
  readyState: number;
};

export interface RawSocket {
  ws: WsLike;
  /** Resolves with the close code and reason (1006 for a drop). */
  closed: Promise<{ code: number; reason: string }>;
  isClosed(): boolean;
  /** Every binary message the server sent. */
  received: Uint8Array[];
  send(data: Uint8Array | string): void;
}

/** A raw WebSocket; `localAddress` picks the loopback address it comes from (127.0.0.x). */
export function raw(url: string, options: { localAddress?: string } = {}): Promise<RawSocket> {
  const ws = new (WS as new (u: string, o?: object) => WsLike)(
    url,
    options.localAddress ? { localAddress: options.localAddress } : undefined,
  );
  let done = false;
  const received: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => received.push(new Uint8Array(d)));
  const closed = new Promise<{ code: number; reason: string }>((r) =>
    ws.on('close', (code: number, reason: Buffer) => {
      done = true;
      r({ code, reason: String(reason) });
    }),
  );
  return new Promise((resolve, reject) => {
    ws.on('open', () =>
      resolve({
        ws,
        closed,
        received,
        isClosed: () => done,
        send: (d) => {
          if (ws.readyState === 1) ws.send(d, () => {});
        },
      }),
    );
    ws.on('error', (e: Error) => {
      done = true;
      reject(e);
    });
  });
}

/** Reads a server message's room, type and (for auth) the answer: 'authenticated' | 'denied:<reason>'. */
export function readServerMessage(data: Uint8Array): { room: string; type: number; auth?: string } {
  let at = 0;
  const uint = () => {
    let v = 0,
      s = 0;
    for (;;) {
      const b = data[at++]!;
      v += (b & 0x7f) * 2 ** s;
      s += 7;
      if (b < 0x80) return v;
    }
  };
  const str = () => {
    const n = uint();
    const s = new TextDecoder().decode(data.subarray(at, at + n));
    at += n;
    return s;
  };
  const room = str();
  const type = uint();
  if (type !== 2) return { room, type };
  const sub = uint();
  return { room, type, auth: sub === 2 ? 'authenticated' : sub === 1 ? `denied:${str()}` : `other:${sub}` };
}

/**
 * A Yjs client on a raw socket: syncs a Y.Doc with the room and sends every local change as an
 * update, like a provider, but writes whatever it is told to (a hostile peer).
 */
export async function rawDocClient(
  url: string,
  room: string,
  token: string,
): Promise<RawSocket & { doc: Y.Doc; authenticated: () => boolean; synced: () => boolean }> {
  const socket = await raw(url);
  const doc = new Y.Doc();
  let authenticated = false;
  let synced = false;
  const REMOTE = 'remote';
  socket.ws.on('message', (d: Buffer) => {
    const bytes = new Uint8Array(d);
    const m = readServerMessage(bytes);
    if (m.type === 2 && m.auth === 'authenticated') authenticated = true;
    if (m.type !== 0 && m.type !== 4) return;
    // room, type, step, body
    let at = 0;
    const uint = () => {
      let v = 0,
        s = 0;
      for (;;) {
        const b = bytes[at++]!;
        v += (b & 0x7f) * 2 ** s;
        s += 7;
        if (b < 0x80) return v;
      }
    };
    const n = uint();
    at += n;
    uint();
    const step = uint();
    const len = uint();
    const body = bytes.subarray(at, at + len);
    if (step === 0)
      socket.send(new Uint8Array([...varString(room), 0, 1, ...varBytes(Y.encodeStateAsUpdate(doc, body))]));
    else {
      Y.applyUpdate(doc, body, REMOTE);
      if (step === 1) synced = true;
    }
  });
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) socket.send(wire.update(room, u));
  });
  socket.send(wire.auth(room, token));
  socket.send(wire.step1(room, Y.encodeStateVector(doc)));
  return Object.assign(socket, { doc, authenticated: () => authenticated, synced: () => synced });
}

/* ---------- server/main.ts as a child process ---------- */

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface MainProcess {
  child: import('node:child_process').ChildProcess;
  output: () => string;
}

/** Starts `node --import tsx server/main.ts` with `env`; resolves once it listens. */
export async function startMain(env: Record<string, string>, nodeArgs: string[] = []): Promise<MainProcess> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server/main.ts did not start:\n${out}`));
    }, 20_000);
    const check = () => {
      if (out.includes('listening on')) {
        clearTimeout(t);
        resolve({ child, output: () => out });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', () => {
      clearTimeout(t);
      reject(new Error(`server/main.ts exited:\n${out}`));
    });
  });
}

/** SIGTERM and wait; resolves with the exit code. */
export const stopped = (child: import('node:child_process').ChildProcess) =>
  new Promise<number | null>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      r(child.exitCode);
      return;
    }
    child.once('exit', (code) => r(code));
    child.kill('SIGTERM');
  });

/** Resident memory of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export async function health(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/* ---------- Redis (Debian's redis-server) on a free loopback port ---------- */

export async function startRedis(): Promise<{ port: number; stop(): Promise<void> }> {
  const { spawn, spawnSync } = await import('node:child_process');
  const { connect } = await import('node:net');
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = found.stdout.trim();
  if (found.status !== 0 || !bin)
    throw new Error('redis-server is not installed: `apt-get install -y redis-server` (Debian).');
  const dir = tempDir();
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir.path,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ],
    { stdio: 'ignore' },
  );
  const ping = () =>
    new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => resolve(false));
      s.on('connect', () => s.write('PING\r\n'));
      s.on('data', (d) => {
        resolve(String(d).startsWith('+PONG'));
        s.destroy();
      });
    });
  const until = Date.now() + 10_000;
  while (!(await ping())) {
    if (Date.now() > until) {
      child.kill();
      dir.remove();
      throw new Error('redis-server did not start');
    }
    await sleep(50);
  }
  return {
    port,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => {
          dir.remove();
          r();
        });
        child.kill('SIGTERM');
      }),
  };
}
