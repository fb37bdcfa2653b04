import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Plan } from '../../src/model/plan.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Finding, FindingLocation } from '../../src/model/finding.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import { asLocale, type Locale, type Msg } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import { createHot, textRenderer, type HotInstance } from './handsontable.ts';
import { buildMarks, changedMarks, markSeverity, type CellRef, type MarkMap } from './marks.ts';
import { buildPresence, changedPresence, presenceColor, type Peer, type PresenceMap } from './presence.ts';
import type { CellRef as PeerCell } from '../../src/sync/collab/presence.ts';
import { gridStyles, handsontableCoreStyles } from './grid.styles.ts';
import { hotThemeStyles } from './hot-theme.styles.ts';

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
  /** Columns that stay in view when the grid scrolls sideways (default 1: the name column). */
  fixedColumnsStart?: number;
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

/**
 * The user's selected cell, in the location vocabulary of findings (section, rowId, and a
 * domainId/sectorId for split columns or a field for the others), for sharing as presence.
 */
export type RpSelectDetail = PeerCell;

/** Source tag for changes the grid writes itself, which must not become edits. */
const SYNC = 'rp-sync';
const FILL = 'rp-fill';
const ROW_HEIGHT = 29;
/** Height of one column-header level in Handsontable's main theme, plus its 1px border. */
const HEADER_HEIGHT = 30;
/** Room for the horizontal scroll bar and the pinned row's border. */
const SCROLLBAR = 12;

/**
 * The base of every Handsontable grid: owns one instance in the shadow root (created on connect,
 * destroyed on disconnect), turns typing, pasting and filling into `rp-edit` ops without ever
 * touching `plan`, keeps the grid in step with `plan`/`allocation` by updating only rows that
 * changed, and marks cells that findings point at.
 *
 * Subclasses describe the grid: `shape()`, `rows()`, `locate()` and `toOps()`.
 */
export abstract class RpGridElement extends LitElement {
  static override styles = [handsontableCoreStyles, gridStyles, hotThemeStyles];

  @property({ attribute: false }) plan: Plan | null = null;
  @property({ attribute: false }) allocation: Allocation | null = null;
  @property({ attribute: false }) findings: Finding[] = [];
  /** `nl` (default) or `en`; any other attribute value reads as nl, `en-GB` and the like as en. */
  @property({ reflect: true, converter: { fromAttribute: (v: string | null) => asLocale(v) } }) locale: Locale = 'nl';
  @property({ type: Boolean, reflect: true }) readonly = false;
  @property({ attribute: 'license-key' }) licenseKey = 'non-commercial-and-evaluation';
  /**
   * Other workshop participants and the cell each has selected (from the collaboration session).
   * Untrusted: names are shown as text only, colours only when they are plain CSS colours.
   */
  @property({ attribute: false }) presence: readonly Peer[] = [];

  @state() protected status: { text: string; refused: boolean } | null = null;

  @query('.grid') private gridEl!: HTMLDivElement;

  protected hot: HotInstance | null = null;
  private currentRows: readonly GridRow[] = [];
  private data: string[][] = [];
  private rowIndex = new Map<string, number>();
  private currentColumns: readonly GridColumn[] = [];
  private colIndex = new Map<string, number>();
  private shapeKey = '';
  /** Rows pinned at the bottom (fixedRowsBottom). */
  private pinnedRows = 0;
  /** Columns frozen at the start (the shape's fixedColumnsStart). */
  private fixedColumns = 1;
  private marks: MarkMap = new Map();
  private presenceMap: PresenceMap = new Map();
  /** The last location sent as `rp-select`, so moving within the same cell sends nothing. */
  private lastSelect = '';
  /** Cells whose last input was refused, with the reason; cleared by the next accepted edit. */
  private refused = new Map<string, Msg>();
  /** What the grid last showed, so the update after an edit (already shown) does nothing. */
  private synced: { plan: Plan | null; allocation: Allocation | null; findings: Finding[] } | null = null;
  /**
   * Cells an edit changed, painted in place of the full render Handsontable runs at the end of
   * every edit (see onBeforeChange); null when no edit is under way.
   */
  private editRepaint: Dirty | null = null;

