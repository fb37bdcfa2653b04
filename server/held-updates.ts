import type { WriterIdentity } from './history-check.ts';
import type { CheckVerdict } from './room-check.ts';

/*
 * Updates a room holds back because they wait for content not there yet (pending.ts), per sender
 * (a socket's guard), in the order it sent them. Nothing of them is applied anywhere until they are
 * complete: then they are checked as one update, against their sender's identity, and released in
 * order — or refused together.
 */

interface Entry {
  update: Uint8Array;
  resolve: (v: CheckVerdict) => void;
}

export interface Waiting {
  owner: object;
  who: WriterIdentity | null;
  /** Every held update of this sender, merged. */
  merged: Uint8Array;
  /** What the merged update waits for (pending.ts waitsFor). */
  awaits: Map<number, number>;
  bytes: number;
  entries: Entry[];
  timer: ReturnType<typeof setTimeout>;
}

export class HeldUpdates {
  private readonly byOwner = new Map<object, Waiting>();

  constructor(
    private readonly holdMs: number,
    private readonly onExpire: (owner: object) => void,
  ) {}

  get count(): number {
    return this.byOwner.size;
  }

  of(owner: object): Waiting | undefined {
    return this.byOwner.get(owner);
  }

  all(): Waiting[] {
    return [...this.byOwner.values()];
  }

  /** Holds `update` (merged with the sender's earlier held ones into `merged`); its verdict comes later. */
  hold(
    owner: object,
    who: WriterIdentity | null,
    update: Uint8Array,
    merged: Uint8Array,
    awaits: Map<number, number>,
  ): Promise<CheckVerdict> {
    let w = this.byOwner.get(owner);
    if (!w) {
      const timer = setTimeout(() => this.onExpire(owner), this.holdMs);
      timer.unref?.();
      w = { owner, who, merged, awaits, bytes: 0, entries: [], timer };
      this.byOwner.set(owner, w);
    }
    w.merged = merged;
    w.awaits = awaits;
    w.bytes += update.byteLength;
    const entries = w.entries;
    return new Promise<CheckVerdict>((resolve) => entries.push({ update, resolve }));
  }

  /**
   * Ends a sender's wait with one verdict for all its held updates. Accepted ones are released
   * after the update that completed them has been applied, in the order they came.
   */
  settle(owner: object, verdict: CheckVerdict): void {
    const w = this.byOwner.get(owner);
    if (!w) return;
    this.byOwner.delete(owner);
    clearTimeout(w.timer);
    for (const e of w.entries) {
      if (verdict.ok) setTimeout(() => e.resolve(verdict), 0);
      else e.resolve(verdict);
    }
  }

  clear(): void {
    for (const w of this.byOwner.values()) clearTimeout(w.timer);
    this.byOwner.clear();
  }
}
