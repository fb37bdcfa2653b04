import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FindingLocation } from '../../src/model/finding.ts';
import { DEFAULT_SPLIT_ROW } from '../../src/model/ops.ts';
import { gt } from '../../src/i18n/grid.ts';
import {
  RpGridElement,
  type CellEdit,
  type EditOutcome,
  type GridColumn,
  type GridRow,
  type GridShape,
} from '../grid/grid-element.ts';
import type { CellRef } from '../grid/marks.ts';
import type { CellRef as PeerCell } from '../../src/sync/collab/presence.ts';
import {
  SplitRows,
  locateSplit,
  locateSplitPresence,
  splitCellLocation,
  splitEditsToOps,
  type SplitView,
} from './split-model.ts';
import { hiddenCount, splitShape } from './split-columns.ts';
import { refsOf } from '../grid/marks.ts';
import { splitGridStyles } from './split-grid.styles.ts';
import { balanceTarget } from './balance.ts';
import { balancedText, domainPasteColumns, sumNotes } from './split-notes.ts';

/**
 * The cost split as a spreadsheet: the plan's default split and each activity's own split (or
 * "uses default"). A group header spans each domain: its share of the total, its sectors' shares
 * of the domain and their sum; the domains' sum stays in view beside the name. Only the domains
 * and sectors the plan uses are shown unless `all-domains` is set; `domains-only` shows the domain
 * shares alone (to paste a row of them). The euro view shows the engine's amounts, read-only.
 *
 * Follows the theme tokens (light, dark, high contrast); Handsontable's own colours are mapped
 * onto them.
 *
 * @event rp-edit - `detail: { ops: PlanOp[] }`: one event per typed value, paste, fill or action.
 * Keyboard: Tab reaches the grid as one stop and selects a cell (the one selected before, else the
 * first you can type in); arrows move, typing or Enter edits, Tab moves right and leaves the grid
 * after the last column, Shift+Tab before the first. Ctrl+Z / Ctrl+Y work in the cells and on the
 * grid's own buttons.
 *
 * @event rp-undo - Ctrl+Z in the grid or on its buttons.
 * @event rp-redo - Ctrl+Y or Ctrl+Shift+Z in the grid or on its buttons.
 * @event rp-select - `detail: { section, rowId, domainId?, sectorId?, field? }`: the user's selected cell changed.
 *
 * @cssprop --rp-grid-height - Maximum height of the grid area (default 420px); a short plan's grid ends at its last row.
 * @cssprop --rp-color-bg - Background of the element and of the cells.
 * @cssprop --rp-color-surface - Background of column headers, read-only cells, totals and cells that do not apply.
 * @cssprop --rp-color-text - Text of the cells, headers, toolbar and status line.
 * @cssprop --rp-color-text-muted - Read-only and computed values, inherited (default split) values.
 * @cssprop --rp-color-border - Cell borders and button borders; also the selected column's header.
 * @cssprop --rp-color-accent - Selection frame and tint, the cell editor's frame, focus ring.
 * @cssprop --rp-color-accent-contrast - Text on the accent colour.
 * @cssprop --rp-font-family - Font of the grid; inherits the host page's by default.
 * @cssprop --rp-grid-text - Text colour of the element only (instead of --rp-color-text).
 * @cssprop --rp-grid-error-color - Text and edge colour of cells with an error (default --rp-color-error).
 * @cssprop --rp-grid-error-bg - Background of cells with an error (default --rp-color-error-bg).
 * @cssprop --rp-grid-warning-color - Text and edge colour of cells with a warning (default --rp-color-warning).
 * @cssprop --rp-grid-warning-bg - Stripe colour of cells with a warning (default --rp-color-warning-bg).
 * @cssprop --rp-mark-error-icon - Icon before the value of a cell with an error (default "⚠").
 * @cssprop --rp-mark-warning-icon - Icon before the value of a cell with a warning (default "△").
 * @cssprop --rp-mark-warning-pattern - Background image of a cell with a warning (default: hatching in --rp-grid-warning-bg).
 * @cssprop --rp-grid-total-bg - Background of cells that do not apply to their row (default --rp-color-surface).
 * @cssprop --rp-presence-tag-bg - Background of a participant's name tag (default white).
 * @cssprop --rp-presence-tag-text - Text colour of a participant's name tag.
 * @cssprop --rp-grid-accent - Colour of the active view button (default --rp-color-accent).
 *
 * @csspart toolbar - The row of buttons above the grid.
 * @csspart grid - The Handsontable area.
 * @csspart status - The message line below the grid (findings of the chosen cell, refused input).
 *
 * @slot toolbar - The host's own controls at the end of the toolbar, after Balance and Reset; empty by default.
 */
