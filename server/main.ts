import { resolve } from 'node:path';
import { tokensFromEnv, DEV_TOKENS } from './auth.ts';
import { createCollabServer } from './create-server.ts';
import { limitsFromEnv, positiveIntFromEnv } from './limits.ts';

/*
 * `node --import tsx server/main.ts` (started by `npm start`). Configuration by environment; see
 * server/README.md. Stops cleanly on SIGINT/SIGTERM: every room is stored before the process exits.
 */

// A rejected promise nobody handled (a hook of a library, a dropped socket) must not take every
// room's unsaved edits down with the process: log it and carry on.
process.on('unhandledRejection', (reason) => {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  console.error(`[collab] unhandled rejection (server keeps running): ${text.slice(0, 500)}`);
});

// Signal handlers first: a SIGTERM that arrives while starting must still stop cleanly.
let server: ReturnType<typeof createCollabServer> | null = null;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const env = process.env;
try {
  const { table, source } = tokensFromEnv(env);
  server = createCollabServer({
    tokens: table,
    host: env.RP_COLLAB_HOST || '127.0.0.1',
    port: Number(env.RP_COLLAB_PORT || 1234),
    dataDir: resolve(env.RP_COLLAB_DATA_DIR || '.data/collab'),
    instance: env.RP_COLLAB_INSTANCE || 'main',
    redisUrl: env.RP_REDIS_URL || undefined,
    limits: limitsFromEnv(env),
    storeDebounceMs: positiveIntFromEnv(env, 'RP_COLLAB_STORE_DEBOUNCE_MS'),
    storeMaxDebounceMs: positiveIntFromEnv(env, 'RP_COLLAB_STORE_MAX_DEBOUNCE_MS'),
    storeRetryMs: positiveIntFromEnv(env, 'RP_COLLAB_STORE_RETRY_MS'),
    trustProxy: env.RP_COLLAB_TRUST_PROXY === '1',
  });
  await server.listen();
  if (stopping) process.exit(0);
  console.log(`[collab] listening on ${server.url}${env.RP_REDIS_URL ? ' (shared through Redis)' : ''}`);
  if (source === 'dev') {
    console.log(
      `[collab] development tokens: ${Object.keys(DEV_TOKENS).join(', ')} (loopback only; set RP_COLLAB_TOKENS for anything else)`,
    );
  }
} catch (error) {
  console.error(`[collab] not started: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
