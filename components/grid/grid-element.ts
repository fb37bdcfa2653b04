import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Plan } from '../../src/model/plan.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Finding, FindingLocation } from '../../src/model/finding.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import { asLocale, type Locale, type Msg } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import { createHot, textRenderer, type HotInstance } from './handsontable.ts';
import { buildMarks, markSeverity, sameMarks, type CellRef, type MarkMap } from './marks.ts';
import { gridStyles, handsontableCoreStyles } from './grid.styles.ts';

/** One column of a grid, identified by a stable key (e.g. `d:zvw`, `s:zvw:zvw-ha`, `name`). */
export interface GridColumn {
  key: string;
  /** Visible header and the column part of each cell's accessible name. */
  header: string;
  width: number;
  readOnly?: boolean;
  numeric?: boolean;
  /** A choice column: the cell holds an option's value and shows its label. */
  options?: readonly { value: string; label: string }[];
}

/** One row: its id (an activity id, 'default', or a synthetic id such as 'total'). */
export interface GridRow {
  id: string;
  /** The row part of each cell's accessible name. */
  name: string;
  /** One entry per column: the display text, or an option value for choice columns. */
  values: readonly string[];
  readOnly?: boolean;
  /** Cells (by column index) that do not apply to this row: shown muted; edits there are refused. */
  inapplicable?: readonly number[];
  /** A row that shows inherited values (an activity following the default split). */
  inherited?: boolean;
  total?: boolean;
}

export interface NestedHeaderCell { label: string; colspan: number }

export interface GridShape {
  columns: readonly GridColumn[];
  /** Header rows above the column headers; the last row is the columns' own headers. */
  nestedHeaders?: readonly (readonly (string | NestedHeaderCell)[])[];
  /** Rows pinned at the bottom (totals). */
  fixedRowsBottom?: number;
}

/** A typed, pasted or filled value for one cell, as text. */
export interface CellEdit {
  row: GridRow;
  column: GridColumn;
  rowIndex: number;
  colIndex: number;
  text: string;
}

export interface RefusedEdit { edit: CellEdit; message: Msg }
export interface EditOutcome { ops: PlanOp[]; refused: RefusedEdit[] }

export interface RpEditDetail { ops: PlanOp[] }

/** Source tag for changes the grid writes itself, which must not become edits. */
const SYNC = 'rp-sync';
const FILL = 'rp-fill';
const ROW_HEIGHT = 29;

/**
 * The base of every Handsontable grid: owns one instance in the shadow root (created on connect,
 * destroyed on disconnect), turns typing, pasting and filling into `rp-edit` ops without ever
 * touching `plan`, keeps the grid in step with `plan`/`allocation` by updating only rows that
 * changed, and marks cells that findings point at.
 *
 * Subclasses describe the grid: `shape()`, `rows()`, `locate()` and `toOps()`.
 */
export abstract class RpGridElement extends LitElement {
  static override styles = [handsontableCoreStyles, gridStyles];

  @property({ attribute: false }) plan: Plan | null = null;
  @property({ attribute: false }) allocation: Allocation | null = null;
  @property({ attribute: false }) findings: Finding[] = [];
  /** `nl` (default) or `en`; any other attribute value reads as nl, `en-GB` and the like as en. */
  @property({ reflect: true, converter: { fromAttribute: (v: string | null) => asLocale(v) } }) locale: Locale = 'nl';
  @property({ type: Boolean, reflect: true }) readonly = false;
  @property({ attribute: 'license-key' }) licenseKey = 'non-commercial-and-evaluation';

  @state() protected status: { text: string; refused: boolean } | null = null;

  @query('.grid') private gridEl!: HTMLDivElement;

  protected hot: HotInstance | null = null;
  private currentRows: readonly GridRow[] = [];
  private data: string[][] = [];
  private rowIndex = new Map<string, number>();
  private currentColumns: readonly GridColumn[] = [];
  private colIndex = new Map<string, number>();
  private shapeKey = '';
  private marks: MarkMap = new Map();
  /** Cells whose last input was refused, with the reason; cleared by the next accepted edit. */
  private refused = new Map<string, Msg>();

