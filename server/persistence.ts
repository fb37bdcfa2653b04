import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Database } from '@hocuspocus/extension-database';
import * as Y from 'yjs';
import { ROOM_PATTERN } from './auth.ts';

/*
 * Rooms on disk: <dataDir>/<room>/<instance>.ydoc, each file the full Yjs state as that server
 * instance last stored it. Loading merges every instance's file (a CRDT union), so when several
 * instances share the data dir none can shadow another's edits, and no cross-process lock is
 * needed. Writes go to a temporary file that is flushed and then renamed over the old one, so a
 * crash leaves either the old or the new state, never half of one.
 */

export const INSTANCE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface FileStoreOptions {
  dataDir: string;
  /** Stable name of this server instance (RP_COLLAB_INSTANCE); default 'main'. */
  instance?: string;
  log?: (line: string) => void;
}

export class FileStore {
  readonly dataDir: string;
  readonly instance: string;
  private readonly log: (line: string) => void;

  constructor(options: FileStoreOptions) {
    this.dataDir = options.dataDir;
    this.instance = options.instance ?? 'main';
    this.log = options.log ?? ((line) => console.warn(line));
    if (!INSTANCE_PATTERN.test(this.instance)) throw new Error(`instance name "${this.instance}" must match ${INSTANCE_PATTERN}`);
  }

  private roomDir(room: string): string {
    // Auth already refuses other names; this keeps a path outside dataDir impossible regardless.
    if (!ROOM_PATTERN.test(room)) throw new Error(`room name not storable: ${JSON.stringify(room)}`);
    return join(this.dataDir, room);
  }

  /** The merged state of a room, or null when nothing is stored. I/O errors propagate: a room that
   * cannot be read must not open empty and then be overwritten. */
  async load(room: string): Promise<Uint8Array | null> {
    const dir = this.roomDir(room);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.ydoc'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const updates: Uint8Array[] = [];
    for (const name of names.sort()) {
      const path = join(dir, name);
      const bytes = new Uint8Array(await readFile(path));
      try {
        Y.decodeUpdate(bytes);
        updates.push(bytes);
      } catch {
        // Keep the bytes for inspection but out of the way, so the next store does not trip on them.
        const aside = `${path}.corrupt-${Date.now()}`;
        await rename(path, aside);
        this.log(`[collab] ${room}: unreadable state file moved to ${aside}`);
      }
    }
    if (updates.length === 0) return null;
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

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
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}

/** The Hocuspocus extension that loads rooms from and stores them to a FileStore. */
export function filePersistence(store: FileStore): Database {
  return new Database({
    fetch: ({ documentName }) => store.load(documentName),
    store: ({ documentName, state }) => store.store(documentName, state),
  });
}
