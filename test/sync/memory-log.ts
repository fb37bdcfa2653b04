import type { UpdateLog } from '../../src/sync/update-log.ts';

/** An UpdateLog in memory that counts its writes and can be made to fail. */
export class MemoryUpdateLog implements UpdateLog {
  records: Uint8Array[] = [];
  appends = 0;
  replaces = 0;
  /** Set to make the next writes fail (simulates a full disk). */
  failWrites = false;
  /** Set to make load fail (simulates an unreadable store). */
  failLoad = false;

  constructor(initial: readonly Uint8Array[] = []) {
    this.records = [...initial];
  }

  async load(): Promise<Uint8Array[]> {
    if (this.failLoad) throw new DOMException('unreadable', 'UnknownError');
    return [...this.records];
  }

  async append(update: Uint8Array): Promise<void> {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.appends++;
    this.records.push(update);
  }

  async replace(merged: Uint8Array): Promise<void> {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.replaces++;
    this.records = [merged];
  }
}
