import { tx, txMsg } from '../i18n/export.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.ts';
import { Plan } from '../model/index.ts';
import { funderAnnex, leadAnnex, planAnnex, type AnnexDoc } from './annex.ts';
import { buildContext, type ExportContext } from './context.ts';
import { tableToCsv } from './csv.ts';
import { ExportError, asExportError } from './errors.ts';
import { exportFileName } from './file-name.ts';
import { monitoringTable } from './monitoring.ts';
import type { Table } from './table.ts';
import { allocationLongTable, scheduleTable } from './tables.ts';
import { paymentsLongTable } from './payment-tables.ts';
import { signoffsMakeConcept } from './signoffs-section.ts';
import type { ExportFile, ExportFormat, ExportOptions } from './index.ts';

/*
 * How every export is made: check the plan, run the engine once, refuse a plan with errors unless
 * it is a draft, then render. Loaded with import() by src/export/index.ts on the first export, so
 * the annex, table and monitoring code is not part of the elements' first load.
 */

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  zip: 'application/zip',
} as const;

const KIND: Record<Locale, Record<string, string>> = {
  nl: {
    lead: 'bijlage-hoofdaannemer',
    'lead-cashier': 'bijlage-kassier',
    payments: 'betalingen',
    annex: 'bijlage',
    funderAnnexes: 'bijlagen-financiers',
    workbook: 'werkmap',
    allocation: 'toedeling',
    schedule: 'betaalschema',
    monitoring: 'monitoring',
    plan: 'plan',
    draft: 'concept',
  },
  en: {
    lead: 'annex-main-contractor',
    'lead-cashier': 'annex-cashier',
    payments: 'payments',
    annex: 'annex',
    funderAnnexes: 'funder-annexes',
    workbook: 'workbook',
    allocation: 'allocation',
    schedule: 'schedule',
    monitoring: 'monitoring',
    plan: 'plan',
    draft: 'draft',
  },
};

function checkPlan(plan: unknown): Plan {
  const parsed = Plan.safeParse(plan);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const detail = issue ? `${issue.path.join('.') || '(plan)'}: ${issue.message}` : 'unknown';
  throw new ExportError('invalid-plan', txMsg('error.invalid-plan', { detail }));
}

async function prepare(format: ExportFormat, options: ExportOptions): Promise<ExportContext> {
  const plan = checkPlan(options.plan);
  const locale = options.locale ?? DEFAULT_LOCALE;
  const draft = options.draft ?? false;
  const ctx = await buildContext(plan, {
    locale,
    draft,
    scenarioName: options.scenarioName?.trim() || tx('scenario', locale),
    date: options.date ?? new Date(),
    ...(options.signoffs ? { signoffs: options.signoffs } : {}),
    ...(options.comments ? { comments: options.comments } : {}),
  });
  // The JSON is the plan itself (a backup or hand-over), not a document anyone signs.
  const errors = ctx.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !draft && format !== 'json') {
    throw new ExportError('has-errors', txMsg('error.has-errors', { count: errors.length }), errors);
  }
  // Missing or outdated sign-offs make a concept, unless the user said otherwise (draft: false).
  if (options.draft === undefined && signoffsMakeConcept(ctx, options.signoffs)) ctx.draft = true;
  return ctx;
}

function name(ctx: ExportContext, kind: string, ext: string): string {
  const k = KIND[ctx.locale];
  const full = ctx.draft ? `${k[kind] ?? kind}-${k.draft}` : (k[kind] ?? kind);
  return exportFileName({ plan: ctx.plan.name, scenario: ctx.scenarioName, kind: full, date: ctx.date, ext });
}

const file = (bytes: Uint8Array | string, mime: string, fileName: string): ExportFile => ({
  blob: new Blob([bytes as BlobPart], { type: mime }),
  fileName,
});

async function render(format: ExportFormat, ctx: ExportContext, options: ExportOptions): Promise<ExportFile> {
  switch (format) {
    case 'annex-docx': {
      const { buildDocx } = await import('./docx.ts');
      return file(await buildDocx(planAnnex(ctx)), MIME.docx, name(ctx, 'annex', 'docx'));
    }
    case 'funder-annex-docx': {
      const funderId = options.funderId ?? '';
      const funder = ctx.plan.funders.find((f) => f.id === funderId);
      if (!funder) throw new ExportError('unknown-funder', txMsg('error.unknown-funder', { id: funderId }));
      const { buildDocx } = await import('./docx.ts');
      // One municipality often funds two domains under one name: the domain keeps the files apart.
      const twin = ctx.plan.funders.some((f) => f.id !== funder.id && f.name === funder.name);
      const label = twin ? `${funder.name} ${ctx.names.domain(funder.domainId)}` : funder.name;
      const fileName = name(ctx, `${KIND[ctx.locale].annex}-${label}`, 'docx');
      return file(await buildDocx(funderAnnex(ctx, funder.id)), MIME.docx, fileName);
    }
    case 'lead-annex-docx': {
      const doc = leadAnnex(ctx);
      const { buildDocx } = await import('./docx.ts');
      return file(
        await buildDocx(doc),
        MIME.docx,
        name(ctx, ctx.plan.executionModel === 'cashier' ? 'lead-cashier' : 'lead', 'docx'),
      );
    }
    case 'xlsx': {
      const { buildWorkbook } = await import('./xlsx.ts');
      return file(await buildWorkbook(ctx), MIME.xlsx, name(ctx, 'workbook', 'xlsx'));
    }
    case 'csv': {
      const which = options.table ?? 'allocation';
      const table: Table =
        which === 'schedule'
          ? scheduleTable(ctx)
          : which === 'payments'
            ? paymentsLongTable(ctx)
            : which === 'monitoring'
              ? monitoringTable(ctx)
              : allocationLongTable(ctx);
      return file(tableToCsv(table, ctx.locale, ctx.draft), MIME.csv, name(ctx, which, 'csv'));
    }
    case 'monitoring-csv':
      return file(tableToCsv(monitoringTable(ctx), ctx.locale, ctx.draft), MIME.csv, name(ctx, 'monitoring', 'csv'));
    case 'json':
      return file(`${JSON.stringify(ctx.plan, null, 2)}\n`, MIME.json, name(ctx, 'plan', 'json'));
  }
}

