import type { LiveDeps } from './types.ts';

/*
 * The store's Yjs side (live.ts, with src/sync's live state, update log and tab relay), loaded
 * the first time a scenario needs it: when one is edited, or opened with a log to replay. A
 * scenario that is only looked at is read from its seed plan and never needs it.
 */

let loading: Promise<LiveDeps> | null = null;

export function loadYjsLive(): Promise<LiveDeps> {
  loading ??= import('./live.ts').then(
    (m) => m.yjsLive,
    (e: unknown) => {
      // A failed chunk load (network) is tried again next time.
      loading = null;
      throw e;
    },
  );
  return loading;
}
