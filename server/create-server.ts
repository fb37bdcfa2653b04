import type { Socket } from 'node:net';
import { Server, type Extension, type Hocuspocus } from '@hocuspocus/server';
import { Refusal, assertSafeExposure, tokenKey, type Role, type TokenTable } from './auth.ts';
import { CLOSE_INVALID_UPDATE, Gate, type SocketGuard } from './guard.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { AWARENESS, carriesUpdate, messageBody, peekKind } from './message-check.ts';
import { FileStore, FilePersistence } from './persistence.ts';
import { releasePresence, rewriteAwareness } from './presence.ts';
import { redisRelay } from './redis.ts';
import { checkerFor, releaseHeld, type CheckVerdict } from './room-check.ts';
import { clientIdsOf } from './client-ids.ts';
import { addsSignoff } from './signoff-check.ts';
import { roomGcFilter } from './history-check.ts';
import { listCheckerFor } from './scenario-list-check.ts';
import { isScenarioListRoom } from '../src/sync/collab/scenario-list.ts';

/*
 * One configured collaboration server: room tokens, file persistence, optional Redis scale-out, the
 * guard (guard.ts: sockets, sign-in, message size, rate, framing), the plan check of every update
 * (room-check.ts) and presence bound to the socket (presence.ts). Tests start it on port 0.
 */

export interface CollabServerOptions {
  tokens: TokenTable;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where rooms are stored; null keeps them in memory only. */
  dataDir: string | null;
  /** Stable instance name when several instances share `dataDir` (RP_COLLAB_INSTANCE). */
  instance?: string;
  /** redis:// URL: rooms are shared with every other instance using the same Redis. */
  redisUrl?: string;
  limits?: Partial<Limits>;
  /** How long after the last edit a room is written, and the longest it waits during steady editing. */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
  /** First retry after a failed store (doubling up to a minute). */
  storeRetryMs?: number;
  /** Client address from X-Forwarded-For (behind your own proxy only). */
  trustProxy?: boolean;
  log?: (line: string) => void;
}

export interface CollabStats {
  rooms: number;
  connections: number;
  /** Raw sockets, including ones not signed in yet. */
  sockets: number;
  /** Rooms whose last store failed, and rooms with edits not yet on disk. */
  storesFailing: number;
  storesUnsaved: number;
}

export interface CollabServer {
  readonly hocuspocus: Hocuspocus;
  /** The bound port (after listen). */
  readonly port: number;
  /** ws:// URL clients connect to (after listen). */
  readonly url: string;
  listen(): Promise<void>;
  /** Closes every socket (clients see "server restart" and reconnect), stores every room, stops. */
  close(): Promise<void>;
  stats(): CollabStats;
}

/** Close code clients see when the server stops; they keep their edits and reconnect. */
export const CLOSE_SERVER_RESTART = { code: 1012, reason: 'server-restart' } as const;

/** What onAuthenticate hands to the later hooks of a room connection. */
interface RoomContext {
  role?: Role;
  name?: string;
  guard?: SocketGuard;
}

