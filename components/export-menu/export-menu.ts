import { customElement, property, state } from 'lit/decorators.js';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding } from '../../src/model/finding.ts';
import { createValidator } from '../../src/engine/validate.ts';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import {
  ExportError,
  buildAnnex,
  buildFunderAnnexes,
  exportFunderAnnexesZip,
  exportScenario,
  isExportError,
  type CsvTable,
  type ExportFile,
  type ExportFormat,
  type CommentExport,
  type SignoffExport,
} from '../../src/export/index.ts';
import { tokens } from '../shared/tokens.ts';
import { emit } from '../shared/events.ts';
import { LazyViewController, LazyViewElement, lazyViewStyles, once } from '../shared/lazy-view.ts';

/** The menu's rendering code (templates, styles, the checks before export): loaded when the first menu is connected. */
const exportMenuView = once(() => import('./export-menu.templates.ts'));

export interface RpExportDetail {
  format: ExportFormat;
  fileName: string;
  blob: Blob;
}
export interface RpExportErrorDetail {
  error: ExportError;
}

/** Funder choice meaning "one annex per funder, together in one zip file". */
const ALL_FUNDERS = '';

/**
 * Export menu for a scenario: choose a format (contract annex, annex per funder, workbook, CSV,
 * NZa monitoring CSV, JSON), a funder or table where that applies, and whether to export a draft.
 * It computes nothing itself: every file comes from `src/export`. While the scenario has errors the
 * export is refused and the blocking findings are listed, unless "draft" is ticked.
 *
 * @event rp-export - A file was produced and handed to the browser to download; `detail` is
 *   `{ format, fileName, blob }`. Bubbles, composed.
 * @event rp-focus-finding - "Go to the field" of an agreement or a listed finding; `detail` is the
 *   `Finding`. Bubbles, composed (the planner moves focus to the field).
 * @event rp-export-error - The export was refused or failed; `detail.error` is an `ExportError`
 *   (code, messages, findings). Bubbles, composed.
 *
 * @cssprop --rp-color-accent - Buttons and focus ring.
 * @cssprop --rp-color-accent-contrast - Text of the download button.
 * @cssprop --rp-color-bg - Background of the other buttons and the selects.
 * @cssprop --rp-color-border - Borders of the selects.
 * @cssprop --rp-color-text-muted - The progress and done line.
 * @cssprop --rp-color-error - The refusal box (with --rp-color-error-bg).
 *
 * @csspart refusal - The box listing why an export was refused.
 *
 * @slot actions - The host's own buttons after Download and Print (e.g. "send to the funders"); empty by default.
 */
@customElement('rp-export-menu')
export class RpExportMenu extends LazyViewElement {
  static override styles = [tokens, lazyViewStyles];

  /** The scenario's plan to export; null shows a short notice. */
  @property({ attribute: false }) plan: Plan | null = null;
  /** The scenario's name: printed in the files and part of their names. */
  @property({ attribute: 'scenario-name' }) scenarioName = '';
  /**
   * The scenario's findings (the planner passes its own). When not given, the menu validates the
   * plan itself, so it lists the same findings standing alone.
   */
  @property({ attribute: false }) findings: readonly Finding[] | null = null;
  /** Language of the menu and of the files ('nl' or 'en'). */
  @property({ reflect: true, converter: { fromAttribute: (v: string | null) => asLocale(v) } }) locale: Locale =
    DEFAULT_LOCALE;

  @state() private format: ExportFormat = 'annex-docx';
  @state() private funderId = ALL_FUNDERS;
  @state() private table: CsvTable = 'allocation';
  /**
   * The scenario's sign-off round (the planner passes it), with `complete` when every party signed
   * this version: the annex states the sign-offs, and an incomplete round exports as concept unless
   * the user ticks "export as final anyway".
   */
  @property({ attribute: false }) signoffs: (SignoffExport & { complete: boolean }) | null = null;

  /**
   * The scenario's comment threads (the planner passes them): the workbook then offers an extra
   * comments sheet. Null: no comments to offer.
   */
  @property({ attribute: false }) comments: readonly CommentExport[] | null = null;

  @state() private withComments = false;
  @state() private draft = false;
  @state() private final = false;
  @state() private busy = false;
  @state() private error: ExportError | null = null;
  @state() private done: string[] = [];

