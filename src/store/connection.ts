import { openStoreDb, type OpenOptions, type StoreDb } from './open-db.ts';
import { StoreAbort } from './errors.ts';

export { openStoreDb, type OpenOptions, type StoreDb } from './open-db.ts';

/**
 * One lazily (re)opened connection. It closes itself when a newer version wants to upgrade
 * (so we never block another tab), and reopens on the next use after that or after the browser
 * terminated it; an operation that hit a closing connection is retried once.
 */
export class Connection {
  private db: StoreDb | null = null;
  private opening: Promise<StoreDb> | null = null;

  constructor(
    private readonly options: OpenOptions,
    first?: StoreDb,
  ) {
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
