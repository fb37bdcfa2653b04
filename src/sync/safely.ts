/**
 * Runs a listener so that its failure stops neither the other listeners nor the code that
 * notifies them (for a live state: Yjs' transaction cleanup); the error still surfaces, a moment later.
 */
export function safely(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    queueMicrotask(() => {
      throw e;
    });
  }
}
