import type * as Y from 'yjs';
import type { FindingLocation } from '../../src/model/finding.ts';
import type { CellHistoryEntry, TimelineEntry } from '../../src/negotiation/history.ts';
import type { HistoryEntry } from '../shared/events.ts';

/** The Yjs side of the history, loaded with the live state (a scenario only looked at has none). */
export const loadHistory = () =>
  Promise.all([
    import('../../src/negotiation/history.ts'),
    import('../../src/negotiation/history-users.ts'),
    import('../../src/negotiation/history-steps.ts'),
    import('../../src/negotiation/plan-at-read.ts'),
  ]).then(([history, users, steps, planAt]) => ({ ...history, ...users, ...steps, ...planAt }));
export type HistoryModule = Awaited<ReturnType<typeof loadHistory>>;

/** How many timeline entries the dialog and `history()` give. */
export const TIMELINE_ENTRIES = 30;

export const iso = (ms: number) => new Date(ms).toISOString();
const newestFirst = (a: HistoryEntry, b: HistoryEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

/** The fields of a row that differ between two of its values (all of them when it did not exist). */
function changedFields(place: FindingLocation, before: unknown, after: unknown): FindingLocation[] {
  if (typeof after !== 'object' || after === null) return [place];
  const was = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.keys({ ...was, ...now })
    .filter((k) => k !== 'id' && JSON.stringify(was[k]) !== JSON.stringify(now[k]))
    .map((field) => ({ ...place, field }));
}

/** A cell's, row's or field's values as history entries; a row's name the fields changed since the one before. */
const cellEntries = (place: FindingLocation, list: readonly CellHistoryEntry[]): HistoryEntry[] =>
  list.map((e, i) => ({
    id: e.id,
    kind: e.start ? 'start' : 'value',
    by: e.by,
    at: iso(e.at),
    what: place.field ? [place] : changedFields(place, list[i + 1]?.value, e.value),
    value: e.value,
  }));

const timelineEntry = (e: TimelineEntry): HistoryEntry => ({
  id: e.id,
  kind: e.kind,
  by: e.by,
  at: iso(e.at),
  what: e.changes,
  ...(e.name ? { name: e.name } : {}),
});

export interface ReadOptions {
  signal?: AbortSignal;
  /** The entries so far, newest first, as they come. */
  onProgress?: (entries: HistoryEntry[]) => void;
}

/**
 * The history of `place` (a cell, row or field), or without a place the scenario's timeline with
 * the store's earlier versions: read in slices that let the page run between them, newest first.
 */
export async function readHistory(
  m: HistoryModule,
  doc: Y.Doc | null,
  place: FindingLocation | null,
  storedVersions: () => Promise<HistoryEntry[]>,
  { signal, onProgress }: ReadOptions = {},
): Promise<HistoryEntry[]> {
  if (place) {
    if (!doc) return [];
    const list = await m.inSteps(m.cellHistorySteps(doc, place), {
      signal,
      onProgress: (so) => onProgress?.(cellEntries(place, so)),
    });
    return cellEntries(place, list);
  }
  const stored = await storedVersions();
  signal?.throwIfAborted();
  if (!doc) return stored.sort(newestFirst);
  const list = await m.inSteps(m.timelineSteps(doc, TIMELINE_ENTRIES), {
    signal,
    // While reading, the store's versions down to the oldest entry read so far.
    onProgress: (so) => {
      const oldest = iso(so[so.length - 1]!.at);
      onProgress?.([...so.map(timelineEntry), ...stored.filter((s) => s.at >= oldest)].sort(newestFirst));
    },
  });
  return [...list.map(timelineEntry), ...stored].sort(newestFirst);
}
