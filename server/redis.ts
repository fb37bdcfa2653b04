import { Redis } from '@hocuspocus/extension-redis';

/*
 * Scale-out: several server instances behind a load balancer share rooms through Redis pub/sub
 * (Hocuspocus' Redis extension). Enabled by RP_REDIS_URL, e.g. redis://:password@10.0.0.5:6379/0.
 * See server/README.md for the deployment recipe.
 */

/**
 * The Redis extension without its store lock. Upstream takes a Redis lock before each store and
 * silently skips the store when another instance holds it; changes relayed from other instances
 * are never stored by the receiving instance, so a skipped store can leave the latest edits only in
 * memory. Our file store gives each instance its own file and merges them on load, so every
 * instance can always store and no lock is needed.
 */
export class RedisRelay extends Redis {
  override async onStoreDocument(): Promise<void> {}
}

export interface RedisTarget { host: string; port: number; username?: string; password?: string; db?: number; tls: boolean }

/** Reads redis:// or rediss:// URLs; a bad URL is a start-up error with the reason. */
export function parseRedisUrl(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('RP_REDIS_URL is not a URL (expected redis://host:port)');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error('RP_REDIS_URL must start with redis:// or rediss://');
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined;
  if (db !== undefined && !Number.isInteger(db)) throw new Error('RP_REDIS_URL: the path must be a database number');
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    tls: u.protocol === 'rediss:',
  };
}

export function redisRelay(url: string, log: (line: string) => void = console.warn): RedisRelay {
  const t = parseRedisUrl(url);
  const relay = new RedisRelay({
    host: t.host,
    port: t.port,
    options: {
      username: t.username,
      password: t.password,
      db: t.db,
      ...(t.tls ? { tls: {} } : {}),
      // ioredis ≥ 5.8.2 sends its ready check (INFO) and client info after the extension's
      // SUBSCRIBE on the subscriber connection; Redis rejects them and the client reconnects in a
      // loop, delivering nothing (ioredis issue #2037). Neither check is needed here.
      enableReadyCheck: false,
      disableClientInfo: true,
      // Keep retrying while Redis restarts; rooms on this instance keep working meanwhile.
      retryStrategy: (times: number) => Math.min(times * 200, 5000),
    },
  });
  let down = false;
  for (const client of [relay.pub, relay.sub]) {
    client.on('error', (error: Error) => {
      if (!down) log(`[collab] redis unavailable (${error.message}); retrying`);
      down = true;
    });
    client.on('ready', () => {
      if (down) log('[collab] redis reconnected');
      down = false;
    });
  }
  return relay;
}