@customElement('rp-split-grid')
export class RpSplitGrid extends RpGridElement {
  static override styles = [...RpGridElement.styles, splitGridStyles];

  /** Percentages (editable) or the engine's amounts in euros (read-only). */
  @property({
    reflect: true,
    converter: { fromAttribute: (v: string | null): SplitView => (v === 'euro' ? 'euro' : 'percent') },
  })
  view: SplitView = 'percent';

  /** Every domain and sector of the catalogue, also those the plan does not use. */
  @property({ type: Boolean, reflect: true, attribute: 'all-domains' }) allDomains = false;
  /** Only the domain shares, side by side (no sector columns). */
  @property({ type: Boolean, reflect: true, attribute: 'domains-only' }) domainsOnly = false;

  private rowsCache: SplitRows | null = null;
  private lastShape: GridShape | null = null;
  /** Columns shown for this plan so far: a column stays when its last share is cleared. */
  private keep = { planId: '', keys: new Set<string>() };

  protected override viewKey(): string {
    return `${this.view}|${this.allDomains}|${this.domainsOnly}`;
  }

  protected override gridLabel(): string {
    return gt('splitGridLabel', this.locale);
  }

  protected override shape(): GridShape {
    const plan = this.plan;
    const prev = this.lastShape;
    if (!plan)
      return (this.lastShape = {
        columns: [{ key: 'name', header: gt('rowColumn', this.locale), width: 220, readOnly: true }],
      });
    if (this.keep.planId !== plan.id) this.keep = { planId: plan.id, keys: new Set() };
    const next = splitShape(plan, this.view, this.locale, {
      allDomains: this.allDomains,
      domainsOnly: this.domainsOnly,
      keep: this.keep.keys,
    });
    // What the used-only view showed stays; what the other views showed does not.
    if (!this.allDomains && !this.domainsOnly) for (const c of next.columns) this.keep.keys.add(c.key);
    // Keep the same object while nothing changed, so row caches built for it stay valid.
    if (prev && JSON.stringify(prev) === JSON.stringify(next)) return prev;
    return (this.lastShape = next);
  }

  protected override rows(): GridRow[] {
    const plan = this.plan;
    const shape = this.lastShape ?? this.shape();
    if (!plan) return [];
    if (!this.rowsCache || !this.rowsCache.fits(plan, this.locale, shape.columns)) {
      this.rowsCache = new SplitRows(plan, this.locale, shape.columns);
    }
    return this.view === 'euro' ? this.rowsCache.euro(plan, this.allocation) : this.rowsCache.percent(plan);
  }

  protected override locate(location: FindingLocation): CellRef | readonly CellRef[] | null {
    return locateSplit(location, this.plan);
  }

  /** Shows the columns a finding points at when they are hidden, then selects them. */
  override focusCell(location: FindingLocation): boolean {
    const refs = refsOf(this.locate(location));
    const shown = new Set(this.lastShape?.columns.map((c) => c.key));
    if (refs.length > 0 && !refs.some((r) => shown.has(r.colKey))) {
      this.domainsOnly = false;
      this.allDomains = true;
      // Synchronously, so the grid has the columns before it selects one.
      if (this.isUpdatePending) this.performUpdate();
    }
    return super.focusCell(location);
  }

  /** A row of shares pasted onto a domain share fills the domain shares, past the sector columns. */
  protected override pasteColumns(startCol: number, width: number): number[] | null {
    return domainPasteColumns(this.lastShape?.columns ?? [], startCol, width);
  }

  protected override cellLocation(row: GridRow, column: GridColumn): PeerCell | null {
    return splitCellLocation(row.id, column.key);
  }

  protected override locatePresence(location: PeerCell): CellRef | null {
    return locateSplitPresence(location);
  }

