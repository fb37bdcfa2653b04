import * as Y from 'yjs';
import type { YPlanState } from './plan-state.ts';
import { messages } from './messages.ts';
import type { StateProblem } from './state.ts';

/*
 * A scenario's durable history: the doc's updates, appended as they happen and merged into one
 * now and then. Yjs updates commute, so appends may land in any order and a replay of the log
 * always rebuilds the same doc. src/store implements UpdateLog over IndexedDB (IdbUpdateLog, the
 * store's ScenarioLog) and memory; the store builds the state and attaches it here.
 */

/** The one update-log type: what attachUpdateLog writes to. */
export interface UpdateLog {
  load(): Promise<Uint8Array[]>;
  append(update: Uint8Array): Promise<void>;
  /** Replaces the whole log with one update that contains it (compaction). */
  replace(merged: Uint8Array): Promise<void>;
}

export interface UpdateLogOptions {
  /** Collect updates this long before one append (an edit burst becomes one write). Default 250 ms. */
  delayMs?: number;
  /** Compact after this many appends. Default 100. */
  compactEvery?: number;
  /** Updates already loaded from this log (the state was built from them), so they are not read twice. */
  loaded?: readonly Uint8Array[];
  /**
   * The state holds exactly `loaded` (it was built from them and nothing else since), so the log
   * lacks nothing: saves reading a large log's state vector back out of its updates.
   */
  inSync?: boolean;
  /** Also store updates that arrived from another tab (only when tabs do not share this log). */
  storeTabUpdates?: boolean;
  onProblem?: (problem: StateProblem) => void;
}

export interface AttachedLog {
  /** Settles once stored updates are in the doc and the doc's own content is in the log. */
  readonly ready: Promise<void>;
  /** Writes what is pending now (call on pagehide / visibilitychange hidden); the write starts synchronously. */
  flush(): Promise<void>;
  /** Updates not yet handed to the log. */
  readonly pending: number;
  dispose(): void;
}

export function attachUpdateLog(state: YPlanState, log: UpdateLog, options: UpdateLogOptions = {}): AttachedLog {
  const delayMs = options.delayMs ?? 250;
  const compactEvery = options.compactEvery ?? 100;
  let pending: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let appended = 0;
  let disposed = false;
  let loaded = false;
  const writes = new Set<Promise<void>>();

  const report = (e: unknown) => {
    const detail = e instanceof Error ? e.name : String(e);
    const problem: StateProblem = {
      code: 'storage-failed',
      origin: 'load',
      section: 'plan',
      message: messages.storageFailed(detail),
    };
    options.onProblem?.(problem);
  };

  const track = (p: Promise<void>) => {
    writes.add(p);
    void p.finally(() => writes.delete(p));
    return p;
  };

  const write = (): Promise<void> => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (!loaded || pending.length === 0) return Promise.all(writes).then(() => undefined);
    const batch = pending;
    pending = [];
    const compact = appended + 1 >= compactEvery;
    const update = compact ? state.encodeState() : batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    let call: Promise<void>;
    try {
      call = compact ? log.replace(update) : log.append(update);
    } catch (e) {
      call = Promise.reject(e);
    }
    const done = call.then(
      () => {
        appended = compact ? 0 : appended + 1;
      },
      (e) => {
        // Nothing is lost: the batch goes back and is written with the next one.
        pending = [...batch, ...pending];
        report(e);
      },
    );
    return track(done)
      .then(() => Promise.all(writes))
      .then(() => undefined);
  };

  const schedule = () => {
    if (timer === undefined && !disposed) timer = setTimeout(() => void write(), delayMs);
  };

  const stop = state.onUpdate((update, origin) => {
    // Loaded updates are in the log already; tabs of one origin share the log, and the tab where
    // an edit was made stores it.
    if (origin === 'load' || (origin === 'tab' && !options.storeTabUpdates)) return;
    pending.push(update);
    schedule();
  });

  const ready = (async () => {
    const stored = options.loaded ?? (await log.load());
    if (!options.loaded && stored.length) {
      for (const u of stored) state.applyUpdate(u, 'load');
    }
    loaded = true;
    // Whatever the doc holds beyond the log (a fresh seed, edits made while loading) goes in now.
    if (options.inSync && options.loaded?.length) {
      await write();
      return;
    }
    const inLog = stored.length ? Y.encodeStateVectorFromUpdate(Y.mergeUpdates([...stored])) : null;
    if (!inLog || hasMore(Y.decodeStateVector(state.encodeStateVector()), Y.decodeStateVector(inLog))) {
      pending = [inLog ? state.encodeDiff(inLog) : state.encodeState()];
    }
    await write();
  })().catch((e) => {
    // The stored history could not be read: keep editing, and store everything this doc holds
    // (updates commute, so it merges with whatever the log has once it can be read again).
    report(e);
    loaded = true;
    pending = [state.encodeState()];
    schedule();
  });

  return {
    ready,
    flush: write,
    get pending() {
      return pending.length;
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      stop();
    },
  };
}

function hasMore(doc: Map<number, number>, log: Map<number, number>): boolean {
  for (const [client, clock] of doc) if (clock > (log.get(client) ?? 0)) return true;
  return false;
}