  /** Columns and headers; called when plan, locale, allocation or view change. */
  protected abstract shape(): GridShape;
  /** All rows; implementations reuse row objects for unchanged plan rows so diffing stays cheap. */
  protected abstract rows(): GridRow[];
  /** Where a finding is shown in this grid. */
  protected abstract locate(location: FindingLocation): CellRef | null;
  /** Reads edits into ops, refusing what cannot be read. */
  protected abstract toOps(edits: CellEdit[]): EditOutcome;
  /** The location (findings vocabulary) of a cell, sent as `rp-select`; null when it has none. */
  protected abstract cellLocation(row: GridRow, column: GridColumn): PeerCell | null;
  /** Where a participant's selection shows in this grid; by default where a finding would. */
  protected locatePresence(location: PeerCell): CellRef | null {
    return this.locate(location);
  }
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
      const synced = this.synced;
      const planChanged = (changed.has('plan') && this.plan !== synced?.plan) || (changed.has('allocation') && this.allocation !== synced?.allocation);
      const dataChanged = planChanged || changed.has('locale') || this.viewChanged(changed);
      const findingsChanged = (changed.has('findings') && this.findings !== synced?.findings) || dataChanged;
      const settingsChanged = changed.has('readonly');
      if (dataChanged || findingsChanged || settingsChanged) {
        const dirty = this.syncGrid(dataChanged, findingsChanged, settingsChanged);
        if (dirty) this.repaint(dirty);
      }
      if (changed.has('presence') || changed.has('plan') || dataChanged) this.syncPresence();
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
    this.presenceMap = buildPresence(this.presence, (l) => this.locatePresence(l));
    this.fitHeight(shape, rows.length);
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
      // No wrapping and the read-only look come from our styles keyed on data attributes: these
      // two classes would be cleared and re-added on every cell at every render (grid.styles.ts).
      wordWrap: false,
      noWordWrapClassName: '',
      readOnlyCellClassName: '',
      outsideClickDeselects: false,
      fillHandle: false,
      enterMoves: { row: 1, col: 0 },
      layoutDirection: 'ltr',
      cells: (row: number, col: number) => this.cellMeta(row, col),
      // An edit repaints the cells it changed, not the viewport: see onBeforeChange.
      beforeViewRender: (_forced: boolean, skip: { skipRender?: boolean }) => {
        if (this.editRepaint) skip.skipRender = true;
      },
      beforeChange: (changes, source) => this.onBeforeChange(changes as Change[], source as string),
      afterSelectionEnd: (row: number, col: number) => {
        this.showCellStatus(row, col);
        this.emitSelect(row, col);
        this.labelEditors(row, col);
      },
      afterBeginEditing: (row: number, col: number) => this.labelEditors(row, col),
    });
    // Added after Handsontable's own afterRender hook, which reads the layout: painting first
    // would make that read lay out the painted cells there and then, not in the next frame.
    hot.addHook('afterRender', () => this.finishEditRepaint());
    this.hot = hot;
    this.synced = { plan: this.plan, allocation: this.allocation, findings: this.findings };
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
      fixedColumnsStart: shape.fixedColumnsStart ?? 1,
      fixedRowsBottom: shape.fixedRowsBottom ?? 0,
    };
  }

  private setShape(shape: GridShape): void {
    this.currentColumns = shape.columns;
    this.pinnedRows = shape.fixedRowsBottom ?? 0;
    this.fixedColumns = shape.fixedColumnsStart ?? 1;
    this.colIndex = new Map(shape.columns.map((c, i) => [c.key, i]));
    this.shapeKey = JSON.stringify([shape.columns.map((c) => [c.key, c.header, c.width, c.readOnly, c.options]), shape.nestedHeaders, shape.fixedRowsBottom, shape.fixedColumnsStart]);
  }

  private setRows(rows: readonly GridRow[]): void {
    this.currentRows = rows;
    this.rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  }

  /**
   * Brings the grid in step with the element's properties: a new shape re-creates columns; a new
   * row sequence goes through updateData (both render the grid once, and return null); otherwise
   * only cells whose text changed are written into the data array Handsontable is bound to, and
   * the rows and cells whose look changed are returned for the caller to paint.
   */
  private syncGrid(dataChanged: boolean, findingsChanged: boolean, settingsChanged: boolean): Dirty | null {
    const hot = this.hot!;
    const changedRows: number[] = [];
    const changedValues: number[] = [];
    let resized = false;
    // Settings and data replacements go through one batch (one render). The common case, changed
    // cell text or marks, must not use batch(): its end renders even when nothing asked for it.
    const heavy: (() => void)[] = [];
    if (settingsChanged) heavy.push(() => hot.updateSettings({ readOnly: this.readonly }));
    if (dataChanged) {
      const shape = this.shape();
      const previousKey = this.shapeKey;
      this.setShape(shape);
      const rows = this.rows();
      if (this.shapeKey !== previousKey) {
        resized = this.fitHeight(shape, rows.length);
        this.setRows(rows);
        const data = this.bindData(rows);
        heavy.push(() => hot.updateSettings({ ...this.shapeSettings(shape), data } as never));
      } else if (!sameIds(this.currentRows, rows)) {
        resized = this.fitHeight(shape, rows.length);
        this.setRows(rows);
        const data = this.bindData(rows);
        heavy.push(() => hot.updateData(data, SYNC));
      } else {
        const old = this.currentRows;
        const data = this.data;
        for (let r = 0; r < rows.length; r++) {
          const next = rows[r]!;
          const prev = old[r]!;
          if (next === prev) continue;
          const target = data[r]!;
          // A row that looks the same apart from some values (a default-split edit, for the rows
          // that follow it) repaints those cells; otherwise (a name, a flag) the whole row.
          const values = sameLook(prev, next) ? changedValues : null;
          if (!values) changedRows.push(r);
          for (let c = 0; c < next.values.length; c++) {
            const value = next.values[c]!;
            if (target[c] === value) continue;
            target[c] = value;
            values?.push(r, c);
          }
        }
        this.setRows(rows);
      }
    }
    let markCells: CellRef[] = [];
    if (findingsChanged) {
      const marks = buildMarks(this.findings, (l) => this.locate(l));
      markCells = changedMarks(this.marks, marks);
      this.marks = marks;
    }
    const synced = this.synced ?? { plan: null, allocation: null, findings: [] };
    this.synced = {
      plan: dataChanged ? this.plan : synced.plan,
      allocation: dataChanged ? this.allocation : synced.allocation,
      findings: findingsChanged ? this.findings : synced.findings,
    };
    if (heavy.length > 0) hot.batch(() => heavy.forEach((run) => run()));
    if (resized) (hot as unknown as { refreshDimensions?(): void }).refreshDimensions?.();
    const sel = hot.getSelectedLast();
    // After this update, not inside it: the status line is lit state of its own.
    if (sel && !this.status?.refused) queueMicrotask(() => this.showCellStatus(sel[0]!, sel[1]!));
    return heavy.length > 0 ? null : { rows: changedRows, values: changedValues, cells: markCells };
  }

  /**
   * Paints the given rows and cells where they are on screen, without a Handsontable render: an
   * edit changes a few cells (or, through the default split, a few rows on screen), and a render
   * would rebuild every visible cell, header and overlay and measure the layout in between.
   * Cells outside the rendered area have no element; the renderer draws them when they scroll in.
   */
  private repaint({ rows, values, cells }: Dirty): void {
    const hot = this.hot;
    if (!hot) return;
    if (rows.length > 0 || values.length > 0) {
      // The rendered band of the main table, plus the fixed first column and pinned bottom rows.
      const view = hot.view;
      const firstRow = view.getFirstRenderedVisibleRow() ?? 0;
      const lastRow = view.getLastRenderedVisibleRow() ?? -1;
      const pinned = this.currentRows.length - this.pinnedRows;
      const fixed = this.fixedColumns;
      const firstCol = Math.max(fixed, view.getFirstRenderedVisibleColumn() ?? fixed);
      const lastCol = Math.min(this.currentColumns.length - 1, view.getLastRenderedVisibleColumn() ?? -1);
      const rendered = (row: number) => (row >= firstRow && row <= lastRow) || row >= pinned;
      for (const row of rows) {
        if (!rendered(row)) continue;
        for (let col = 0; col < fixed; col++) this.paintCell(hot, row, col);
        for (let col = firstCol; col <= lastCol; col++) this.paintCell(hot, row, col);
      }
      for (let i = 0; i < values.length; i += 2) {
        const row = values[i]!;
        const col = values[i + 1]!;
        if (rendered(row) && (col < fixed || (col >= firstCol && col <= lastCol))) this.paintCell(hot, row, col);
      }
    }
    for (const ref of cells) {
      const row = this.rowIndex.get(ref.rowId);
      const col = this.colIndex.get(ref.colKey);
      if (row !== undefined && col !== undefined) this.paintCell(hot, row, col);
    }
  }

  /**
   * Paints one cell on each element that shows it, as the renderer would: its text and our part.
   * Handsontable's part (classes, role and aria attributes of a rendered cell) does not change
   * with the cell's value, so it is left as the last render drew it.
   */
  private paintCell(hot: HotInstance, row: number, col: number): void {
    const main = hot.getCell(row, col, false);
    // Fixed columns and pinned rows also have a clone in an overlay.
    const top = col < this.fixedColumns || row >= this.currentRows.length - this.pinnedRows ? hot.getCell(row, col, true) : null;
    if (!main && !top) return;
    const r = this.currentRows[row];
    const column = this.currentColumns[col];
    const shown = shownValue(r, column, this.data[row]?.[col]);
    if (main) this.paintElement(main, r, column, col, shown);
    if (top && top !== main) this.paintElement(top, r, column, col, shown);
  }

  private paintElement(td: HTMLTableCellElement, r: GridRow | undefined, column: GridColumn | undefined, col: number, shown: string): void {
    setText(td, shown.trim()); // as the text renderer (trimWhitespace)
    this.drawCell(td, r, column, col, shown);
  }

  /** After the render an edit ends with (skipped when cells were waiting): paints those cells. */
  private finishEditRepaint(): void {
    const dirty = this.editRepaint;
    if (!dirty) return;
    this.editRepaint = null;
    this.repaint(dirty);
  }

  /**
   * A short plan gets a grid as tall as its rows, not an empty area down to --rp-grid-height (the
   * cap, from CSS). Computed from the fixed row and header heights, so nothing reads layout.
   */
  private fitHeight(shape: GridShape, rowCount: number): boolean {
    const levels = shape.nestedHeaders?.length ?? 1;
    const content = levels * HEADER_HEIGHT + rowCount * ROW_HEIGHT + SCROLLBAR;
    const height = `min(var(--rp-grid-height, 420px), ${content}px)`;
    if (this.gridEl.style.height === height) return false;
    this.gridEl.style.height = height;
    return true;
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
    const shown = shownValue(r, column, value);
    textRenderer(instance, td, row, col, prop, shown, props);
    this.drawCell(td, r, column, col, shown);
  }

  /** Our part of a cell's look: what it is (for the styles), then its marks, name and presence. */
  private drawCell(td: HTMLTableCellElement, r: GridRow | undefined, column: GridColumn | undefined, col: number, shown: string): void {
    // The same cascade as Handsontable's readOnly meta: the grid, the column, the row (cellMeta).
    const readOnly = this.readonly || !!column?.readOnly || !!r?.readOnly;
    setAttr(td, 'data-rp', cellKinds(r, column, col, readOnly));
    this.decorate(td, r, column, col, shown);
  }

  /** Marks, accessible name and description, and presence of one cell; also run on its own for presence. */
  private decorate(td: HTMLTableCellElement, r: GridRow | undefined, column: GridColumn | undefined, col: number, shown: string): void {
    const findings = r && column ? this.marks.get(r.id)?.get(column.key) : undefined;
    const severity = markSeverity(findings);
    const refused = r && column ? this.refused.get(cellKey(r.id, column.key)) : undefined;
    const peers = r && column ? this.presenceMap.get(r.id)?.get(column.key) : undefined;
    setAttr(td, 'data-rp-mark', severity ?? null);
    setAttr(td, 'data-rp-refused', refused !== undefined ? '' : null);
    this.drawPresence(td, peers);
    if (!r || !column) return;
    const empty = shown === '' ? '—' : shown;
    const label = col === 0 ? `${column.header}: ${empty}` : `${r.name}, ${column.header}: ${empty}`;
    setAttr(td, 'aria-label', r.inherited && col > 0 ? `${label} (${gt('usesDefault', this.locale)})` : label);
    const notes = !refused && !findings ? null : [
      ...(refused ? [refused[this.locale]] : []),
      ...(findings ?? []).map((f) => `${gt(f.severity, this.locale)}: ${f.message[this.locale]}`),
    ];
    const editing = peers?.map((p) => `${peerName(p, this.locale)} ${gt('isEditingCell', this.locale)}.`);
    const description = [...(notes ?? []), ...(editing ?? [])];
    setAttr(td, 'aria-description', description.length > 0 ? description.join(' ') : null);
    setAttr(td, 'title', notes ? notes.join('\n') : null);
    setAttr(td, 'aria-invalid', severity === 'error' || refused ? 'true' : null);
  }

  /** An outline in the first participant's colour and a tag with every name on the cell. */
  private drawPresence(td: HTMLTableCellElement, peers: readonly Peer[] | undefined): void {
    const old = td.querySelector(':scope > .rp-presence');
    if (!peers || peers.length === 0) {
      if (old) old.remove();
      setAttr(td, 'data-rp-presence', null);
      return;
    }
    const box = document.createElement('span');
    box.className = 'rp-presence';
    box.setAttribute('aria-hidden', 'true');
    box.style.setProperty('--rp-presence-color', presenceColor(peers[0]!.color, peers[0]!.clientId));
    // The names are drawn by CSS from this attribute: text only, and not part of the cell's text,
    // so the cell's accessible name stays its value and the names go into its description.
    box.dataset.names = peers.map((p) => peerName(p, this.locale)).join(', ');
    if (old) old.replaceWith(box);
    else td.append(box);
    setAttr(td, 'data-rp-presence', '');
  }

  /** Redraws only the cells whose participants changed; Handsontable does not render anything. */
  private syncPresence(): void {
    const next = buildPresence(this.presence, (l) => this.locatePresence(l));
    const changed = changedPresence(this.presenceMap, next);
    this.presenceMap = next;
    this.repaint({ rows: [], values: [], cells: changed });
  }

  /**
   * Names Handsontable's cell editors (its text area and select), which it leaves unlabelled, after
   * the cell they edit, so a screen reader says what is being typed into.
   */
  private labelEditors(row: number, col: number): void {
    const r = this.currentRows[row];
    const column = this.currentColumns[col];
    const label = r && column ? `${gt('cellInput', this.locale)}: ${r.name}, ${column.header}` : gt('cellInput', this.locale);
    for (const input of this.renderRoot.querySelectorAll('textarea.handsontableInput, .htSelectEditor > select')) setAttr(input, 'aria-label', label);
  }

  /** Sends the user's selected cell as `rp-select` when it changed. */
  private emitSelect(row: number, col: number): void {
    const r = this.currentRows[row];
    const column = this.currentColumns[col];
    const location = r && column ? this.cellLocation(r, column) : null;
    if (!location) return;
    const key = JSON.stringify(location);
    if (key === this.lastSelect) return;
    this.lastSelect = key;
    this.dispatchEvent(new CustomEvent<RpSelectDetail>('rp-select', { detail: location, bubbles: true, composed: true }));
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
    this.emitOps(outcome.ops);
    // An owner that applies the ops synchronously has set the new plan by now: bring the grid in
    // step before Handsontable's render that ends every edit (even a cancelled one), and paint the
    // changed cells instead of that render. A new row sequence or shape has just rendered the grid.
    const synced = this.synced;
    const planChanged = this.plan !== synced?.plan || this.allocation !== synced?.allocation;
    const dirty = planChanged || this.findings !== synced?.findings
      ? this.syncGrid(planChanged, true, false)
      : { rows: [], values: [], cells: [] };
    // Refused marks (set or cleared) show on the edited cells.
    if (dirty) for (const e of edits) dirty.cells.push({ rowId: e.row.id, colKey: e.column.key });
    const repaint = dirty ?? { rows: [], values: [], cells: [] };
    this.editRepaint = repaint;
    // Should no render follow within this task (rendering suspended), paint anyway.
    queueMicrotask(() => {
      if (this.editRepaint === repaint) this.finishEditRepaint();
    });
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

/** What must be painted: whole rows (by index), single values (row, column index pairs), cells. */
interface Dirty { rows: number[]; values: number[]; cells: CellRef[] }

/** Writes an attribute only when it changes: most cells repaint with the same text. */
function setAttr(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** The text a cell shows for its value. */
function shownValue(r: GridRow | undefined, column: GridColumn | undefined, value: unknown): string {
  const text = value == null ? '' : String(value);
  // A choice column shows the option's label; a totals row shows only what it computes.
  if (column?.options && !r?.total) return column.options.find((o) => o.value === text)?.label ?? text;
  return text;
}

/** Writes a cell's text as Handsontable's text renderer does (one text node first), if it changed. */
function setText(td: HTMLTableCellElement, text: string): void {
  const first = td.firstChild;
  if (first instanceof Text) {
    if (first.data !== text) first.data = text;
  } else {
    td.prepend(text);
  }
}

/** The `data-rp` tokens of a cell: what it is, as the styles read it. */
function cellKinds(r: GridRow | undefined, column: GridColumn | undefined, col: number, readOnly: boolean): string | null {
  let kinds = '';
  if (column?.numeric) kinds += ' num';
  if (r?.inherited && col > 0) kinds += ' inherited';
  if (r?.total) kinds += ' total';
  if (r?.inapplicable?.includes(col)) kinds += ' na';
  if (readOnly) kinds += ' ro';
  return kinds === '' ? null : kinds.slice(1);
}

/** A participant's name as plain, short text; "Participant" when none was given. */
const peerName = (peer: Peer, locale: Locale): string =>
  (typeof peer.name === 'string' ? peer.name.trim().slice(0, 60) : '') || gt('participant', locale);

const cellKey = (rowId: string, colKey: string) => `${rowId}\u0000${colKey}`;

/** Whether two versions of a row differ at most in their values (same name, flags, muted cells). */
function sameLook(a: GridRow, b: GridRow): boolean {
  if (a.name !== b.name || !!a.readOnly !== !!b.readOnly || !!a.inherited !== !!b.inherited || !!a.total !== !!b.total) return false;
  const x = a.inapplicable ?? [];
  const y = b.inapplicable ?? [];
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

function sameIds(a: readonly GridRow[], b: readonly GridRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}