  private validator: ((plan: Plan) => Finding[]) | null = null;

  /** The findings listed before export: the given ones, else the plan's own. */
  private currentFindings(plan: Plan): readonly Finding[] {
    if (this.findings) return this.findings;
    this.validator ??= createValidator();
    return this.validator(plan);
  }

  private get l(): Locale {
    return asLocale(this.locale);
  }
  private readonly view = new LazyViewController(this, exportMenuView);

  override render() {
    return this.view.render((view) =>
      view.renderExportMenu({
        plan: this.plan,
        l: this.l,
        comments: this.comments,
        signoffs: this.signoffs,
        busy: this.busy,
        done: this.done,
        format: this.format,
        funderId: this.funderId,
        table: this.table,
        withComments: this.withComments,
        draft: this.draft,
        final: this.final,
        error: this.error,
        findings: (plan) => this.currentFindings(plan),
        set: (choices) => Object.assign(this, choices),
        download: () => void this.download(),
        print: () => void this.print(),
        focusFinding: (f) => emit(this, 'rp-focus-finding', f),
      }),
    );
  }

  private options() {
    const base = {
      plan: this.plan!,
      scenarioName: this.scenarioName,
      locale: this.l,
      draft: this.draft,
      table: this.table,
      ...(this.format === 'xlsx' && this.withComments && this.comments ? { comments: this.comments } : {}),
    };
    // With sign-offs, an unticked draft box leaves the concept mark to them (draft undefined), unless "final" is ticked.
    const s = this.signoffs;
    return s ? { ...base, signoffs: s, draft: this.draft ? true : this.final ? false : undefined } : base;
  }

  /** Runs one export with the progress indicator; every failure becomes the visible refusal box. */
  private async run<T>(job: () => Promise<T>): Promise<T | null> {
    if (!this.plan || this.busy) return null;
    this.busy = true;
    this.error = null;
    this.done = [];
    try {
      return await job();
    } catch (e) {
      const error = isExportError(e) ? e : new ExportError('failed', { nl: String(e), en: String(e) });
      this.error = error;
      emit(this, 'rp-export-error', { error });
      return null;
    } finally {
      this.busy = false;
    }
  }

  private async download(): Promise<void> {
    const format = this.format;
    const files = await this.run(async (): Promise<ExportFile[]> => {
      const options = this.options();
      if (format === 'funder-annex-docx' && this.funderId === ALL_FUNDERS)
        return [await exportFunderAnnexesZip(options)];
      return [await exportScenario(format, { ...options, funderId: this.funderId || undefined })];
    });
    if (!files) return;
    for (const file of files) {
      this.save(file);
      emit(this, 'rp-export', { format, fileName: file.fileName, blob: file.blob });
    }
    this.done = files.map((f) => f.fileName);
  }

  /** Hands the file to the browser's download through an object URL; nothing leaves the machine. */
  private save(file: ExportFile): void {
    const url = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    // Revoked later: the download reads the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /**
   * Prints the annex from a separate document, so the host page around the planner never ends up
   * in the PDF. Returns the frame (tests read it); null when refused.
   */
  async print(): Promise<HTMLIFrameElement | null> {
    const all = this.format === 'funder-annex-docx' && this.funderId === ALL_FUNDERS;
    const funderId = this.format === 'funder-annex-docx' && !all ? this.funderId : undefined;
    const kind = this.format === 'lead-annex-docx' ? 'lead' : funderId ? 'funder' : 'plan';
    // Every funder's annex in one print, each from a new page.
    const printed = await this.run(async () =>
      all
        ? await buildFunderAnnexes(this.options())
        : { annexes: [await buildAnnex({ ...this.options(), funderId }, kind)], footer: undefined },
    );
    if (!printed) return null;
    const annex = printed.annexes[0]!;
    this.renderRoot.querySelector('iframe.print')?.remove();
    const frame = document.createElement('iframe');
    frame.className = 'print';
    frame.title = annex.title;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    this.renderRoot.append(frame);
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    if (!doc || !win) return null;
    // The print view's renderer and the documents' strings load with the exporters, not the element.
    const { renderPrintableAnnex } = await import('./printable-annex.ts');
    renderPrintableAnnex(printed.annexes, doc, printed.footer);
    win.focus();
    win.print();
    return frame;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-export-menu': RpExportMenu;
  }
}
