import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { FindingLocation } from '../../src/model/finding.ts';
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
  BudgetRows,
  TOTAL_ROW,
  budgetCellLocation,
  budgetEditsToOps,
  budgetShape,
  locateBudget,
  locateBudgetPresence,
  newActivity,
} from './budget-model.ts';
import { budgetGridStyles } from './budget-grid.styles.ts';
import { inputNotes } from './input-notes.ts';
import { freshRows } from '../shared/field-findings.ts';

/**
 * Activities and their budgets: name, target group, client-bound or general, the cost basis
 * (lumpsum, hours × rate, FTE × yearly cost, persons × rate) and its inputs, then the engine's
 * annual and per-period amounts and a totals row.
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
 * @event rp-select - `detail: { section, rowId, field? }`: the user's selected cell changed.
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
 *
 * @csspart toolbar - The row of buttons above the grid.
 * @csspart grid - The Handsontable area.
 * @csspart status - The message line below the grid (findings of the chosen cell, refused input).
 *
 * @slot toolbar - The host's own controls at the end of the toolbar (e.g. an import button); empty by default.
 */
@customElement('rp-budget-grid')
export class RpBudgetGrid extends RpGridElement {
  static override styles = [...RpGridElement.styles, budgetGridStyles];

  private rowsCache: BudgetRows | null = null;
  private lastShape: GridShape | null = null;

  protected override gridLabel(): string {
    return gt('budgetGridLabel', this.locale);
  }

  protected override shape(): GridShape {
    const plan = this.plan;
    if (!plan) return (this.lastShape = { columns: [{ key: 'name', header: gt('name', this.locale), width: 220 }] });
    const next = budgetShape(plan, this.allocation, this.locale);
    const prev = this.lastShape;
    if (prev && JSON.stringify(prev) === JSON.stringify(next)) return prev;
    return (this.lastShape = next);
  }

  protected override rows(): GridRow[] {
    const plan = this.plan;
    const shape = this.lastShape ?? this.shape();
    if (!plan) return [];
    if (!this.rowsCache || !this.rowsCache.fits(this.locale, shape.columns))
      this.rowsCache = new BudgetRows(this.locale, shape.columns);
    return this.rowsCache.rows(plan, this.allocation);
  }

  protected override locate(location: FindingLocation): CellRef | null {
    return locateBudget(location);
  }

  protected override cellLocation(row: GridRow, column: GridColumn): PeerCell | null {
    return budgetCellLocation(this.plan, row.id, column.key);
  }

  protected override locatePresence(location: PeerCell): CellRef | null {
    return locateBudgetPresence(location);
  }

  protected override toOps(edits: CellEdit[]): EditOutcome {
    if (!this.plan) return { ops: [], refused: [] };
    const outcome = budgetEditsToOps(this.plan, edits, this.locale);
    return { ...outcome, notes: inputNotes(this.plan, edits, outcome, this.locale) };
  }

  /** Inserts a new activity below the chosen row (or at the end). */
  addRow(): void {
    const plan = this.plan;
    if (!plan || this.readonly) return;
    const cell = this.selectedCell();
    const at =
      cell && cell.row.id !== TOTAL_ROW
        ? plan.activities.findIndex((a) => a.id === cell.row.id) + 1
        : plan.activities.length;
    const id = `act-${crypto.randomUUID()}`;
    // Its findings (no amount yet, …) wait until the user leaves the row or tries to export.
    freshRows.add(id);
    this.grid.selection.whenShown(id);
    this.emitOps([
      { op: 'insert-row', collection: 'activities', row: newActivity(id, gt('newActivity', this.locale)), index: at },
    ]);
  }

  /** Removes the chosen activity. */
  removeRow(): void {
    const cell = this.selectedCell();
    if (!cell || this.readonly || cell.row.id === TOTAL_ROW) return;
    this.emitOps([{ op: 'remove-row', collection: 'activities', id: cell.row.id }]);
  }

  protected override renderToolbar() {
    const l = this.locale;
    return html`
      <button type="button" class="add" ?disabled=${this.readonly || !this.plan} @click=${() => this.addRow()}>${gt('addRow', l)}</button>
      <button type="button" class="remove" ?disabled=${this.readonly || !this.plan} @click=${() => this.removeRow()}>${gt('removeRow', l)}</button>
      <span class="spacer"></span>
      <slot name="toolbar"></slot>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-budget-grid': RpBudgetGrid;
  }
}
