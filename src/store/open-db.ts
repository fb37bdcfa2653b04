import { wrap, type IDBPDatabase } from 'idb';
import { DB_VERSION, type StoreSchema } from './schema.ts';
import { migrate, migrationFailure } from './migrations.ts';
import { storeError, toStoreError, type StoreResult } from './errors.ts';

export type StoreDb = IDBPDatabase<StoreSchema>;

export interface OpenOptions {
  name: string;
  /** Defaults to the global indexedDB; tests pass a broken one. */
  factory?: IDBFactory | undefined;
  /** How long to wait for an old tab to let go before giving up on the upgrade (for now). */
  blockedTimeoutMs?: number;
  version?: number;
  /**
   * The outcome of an upgrade that was still blocked when we gave up on it: the request stays
   * open, and goes through once the old tab closes. Without this, a late connection is closed.
   */
  onLate?: (result: StoreResult<StoreDb>) => void;
}

/**
 * Opens the database at the current version, running migrations. Never rejects: a missing
 * indexedDB, an open error, a blocked upgrade or a failed migration become a StoreError.
 */
export function openStoreDb(options: OpenOptions): Promise<StoreResult<StoreDb>> {
  const factory = 'factory' in options ? options.factory : globalThis.indexedDB;
  if (!factory) return Promise.resolve({ ok: false, error: storeError('unavailable', 'indexedDB is undefined') });
  return new Promise((resolve) => {
    let settled = false;
    let migrationError: unknown = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (result: StoreResult<StoreDb>) => {
      if (timer) clearTimeout(timer);
      if (!settled) {
        settled = true;
        resolve(result);
      } else if (options.onLate) {
        options.onLate(result);
      } else if (result.ok) {
        // A blocked upgrade that went through after we gave up, and nobody waits for it.
        result.value.close();
      }
    };
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(options.name, options.version ?? DB_VERSION);
    } catch (e) {
      settle({ ok: false, error: storeError('unavailable', String((e as Error)?.message ?? e)) });
      return;
    }
    let upgrade: IDBTransaction | null = null;
    request.onupgradeneeded = (event) => {
      upgrade = request.transaction;
      try {
        migrate(request.result, request.transaction!, event.oldVersion, event.newVersion ?? DB_VERSION);
      } catch (e) {
        migrationError = e;
        request.transaction?.abort();
      }
    };
    request.onblocked = () => {
      timer ??= setTimeout(() => settle({ ok: false, error: storeError('blocked') }), options.blockedTimeoutMs ?? 4000);
    };
    request.onsuccess = () => settle({ ok: true, value: wrap(request.result) as StoreDb });
    request.onerror = (event) => {
      event.preventDefault();
      migrationError ??= upgrade && migrationFailure(upgrade);
      const error = migrationError
        ? storeError('migration', String((migrationError as Error).message))
        : openError(request.error);
      settle({ ok: false, error });
    };
  });
}

function openError(e: DOMException | null) {
  const mapped = toStoreError(e);
  // A failed open (private mode, disabled storage, corrupt profile) means no storage at all.
  return mapped.code === 'quota' ? mapped : storeError('unavailable', e ? `${e.name}: ${e.message}` : 'open failed');
}
