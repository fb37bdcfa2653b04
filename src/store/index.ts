import { Connection, openStoreDb } from './connection.ts';
import { IdbBackend } from './idb-backend.ts';
import { MemoryBackend } from './memory-backend.ts';
import { StoreCore } from './scenario-store.ts';
import { DB_NAME } from './schema.ts';
import { loadYjsLive } from './load-live.ts';
import type { StoreError } from './errors.ts';
import type { LiveDeps, SaveInfo, ScenarioStore } from './types.ts';

export * from './types.ts';
export { storeError, type StoreErrorCode } from './errors.ts';
export { DB_NAME, DB_VERSION } from './schema.ts';
export { planDiffOps } from './plan-diff.ts';

export interface ScenarioStoreOptions {
  /** The plan whose scenarios this store holds. */
  planId: string;
  /** Its name, recorded when the plan is first stored. */
  planName?: string;
  /** Database name; tests use a unique one. */
  dbName?: string;
  /** The IndexedDB factory; pass `undefined` explicitly to simulate a browser without one. */
  indexedDB?: IDBFactory | undefined;
  /** How long an upgrade waits for an old tab before falling back to memory. */
  blockedTimeoutMs?: number;
  /** Autosave debounce. */
  debounceMs?: number;
  /** Tell other tabs of this origin when the scenario list changes. Default true. */
  broadcast?: boolean;
  onSaved?: (info: SaveInfo) => void;
  onError?: (error: StoreError) => void;
  /** The Yjs side, or how to load it; defaults to src/sync, loaded when a scenario first needs it. */
  live?: LiveDeps | (() => Promise<LiveDeps>);
}

/**
 * Opens the scenario store of one plan. Never rejects: when IndexedDB is missing, refuses to open,
 * is blocked by an old tab or fails to migrate, the store runs in memory (`mode: 'memory'`) and
 * `error` says why in nl and en; what is stored stays untouched.
 */
export async function openScenarioStore(options: ScenarioStoreOptions): Promise<ScenarioStore> {
  const name = options.dbName ?? DB_NAME;
  const openOptions = {
    name,
    ...('indexedDB' in options ? { factory: options.indexedDB } : {}),
    ...(options.blockedTimeoutMs !== undefined ? { blockedTimeoutMs: options.blockedTimeoutMs } : {}),
  };
  const opened = await openStoreDb(openOptions);
  const core = {
    planId: options.planId,
    planName: options.planName ?? '',
    live: options.live ?? loadYjsLive,
    channelName: options.broadcast === false ? null : `rp-store:${name}:${options.planId}`,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.onSaved ? { onSaved: options.onSaved } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  };
  if (!opened.ok) {
    options.onError?.(opened.error);
    return new StoreCore({ ...core, backend: new MemoryBackend(), openError: opened.error });
  }
  return new StoreCore({ ...core, backend: new IdbBackend(new Connection(openOptions, opened.value)) });
}
