import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as pathJoin } from 'node:path';
import * as Y from 'yjs';
import { TokenTable } from '../../../server/auth.ts';
import { createCollabServer, type CollabServer, type CollabServerOptions } from '../../../server/create-server.ts';
import { connectCollab, type CollabOptions, type CollabSession, type CollabStatus } from '../../../src/sync/collab/index.ts';
import type { CollabError } from '../../../src/sync/collab/errors.ts';
import type { Peer } from '../../../src/sync/collab/presence.ts';

/** The provider's own `ws` dependency: Node 20 has no WebSocket global. */
const fromProvider = createRequire(createRequire(import.meta.url).resolve('@hocuspocus/provider'));
export const WS: unknown = fromProvider('ws');

export const EDITOR = 'editor-token-1';
export const OBSERVER = 'observer-token-1';
export const ROOM_ONLY = 'room-only-token';
export const testTokens = () =>
  new TokenTable({ [EDITOR]: 'editor', [OBSERVER]: 'observer', [ROOM_ONLY]: { role: 'editor', rooms: ['plan-a'] } });

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(pathJoin(tmpdir(), 'rp-collab-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestServer extends CollabServer { logs: string[] }

export async function startServer(options: Partial<CollabServerOptions> = {}): Promise<TestServer> {
  const logs: string[] = [];
  const server = createCollabServer({ tokens: testTokens(), dataDir: null, log: (l) => logs.push(l), ...options });
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
export function join(url: string, room: string, options: Partial<CollabOptions> & { doc?: Y.Doc | { doc: Y.Doc } } = {}): Client {
  const target = options.doc ?? new Y.Doc();
  const doc = target instanceof Y.Doc ? target : target.doc;
  const statuses: CollabStatus[] = [];
  const errors: CollabError[] = [];
  let session!: CollabSession;
  const open = () =>
    connectCollab(target, {
      url, room, token: EDITOR, userName: 'Tester', WebSocketPolyfill: WS,
      ...options,
      onStatus: (s) => { statuses.push(s); options.onStatus?.(s); },
      onError: (e) => { errors.push(e); options.onError?.(e); },
    });
  session = open();
  return {
    doc, statuses, errors,
    get session() { return session; },
    peers: () => session.peers,
    reconnect() { session.disconnect(); session = open(); },
    leave() { session.disconnect(); },
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
    const isMap = known instanceof Y.Map || (known !== undefined && !(known instanceof Y.Array) && (known as unknown as { _map: Map<string, unknown> })._map.size > 0);
    out[name] = isMap ? doc.getMap(name).toJSON() : doc.getArray(name).toJSON();
  }
  return out;
}
/** JSON with object keys sorted: Y.Map key order depends on the order updates arrived in. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);
}

export const synced = (c: Client) => c.session.synced;
