/** What the warning needs from a store (ScenarioStore has it). */
export interface UnsavedSignal {
  readonly unsaved: boolean;
  onUnsavedChange(listener: (unsaved: boolean) => void): () => void;
}

/**
 * Asks the browser to warn before the page closes while edits exist only in memory (IndexedDB
 * blocked by an old tab, unavailable, or a write that failed and waits for its retry). The
 * listener is there only while that is so: a `beforeunload` listener can keep a page out of the
 * back/forward cache. The browser shows its own text; the store's `error` says why in nl and en.
 * Returns the function that stops warning.
 */
export function warnBeforeUnloadWhileUnsaved(
  store: UnsavedSignal,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const warn = (event: BeforeUnloadEvent): void => {
    if (!store.unsaved) return;
    event.preventDefault();
    // Older Chromium and Safari need returnValue set.
    event.returnValue = '';
  };
  let listening = false;
  const follow = (unsaved: boolean): void => {
    if (unsaved === listening) return;
    listening = unsaved;
    if (unsaved) target.addEventListener('beforeunload', warn);
    else target.removeEventListener('beforeunload', warn);
  };
  const stop = store.onUnsavedChange(follow);
  follow(store.unsaved);
  return () => {
    stop();
    follow(false);
  };
}
