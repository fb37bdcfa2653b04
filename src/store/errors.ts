import type { Msg } from '../i18n/locale.ts';
import { stMsg } from '../i18n/store.ts';

/** Why a store operation did not happen. Each code has an nl/en message a host can show as is. */
export type StoreErrorCode =
  | 'unavailable'
  | 'blocked'
  | 'quota'
  | 'migration'
  | 'stale'
  | 'not-found'
  | 'snapshot-not-found'
  | 'last-scenario'
  | 'name-invalid'
  | 'other-tab'
  | 'failed';

export interface StoreError {
  code: StoreErrorCode;
  message: Msg;
  /** The underlying DOMException's name or message, for logs. */
  cause?: string;
}

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

export const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });
export const fail = <T = never>(error: StoreError): StoreResult<T> => ({ ok: false, error });

const MESSAGE_KEY = {
  unavailable: 'store.unavailable',
  blocked: 'store.blocked',
  quota: 'store.quota',
  migration: 'store.migration',
  stale: 'store.stale',
  'not-found': 'store.notFound',
  'snapshot-not-found': 'store.snapshotNotFound',
  'last-scenario': 'store.lastScenario',
  'name-invalid': 'store.nameInvalid',
  'other-tab': 'store.otherTab',
  failed: 'store.failed',
} as const;

export function storeError(code: StoreErrorCode, cause?: string): StoreError {
  const message = stMsg(MESSAGE_KEY[code], { detail: cause ?? '' });
  return cause === undefined ? { code, message } : { code, message, cause };
}

/** Thrown inside our own transactions to abort them with a known reason. */
export class StoreAbort extends Error {
  constructor(readonly error: StoreError) {
    super(error.code);
  }
}

/** Maps anything a write can throw to a StoreError; quota is recognised by name across browsers. */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreAbort) return e.error;
  const name = (e as { name?: unknown } | null)?.name;
  const text = String((e as { message?: unknown } | null)?.message ?? e);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return storeError('quota', String(name));
  if (name === 'MigrationError') return storeError('migration', text);
  if (name === 'InvalidStateError' || name === 'UnknownError') return storeError('failed', `${String(name)}: ${text}`);
  return storeError('failed', typeof name === 'string' ? `${name}: ${text}` : text);
}

export const isQuota = (e: StoreError): boolean => e.code === 'quota';
