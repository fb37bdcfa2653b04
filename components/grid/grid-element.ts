import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Plan } from '../../src/model/plan.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Finding, FindingLocation } from '../../src/model/finding.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import { asLocale, type Locale } from '../../src/i18n/locale.ts';
import type { CellRef as PeerCell } from '../../src/sync/collab/presence.ts';
import type { HotInstance } from './handsontable.ts';
import { refsOf, type CellRef } from './marks.ts';
import type { Peer } from './presence.ts';
import { GridController } from './grid-controller.ts';
import type { GridStatus } from './status-line.ts';
import type { CommentThreadMark } from './grid-source.ts';
import { undoChord, type Shortcut } from './edit-handler.ts';
import type {
  CellEdit,
  EditOutcome,
  GridColumn,
  GridRow,
  GridShape,
  RpEditDetail,
  RpSelectDetail,
  SelectedCell,
} from './grid-types.ts';
import { emit, type CommentRequest, type RpEventDetails, type RpEventName } from '../shared/events.ts';
import { anchorOf } from '../../src/negotiation/anchor.ts';
import { gridStyles, handsontableCoreStyles } from './grid.styles.ts';
import { hotThemeStyles } from './hot-theme.styles.ts';

export type {
  CellEdit,
  EditOutcome,
  GridColumn,
  GridRow,
  GridShape,
  NestedHeaderCell,
  RefusedEdit,
  RpEditDetail,
  RpSelectDetail,
  SelectedCell,
} from './grid-types.ts';

