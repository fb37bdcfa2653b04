import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type {
  Extension,
  Hocuspocus,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeUnloadDocumentPayload,
  onChangePayload,
  onConfigurePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { ROOM_PATTERN } from './auth.ts';

/*
 * Rooms on disk, per room directory <dataDir>/<room>/ and per server instance:
 *
 *   <instance>.ydoc   a full Yjs state (written atomically: temporary file, fsync, rename, fsync dir)
 *   <instance>.ylog   updates appended since that state: records of [u32 length][u32 crc32][update]
 *
 * Edits are appended (a few hundred bytes each) instead of rewriting the whole room; now and then —
 * when the log outgrows the state, and when the room closes — the room is compacted: its full state
 * is written and the log removed. Loading merges every instance's state and log (a CRDT union), so
 * instances sharing the data dir never overwrite each other and need no lock. A record cut short by
 * a crash ends the log: the tail is ignored (and this instance's own log is trimmed to its last good
 * record). Rooms stored before the log existed are plain .ydoc files and load as before.
 */

export const INSTANCE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const HEADER = 8;

export interface FileStoreOptions {
  dataDir: string;
  /** Stable name of this server instance (RP_COLLAB_INSTANCE); default 'main'. */
  instance?: string;
  log?: (line: string) => void;
}

/** Splits a log into its updates; stops at the first record that is cut short or does not check out. */
export function readLog(bytes: Uint8Array): { updates: Uint8Array[]; goodLength: number } {
  const updates: Uint8Array[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + HEADER <= bytes.length) {
    const len = view.getUint32(at, true);
    const sum = view.getUint32(at + 4, true);
    if (len === 0 || at + HEADER + len > bytes.length) break;
    const update = bytes.subarray(at + HEADER, at + HEADER + len);
    if (crc32(update) !== sum) break;
    updates.push(update);
    at += HEADER + len;
  }
  return { updates, goodLength: at };
}

export function frameLog(updates: readonly Uint8Array[]): Buffer {
  const total = updates.reduce((n, u) => n + HEADER + u.byteLength, 0);
  const out = Buffer.alloc(total);
  let at = 0;
  for (const u of updates) {
    out.writeUInt32LE(u.byteLength, at);
    out.writeUInt32LE(crc32(u), at + 4);
    out.set(u, at + HEADER);
    at += HEADER + u.byteLength;
  }
  return out;
}

export class FileStore {
  readonly dataDir: string;
  readonly instance: string;
  private readonly log: (line: string) => void;
  /** Known good length of this instance's log and size of its state file, per room. */
  private readonly logLength = new Map<string, number>();
  private readonly baseLength = new Map<string, number>();

  constructor(options: FileStoreOptions) {
    this.dataDir = options.dataDir;
    this.instance = options.instance ?? 'main';
    this.log = options.log ?? ((line) => console.warn(line));
    if (!INSTANCE_PATTERN.test(this.instance))
      throw new Error(`instance name "${this.instance}" must match ${INSTANCE_PATTERN}`);
  }

  private roomDir(room: string): string {
    // Auth already refuses other names; this keeps a path outside dataDir impossible regardless.
    if (!ROOM_PATTERN.test(room)) throw new Error(`room name not storable: ${JSON.stringify(room)}`);
    return join(this.dataDir, room);
  }

  private ownLog(room: string): string {
    return join(this.roomDir(room), `${this.instance}.ylog`);
  }

  /** Bytes in this instance's log for the room (as far as this process knows). */
  logBytes(room: string): number {
    return this.logLength.get(room) ?? 0;
  }
  /** Bytes of this instance's last full state of the room. */
  baseBytes(room: string): number {
    return this.baseLength.get(room) ?? 0;
  }

  /** The merged state of a room, or null when nothing is stored. I/O errors propagate: a room that
   * cannot be read must not open empty and then be overwritten. */
  async load(room: string): Promise<Uint8Array | null> {
    const dir = this.roomDir(room);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const updates: Uint8Array[] = [];
    this.logLength.set(room, 0);
    this.baseLength.set(room, 0);
    for (const name of names.filter((n) => n.endsWith('.ydoc')).sort()) {
      const path = join(dir, name);
      const bytes = new Uint8Array(await readFile(path));
      try {
        Y.decodeUpdate(bytes);
        updates.push(bytes);
        if (name === `${this.instance}.ydoc`) this.baseLength.set(room, bytes.byteLength);
      } catch {
        // Keep the bytes for inspection but out of the way, so the next store does not trip on them.
        const aside = `${path}.corrupt-${Date.now()}`;
        await rename(path, aside);
        this.log(`[collab] ${room}: unreadable state file moved to ${aside}`);
      }
    }
    for (const name of names.filter((n) => n.endsWith('.ylog')).sort()) {
      const path = join(dir, name);
      const bytes = new Uint8Array(await readFile(path));
      const { updates: records, goodLength } = readLog(bytes);
      for (const u of records) {
        try {
          Y.decodeUpdate(u);
          updates.push(u);
        } catch {
          this.log(`[collab] ${room}: skipped an undecodable record in ${name}`);
        }
      }
      const own = name === `${this.instance}.ylog`;
      if (goodLength < bytes.length) {
        // Another live instance may be writing its log right now: only our own tail is ours to trim.
        this.log(
          `[collab] ${room}: ${bytes.length - goodLength} bytes at the end of ${name} cut short (a crash during a write?)${own ? '; trimmed' : '; ignored'}`,
        );
        if (own) {
          const handle = await open(path, 'r+');
          try {
            await handle.truncate(goodLength);
            await handle.sync();
          } finally {
            await handle.close();
          }
        }
      }
      if (own) this.logLength.set(room, goodLength);
    }
    if (updates.length === 0) return null;
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  /** Appends updates to this instance's log of the room, durably (fsync). */
  async append(room: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    const dir = this.roomDir(room);
    const path = this.ownLog(room);
    let at = this.logLength.get(room);
    if (at === undefined) at = await this.scanOwnLog(room);
    const bytes = frameLog(updates);
    let handle;
    let created = false;
    try {
      handle = await open(path, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      handle = await open(path, 'wx');
      created = true;
      at = 0;
    }
    try {
      // Written at the known end, not in append mode: a write that failed half-way is overwritten.
      await handle.write(bytes, 0, bytes.length, at);
      await handle.truncate(at + bytes.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (created) await syncDir(dir);
    this.logLength.set(room, at + bytes.length);
  }

  /** Writes the room's full state (atomically) and drops this instance's log: a compaction. */
  async store(room: string, state: Uint8Array): Promise<void> {
    const dir = this.roomDir(room);
    await mkdir(dir, { recursive: true });
    const target = join(dir, `${this.instance}.ydoc`);
    const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(state);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
      await syncDir(dir);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    this.baseLength.set(room, state.byteLength);
    // The state holds everything the log held; a crash before this line only leaves duplicates.
    await rm(this.ownLog(room), { force: true });
    this.logLength.set(room, 0);
  }

  private async scanOwnLog(room: string): Promise<number> {
    try {
      const bytes = new Uint8Array(await readFile(this.ownLog(room)));
      return readLog(bytes).goodLength;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes a rename or a new file durable; some file systems cannot fsync a directory: not fatal.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

export interface PersistenceOptions {
  /** Appends one debounce after the last edit, and at most maxDebounce after the first unsaved one. */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** First retry after a failed store; doubles per failure up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Compact when this instance's log of a room is larger than this and than the room's state. */
  compactBytes?: number;
  log?: (line: string) => void;
}

interface RoomStore {
  name: string;
  document: Y.Doc & { getConnectionsCount(): number };
  pending: Uint8Array[];
  firstPendingAt: number;
  timer: ReturnType<typeof setTimeout> | null;
  failures: number;
  chain: Promise<void>;
  unloaded: boolean;
}

/**
 * The Hocuspocus extension that loads rooms from and stores them to a FileStore. Every change to a
 * loaded room (from its clients, from other instances through Redis, from direct connections) is
 * appended; a store never throws into Hocuspocus. A failed store is logged and retried with
 * back-off, the room stays loaded (beforeUnloadDocument refuses) until it is stored, and `failing`
 * counts such rooms for /health.
 */
export class FilePersistence implements Extension {
  readonly priority = 50;
  private readonly rooms = new Map<string, RoomStore>();
  private instance: Hocuspocus | null = null;
  private readonly debounceMs: number;
  private readonly maxDebounceMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly compactBytes: number;
  private readonly log: (line: string) => void;

  constructor(
    readonly store: FileStore,
    options: PersistenceOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 1000;
    this.maxDebounceMs = options.maxDebounceMs ?? 5000;
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 60_000;
    this.compactBytes = options.compactBytes ?? 256 * 1024;
    this.log = options.log ?? ((line) => console.warn(line));
  }

  /** Rooms whose last store failed (not yet stored since). */
  get failing(): number {
    let n = 0;
    for (const r of this.rooms.values()) if (r.failures > 0) n++;
    return n;
  }

  /** Rooms with edits not yet on disk. */
  get unsaved(): number {
    let n = 0;
    for (const r of this.rooms.values()) if (r.pending.length > 0) n++;
    return n;
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const state = await this.store.load(documentName);
    if (state) Y.applyUpdate(document, state);
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    this.rooms.set(documentName, {
      name: documentName,
      document,
      pending: [],
      firstPendingAt: 0,
      timer: null,
      failures: 0,
      chain: Promise.resolve(),
      unloaded: false,
    });
  }

  // Not awaited by Hocuspocus: must never throw.
  async onChange({ documentName, update }: onChangePayload): Promise<void> {
    const room = this.rooms.get(documentName);
    if (!room || room.unloaded) return;
    room.pending.push(update);
    if (room.failures > 0) return; // the retry timer stores it
    const now = Date.now();
    if (room.pending.length === 1) room.firstPendingAt = now;
    const wait = Math.max(0, Math.min(this.debounceMs, this.maxDebounceMs - (now - room.firstPendingAt)));
    this.schedule(room, wait);
  }

  /** Hocuspocus' own debounced store (e.g. when the last client leaves): store now. Never throws. */
  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    const room = this.rooms.get(documentName);
    if (room) await this.flush(room);
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
    const room = this.rooms.get(documentName);
    if (!room) return;
    await this.flush(room);
    if (room.pending.length > 0) {
      // Keep it in memory: it is all there is. An error without a message makes Hocuspocus stop
      // unloading without logging; the retry unloads it once it is stored.
      throw new Error('');
    }
    if (this.store.logBytes(documentName) > 0 && room.document.getConnectionsCount() === 0) {
      // Leave a compact room behind: one state file, no log.
      await this.serially(room, () => this.store.store(documentName, Y.encodeStateAsUpdate(room.document))).catch(
        (error) =>
          this.log(`[collab] ${documentName}: compaction failed (${describe(error)}); the log keeps every edit`),
      );
    }
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const room = this.rooms.get(documentName);
    if (!room) return;
    room.unloaded = true;
    if (room.timer) clearTimeout(room.timer);
    this.rooms.delete(documentName);
  }

  async onDestroy(): Promise<void> {
    for (const room of this.rooms.values()) {
      if (room.timer) clearTimeout(room.timer);
      room.timer = null;
      if (room.pending.length > 0) await this.flush(room);
      if (room.pending.length > 0)
        this.log(`[collab] ${room.name}: ${room.pending.length} update(s) could not be stored before stopping`);
    }
  }

  /** Stores everything pending of every room now (tests, shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((r) => this.flush(r)));
  }

  private schedule(room: RoomStore, ms: number): void {
    if (room.timer) clearTimeout(room.timer);
    room.timer = setTimeout(() => {
      room.timer = null;
      void this.flush(room);
    }, ms);
  }

  private serially<T>(room: RoomStore, task: () => Promise<T>): Promise<T> {
    const run = room.chain.then(task);
    room.chain = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** Appends what is pending; on failure keeps it and schedules a retry. Never rejects. */
  private flush(room: RoomStore): Promise<void> {
    return this.serially(room, async () => {
      if (room.pending.length === 0 || room.unloaded) return;
      if (room.timer) {
        clearTimeout(room.timer);
        room.timer = null;
      }
      const batch = room.pending.splice(0);
      try {
        await this.store.append(room.name, batch);
      } catch (error) {
        room.pending.unshift(...batch);
        room.failures++;
        const wait = Math.min(this.maxRetryMs, this.retryMs * 2 ** Math.min(room.failures - 1, 20));
        this.log(
          `[collab] ${room.name}: store failed (${describe(error)}), attempt ${room.failures}; ${room.pending.length} update(s) kept in memory, retrying in ${wait} ms`,
        );
        this.schedule(room, wait);
        return;
      }
      if (room.failures > 0) {
        this.log(`[collab] ${room.name}: stored again after ${room.failures} failed attempt(s)`);
        room.failures = 0;
        if (room.pending.length > 0) this.schedule(room, 0);
        else if (room.document.getConnectionsCount() === 0) {
          // Nobody is there: finish the unload it had to skip.
          const doc = this.instance?.documents.get(room.name);
          if (doc)
            setTimeout(() => {
              void this.instance?.unloadDocument(doc);
            }, 0);
        }
      }
      const logBytes = this.store.logBytes(room.name);
      if (logBytes > Math.max(this.compactBytes, this.store.baseBytes(room.name))) {
        try {
          await this.store.store(room.name, Y.encodeStateAsUpdate(room.document));
        } catch (error) {
          this.log(`[collab] ${room.name}: compaction failed (${describe(error)}); the log keeps every edit`);
        }
      }
    });
  }
}

const describe = (error: unknown): string =>
  (error as NodeJS.ErrnoException)?.code ??
  (error instanceof Error ? error.message.slice(0, 120) : String(error).slice(0, 120));

/** The persistence extension for a FileStore. */
export function filePersistence(store: FileStore, options: PersistenceOptions = {}): FilePersistence {
  return new FilePersistence(store, options);
}
