import { wrap, type IDBPDatabase } from 'idb';
import { DB_VERSION, type StoreSchemaV2 } from './schema.ts';
import { migrate, migrationFailure } from './migrations.ts';
import { StoreAbort, storeError, toStoreError, type StoreResult } from './errors.ts';

export type StoreDb = IDBPDatabase<StoreSchemaV2>;

export interface OpenOptions {
  name: string;
  /** Defaults to the global indexedDB; tests pass a broken one. */
  factory?: IDBFactory | undefined;
  /** How long to wait for an old tab to let go before giving up on the upgrade. */
  blockedTimeoutMs?: number;
  version?: number;
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
      if (settled) {
        // A blocked upgrade that went through after we gave up: that connection is not ours to keep.
        if (result.ok) result.value.close();
        return;
      }
      settled = true;
      resolve(result);
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
      const error = migrationError ? storeError('migration', String((migrationError as Error).message)) : openError(request.error);
      settle({ ok: false, error });
    };
  });
}

function openError(e: DOMException | null) {
  const mapped = toStoreError(e);
  // A failed open (private mode, disabled storage, corrupt profile) means no storage at all.
  return mapped.code === 'quota' ? mapped : storeError('unavailable', e ? `${e.name}: ${e.message}` : 'open failed');
}

/**
 * One lazily (re)opened connection. It closes itself when a newer version wants to upgrade
 * (so we never block another tab), and reopens on the next use after that or after the browser
 * terminated it; an operation that hit a closing connection is retried once.
 */
export class Connection {
  private db: StoreDb | null = null;
  private opening: Promise<StoreDb> | null = null;

  constructor(private readonly options: OpenOptions, first?: StoreDb) {
    if (first) this.adopt(first);
  }

  private adopt(db: StoreDb): StoreDb {
    this.db = db;
    db.addEventListener('versionchange', () => {
      db.close();
      if (this.db === db) this.db = null;
    });
    db.addEventListener('close', () => {
      if (this.db === db) this.db = null;
    });
    return db;
  }

  async get(): Promise<StoreDb> {
    if (this.db) return this.db;
    this.opening ??= openStoreDb(this.options).then((r) => {
      this.opening = null;
      if (!r.ok) throw new StoreAbort(r.error);
      return this.adopt(r.value);
    });
    return this.opening;
  }

  async run<T>(operation: (db: StoreDb) => Promise<T>): Promise<T> {
    const db = await this.get();
    try {
      return await operation(db);
    } catch (e) {
      if ((e as { name?: string })?.name !== 'InvalidStateError') throw e;
      if (this.db === db) this.db = null;
      return operation(await this.get());
    }
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}
