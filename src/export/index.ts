import type { Locale } from '../i18n/locale.ts';
import type { Plan } from '../model/index.ts';
import type { AnnexDoc } from './annex.ts';
import { asExportError, type ExportError } from './errors.ts';
import type { SignoffExport } from './signoffs-section.ts';
import type { CommentExport } from './comments-table.ts';

export { ExportError, isExportError, asExportError } from './errors.ts';
export type { ExportErrorCode } from './errors.ts';
export { neutralise } from './neutralise.ts';
export { canonicalJson, planFingerprint } from './fingerprint.ts';
export type { AnnexDoc, Block } from './annex.ts';
export type { ExportContext } from './context.ts';
export type { CommentExport } from './comments-table.ts';
export type { SignoffExport } from './signoffs-section.ts';

/*
 * The one entry point for every export: the menu, a host page and the Node office check call it.
 * Only the types and these small wrappers load with the elements; the exporters (./run.ts), and
 * exceljs and docx inside them, are imported on the first export.
 */

export type ExportFormat =
  'annex-docx' | 'funder-annex-docx' | 'lead-annex-docx' | 'xlsx' | 'csv' | 'monitoring-csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  'annex-docx',
  'funder-annex-docx',
  'lead-annex-docx',
  'xlsx',
  'csv',
  'monitoring-csv',
  'json',
];

/** Which table a plain CSV holds. */
export type CsvTable = 'allocation' | 'schedule' | 'payments' | 'monitoring';
export const CSV_TABLES: readonly CsvTable[] = ['allocation', 'schedule', 'payments', 'monitoring'];

export interface ExportOptions {
  plan: Plan;
  /** Shown in the file and its name; default "Scenario". */
  scenarioName?: string;
  /** Language of the file; for CSV also the separator and decimal sign. Default nl. */
  locale?: Locale;
  /** Export although the scenario has errors; every page and sheet is then marked concept/draft. */
  draft?: boolean;
  /** For 'funder-annex-docx': the funder whose annex this is. */
  funderId?: string;
  /** For 'csv': which table. Default 'allocation'. */
  table?: CsvTable;
  /** The export date printed in the file and its name; default now. */
  date?: Date;
  /**
   * The scenario's sign-offs: the annex states them, and a scenario put up for sign-off that not
   * every party signed on this exact version exports as concept unless `draft` is `false`.
   */
  signoffs?: SignoffExport;
  /**
   * For 'xlsx': the scenario's comment threads (the planner's `comments`), written to an extra
   * "Opmerkingen"/"Comments" sheet: what each is about, its status, each message with author and time.
   */
  comments?: readonly CommentExport[];
}

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

export type ExportOutcome = { ok: true; file: ExportFile } | { ok: false; error: ExportError };

const run = () => import('./run.ts');

/**
 * Exports the scenario as a file. Throws an `ExportError` (never anything else): `has-errors` with
 * the blocking findings unless `draft` is set, `invalid-plan`, `unknown-funder`, `amount-too-large`.
 */
export async function exportScenario(format: ExportFormat, options: ExportOptions): Promise<ExportFile> {
  try {
    return await (await run()).exportScenario(format, options);
  } catch (e) {
    throw asExportError(e);
  }
}

/** One annex per funder, each a separate file; the engine runs once for all of them. */
export async function exportAllFunderAnnexes(options: Omit<ExportOptions, 'funderId'>): Promise<ExportFile[]> {
  try {
    return await (await run()).exportAllFunderAnnexes(options);
  } catch (e) {
    throw asExportError(e);
  }
}

/** Every funder's annex in one zip file (one .docx per funder); the engine runs once for all of them. */
export async function exportFunderAnnexesZip(options: Omit<ExportOptions, 'funderId'>): Promise<ExportFile> {
  try {
    return await (await run()).exportFunderAnnexesZip(options);
  } catch (e) {
    throw asExportError(e);
  }
}

/** Every funder's annex as content, for printing them together, with their shared running footer. */
export async function buildFunderAnnexes(
  options: Omit<ExportOptions, 'funderId'>,
): Promise<{ annexes: AnnexDoc[]; footer: string }> {
  try {
    return await (await run()).buildFunderAnnexes(options);
  } catch (e) {
    throw asExportError(e);
  }
}

/**
 * The annex as content, for the printable view: the same refusal rules as the .docx. With
 * `funderId` the funder's own annex; `kind: 'lead'` the main contractor's or cashier's; otherwise
 * the whole plan's.
 */
export async function buildAnnex(
  options: ExportOptions,
  kind: 'plan' | 'funder' | 'lead' = options.funderId ? 'funder' : 'plan',
): Promise<AnnexDoc> {
  try {
    return await (await run()).buildAnnex(options, kind);
  } catch (e) {
    throw asExportError(e);
  }
}

/** Like `exportScenario`, as a result instead of an exception: what the menu uses. */
export async function tryExportScenario(format: ExportFormat, options: ExportOptions): Promise<ExportOutcome> {
  try {
    return { ok: true, file: await exportScenario(format, options) };
  } catch (e) {
    return { ok: false, error: asExportError(e) };
  }
}
