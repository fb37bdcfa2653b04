import type { Locale } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import type { GridHost, GridSource } from './grid-source.ts';
import type { GridColumn, GridRow } from './grid-types.ts';

/*
 * The per-cell callbacks a grid gives Handsontable: which cells are read-only, labels for its
 * cell editors, `rp-select` when the selected cell changes, and how a paste spreads over the
 * columns the grid names. Stateless apart from the last cell told as selected.
 */

/** What the hooks read of the grid as it is now. */
export interface CellHookState {
  readonly rows: readonly GridRow[];
  readonly columns: readonly GridColumn[];
  readonly data: string[][];
  readonly locale: Locale;
}

export class CellHooks {
  /** The last location sent as `rp-select`, so moving within the same cell sends nothing. */
  private lastSelect = '';

  constructor(
    private readonly grid: CellHookState,
    private readonly host: GridHost,
    private readonly source: GridSource,
  ) {}

  cellMeta(row: number, col: number): { readOnly: boolean } {
    // Always the whole cascade (grid, column, row), never "nothing": Handsontable keeps cell meta
    // by row index across updateData, so a new activity at the index where the totals row was
    // would otherwise stay read-only (issue #13 bug 1). Inapplicable cells stay writable: a paste
    // that changes the cost basis in the same row makes them applicable; the rest is refused.
    const g = this.grid;
    return { readOnly: this.host.readonly || !!g.columns[col]?.readOnly || !!g.rows[row]?.readOnly };
  }

  /**
   * Names Handsontable's cell editors (its text area and select), which it leaves unlabelled, after
   * the cell they edit, so a screen reader says what is being typed into.
   */
  labelEditors(row: number, col: number): void {
    const r = this.grid.rows[row];
    const column = this.grid.columns[col];
    const l = this.grid.locale;
    const label = r && column ? `${gt('cellInput', l)}: ${r.name}, ${column.header}` : gt('cellInput', l);
    const root = this.source.container()?.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    for (const input of root.querySelectorAll('textarea.handsontableInput, .htSelectEditor > select')) {
      if (input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label);
    }
  }

  emitSelect(row: number, col: number): void {
    const r = this.grid.rows[row];
    const column = this.grid.columns[col];
    const location = r && column ? this.source.cellLocation(r, column) : null;
    if (!location) return;
    const key = JSON.stringify(location);
    if (key === this.lastSelect) return;
    this.lastSelect = key;
    this.source.emitSelect(location);
  }

  /**
   * Spreads pasted columns over the columns the grid names (the split grid puts domain shares on
   * domain columns, past the sector columns between them); the cells skipped keep their text, so
   * they are no edit.
   */
  spreadPaste(data: unknown[][], ranges: { startRow: number; startCol: number }[]): void {
    const start = ranges[0];
    const width = data[0]?.length ?? 0;
    const targets = start && width > 0 ? this.source.pasteColumns?.(start.startCol, width) : null;
    if (!start || !targets || targets.length !== width) return;
    const span = targets[targets.length - 1]! - start.startCol + 1;
    data.forEach((row, r) => {
      const current = this.grid.data[start.startRow + r] ?? [];
      const spread: unknown[] = Array.from({ length: span }, (_, i) => current[start.startCol + i] ?? '');
      targets.forEach((col, i) => {
        spread[col - start.startCol] = row[i];
      });
      row.splice(0, row.length, ...spread);
    });
  }
}
