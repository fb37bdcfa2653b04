/*
 * Edits kept beside a scenario's log (ScenarioRecord.kept) are written to the log by the tab that
 * kept them, once its live state is built. Another tab applies them itself only when that tab is
 * gone (closed or crashed before it wrote them): applying them beside a tab that is still open
 * would write its older edits again, concurrently with its newer ones. A Web Lock held by the
 * keeping tab tells: the browser lets go of it when the tab goes.
 */

const PREFIX = 'regioplan-kept:';

const locks = (): LockManager | null => (typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null);

/** Holds the lock for `by` until the returned release is called (or the tab goes). */
export async function holdKeeperLock(by: string): Promise<() => void> {
  const manager = locks();
  if (!manager) return () => {};
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  await new Promise<void>((granted) => {
    manager
      .request(`${PREFIX}${by}`, () => {
        granted();
        return released;
      })
      .catch(() => granted());
  });
  return release;
}

/**
 * Takes the lock of a keeper that is gone, unless some tab holds it (the keeper, or another tab
 * that took it first to apply the kept edits): null when held. Without Web Locks: taken.
 */
export async function claimKeeperLock(by: string): Promise<(() => void) | null> {
  const manager = locks();
  if (!manager) return () => {};
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  return new Promise((answer) => {
    manager
      .request(`${PREFIX}${by}`, { ifAvailable: true }, (lock) => {
        answer(lock ? release : null);
        return lock ? released : undefined;
      })
      .catch(() => answer(null));
  });
}

/**
 * Waits for the lock of a keeper: granted when that tab has written its kept edits into the log
 * and let go, or is gone. `onSlow` is called once when that takes longer than `slowMs`.
 * Without Web Locks: taken at once.
 */
export async function awaitKeeperLock(by: string, onSlow?: () => void, slowMs = 0): Promise<() => void> {
  const manager = locks();
  if (!manager) return () => {};
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let granted = false;
  const slow = onSlow
    ? setTimeout(() => {
        if (!granted) onSlow();
      }, slowMs)
    : undefined;
  await new Promise<void>((answer) => {
    manager
      .request(`${PREFIX}${by}`, () => {
        answer();
        return released;
      })
      .catch(() => answer());
  });
  granted = true;
  clearTimeout(slow);
  return release;
}
