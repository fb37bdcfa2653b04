import { freshRows } from '../shared/field-findings.ts';
import type { HotInstance } from './handsontable.ts';
import type { CellRef } from './marks.ts';
import type { GridColumn, GridRow, SelectedCell } from './grid-types.ts';

/** What the selection reads about the grid. */
export interface SelectionState {
  readonly hot: HotInstance | null;
  readonly rows: readonly GridRow[];
  readonly columns: readonly GridColumn[];
  readonly rowIndex: ReadonlyMap<string, number>;
  readonly colIndex: ReadonlyMap<string, number>;
  readonly pinnedRows: number;
}

/**
 * The selected cell by identity: selecting for findings and recovery, entering by keyboard, and
 * the row the user is on, so that leaving a row just added shows its findings (field-findings.ts).
 */
export class GridSelection {
  /** The row the selection is on, so leaving it releases it when it was fresh. */
  private rowId: string | null = null;
  /** A row to select (without taking focus) once it is shown: the activity just added. */
  private pending: string | null = null;

  constructor(
    private readonly g: SelectionState,
    private readonly showCell: (row: number, col: number) => void,
  ) {}

  /** The selected cell as row and column identity, or null. */
  current(): SelectedCell | null {
    const sel = this.g.hot?.getSelectedLast();
    if (!sel) return null;
    const [r, c] = sel as [number, number];
    const row = this.g.rows[r];
    const column = this.g.columns[c];
    return row && column ? { row, column, rowIndex: r, colIndex: c } : null;
  }

  /** The selection ended on a row: leaving another one that was just added releases its findings. */
  moved(row: number): void {
    const id = this.g.rows[row]?.id ?? null;
    if (this.rowId && this.rowId !== id) freshRows.leave(this.rowId);
    this.rowId = id;
  }

  /** Focus left the element: the row the user was on is left too. */
  readonly onFocusOut = (e: FocusEvent): void => {
    const host = e.currentTarget as HTMLElement;
    const to = e.relatedTarget as Node | null;
    if (to && (host.contains(to) || host.shadowRoot?.contains(to))) return;
    if (this.rowId) freshRows.leave(this.rowId);
  };

  /**
   * Selects a cell by identity (or the range to `to`, e.g. a domain's sector shares), with
   * keyboard focus in the grid; false when it is not shown.
   */
  focus(ref: CellRef, to?: CellRef): boolean {
    const { hot, rowIndex, colIndex } = this.g;
    const row = rowIndex.get(ref.rowId);
    const col = colIndex.get(ref.colKey);
    if (!hot || row === undefined || col === undefined) return false;
    const row2 = to ? (rowIndex.get(to.rowId) ?? row) : row;
    const col2 = to ? (colIndex.get(to.colKey) ?? col) : col;
    hot.listen();
    hot.selectCell(row, col, row2, col2);
    hot.scrollViewportTo({ row, col, verticalSnap: 'top', horizontalSnap: 'start' } as never);
    this.showCell(row, col);
    return true;
  }

  /** Selects a cell by identity without taking focus (after a rebuild). */
  quietly(cell: SelectedCell): void {
    const row = this.g.rowIndex.get(cell.row.id);
    const col = this.g.colIndex.get(cell.column.key);
    if (row !== undefined && col !== undefined) this.g.hot?.selectCell(row, col, row, col, false, false);
  }

  /** Selects a row once it is shown (after the owner hands back the plan), leaving focus where it is. */
  whenShown(rowId: string): void {
    this.pending = rowId;
  }

  /** After rows were replaced: the row waiting to be selected, if it is there now. */
  applyPending(): void {
    const row = this.pending === null ? undefined : this.g.rowIndex.get(this.pending);
    if (row === undefined) return;
    this.pending = null;
    this.g.hot?.selectCell(row, 0, row, 0, true, false);
  }

  /** Tabbed into: the cell selected before (or the first one you can type in), focused and framed. */
  enterByKeyboard(fromBelow: boolean): void {
    const { hot, rows, columns } = this.g;
    if (!hot || rows.length === 0) return;
    const last = hot.getSelectedLast();
    let row = last?.[0] ?? (fromBelow ? Math.max(0, rows.length - 1 - this.g.pinnedRows) : 0);
    let col =
      last?.[1] ??
      Math.max(
        0,
        columns.findIndex((c) => !c.readOnly),
      );
    row = Math.min(Math.max(0, row), rows.length - 1);
    col = Math.min(Math.max(0, col), columns.length - 1);
    hot.listen();
    hot.selectCell(row, col);
    hot.getCell(row, col, true)?.focus({ preventScroll: true });
  }
}
