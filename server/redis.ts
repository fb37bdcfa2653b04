import { Redis } from '@hocuspocus/extension-redis';
import type { onChangePayload } from '@hocuspocus/server';

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

  private readonly exchangeTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * Upstream answers every change by publishing this instance's state vector, and the others then
   * ask for what they lack: three trips through Redis per edit. Here the update itself is published
   * (as a sync step 2, which the receiving instance applies with the Redis origin and does not send
   * back), so an edit reaches the other instances in one trip. The state-vector exchange still runs,
   * debounced, after a burst of changes: it repairs anything a dropped Redis message lost.
   */
  override async onChange(data: onChangePayload): Promise<void> {
    if (data.transactionOrigin === this.redisTransactionOrigin) return;
    const self = this as unknown as {
      pubKey(name: string): string;
      encodeMessage(m: Uint8Array): Buffer;
      publishFirstSyncStep(name: string, doc: unknown): Promise<unknown>;
    };
    const name = data.documentName;
    try {
      await this.pub.publish(self.pubKey(name), self.encodeMessage(syncStep2Message(name, data.update)));
    } catch {
      /* Redis away: the exchange below (or the next one) repairs it */
    }
    const pending = this.exchangeTimers.get(name);
    if (pending) clearTimeout(pending);
    const timer = setTimeout(() => {
      this.exchangeTimers.delete(name);
      if (data.document.isDestroyed) return;
      self.publishFirstSyncStep(name, data.document).catch(() => {});
    }, 500);
    timer.unref?.();
    this.exchangeTimers.set(name, timer);
  }

  override async onDestroy(): Promise<void> {
    for (const t of this.exchangeTimers.values()) clearTimeout(t);
    this.exchangeTimers.clear();
    await super.onDestroy();
  }
}

/** [room][Sync=0][step 2=1][update]: Hocuspocus' wire format. */
function syncStep2Message(room: string, update: Uint8Array): Uint8Array {
  const out: number[] = [];
  const uint = (n: number) => {
    while (n > 0x7f) {
      out.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    out.push(n);
  };
  const name = new TextEncoder().encode(room);
  uint(name.length);
  out.push(...name);
  uint(0);
  uint(1);
  uint(update.length);
  const head = new Uint8Array(out);
  const message = new Uint8Array(head.length + update.length);
  message.set(head);
  message.set(update, head.length);
  return message;
}

export interface RedisTarget {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls: boolean;
}

/** Reads redis:// or rediss:// URLs; a bad URL is a start-up error with the reason. */
export function parseRedisUrl(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('RP_REDIS_URL is not a URL (expected redis://host:port)');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new Error('RP_REDIS_URL must start with redis:// or rediss://');
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
