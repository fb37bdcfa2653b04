import { yieldToPage } from '../sync/yield.ts';

/*
 * Reading the history without blocking the page: the steps of a reader (history.ts'
 * cellHistorySteps, timelineSteps) run for a short slice at a time, and the page gets its turn
 * between slices (scheduler.yield where there is one, as the plan's state does when it loads).
 */

export interface StepOptions<T> {
  /** Stops reading (a newer request took over): the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How long one slice may run before the page gets its turn. */
  sliceMs?: number;
  /** Lets the page run; by default scheduler.yield, else a message-channel task. */
  pause?: () => Promise<void>;
  /** Called after a slice that gave something new, with everything so far. */
  onProgress?: (so: readonly T[]) => void;
}

/** How long one slice of reading may take: well under the 50 ms that makes a page feel stuck. */
export const SLICE_MS = 12;

/**
 * Runs `steps` in slices of `sliceMs`, yielding to the page between slices; a step that gives
 * undefined did work without a result. Resolves with every result, in the order given.
 */
export async function inSteps<T>(steps: Iterator<T | undefined, void>, options: StepOptions<T> = {}): Promise<T[]> {
  const { signal, sliceMs = SLICE_MS, pause = yieldToPage, onProgress } = options;
  const out: T[] = [];
  for (;;) {
    signal?.throwIfAborted();
    const start = performance.now();
    const before = out.length;
    let done = false;
    while (!done && performance.now() - start < sliceMs) {
      const step = steps.next();
      if (step.done) done = true;
      else if (step.value !== undefined) out.push(step.value);
    }
    if (out.length > before) onProgress?.(out);
    if (done) return out;
    await pause();
  }
}
