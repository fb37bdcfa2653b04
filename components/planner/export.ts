import type { Plan } from '../../src/model/plan.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import type { CommentExport, CsvTable, ExportError, ExportFormat, SignoffExport } from '../../src/export/index.ts';
import type { ScenarioStore } from '../../src/store/types.ts';
import { fillMsg, ui, type MsgVars } from '../../src/i18n/index.ts';
import type { PlannerControllers } from './planner-controllers.ts';

/** What `exportScenario` makes: the plan's annex ('docx', a funder's with `funderId`), the workbook, a CSV, the monitoring CSV, the plan as JSON. */
export type ScenarioFileFormat = 'docx' | 'xlsx' | 'csv' | 'monitoring-csv' | 'json';
export const SCENARIO_FILE_FORMATS: readonly ScenarioFileFormat[] = ['docx', 'xlsx', 'csv', 'monitoring-csv', 'json'];

export interface ExportScenarioOptions {
  /** Export although the scenario has errors; every page and sheet is then marked concept/draft. */
  draft?: boolean;
  /** Language of the file (for CSV also separator and decimal sign); default the planner's locale. */
  locale?: Locale;
  /** For 'docx': that funder's annex instead of the plan's. */
  funderId?: string;
  /** For 'csv': which table (default 'allocation'). */
  table?: CsvTable;
  /** A stored scenario other than the open one. */
  scenarioId?: string;
  /** For 'xlsx' of the open scenario: an extra sheet with its comment threads. */
  comments?: boolean;
}

/** What the planner hands over: the open scenario, and the store for another one. */
export interface ExportSource {
  plan: Plan | null;
  scenarioId: string;
  scenarioName: string;
  locale: Locale;
  store: ScenarioStore | null;
  /** The open scenario's sign-off round, if one was opened. */
  signoffs?: SignoffExport | null;
  /** The open scenario's comment threads. */
  comments?: readonly CommentExport[];
}

/** The open scenario as the planner's controllers hold it. */
export const exportSource = (
  c: Pick<PlannerControllers, 'scenarios' | 'negotiation'>,
  locale: Locale,
): ExportSource => ({
  plan: c.scenarios.state?.plan ?? null,
  scenarioId: c.scenarios.scenarioId,
  scenarioName: c.scenarios.scenarioName,
  locale,
  store: c.scenarios.store,
  signoffs: c.negotiation.exportSignoffs,
  comments: c.negotiation.threads,
});

type RefusalKey = 'planner.export.noPlan' | 'planner.export.notFound' | 'planner.export.format';

/** Rejects with an ExportError, as the export functions do, so a host handles one kind of error. */
const refuse = async (code: 'invalid-plan' | 'failed', key: RefusalKey, vars?: MsgVars): Promise<never> => {
  const { ExportError } = await import('../../src/export/index.ts');
  throw new ExportError(code, fillMsg(ui[key], vars));
};

/** The plan (and name) to export: the open scenario's, or a stored one's. */
async function scenarioPlan(source: ExportSource, id: string | undefined): Promise<{ plan: Plan; name: string }> {
  if (!id || id === source.scenarioId) {
    if (!source.plan) return refuse('invalid-plan', 'planner.export.noPlan');
    return { plan: source.plan, name: source.scenarioName || source.plan.name };
  }
  const store = source.store;
  const read = store ? await store.readPlan(id) : null;
  if (!store || !read?.ok) return refuse('failed', 'planner.export.notFound', { id: id.slice(0, 80) });
  const name = (await store.list()).find((s) => s.id === id)?.name ?? read.value.name;
  return { plan: read.value, name };
}

/**
 * Makes a file of a scenario, as the export menu does: src/export's `exportScenario`, loaded with
 * `import()` when asked for (exceljs and docx come with it), so the planner stays light. Rejects
 * with the menu's `ExportError`s: `has-errors` (with the findings) unless `draft`, `invalid-plan`,
 * `unknown-funder`, `amount-too-large`, `failed`.
 */
export async function exportScenarioFile(
  source: ExportSource,
  format: ScenarioFileFormat,
  options: ExportScenarioOptions = {},
): Promise<File> {
  if (!SCENARIO_FILE_FORMATS.includes(format)) {
    return refuse('failed', 'planner.export.format', { format: String(format).slice(0, 40) });
  }
  const { plan, name } = await scenarioPlan(source, options.scenarioId);
  const exporter = await import('../../src/export/index.ts');
  const open = !options.scenarioId || options.scenarioId === source.scenarioId;
  const which: ExportFormat = format === 'docx' ? (options.funderId ? 'funder-annex-docx' : 'annex-docx') : format;
  const made = await exporter.exportScenario(which, {
    plan,
    scenarioName: name,
    locale: options.locale ?? source.locale,
    ...(options.draft !== undefined ? { draft: options.draft } : {}),
    ...(source.signoffs && open ? { signoffs: source.signoffs } : {}),
    ...(options.funderId ? { funderId: options.funderId } : {}),
    ...(options.table ? { table: options.table } : {}),
    ...(options.comments && format === 'xlsx' && open ? { comments: source.comments ?? [] } : {}),
  });
  return new File([made.blob], made.fileName, { type: made.blob.type });
}

export type { ExportError };