  protected override toOps(edits: CellEdit[]): EditOutcome {
    const outcome = splitEditsToOps(edits, this.locale);
    // A paste or fill that leaves a row off 100 %, or any edit that takes it above, says so at
    // once, not only by the row's mark.
    return this.plan && outcome.ops.length > 0 ? { ...outcome, notes: sumNotes(this.plan, edits, outcome) } : outcome;
  }

  protected override extraShortcuts() {
    return [{ keys: [['Alt', 'b']], run: () => this.balance() }];
  }

  /**
   * Makes the row the user means add up to exactly 100 %: the selected row when it is off, else
   * the first row a finding flags (balance.ts); says which row and share it changed.
   */
  balance(): void {
    const plan = this.plan;
    if (!plan || this.readonly) return;
    if (this.view !== 'percent') return this.showMessage(gt('balanceNotHere', this.locale), true);
    const cell = this.selectedCell();
    const result = balanceTarget(plan, cell ? { rowId: cell.row.id, colKey: cell.column.key } : null, this.findings);
    if (!result.ok)
      return this.showMessage(
        gt(result.reason === 'negative' ? 'balanceNegative' : 'balanceNothingOff', this.locale),
        result.reason === 'negative',
      );
    const t = result.target;
    this.emitOps([{ op: 'set-split', rowId: t.rowId, domainId: t.domainId, sectorId: t.sectorId, percent: t.percent }]);
    this.showNote(balancedText(plan, t, this.locale));
  }

  /** Lets the chosen activity follow the default split again. */
  resetRow(): void {
    const cell = this.selectedCell();
    if (!cell || this.readonly || cell.row.id === DEFAULT_SPLIT_ROW) return;
    const activity = this.plan?.activities.find((a) => a.id === cell.row.id);
    if (!activity || activity.split === null) return;
    this.emitOps([{ op: 'update-row', collection: 'activities', id: activity.id, patch: { split: null } }]);
  }

  private setView(view: SplitView): void {
    this.view = view;
  }

  protected override renderToolbar() {
    const l = this.locale;
    const percent = this.view === 'percent';
    return html`
      <span class="view-toggle" role="group" aria-label=${gt('viewLabel', l)}>
        <button type="button" aria-pressed=${percent ? 'true' : 'false'} @click=${() => this.setView('percent')}>${gt('percentView', l)}</button>
        <button type="button" aria-pressed=${percent ? 'false' : 'true'} @click=${() => this.setView('euro')}>${gt('euroView', l)}</button>
      </span>
      <span class="spacer"></span>
      <button type="button" class="balance" title=${gt('balanceHint', l)} ?disabled=${!percent || this.readonly} @click=${() => this.balance()}>${gt('balance', l)}</button>
      <button type="button" class="reset" ?disabled=${!percent || this.readonly} @click=${() => this.resetRow()}>${gt('resetRow', l)}</button>
      <slot name="toolbar"></slot>
    `;
  }

  /** What the shares are of, and which columns show. */
  protected override renderAboveGrid() {
    const l = this.locale;
    return html`
      <div class="above-grid columns">
        <p class="legend">${this.view === 'percent' ? gt('splitLegend', l) : nothing}</p>
        <span class="view-toggle" role="group" aria-label=${gt('columnsLabel', l)}>
          <button type="button" class="domains-only" aria-pressed=${this.domainsOnly ? 'true' : 'false'} title=${gt('domainsOnlyHint', l)}
            @click=${() => (this.domainsOnly = !this.domainsOnly)}>${gt('domainsOnly', l)}</button>
          <button type="button" class="all-domains" aria-pressed=${this.allDomains ? 'true' : 'false'} title=${gt('allDomainsHint', l)}
            @click=${() => (this.allDomains = !this.allDomains)}>${this.allDomainsText()}</button>
        </span>
      </div>
    `;
  }

  /** "Toon alle domeinen (+4)": how many domain and sector columns the used-only choice hides. */
  private allDomainsText(): string {
    const plan = this.plan;
    const n = plan && !this.allDomains ? hiddenCount(plan, new Set(this.lastShape?.columns.map((c) => c.key))) : 0;
    return n > 0 && !this.domainsOnly
      ? gt('allDomainsHidden', this.locale).replace('{n}', String(n))
      : gt('allDomains', this.locale);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-split-grid': RpSplitGrid;
  }
}