  /** Columns and headers; called when plan, locale, allocation or view change. */
  protected abstract shape(): GridShape;
  /** All rows; implementations reuse row objects for unchanged plan rows so diffing stays cheap. */
  protected abstract rows(): GridRow[];
  /** Where a finding is shown in this grid. */
  protected abstract locate(location: FindingLocation): CellRef | null;
  /** Reads edits into ops, refusing what cannot be read. */
  protected abstract toOps(edits: CellEdit[]): EditOutcome;
  /** The accessible name of the grid. */
  protected abstract gridLabel(): string;
  protected renderToolbar(): TemplateResult | typeof nothing {
    return nothing;
  }
  /** Extra keyboard shortcuts in the grid (the balance action). */
  protected extraShortcuts(): { keys: string[][]; run: () => void }[] {
    return [];
  }

  override render() {
    const status = this.status;
    return html`
      <div class="toolbar" part="toolbar">${this.renderToolbar()}</div>
      <div class="grid" part="grid" role="region" aria-label=${this.gridLabel()}></div>
      <div class="status ${status?.refused ? 'refused' : ''}" part="status" role="status" aria-live="polite">
        ${status ? html`${status.refused ? html`<span class="icon" aria-hidden="true">✕</span>` : nothing}${status.text}` : nothing}
      </div>
    `;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Rebuilt after a reconnect (moved in the DOM); the first build waits for firstUpdated.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyHot();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.isConnected) return;
    try {
      // Handsontable reads the license key once, at creation.
      if (this.hot && changed.has('licenseKey')) this.destroyHot();
      if (!this.hot) {
        this.createGrid();
        return;
      }
      const dataChanged = changed.has('plan') || changed.has('allocation') || changed.has('locale') || this.viewChanged(changed);
      const findingsChanged = changed.has('findings') || dataChanged;
      const settingsChanged = changed.has('readonly');
      if (dataChanged || findingsChanged || settingsChanged) this.syncGrid(dataChanged, findingsChanged, settingsChanged);
    } catch (error) {
      // A grid that cannot show a plan says so; it never throws into the host page.
      this.showMessage(`${gt('gridFailed', this.locale)} (${error instanceof Error ? error.message.slice(0, 200) : 'error'})`, true);
    }
  }

  /** Subclasses with extra view state report it here so the grid rebuilds for it. */
  protected viewChanged(_changed: PropertyValues<this>): boolean {
    return false;
  }

  /** Selects and scrolls to the cell a finding points at; false when this grid has no such cell. */
  focusCell(location: FindingLocation): boolean {
    const ref = this.locate(location);
    const hot = this.hot;
    if (!ref || !hot) return false;
    const row = this.rowIndex.get(ref.rowId);
    const col = this.colIndex.get(ref.colKey);
    if (row === undefined || col === undefined) return false;
    hot.listen();
    hot.selectCell(row, col);
    hot.scrollViewportTo({ row, col, verticalSnap: 'top', horizontalSnap: 'start' } as never);
    this.showCellStatus(row, col);
    return true;
  }

  /** The selected cell as row and column identity, or null. */
  protected selectedCell(): { row: GridRow; column: GridColumn; rowIndex: number; colIndex: number } | null {
    const sel = this.hot?.getSelectedLast();
    if (!sel) return null;
    const [r, c] = sel as [number, number];
    const row = this.currentRows[r];
    const column = this.currentColumns[c];
    return row && column ? { row, column, rowIndex: r, colIndex: c } : null;
  }

  protected showMessage(text: string, refused = false): void {
    if (this.status?.text === text && this.status.refused === refused) return;
    this.status = { text, refused };
  }

  /** Dispatches ops as one `rp-edit`; the owner applies them and sets a new plan. */
  protected emitOps(ops: PlanOp[]): void {
    if (ops.length === 0) return;
    this.dispatchEvent(new CustomEvent<RpEditDetail>('rp-edit', { detail: { ops }, bubbles: true, composed: true }));
  }

  private createGrid(): void {
    const shape = this.shape();
    const rows = this.rows();
    this.setShape(shape);
    this.setRows(rows);
    this.marks = buildMarks(this.findings, (l) => this.locate(l));
    const hot = createHot(this.gridEl, {
      licenseKey: this.licenseKey,
      data: this.bindData(rows),
      ...this.shapeSettings(shape),
      readOnly: this.readonly,
      rowHeaders: false,
      rowHeights: ROW_HEIGHT,
      autoRowSize: false,
      autoColumnSize: false,
      width: '100%',
      height: '100%',
      ariaTags: true,
      wordWrap: false,
      outsideClickDeselects: false,
      fillHandle: false,
      enterMoves: { row: 1, col: 0 },
      layoutDirection: 'ltr',
      cells: (row: number, col: number) => this.cellMeta(row, col),
      beforeChange: (changes, source) => this.onBeforeChange(changes as Change[], source as string),
      afterSelectionEnd: (row: number, col: number) => this.showCellStatus(row, col),
    });
    this.hot = hot;
    this.installShortcuts(hot);
  }

  private destroyHot(): void {
    const hot = this.hot;
    this.hot = null;
    if (!hot) return;
    hot.rootPortalElement?.remove();
    hot.destroy();
  }

  private shapeSettings(shape: GridShape) {
    return {
      columns: shape.columns.map((c) => ({
        readOnly: c.readOnly ?? false,
        editor: c.options ? 'select' : 'text',
        renderer: this.cellRenderer,
        selectOptions: c.options ? Object.fromEntries(c.options.map((o) => [o.value, o.label])) : undefined,
      })),
      colWidths: shape.columns.map((c) => c.width),
      colHeaders: shape.columns.map((c) => c.header),
      nestedHeaders: shape.nestedHeaders
        ? (shape.nestedHeaders.map((level) => [...level]) as never)
        : undefined,
      fixedColumnsStart: 1,
      fixedRowsBottom: shape.fixedRowsBottom ?? 0,
    };
  }

  private setShape(shape: GridShape): void {
    this.currentColumns = shape.columns;
    this.colIndex = new Map(shape.columns.map((c, i) => [c.key, i]));
    this.shapeKey = JSON.stringify([shape.columns.map((c) => [c.key, c.header, c.width, c.readOnly, c.options]), shape.nestedHeaders, shape.fixedRowsBottom]);
  }

  private setRows(rows: readonly GridRow[]): void {
    this.currentRows = rows;
    this.rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  }

  /**
   * Brings the grid in step with the element's properties: a new shape re-creates columns; a new
   * row sequence goes through updateData; otherwise only cells whose text changed are written into
   * the data array Handsontable is bound to, followed by one render of the visible cells.
   * `render: false` when Handsontable is about to render anyway (inside its own edit cycle).
   */
  private syncGrid(dataChanged: boolean, findingsChanged: boolean, settingsChanged: boolean, render = true): void {
    const hot = this.hot!;
    let needsRender = false;
    hot.batch(() => {
      if (settingsChanged) hot.updateSettings({ readOnly: this.readonly });
      if (dataChanged) {
        const shape = this.shape();
        const previousKey = this.shapeKey;
        this.setShape(shape);
        const rows = this.rows();
        if (this.shapeKey !== previousKey) {
          this.setRows(rows);
          hot.updateSettings({ ...this.shapeSettings(shape), data: this.bindData(rows) } as never);
        } else if (!sameIds(this.currentRows, rows)) {
          this.setRows(rows);
          hot.updateData(this.bindData(rows), SYNC);
        } else {
          const old = this.currentRows;
          const data = this.data;
          for (let r = 0; r < rows.length; r++) {
            const next = rows[r]!;
            const prev = old[r]!;
            if (next === prev) continue;
            needsRender = true;
            const target = data[r]!;
            for (let c = 0; c < next.values.length; c++) target[c] = next.values[c]!;
          }
          this.setRows(rows);
        }
      }
      if (findingsChanged) {
        const marks = buildMarks(this.findings, (l) => this.locate(l));
        if (!sameMarks(marks, this.marks)) needsRender = true;
        this.marks = marks;
      }
      if (needsRender && render) hot.render();
    });
    const sel = hot.getSelectedLast();
    // After this update, not inside it: the status line is lit state of its own.
    if (sel && !this.status?.refused) queueMicrotask(() => this.showCellStatus(sel[0]!, sel[1]!));
  }

  /** The arrays Handsontable is bound to (by reference), so changed cells can be written in place. */
  private bindData(rows: readonly GridRow[]): string[][] {
    this.data = rows.map((r) => [...r.values]);
    return this.data;
  }

  private cellMeta(row: number, col: number): { readOnly?: boolean } {
    const r = this.currentRows[row];
    if (!r) return {};
    // Inapplicable cells stay writable for Handsontable: a paste that changes the cost basis in
    // the same row makes them applicable, and the subclass refuses the rest with a message.
    if (r.readOnly) return { readOnly: true };
    return {};
  }

  private readonly cellRenderer = (
    instance: HotInstance, td: HTMLTableCellElement, row: number, col: number,
    prop: string | number, value: unknown, props: Parameters<typeof textRenderer>[6],
  ): void => this.renderCell(instance, td, row, col, prop, value, props);

  private renderCell(
    instance: HotInstance, td: HTMLTableCellElement, row: number, col: number,
    prop: string | number, value: unknown, props: Parameters<typeof textRenderer>[6],
  ): void {
    const column = this.currentColumns[col];
    const r = this.currentRows[row];
    let shown = value == null ? '' : String(value);
    if (column?.options) shown = column.options.find((o) => o.value === shown)?.label ?? shown;
    textRenderer(instance, td, row, col, prop, shown, props);
    const findings = r && column ? this.marks.get(r.id)?.get(column.key) : undefined;
    const severity = markSeverity(findings);
    const refused = r && column ? this.refused.get(cellKey(r.id, column.key)) : undefined;
    const cl = td.classList;
    cl.toggle('rp-mark-error', severity === 'error');
    cl.toggle('rp-mark-warning', severity === 'warning');
    cl.toggle('rp-refused', refused !== undefined);
    cl.toggle('rp-inherited', !!r?.inherited && col > 0);
    cl.toggle('rp-total', !!r?.total);
    cl.toggle('rp-num', !!column?.numeric);
    cl.toggle('rp-na', !!r?.inapplicable?.includes(col));
    if (!r || !column) return;
    const empty = shown === '' ? '—' : shown;
    const label = col === 0 ? `${column.header}: ${empty}` : `${r.name}, ${column.header}: ${empty}`;
    setAttr(td, 'aria-label', r.inherited && col > 0 ? `${label} (${gt('usesDefault', this.locale)})` : label);
    const notes = !refused && !findings ? null : [
      ...(refused ? [refused[this.locale]] : []),
      ...(findings ?? []).map((f) => `${gt(f.severity, this.locale)}: ${f.message[this.locale]}`),
    ];
    setAttr(td, 'aria-description', notes ? notes.join(' ') : null);
    setAttr(td, 'title', notes ? notes.join('\n') : null);
    setAttr(td, 'aria-invalid', severity === 'error' || refused ? 'true' : null);
  }

  private onBeforeChange(changes: Change[], source: string): void {
    if (source === SYNC || source === 'loadData' || source === 'updateData') return;
    const hot = this.hot;
    if (!hot) return;
    const edits: CellEdit[] = [];
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i];
      changes[i] = null; // the plan is the owner's: the grid shows a value only when the plan has it
      if (!change) continue;
      const [rowIndex, prop, previous, next] = change;
      const colIndex = typeof prop === 'number' ? prop : hot.propToCol(prop);
      const row = this.currentRows[rowIndex];
      const column = this.currentColumns[colIndex as number];
      if (!row || !column || this.readonly || column.readOnly || row.readOnly) continue;
      const text = next == null ? '' : String(next);
      if (text === (previous == null ? '' : String(previous))) continue;
      edits.push({ row, column, rowIndex, colIndex: colIndex as number, text });
    }
    if (edits.length === 0) return;
    let outcome: EditOutcome;
    try {
      outcome = this.toOps(edits);
    } catch {
      // A bug in reading must never throw into the host page nor lose the old values.
      outcome = { ops: [], refused: edits.map((edit) => ({ edit, message: { nl: 'Invoer niet verwerkt', en: 'Input not processed' } })) };
    }
    for (const e of edits) this.refused.delete(cellKey(e.row.id, e.column.key));
    for (const { edit, message } of outcome.refused) this.refused.set(cellKey(edit.row.id, edit.column.key), message);
    if (outcome.refused.length > 0) {
      const first = outcome.refused[0]!;
      const where = `${first.edit.row.name}, ${first.edit.column.header}`;
      const more = outcome.refused.length > 1 ? ` (+${outcome.refused.length - 1})` : '';
      this.showMessage(`${gt('editsRefused', this.locale)} — ${where}: ${first.message[this.locale]} ${gt('oldValueKept', this.locale)}.${more}`, true);
    } else if (this.status?.refused) {
      this.status = null;
    }
    const before = { plan: this.plan, allocation: this.allocation, findings: this.findings };
    this.emitOps(outcome.ops);
    // An owner that applies the ops synchronously has set the new plan by now: write it into the
    // grid before Handsontable's own render that ends this edit, so one render shows everything.
    const planChanged = this.plan !== before.plan || this.allocation !== before.allocation;
    if (planChanged || this.findings !== before.findings) this.syncGrid(planChanged, true, false, false);
    // Refused marks show in that same render (Handsontable renders after every edit, even a cancelled one).
  }

  private showCellStatus(row: number, col: number): void {
    const r = this.currentRows[row];
    const column = this.currentColumns[col];
    if (!r || !column) return;
    const refused = this.refused.get(cellKey(r.id, column.key));
    if (refused) {
      this.showMessage(`${r.name}, ${column.header}: ${refused[this.locale]}`, true);
      return;
    }
    const findings = this.marks.get(r.id)?.get(column.key);
    if (findings && findings.length > 0) {
      this.showMessage(findings.map((f) => `${gt(f.severity, this.locale)}: ${f.message[this.locale]}`).join(' '));
    } else if (this.status && !this.status.refused) {
      // A refused-input message stays until the next accepted edit, so moving on does not hide it.
      this.status = null;
    }
  }

  /** Ctrl+D: copies the top cell of each selected column down the selection, as one edit. */
  protected fillDown(): void {
    const hot = this.hot;
    const sel = hot?.getSelectedLast();
    if (!hot || !sel) return;
    const [r1, c1, r2, c2] = sel as [number, number, number, number];
    const top = Math.min(r1, r2), bottom = Math.max(r1, r2);
    if (bottom <= top) return;
    const cells: [number, number, unknown][] = [];
    for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
      const value = hot.getDataAtCell(top, c);
      for (let r = top + 1; r <= bottom; r++) cells.push([r, c, value]);
    }
    hot.setDataAtCell(cells as never, undefined, undefined, FILL);
  }

  private installShortcuts(hot: HotInstance): void {
    const grid = hot.getShortcutManager().getContext('grid');
    if (!grid) return;
    const group = 'rp-grid';
    const emit = (type: 'rp-undo' | 'rp-redo') => () => {
      this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
    };
    grid.addShortcuts([
      { keys: [['Control/Meta', 'z']], callback: emit('rp-undo') },
      { keys: [['Control/Meta', 'y'], ['Control/Meta', 'Shift', 'z']], callback: emit('rp-redo') },
      { keys: [['Control/Meta', 'd']], callback: () => this.fillDown() },
      ...this.extraShortcuts().map((s) => ({ keys: s.keys, callback: () => s.run() })),
    ], { group });
  }
}

type Change = [number, string | number, unknown, unknown] | null;

/** Writes an attribute only when it changes: most cells repaint with the same text. */
function setAttr(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

const cellKey = (rowId: string, colKey: string) => `${rowId}\u0000${colKey}`;

function sameIds(a: readonly GridRow[], b: readonly GridRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}
