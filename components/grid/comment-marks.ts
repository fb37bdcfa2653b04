import type { Plan } from '../../src/model/plan.ts';
import { placeOf } from '../../src/negotiation/anchor.ts';
import type { CellRef as PeerCell } from '../../src/sync/collab/presence.ts';
import type { HotInstance } from './handsontable.ts';
import { buildCommentMarks, changedCommentMarks, type CellRef, type CommentMap } from './marks.ts';
import type { Shortcut } from './edit-handler.ts';
import type { GridHost, GridSource } from './grid-source.ts';
import type { GridColumn, GridRow } from './grid-types.ts';

/** What the comment marks read of the grid controller. */
export interface CommentGrid {
  readonly hot: HotInstance | null;
  readonly rows: readonly GridRow[];
  readonly columns: readonly GridColumn[];
  /** Paints these cells where they are on screen. */
  repaintCells(cells: CellRef[]): void;
}

/**
 * The open comment threads of a grid: which cells carry a mark (by row id and column key, so a
 * mark follows its row), kept in step with the element's `comments` by repainting only the cells
 * whose marks changed; and the way from a cell to its thread (a click on the mark, Shift+F2).
 */
export class CommentMarks {
  map: CommentMap = new Map();
  private synced: { threads: GridHost['comments']; plan: Plan | null } | null = null;

  constructor(
    private readonly grid: CommentGrid,
    private readonly host: GridHost,
    private readonly source: GridSource,
  ) {}

  /** Rebuilds the marks when the threads or the plan changed, or when `force`d (new rows or shape). */
  sync(force = false): void {
    const s = this.synced;
    if (!force && s && s.threads === this.host.comments && s.plan === this.host.plan) return;
    const open = this.host.comments.filter((t) => !t.resolved && !t.orphaned && t.anchor.rowId);
    const next = buildCommentMarks(
      open.map((t) => ({ id: t.id, location: placeOf(t.anchor) })),
      (l) => this.source.locatePresence(l as PeerCell),
    );
    const changed = changedCommentMarks(this.map, next);
    this.map = next;
    this.synced = { threads: this.host.comments, plan: this.host.plan };
    if (this.grid.hot && changed.length > 0) this.grid.repaintCells(changed);
  }

  /** Excel's "edit comment" and Google Sheets' "insert comment": the selected cell's comments. */
  readonly shortcut: Shortcut = {
    keys: [
      ['Shift', 'F2'],
      ['Control/Meta', 'Alt', 'm'],
    ],
    run: () => this.open(),
  };

  /** Asks for the comments on a cell (default: the selected one): its open thread, or a new one there. */
  open(row?: number, col?: number): void {
    const sel = this.grid.hot?.getSelectedLast();
    const r = this.grid.rows[row ?? sel?.[0] ?? -1];
    const column = this.grid.columns[col ?? sel?.[1] ?? -1];
    const location = r && column ? this.source.cellLocation(r, column) : null;
    if (location) this.source.emitComment(location);
  }

  /** A click on a cell's comment mark opens its thread (Handsontable has selected the cell by then). */
  readonly onClick = (e: MouseEvent): void => {
    const mark = e.target instanceof Element ? e.target.closest('.rp-comment') : null;
    const td = mark?.closest('td');
    const coords = td && this.grid.hot ? this.grid.hot.getCoords(td) : null;
    const { row, col } = coords ?? {};
    if (row == null || col == null || row < 0 || col < 0) return;
    this.open(row, col);
  };
}
