import { Server, type Extension, type Hocuspocus } from '@hocuspocus/server';
import { Refusal, type TokenTable } from './auth.ts';
import { installGuard, type GuardableSocket } from './guard.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { FileStore, filePersistence } from './persistence.ts';
import { redisRelay } from './redis.ts';

/*
 * One configured collaboration server: room tokens, file persistence, optional Redis scale-out, and
 * the per-connection guard (message size, rate, framing). Tests start it on port 0 and read `port`.
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
  log?: (line: string) => void;
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
  /** Open rooms, room connections, and raw sockets (including ones not yet authenticated). */
  stats(): { rooms: number; connections: number; sockets: number };
}

/** Close code clients see when the server stops; they keep their edits and reconnect. */
export const CLOSE_SERVER_RESTART = { code: 1012, reason: 'server-restart' } as const;

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.log(line));
  const extensions: Extension[] = [];

  if (options.redisUrl) extensions.push(redisRelay(options.redisUrl, log));
  if (options.dataDir !== null) {
    extensions.push(filePersistence(new FileStore({ dataDir: options.dataDir, instance: options.instance, log })));
  }

  const access: Extension = {
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const result = options.tokens.check(String(token ?? ''), documentName);
      if (result instanceof Refusal) {
        log(`[collab] refused ${JSON.stringify(documentName.slice(0, 130))}: ${result.reason}`);
        // Hocuspocus sends `reason` to the client; the object carries no message so it logs nothing more.
        throw { reason: result.reason };
      }
      // Hocuspocus drops a read-only connection's document updates but still relays its presence.
      if (result.role === 'observer') connectionConfig.readOnly = true;
      return { role: result.role };
    },
    async onRequest({ request, response, instance }) {
      if (request.url !== '/health') return;
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify({ ok: true, rooms: instance.getDocumentsCount(), connections: instance.getConnectionsCount() }));
      // A rejection without an error stops the default response (Hocuspocus' convention).
      throw null;
    },
  };
  extensions.push(access);

  const server = new Server(
    {
      name: options.instance ?? 'main',
      stopOnSignals: false,
      quiet: true,
      debounce: options.storeDebounceMs ?? 1000,
      maxDebounce: options.storeMaxDebounceMs ?? 5000,
      extensions,
    },
    { maxPayload: limits.maxMessageBytes },
  );

  server.webSocketServer.prependListener('connection', (socket: unknown) => {
    installGuard(socket as GuardableSocket, limits, {
      onRefused: (reason, detail) => log(`[collab] closed a connection: ${reason} (${detail.slice(0, 120)})`),
    });
  });

  let listening = false;
  return {
    hocuspocus: server.hocuspocus,
    get port() { return server.address.port; },
    get url() { return `ws://${host.includes(':') ? `[${host}]` : host}:${server.address.port}`; },
    async listen() {
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
      server.httpServer.close();
      const sockets = [...server.webSocketServer.clients];
      for (const s of sockets) s.close(CLOSE_SERVER_RESTART.code, CLOSE_SERVER_RESTART.reason);
      const hp = server.hocuspocus;
      const idle = () => hp.getDocumentsCount() === 0 && hp.loadingDocuments.size === 0;
      await waitFor(idle, 3000);
      for (const s of sockets) s.terminate();
      // Closing the last connection of a room stores it at once; wait for those writes.
      await waitFor(idle, 10_000);
      server.webSocketServer.close();
      if (listening) await hp.hooks('onDestroy', { instance: hp });
      listening = false;
    },
    stats: () => ({
      rooms: server.hocuspocus.getDocumentsCount(),
      connections: server.hocuspocus.getConnectionsCount(),
      sockets: server.webSocketServer.clients.size,
    }),
  };
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
