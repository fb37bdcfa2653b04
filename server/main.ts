import { resolve } from 'node:path';
import { tokensFromEnv, DEV_TOKENS } from './auth.ts';
import { createCollabServer } from './create-server.ts';
import { limitsFromEnv } from './limits.ts';

/*
 * `node --import tsx server/main.ts` (started by `npm start`). Configuration by environment; see
 * server/README.md. Stops cleanly on SIGINT/SIGTERM: every room is stored before the process exits.
 */

const env = process.env;
try {
  const { table, source } = tokensFromEnv(env);
  const server = createCollabServer({
    tokens: table,
    host: env.RP_COLLAB_HOST || '127.0.0.1',
    port: Number(env.RP_COLLAB_PORT || 1234),
    dataDir: resolve(env.RP_COLLAB_DATA_DIR || '.data/collab'),
    instance: env.RP_COLLAB_INSTANCE || 'main',
    redisUrl: env.RP_REDIS_URL || undefined,
    limits: limitsFromEnv(env),
  });
  await server.listen();
  console.log(`[collab] listening on ${server.url}${env.RP_REDIS_URL ? ' (shared through Redis)' : ''}`);
  if (source === 'dev') {
    console.log(`[collab] development tokens: ${Object.keys(DEV_TOKENS).join(', ')} (set RP_COLLAB_TOKENS for anything but loopback)`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`[collab] not started: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