/** A hook result that never settles: Hocuspocus then never handles that message (it is dropped). */
const dropMessage = () => new Promise<never>(() => {});

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.log(line));
  const gate = new Gate(limits, { trustProxy: options.trustProxy });
  const reserved = options.tokens.holders();
  const extensions: Extension[] = [];

  if (options.redisUrl) extensions.push(redisRelay(options.redisUrl, log));
  let persistence: FilePersistence | null = null;
  if (options.dataDir !== null) {
    persistence = new FilePersistence(new FileStore({ dataDir: options.dataDir, instance: options.instance, log }), {
      debounceMs: options.storeDebounceMs,
      maxDebounceMs: options.storeMaxDebounceMs,
      retryMs: options.storeRetryMs,
      log,
    });
    extensions.push(persistence);
  }

  const refuse = (guard: SocketGuard | undefined, room: string, reason: string): never => {
    log(`[collab] refused ${JSON.stringify(room.slice(0, 130))}: ${reason}`);
    guard?.refused(room, reason);
    // Hocuspocus sends `reason` to the client; the object carries no message so it logs nothing more.
    throw { reason };
  };

  const control: Extension = {
    priority: 2000,
    async onUpgrade({ request, socket }) {
      if (stopping) {
        (socket as Socket).destroy();
        throw null;
      }
      const turndown = gate.admit(request);
      if (!turndown) return;
      log(`[collab] turned a connection down: ${turndown.reason} (${gate.clientAddress(request)})`);
      const text = turndown.reason;
      const status = turndown.status === 429 ? '429 Too Many Requests' : '503 Service Unavailable';
      (socket as Socket).end(
        `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\nRetry-After: 5\r\n\r\n${text}`,
      );
      (socket as Socket).destroy();
      // A rejection without an error stops the upgrade silently (Hocuspocus' convention).
      throw null;
    },
    async onAuthenticate({ token, documentName, connectionConfig, request, instance }) {
      const guard = gate.guardOf(request);
      const result = options.tokens.check(String(token ?? ''), documentName);
      if (result instanceof Refusal) return refuse(guard, documentName, result.reason);
      if (!guard || guard.isClosed) throw { reason: 'connection-closed' };
      const key = tokenKey(String(token));
      const loaded = instance.documents.has(documentName) || instance.loadingDocuments.has(documentName);
      if (!loaded) {
        const open = new Set([
          ...instance.documents.keys(),
          ...instance.loadingDocuments.keys(),
          ...gate.claimedRooms(),
        ]);
        if (!open.has(documentName) && open.size >= limits.maxRooms) return refuse(guard, documentName, 'server-full');
      }
      if (!gate.claimRoom(key, documentName, guard)) return refuse(guard, documentName, 'too-many-rooms');
      guard.signedIn(documentName, key);
      // Hocuspocus drops a read-only connection's document updates but still relays its presence.
      if (result.role === 'observer') connectionConfig.readOnly = true;
      const context: RoomContext = { role: result.role, name: result.name, guard };
      return context;
    },
    async connected({ connection, context }) {
      const { role, name } = (context ?? {}) as RoomContext;
      // Who the server takes this connection for: a sign-off is recorded only under this name.
      connection.sendStateless(JSON.stringify({ type: 'rp-identity', role: role ?? 'observer', name: name ?? null }));
    },
    async onDisconnect({ documentName, context, document }) {
      const { guard } = (context ?? {}) as RoomContext;
      if (!guard) return;
      guard.roomClosed(documentName);
      releasePresence(document, guard.socket);
      clientIdsOf(document).release(guard);
      releaseHeld(guard);
    },
    beforeHandleMessage({ update: data, document, connection, context, documentName }) {
      const { role, name, guard } = (context ?? {}) as RoomContext;
      const kind = peekKind(data);
      if (kind.type === AWARENESS) {
        const rewritten = rewriteAwareness(
          document,
          connection.webSocket,
          messageBody(data),
          { role: role ?? 'observer', name },
          limits,
        );
        if (rewritten) document.applyAwarenessUpdate(connection, rewritten);
        return dropMessage();
      }
      const refused = (verdict: Exclude<CheckVerdict, { ok: true }>) => {
        if (verdict.quiet) return dropMessage();
        log(`[collab] ${documentName}: refused an update (${verdict.close.reason}: ${verdict.problem})`);
        if (guard) guard.close(verdict.close, verdict.problem);
        else connection.webSocket.close(verdict.close.code, verdict.close.reason);
        return dropMessage();
      };
      // Hocuspocus drops an observer's updates; one that tries to sign is told (signoff-check.ts).
      if (carriesUpdate(kind) && connection.readOnly && addsSignoff(messageBody(data)))
        return refused({ ok: false, close: CLOSE_INVALID_UPDATE, problem: 'only an editor records sign-offs' });
      if (carriesUpdate(kind) && !connection.readOnly) {
        const result = isScenarioListRoom(documentName)
          ? listCheckerFor(document, limits.maxScenarios, limits.maxRoomBytes).check(
              messageBody(data),
              guard ?? connection,
              { role: role ?? 'observer', ...(name ? { name } : {}), reserved },
            )
          : checkerFor(document, limits.maxRoomBytes, limits.updateHoldMs).check(
              messageBody(data),
              guard ?? connection,
              { role: role ?? 'observer', ...(name ? { name } : {}), reserved },
            );
        // Held until the content it builds on arrives: Hocuspocus applies it once this resolves.
        if (result.ok === 'held') return result.verdict.then((v) => (v.ok ? undefined : refused(v)));
        if (!result.ok) return refused(result);
      }
      return Promise.resolve();
    },
    async onRequest({ request, response }) {
      const path = (request.url ?? '').split('?')[0]!;
      if (path.endsWith('/admission')) {
        // A browser never sees the HTTP status of a refused WebSocket handshake: it asks here why.
        const turndown = gate.wouldTurnDown(request);
        response.writeHead(turndown?.status ?? 200, {
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
          'Access-Control-Allow-Origin': '*',
        });
        response.end(JSON.stringify(turndown ? { ok: false, reason: turndown.reason } : { ok: true }));
        throw null;
      }
      if (request.url !== '/health') return;
      const s = stats();
      const memory = process.memoryUsage();
      const ok = s.storesFailing === 0;
      response.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify({ ok, ...s, rss: memory.rss, heapUsed: memory.heapUsed }));
      // A rejection without an error stops the default response (Hocuspocus' convention).
      throw null;
    },
  };
  extensions.push(control);

  const server = new Server(
    {
      name: options.instance ?? 'main',
      stopOnSignals: false,
      quiet: true,
      // A scenario's room keeps the deleted content its history reads (history-check.ts).
      yDocOptions: { gc: true, gcFilter: roomGcFilter as () => boolean },
      debounce: options.storeDebounceMs ?? 1000,
      maxDebounce: options.storeMaxDebounceMs ?? 5000,
      extensions,
    },
    { maxPayload: limits.maxMessageBytes },
  );

  server.webSocketServer.prependListener(
    'connection',
    (socket: unknown, request: import('node:http').IncomingMessage) => {
      gate.attach(socket as import('./guard.ts').GuardableSocket, request, {
        onRefused: (reason, detail) => log(`[collab] closed a connection: ${reason} (${detail.slice(0, 120)})`),
      });
    },
  );

  const stats = (): CollabStats => ({
    rooms: server.hocuspocus.getDocumentsCount(),
    connections: server.hocuspocus.getConnectionsCount(),
    sockets: gate.sockets,
    storesFailing: persistence?.failing ?? 0,
    storesUnsaved: persistence?.unsaved ?? 0,
  });

  let listening = false;
  let stopping = false;
  return {
    hocuspocus: server.hocuspocus,
    get port() {
      return server.address.port;
    },
    get url() {
      return `ws://${host.includes(':') ? `[${host}]` : host}:${server.address.port}`;
    },
    async listen() {
      assertSafeExposure(host, options.tokens);
      // Not server.listen(): Hocuspocus 3 passes `address` where Node expects `host`, so it would
      // listen on every interface whatever RP_COLLAB_HOST says.
      await new Promise<void>((resolve, reject) => {
        server.httpServer.once('error', reject);
        server.httpServer.listen({ host, port: options.port ?? 0 }, () => {
          server.httpServer.off('error', reject);
          resolve();
        });
      });
      listening = true;
    },
    async close() {
      stopping = true;
      server.httpServer.close();
      const sockets = new Set([...server.webSocketServer.clients]);
      for (const s of sockets) s.close(CLOSE_SERVER_RESTART.code, CLOSE_SERVER_RESTART.reason);
      const hp = server.hocuspocus;
      const idle = () => hp.getDocumentsCount() === 0 && hp.loadingDocuments.size === 0;
      // A socket whose handshake was already under way when we started closing: close it too.
      const stragglers = () => {
        for (const s of server.webSocketServer.clients)
          if (!sockets.has(s)) {
            sockets.add(s);
            s.close(CLOSE_SERVER_RESTART.code, CLOSE_SERVER_RESTART.reason);
          }
        return idle();
      };
      await waitFor(stragglers, 3000);
      for (const s of server.webSocketServer.clients) s.terminate();
      // Closing the last connection of a room stores it at once; wait for those writes.
      await waitFor(idle, 10_000);
      if (!idle()) {
        const detail = [...hp.documents.values()].map(
          (d) =>
            `${d.name}: ${d.getConnectionsCount()} connection(s)${hp.debouncer.isDebounced(`onStoreDocument-${d.name}`) ? ', store scheduled' : ''}${hp.debouncer.isCurrentlyExecuting(`onStoreDocument-${d.name}`) ? ', storing' : ''}${d.saveMutex.isLocked() ? ', locked' : ''}`,
        );
        log(
          `[collab] stopping with ${hp.getDocumentsCount()} room(s) still loaded (stores failing: ${persistence?.failing ?? 0}): ${detail.join('; ').slice(0, 500)}`,
        );
      }
      server.webSocketServer.close();
      if (listening) await hp.hooks('onDestroy', { instance: hp });
      listening = false;
    },
    stats,
  };
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