/**
 * The base of every Handsontable grid. The element holds the properties, the template and the
 * events; a GridController owns the Handsontable instance (grid-controller.ts), which paints
 * cells (cell-painter.ts), diffs rows (grid-diff.ts) and reads edits (edit-handler.ts). Typing,
 * pasting and filling become `rp-edit` ops without ever touching `plan`.
 *
 * Subclasses describe the grid: `shape()`, `rows()`, `locate()`, `toOps()` and `cellLocation()`.
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
  /**
   * The scenario's comment threads (the planner's `comments`): each open one marks the cell it is
   * anchored to; the mark, or Shift+F2 on the cell, opens it in the comments panel.
   */
  @property({ attribute: false }) comments: readonly CommentThreadMark[] = [];

  @state() protected status: GridStatus | null = null;

  @query('.grid') private gridEl!: HTMLDivElement | null;

  /** @internal The grid's Handsontable controller: not part of the published types. */
  protected readonly grid = new GridController(this, {
    container: () => this.gridEl,
    shape: () => this.shape(),
    rows: () => this.rows(),
    locate: (l) => this.locate(l),
    locatePresence: (l) => this.locatePresence(l),
    toOps: (edits) => this.toOps(edits),
    cellLocation: (row, column) => this.cellLocation(row, column),
    viewKey: () => this.viewKey(),
    shortcuts: () => this.extraShortcuts(),
    status: () => this.status,
    setStatus: (status) => {
      if (
        status === null
          ? this.status !== null
          : this.status?.text !== status.text ||
            this.status.refused !== status.refused ||
            this.status.note !== status.note
      )
        this.status = status;
    },
    emitOps: (ops) => this.emitOps(ops),
    emitSelect: (location) => this.emit<RpSelectDetail>('rp-select', location),
    emitUndo: (redo) => this.emit(redo ? 'rp-redo' : 'rp-undo', undefined),
    emitComment: (location) => {
      const anchor = anchorOf(location);
      if (anchor) this.emit<CommentRequest>('rp-comment-request', { action: 'open', anchor });
    },
    pasteColumns: (start, width) => this.pasteColumns(start, width),
  });

  /**
   * The Handsontable instance (tests and subclasses read selection and cells through it).
   * @internal Not in the published types, which name no Handsontable type.
   */
  protected get hot(): HotInstance | null {
    return this.grid.hot;
  }

  /** Columns and headers; called when plan, locale, allocation or view change. */
  protected abstract shape(): GridShape;
  /** All rows; implementations reuse row objects for unchanged plan rows so diffing stays cheap. */
  protected abstract rows(): GridRow[];
  /** Where a finding is shown in this grid (one cell, or several for a sum over them). */
  protected abstract locate(location: FindingLocation): CellRef | readonly CellRef[] | null;
  /** Reads edits into ops, refusing what cannot be read. */
  protected abstract toOps(edits: CellEdit[]): EditOutcome;
  /** The location (findings vocabulary) of a cell, sent as `rp-select`; null when it has none. */
  protected abstract cellLocation(row: GridRow, column: GridColumn): PeerCell | null;
  /** Where a participant's selection shows in this grid; by default where a finding would. */
  protected locatePresence(location: PeerCell): CellRef | null {
    return refsOf(this.locate(location))[0] ?? null;
  }
  /** The accessible name of the grid. */
  protected abstract gridLabel(): string;
  protected renderToolbar(): TemplateResult | typeof nothing {
    return nothing;
  }
  /** A line between the toolbar and the grid (the split grid's legend and column choices). */
  protected renderAboveGrid(): TemplateResult | typeof nothing {
    return nothing;
  }
  /** Extra keyboard shortcuts in the grid (the balance action). */
  protected extraShortcuts(): Shortcut[] {
    return [];
  }
  /** Where pasted columns go, when not side by side (see GridSource.pasteColumns). */
  protected pasteColumns(_startCol: number, _width: number): number[] | null {
    return null;
  }
  /** Extra view state of a subclass (e.g. percent or euro); a change rebuilds the rows. */
  protected viewKey(): string {
    return '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Ctrl+Z / Ctrl+Y on the grid's own buttons: the cells have Handsontable's shortcuts, the
    // toolbar has these, so one undo history is reachable wherever focus is in the element.
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.onKeyDown);
    super.disconnectedCallback();
  }

  override render() {
    const status = this.status;
    return html`
      <div class="toolbar" part="toolbar">${this.renderToolbar()}</div>
      ${this.renderAboveGrid()}
      <div class="grid" part="grid" role="region" aria-label=${this.gridLabel()}></div>
      <div class="status ${status?.refused ? 'refused' : ''}" part="status" role="status" aria-live="polite">
        ${status ? html`${status.refused ? html`<span class="icon" aria-hidden="true">✕</span>` : nothing}${status.text}` : nothing}
      </div>
    `;
  }

  /** Selects and scrolls to the cell a finding points at; false when this grid has no such cell. */
  focusCell(location: FindingLocation): boolean {
    return this.grid.focusCell(location);
  }

  /** The selected cell as row and column identity, or null. */
  protected selectedCell(): SelectedCell | null {
    return this.grid.selection.current();
  }

  /** A message that stays a few seconds, also when the selection moves (how input was read). */
  protected showNote(text: string): void {
    this.grid.showNote(text);
  }

  protected showMessage(text: string, refused = false): void {
    if (this.status?.text === text && this.status.refused === refused) return;
    this.status = { text, refused };
  }

  /** Dispatches ops as one `rp-edit`; the owner applies them and sets a new plan. */
  protected emitOps(ops: PlanOp[]): void {
    if (ops.length > 0) this.emit<RpEditDetail>('rp-edit', { ops });
  }

  private emit<T>(type: string, detail: T): void {
    emit(this, type as RpEventName, detail as RpEventDetails[RpEventName]);
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    const command = undoChord(e);
    if (!command || e.defaultPrevented) return;
    // In the cells Handsontable's own shortcuts answer (and emit); typing in its editor keeps the key.
    if (this.gridEl && e.composedPath().includes(this.gridEl)) return;
    e.preventDefault();
    this.emit(command === 'undo' ? 'rp-undo' : 'rp-redo', undefined);
  };
}
