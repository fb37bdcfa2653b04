import { Connection } from './connection.ts';
import { openStoreDb } from './open-db.ts';
import { FallbackBackend } from './fallback-backend.ts';
import { IdbBackend } from './idb-backend.ts';
import { MemoryBackend } from './memory-backend.ts';
import { reopenWhenUnblocked } from './reopen.ts';
import { StoreCore, type StoreCoreOptions } from './store-core.ts';
import { DB_NAME } from './schema.ts';
import { loadYjsLive } from './load-live.ts';
import type { StoreError } from './errors.ts';
import type { LiveDeps, SaveInfo, ScenarioStore } from './types.ts';

export interface ScenarioStoreOptions {
  /** The plan whose scenarios this store holds. */
  planId: string;
  /** Its name, recorded when the plan is first stored. */
  planName?: string;
  /**
   * `'idb'` (default): this browser's IndexedDB, falling back to memory when it cannot be used.
   * `'memory'`: the same rules, kept only in this store (the host keeps plans itself): no
   * BroadcastChannel, nothing is ever reported as unsaved.
   */
  backend?: 'idb' | 'memory';
  /** Database name; tests use a unique one. */
  dbName?: string;
  /** The IndexedDB factory; pass `undefined` explicitly to simulate a browser without one. */
  indexedDB?: IDBFactory | undefined;
  /** How long an upgrade waits for an old tab before the store starts in memory (it keeps waiting behind). */
  blockedTimeoutMs?: number;
  /** Waits between new attempts after a blocked upgrade failed (tests shorten them). */
  reopenDelaysMs?: readonly number[];
  /** Autosave debounce. */
  debounceMs?: number;
  /** Tell other tabs of this origin when the scenario list changes. Default true (idb only). */
  broadcast?: boolean;
  onSaved?: (info: SaveInfo) => void;
  onError?: (error: StoreError) => void;
  /** The Yjs side, or how to load it; defaults to src/sync, loaded when a scenario first needs it. */
  live?: LiveDeps | (() => Promise<LiveDeps>);
}

/**
 * Opens the scenario store of one plan. Never rejects: when IndexedDB is missing, refuses to open,
 * is blocked by an old tab or fails to migrate, the store runs in memory (`mode: 'memory'`) and
 * `error` says why in nl and en; what is stored stays untouched. A blocked upgrade is waited for
 * behind the scenes: once the old tab lets go, what was made in memory moves into IndexedDB.
 */
export async function openScenarioStore(options: ScenarioStoreOptions): Promise<ScenarioStore> {
  const name = options.dbName ?? DB_NAME;
  const memory = options.backend === 'memory';
  const core: Omit<StoreCoreOptions, 'backend'> = {
    planId: options.planId,
    planName: options.planName ?? '',
    live: options.live ?? loadYjsLive,
    channelName: memory || options.broadcast === false ? null : `rp-store:${name}:${options.planId}`,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.onSaved ? { onSaved: options.onSaved } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  };
  if (memory) return new StoreCore({ ...core, backend: new MemoryBackend(), ephemeral: true });

  const openOptions = {
    name,
    ...('indexedDB' in options ? { factory: options.indexedDB } : {}),
    ...(options.blockedTimeoutMs !== undefined ? { blockedTimeoutMs: options.blockedTimeoutMs } : {}),
  };
  const reopening = reopenWhenUnblocked(
    openOptions,
    (db) => void fallback.moveTo(new IdbBackend(new Connection(openOptions, db))),
    options.reopenDelaysMs,
  );
  const fallback = new FallbackBackend(() => reopening.stop());
  const opened = await openStoreDb({ ...openOptions, onLate: (late) => reopening.onLate(late) });
  if (opened.ok) {
    reopening.stop();
    return new StoreCore({ ...core, backend: new IdbBackend(new Connection(openOptions, opened.value)) });
  }
  options.onError?.(opened.error);
  if (opened.error.code === 'blocked') return new StoreCore({ ...core, backend: fallback, openError: opened.error });
  reopening.stop();
  return new StoreCore({ ...core, backend: new MemoryBackend(), openError: opened.error });
}
