import type { IDBPTransaction, StoreNames } from 'idb';
import type { StoreSchema } from './schema.ts';
import type { StoreDb } from './open-db.ts';

export type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<StoreSchema, StoreNames<StoreSchema>[], Mode>;

/**
 * Runs `body` in one transaction (strict durability for writes) and resolves after commit. The body
 * must await only this transaction's requests. If it throws, the transaction is aborted, so a
 * refused or failed write changes nothing; the error is rethrown. Every request promise the body
 * leaves unawaited is covered by the commit: a failing one aborts the transaction.
 */
export async function inTx<T, Mode extends 'readonly' | 'readwrite'>(
  db: StoreDb,
  stores: StoreNames<StoreSchema>[],
  mode: Mode,
  body: (tx: Tx<Mode>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode, mode === 'readwrite' ? { durability: 'strict' } : {}) as unknown as Tx<Mode>;
  const done = tx.done;
  done.catch(() => undefined);
  try {
    const result = await body(tx);
    await done;
    return result;
  } catch (e) {
    // A transaction the browser aborted (a full disk at commit) says why in its own error; its
    // requests only say they were aborted.
    const reason = (tx as { error?: unknown }).error ?? e;
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    throw reason;
  }
}

/** Marks a request promise as handled; its failure still aborts and fails the transaction. */
export const quiet = <T>(p: Promise<T>): void => {
  p.catch(() => undefined);
};
