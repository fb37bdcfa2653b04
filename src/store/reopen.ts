import { openStoreDb, type OpenOptions, type StoreDb } from './open-db.ts';
import type { StoreResult } from './errors.ts';

/** Waits before each new attempt; after the last one the store stays in memory. */
export const REOPEN_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000, 60_000];

export interface Reopening {
  /** Hand this to the first, blocked, open as its `onLate`. */
  onLate(result: StoreResult<StoreDb>): void;
  /** Stops trying; a connection that opens after this is closed. */
  stop(): void;
}

/**
 * Keeps trying to open a database whose upgrade an old tab blocked. The blocked request stays
 * open and goes through when that tab lets go (`onLate`); if it fails instead, a new attempt
 * follows after a back-off (each again waiting while blocked), up to `delays.length` attempts.
 * `adopt` receives the first connection that opens.
 */
export function reopenWhenUnblocked(
  options: OpenOptions,
  adopt: (db: StoreDb) => void,
  delays: readonly number[] = REOPEN_DELAYS_MS,
): Reopening {
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const opened = (db: StoreDb): void => {
    if (stopped) {
      db.close();
      return;
    }
    stopped = true;
    adopt(db);
  };
  const late = (result: StoreResult<StoreDb>): void => {
    if (result.ok) opened(result.value);
    else retry();
  };
  const retry = (): void => {
    if (stopped || attempt >= delays.length) return;
    timer = setTimeout(() => {
      if (stopped) return;
      void openStoreDb({ ...options, onLate: late }).then((result) => {
        if (result.ok) opened(result.value);
        // Blocked again: the late outcome of this request decides.
        else if (result.error.code !== 'blocked') retry();
      });
    }, delays[attempt++]);
  };
  return {
    onLate: late,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