/**
 * Exports the scenario as a file. Throws an `ExportError` (never anything else): `has-errors` with
 * the blocking findings unless `draft` is set, `invalid-plan`, `unknown-funder`, `amount-too-large`.
 */
export async function exportScenario(format: ExportFormat, options: ExportOptions): Promise<ExportFile> {
  try {
    const ctx = await prepare(format, options);
    return await render(format, ctx, options);
  } catch (e) {
    throw asExportError(e);
  }
}

/** One annex per funder, each a separate file; the engine runs once for all of them. */
export async function exportAllFunderAnnexes(options: Omit<ExportOptions, 'funderId'>): Promise<ExportFile[]> {
  try {
    const ctx = await prepare('funder-annex-docx', options);
    if (ctx.plan.funders.length === 0) throw new ExportError('no-funders', txMsg('error.no-funders'));
    const out: ExportFile[] = [];
    for (const f of ctx.plan.funders) out.push(await render('funder-annex-docx', ctx, { ...options, funderId: f.id }));
    return out;
  } catch (e) {
    throw asExportError(e);
  }
}

/**
 * Every funder's annex in one zip file, one .docx per funder (names kept apart), so a contract
 * manager downloads one file instead of a browser asking about many. fflate is loaded here, with
 * the exporters, never on the elements' first load.
 */
export async function exportFunderAnnexesZip(options: Omit<ExportOptions, 'funderId'>): Promise<ExportFile> {
  try {
    const ctx = await prepare('funder-annex-docx', options);
    if (ctx.plan.funders.length === 0) throw new ExportError('no-funders', txMsg('error.no-funders'));
    const entries: Record<string, Uint8Array> = {};
    for (const f of ctx.plan.funders) {
      const one = await render('funder-annex-docx', ctx, { ...options, funderId: f.id });
      entries[uniqueName(entries, one.fileName)] = new Uint8Array(await one.blob.arrayBuffer());
    }
    const { zip } = await import('fflate');
    // .docx is already deflated: storing it again (level 0) is as small and much faster.
    const bytes = await new Promise<Uint8Array>((resolve, reject) =>
      zip(entries, { level: 0 }, (err, data) => (err ? reject(err) : resolve(data))),
    );
    return file(bytes, MIME.zip, name(ctx, 'funderAnnexes', 'zip'));
  } catch (e) {
    throw asExportError(e);
  }
}

/**
 * Every funder's annex as content, for printing them together (each on its own pages), with the
 * running footer they share; the same refusal rules as the .docx.
 */
export async function buildFunderAnnexes(
  options: Omit<ExportOptions, 'funderId'>,
): Promise<{ annexes: AnnexDoc[]; footer: string }> {
  try {
    const ctx = await prepare('funder-annex-docx', options);
    if (ctx.plan.funders.length === 0) throw new ExportError('no-funders', txMsg('error.no-funders'));
    return {
      annexes: ctx.plan.funders.map((f) => funderAnnex(ctx, f.id)),
      footer: `${ctx.plan.name} · ${ctx.scenarioName} · SHA-256 ${ctx.fingerprint.slice(0, 16)}…`,
    };
  } catch (e) {
    throw asExportError(e);
  }
}

/** "x.docx", else "x-2.docx", "x-3.docx": two funders with the same name never overwrite each other. */
function uniqueName(taken: Record<string, unknown>, fileName: string): string {
  if (!(fileName in taken)) return fileName;
  const dot = fileName.lastIndexOf('.');
  for (let n = 2; ; n++) {
    const candidate = `${fileName.slice(0, dot)}-${n}${fileName.slice(dot)}`;
    if (!(candidate in taken)) return candidate;
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
    const format: ExportFormat =
      kind === 'funder' ? 'funder-annex-docx' : kind === 'lead' ? 'lead-annex-docx' : 'annex-docx';
    const ctx = await prepare(format, options);
    if (kind === 'lead') return leadAnnex(ctx);
    return kind === 'funder' ? funderAnnex(ctx, options.funderId ?? '') : planAnnex(ctx);
  } catch (e) {
    throw asExportError(e);
  }
}
