import type { StoreEvent } from './types.ts';

/**
 * The store's listeners: its events, and whether edits exist only in memory. A listener's bug
 * is rethrown apart (so the page sees it) and never stops the store's saving.
 */
export class StoreSignals {
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly unsavedListeners = new Set<(unsaved: boolean) => void>();
  private lastUnsaved = false;

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: StoreEvent): void {
    for (const listener of [...this.listeners]) call(() => listener(event));
  }

  /** Calls `listener` now when `current()` is true, then on every change. */
  onUnsaved(listener: (unsaved: boolean) => void, current: () => boolean): () => void {
    this.unsavedListeners.add(listener);
    if (current()) call(() => listener(true));
    return () => this.unsavedListeners.delete(listener);
  }

  unsavedMayHaveChanged(unsaved: boolean): void {
    if (unsaved === this.lastUnsaved) return;
    this.lastUnsaved = unsaved;
    for (const listener of [...this.unsavedListeners]) call(() => listener(unsaved));
  }

  clear(): void {
    this.listeners.clear();
    this.unsavedListeners.clear();
  }
}

function call(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    queueMicrotask(() => {
      throw e;
    });
  }
}
