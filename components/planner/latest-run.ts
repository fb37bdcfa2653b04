/**
 * The stale-run rule of lit's `Task`, for work that is not one task per set of arguments (the
 * scenario controller's store sessions and switches): each run gets an AbortSignal, starting the
 * next run aborts the one before, and a run checks its signal after every await, dropping its
 * results once it is stale. Hand-written run counters did the same, less visibly.
 */
export class LatestRun {
  private current: AbortController | null = null;

  /** Starts a run: the previous one is aborted. */
  start(): AbortSignal {
    this.current?.abort();
    this.current = new AbortController();
    return this.current.signal;
  }

  /** Aborts the current run without starting another. */
  stop(): void {
    this.current?.abort();
    this.current = null;
  }
}
