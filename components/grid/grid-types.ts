import type { PlanOp } from '../../src/model/ops.ts';
import type { Msg } from '../../src/i18n/locale.ts';
import type { CellRef as PeerCell } from '../../src/sync/collab/presence.ts';

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

export interface NestedHeaderCell {
  label: string;
  colspan: number;
}

export interface GridShape {
  columns: readonly GridColumn[];
  /** Header rows above the column headers; the last row is the columns' own headers. */
  nestedHeaders?: readonly (readonly (string | NestedHeaderCell)[])[];
  /** Rows pinned at the bottom (totals). */
  fixedRowsBottom?: number;
  /** Columns that stay in view when the grid scrolls sideways (default 1: the name column). */
  fixedColumnsStart?: number;
  /**
   * Height in px of each header level, top first (default: one line each). A taller level lets its
   * headers wrap instead of being cut off.
   */
  headerHeights?: readonly number[];
}

/** A typed, pasted or filled value for one cell, as text. */
export interface CellEdit {
  row: GridRow;
  column: GridColumn;
  rowIndex: number;
  colIndex: number;
  text: string;
}

export interface RefusedEdit {
  edit: CellEdit;
  message: Msg;
}
/** What an edit became: ops for the owner, refusals to show, and how ambiguous input was read. */
export interface EditOutcome {
  ops: PlanOp[];
  refused: RefusedEdit[];
  notes?: RefusedEdit[];
}

export interface RpEditDetail {
  ops: PlanOp[];
}

/**
 * The user's selected cell, in the location vocabulary of findings (section, rowId, and a
 * domainId/sectorId for split columns or a field for the others), for sharing as presence.
 */
export type RpSelectDetail = PeerCell;

/** A cell with its row and column, as the selection or an edit names it. */
export interface SelectedCell {
  row: GridRow;
  column: GridColumn;
  rowIndex: number;
  colIndex: number;
}
