/**
 * The rows that differ between two snapshots of one collection, by object identity: the changed
 * stretch between the unchanged start and the unchanged end. A one-cell edit, an insert or a removal
 * gives a stretch of one row; comparing references is all it costs, so a 5,000-row collection is
 * diffed in microseconds.
 */
export interface RowDiff<T> {
  /** First index that differs (same in both). */
  from: number;
  /** Rows of the old snapshot from `from` that are gone or replaced. */
  removed: readonly T[];
  /** Rows of the new snapshot from `from` that are new or replacements. */
  added: readonly T[];
}

export function diffRows<T>(prev: readonly T[], next: readonly T[]): RowDiff<T> {
  let from = 0;
  const shortest = Math.min(prev.length, next.length);
  while (from < shortest && prev[from] === next[from]) from++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > from && endNext > from && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  return { from, removed: prev.slice(from, endPrev), added: next.slice(from, endNext) };
}

/** How often each key occurs among the rows, kept up to date from row diffs. */
export class KeyCounts<T> {
  private readonly counts = new Map<string, number>();
  /** Keys that occur more than once right now. */
  readonly repeated = new Set<string>();
  private rows: readonly T[] = [];

  constructor(private readonly keys: (row: T) => readonly string[]) {}

  sync(next: readonly T[]): void {
    if (next === this.rows) return;
    const { removed, added } = diffRows(this.rows, next);
    for (const r of removed) for (const k of this.keys(r)) this.bump(k, -1);
    for (const r of added) for (const k of this.keys(r)) this.bump(k, 1);
    this.rows = next;
  }

  private bump(key: string, by: number): void {
    const n = (this.counts.get(key) ?? 0) + by;
    if (n <= 0) this.counts.delete(key);
    else this.counts.set(key, n);
    if (n > 1) this.repeated.add(key);
    else this.repeated.delete(key);
  }
}
