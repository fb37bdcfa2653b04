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

/** Whether the tab that kept edits as `by` is still open. Without Web Locks: assumed gone. */
export async function keeperOpen(by: string): Promise<boolean> {
  const manager = locks();
  if (!manager) return false;
  try {
    const { held } = await manager.query();
    return (held ?? []).some((lock) => lock.name === `${PREFIX}${by}`);
  } catch {
    return false;
  }
}
