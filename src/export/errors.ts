import { tmMsg } from '../i18n/export-menu.ts';
import type { Finding } from '../model/index.ts';
import type { Msg } from '../i18n/locale.ts';

export type ExportErrorCode =
  'has-errors' | 'invalid-plan' | 'unknown-funder' | 'no-funders' | 'no-lead' | 'amount-too-large' | 'failed';

/**
 * Why an export did not produce a file. `has-errors` carries the error findings that block it
 * (export a draft to go ahead anyway). The menu shows `message` and `findings`; the host page never
 * sees a raw exception from an export.
 */
export class ExportError extends Error {
  readonly code: ExportErrorCode;
  readonly messages: Msg;
  readonly findings: readonly Finding[];

  constructor(code: ExportErrorCode, messages: Msg, findings: readonly Finding[] = []) {
    super(messages.en);
    this.name = 'ExportError';
    this.code = code;
    this.messages = messages;
    this.findings = findings;
  }
}

export const isExportError = (e: unknown): e is ExportError => e instanceof ExportError;

/** Any failure as an ExportError: an export never throws anything else at the host page. */
export function asExportError(e: unknown): ExportError {
  if (isExportError(e)) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new ExportError('failed', tmMsg('error.failed', { detail }));
}
