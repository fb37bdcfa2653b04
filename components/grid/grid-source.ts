import type { ReactiveControllerHost } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Finding, FindingLocation } from '../../src/model/finding.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import type { CellRef as PeerCell } from '../../src/sync/collab/presence.ts';
import type { CellRef } from './marks.ts';
import type { Peer } from './presence.ts';
import type { CommentAnchor } from '../../src/model/negotiation.ts';
import type { Shortcut } from './edit-handler.ts';
import type { StatusSink } from './status-line.ts';
import type { CellEdit, EditOutcome, GridColumn, GridRow, GridShape } from './grid-types.ts';

/*
 * What a GridController needs from the element that owns it: its properties (GridHost) and its
 * description of the grid (GridSource). The element implements both; the controller knows
 * Handsontable, the element does not.
 */

/** A comment thread as a grid reads it (src/negotiation/comments.ts CommentThread fits). */
export interface CommentThreadMark {
  id: string;
  anchor: CommentAnchor;
  resolved: boolean;
  orphaned: boolean;
}

/** The element's properties the grid follows. */
export interface GridHost extends ReactiveControllerHost, HTMLElement {
  plan: Plan | null;
  allocation: Allocation | null;
  findings: Finding[];
  locale: Locale;
  readonly: boolean;
  licenseKey: string;
  presence: readonly Peer[];
  /** The scenario's comment threads; the open ones mark the cell they are anchored to. */
  comments: readonly CommentThreadMark[];
  readonly hasUpdated: boolean;
}

/** What the element describes: the grid's shape and rows, where findings go, how edits read. */
export interface GridSource extends StatusSink {
  container(): HTMLDivElement | null;
  shape(): GridShape;
  rows(): GridRow[];
  locate(location: FindingLocation): CellRef | readonly CellRef[] | null;
  locatePresence(location: PeerCell): CellRef | null;
  toOps(edits: CellEdit[]): EditOutcome;
  cellLocation(row: GridRow, column: GridColumn): PeerCell | null;
  /** Extra view state (the split grid's percent/euro view): a change rebuilds the rows. */
  viewKey(): string;
  shortcuts(): Shortcut[];
  emitOps(ops: PlanOp[]): void;
  emitSelect(location: PeerCell): void;
  emitUndo(redo: boolean): void;
  /** Open the comments on a cell (its marker, or the shortcut on the selected cell). */
  emitComment(location: PeerCell): void;
  /**
   * Where the columns of a paste starting at `startCol` go (one index per pasted column), when
   * not simply side by side; null to leave the paste as it is.
   */
  pasteColumns?(startCol: number, width: number): number[] | null;
}
