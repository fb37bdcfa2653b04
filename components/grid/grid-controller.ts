import type { ReactiveController } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Finding, FindingLocation } from '../../src/model/finding.ts';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import { createHot, type HotInstance } from './handsontable.ts';
import { buildMarks, changedMarks, refsOf, type CellRef, type CommentMap, type MarkMap } from './marks.ts';
import { CommentMarks } from './comment-marks.ts';
import { buildPresence, changedPresence, type Peer, type PresenceMap } from './presence.ts';
import { CellPainter, type PaintState } from './cell-painter.ts';
import { bindData, diffRows, noDirt, sameIds, shapeKey, type Dirty } from './grid-diff.ts';
import { SYNC, installShortcuts, readEdits, recordRefusals, takeEdits, type Change } from './edit-handler.ts';
import { StatusLine } from './status-line.ts';
import { CellHooks } from './cell-hooks.ts';
import { fitHeight, fixedSettings, refreshDimensions, shapeSettings } from './hot-settings.ts';
import { installKeyboardEntry, keepingFocus, type KeyboardEntry } from './keyboard-entry.ts';
import { freshRows, shownFindings } from '../shared/field-findings.ts';
import { GridSelection } from './grid-selection.ts';
import type { GridHost, GridSource } from './grid-source.ts';
import type { GridColumn, GridRow, GridShape, SelectedCell } from './grid-types.ts';

export type { GridHost, GridSource } from './grid-source.ts';

/** What the grid last showed, so an update with nothing new does nothing. */
interface Synced {
  plan: Plan | null;
  allocation: Allocation | null;
  findings: Finding[];
  locale: Locale;
  readonly: boolean;
  view: string;
  /** Counts releases of fresh rows (field-findings.ts): their findings then show. */
  fresh: number;
}

/**
 * Owns the Handsontable instance of one grid element: created after the element's first render,
 * destroyed on disconnect (and rebuilt on reconnect or when it fails), kept in step with the
 * element's properties by updating only what changed, and turning edits into `rp-edit` ops.
 */
export class GridController implements ReactiveController, PaintState {
  hot: HotInstance | null = null;
  rows: readonly GridRow[] = [];
  columns: readonly GridColumn[] = [];
  data: string[][] = [];
  rowIndex = new Map<string, number>();
  colIndex = new Map<string, number>();
  pinnedRows = 0;
  fixedColumns = 1;
  marks: MarkMap = new Map();
  presence: PresenceMap = new Map();
  /** Cells whose last input was refused, with the reason; cleared by the next accepted edit. */
  readonly refused = new Map<string, Msg>();
  private shape = '';
  private builtKey = '';
  private synced: Synced | null = null;
  private presenceSynced: { peers: readonly Peer[]; plan: Plan | null } | null = null;
  /**
   * Cells an edit changed, painted in place of the full render Handsontable runs at the end of
   * every edit (see onBeforeChange); null when no edit is under way.
   */
  private editRepaint: Dirty | null = null;
  private keyboard: KeyboardEntry | null = null;
  private readonly painter = new CellPainter(this);
  /** The open comment threads' marks (comment-marks.ts). */
  private readonly commentMarks: CommentMarks;
  private readonly line: StatusLine;
  private readonly hooks: CellHooks;
  private fresh = 0;
  readonly selection: GridSelection;
  private readonly onFresh = () => {
    this.fresh++;
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: GridHost,
    private readonly source: GridSource,
  ) {
    this.line = new StatusLine(source, this);
    this.selection = new GridSelection(this, (row, col) => this.line.showCell(row, col));
    this.commentMarks = new CommentMarks(this, host, source);
    this.hooks = new CellHooks(this, host, source);
    host.addController(this);
  }

  get locale(): Locale {
    return this.host.locale;
  }
  get readonly(): boolean {
    return this.host.readonly;
  }
  get comments(): CommentMap {
    return this.commentMarks.map;
  }

  /** Paints these cells where they are on screen (comment marks). */
  repaintCells(cells: CellRef[]): void {
    if (this.hot) this.painter.repaint(this.hot, { rows: [], values: [], cells });
  }

  hostConnected(): void {
    freshRows.addEventListener('change', this.onFresh);
    this.host.addEventListener('focusout', this.selection.onFocusOut);
    // Rebuilt after a reconnect (moved in the DOM); the first build waits for the first render.
    if (this.host.hasUpdated) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    freshRows.removeEventListener('change', this.onFresh);
    this.host.removeEventListener('focusout', this.selection.onFocusOut);
    this.destroy();
  }

  hostUpdated(): void {
    if (!this.host.isConnected || !this.source.container()) return;
    try {
      // Handsontable reads the license key once, at creation.
      if (this.hot && this.host.licenseKey !== this.builtKey) this.destroy();
      if (!this.hot) return this.create();
      this.sync();
    } catch {
      this.recover();
    }
  }

  /** Selects and scrolls to the cell a finding points at; false when this grid has no such cell. */
  focusCell(location: FindingLocation): boolean {
    const refs = refsOf(this.source.locate(location));
    return refs.length > 0 && this.selection.focus(refs[0]!, refs[refs.length - 1]);
  }

  private create(): void {
    const host = this.host;
    const shape = this.source.shape();
    const rows = this.source.rows();
    this.setShape(shape);
    this.setRows(rows);
    this.marks = buildMarks(shownFindings(host.findings), (l) => this.source.locate(l));
    this.presence = buildPresence(host.presence, (l) => this.source.locatePresence(l));
    this.presenceSynced = { peers: host.presence, plan: host.plan };
    this.commentMarks.sync(true);
    const container = this.source.container()!;
    fitHeight(container, shape, rows.length);
    const hot = createHot(container, {
      licenseKey: host.licenseKey,
      data: (this.data = bindData(rows)),
      ...shapeSettings(shape, this.painter.renderer),
      ...fixedSettings,
      readOnly: host.readonly,
      cells: (row: number, col: number) => this.hooks.cellMeta(row, col),
      // An edit repaints the cells it changed, not the viewport: see onBeforeChange.
      beforeViewRender: (_forced: boolean, skip: { skipRender?: boolean }) => {
        if (this.editRepaint) skip.skipRender = true;
      },
      beforeChange: (changes: unknown, source: unknown) => this.onBeforeChange(changes as Change[], source as string),
      afterSelectionEnd: (row: number, col: number) => {
        this.selection.moved(row);
        this.line.showCell(row, col);
        this.hooks.emitSelect(row, col);
        this.hooks.labelEditors(row, col);
      },
      afterBeginEditing: (row: number, col: number) => this.hooks.labelEditors(row, col),
      beforePaste: (data: unknown[][], ranges: { startRow: number; startCol: number }[]) =>
        this.hooks.spreadPaste(data, ranges),
    } as never);
    // Added after Handsontable's own afterRender hook, which reads the layout: painting first
    // would make that read lay out the painted cells there and then, not in the next frame.
    hot.addHook('afterRender', () => this.finishEditRepaint());
    this.hot = hot;
    this.builtKey = host.licenseKey;
    this.synced = this.current();
    installShortcuts(hot, (redo) => this.source.emitUndo(redo), [
      ...this.source.shortcuts(),
      this.commentMarks.shortcut,
    ]);
    container.addEventListener('click', this.commentMarks.onClick);
    this.keyboard = installKeyboardEntry(hot, container, (fromBelow) => this.selection.enterByKeyboard(fromBelow));
  }

  private destroy(): void {
    const hot = this.hot;
    this.hot = null;
    this.editRepaint = null;
    this.keyboard?.destroy();
    this.keyboard = null;
    this.source.container()?.removeEventListener('click', this.commentMarks.onClick);
    if (!hot) return;
    hot.rootPortalElement?.remove();
    hot.destroy();
  }

  /**
   * A Handsontable whose state and DOM disagree (it throws while drawing) is rebuilt from the
   * element's properties: the plan is the owner's, so nothing is lost, and the user keeps the
   * selected cell. Its internal error text is never shown; only a rebuild that fails says so.
   */
  private recover(): void {
    const selected = this.selection.current();
    const focused = !!this.hot?.isListening();
    try {
      this.destroy();
      this.create();
      if (this.line.text === gt('gridFailed', this.locale)) this.line.set(null);
      if (selected && focused) this.selection.focus({ rowId: selected.row.id, colKey: selected.column.key });
      else if (selected) this.selection.quietly(selected);
    } catch {
      this.destroy();
      this.line.set({ text: gt('gridFailed', this.locale), refused: true });
    }
  }

  private current(): Synced {
    const h = this.host;
    return {
      plan: h.plan,
      allocation: h.allocation,
      findings: h.findings,
      locale: h.locale,
      readonly: h.readonly,
      view: this.source.viewKey(),
      fresh: this.fresh,
    };
  }

  /** Brings the grid in step with what changed since it was last shown. */
  private sync(): void {
    const now = this.current();
    const was = this.synced;
    const dataChanged =
      !was ||
      now.plan !== was.plan ||
      now.allocation !== was.allocation ||
      now.locale !== was.locale ||
      now.view !== was.view;
    const findingsChanged = dataChanged || now.findings !== was?.findings || now.fresh !== was?.fresh;
    const settingsChanged = now.readonly !== was?.readonly;
    if (dataChanged || findingsChanged || settingsChanged) {
      const dirty = this.syncGrid(dataChanged, findingsChanged, settingsChanged);
      if (dirty) this.painter.repaint(this.hot!, dirty);
    }
    const ps = this.presenceSynced;
    if (!ps || ps.peers !== this.host.presence || ps.plan !== this.host.plan || dataChanged) this.syncPresence();
    this.commentMarks.sync(dataChanged);
  }

  private setShape(shape: GridShape): void {
    this.columns = shape.columns;
    this.pinnedRows = shape.fixedRowsBottom ?? 0;
    this.fixedColumns = shape.fixedColumnsStart ?? 1;
    this.colIndex = new Map(shape.columns.map((c, i) => [c.key, i]));
    this.shape = shapeKey(shape);
  }

  private setRows(rows: readonly GridRow[]): void {
    this.rows = rows;
    this.rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  }

  /**
   * A new shape re-creates columns; a new row sequence goes through updateData (both render the
   * grid once, and return null); otherwise only cells whose text changed are written into the
   * bound data and the rows and cells whose look changed are returned for painting.
   */
  private syncGrid(dataChanged: boolean, findingsChanged: boolean, settingsChanged: boolean): Dirty | null {
    const hot = this.hot!;
    let dirty = noDirt();
    let resized = false;
    let reselect: SelectedCell | null = null;
    // Settings and data replacements go through one batch (one render). The common case, changed
    // cell text or marks, must not use batch(): its end renders even when nothing asked for it.
    const heavy: (() => void)[] = [];
    if (settingsChanged) heavy.push(() => hot.updateSettings({ readOnly: this.host.readonly }));
    if (dataChanged) {
      const shape = this.source.shape();
      const previous = this.shape;
      this.setShape(shape);
      const rows = this.source.rows();
      if (this.shape !== previous || !sameIds(this.rows, rows)) {
        // The selection is put back by identity after the rows are replaced: left in place, it
        // can point past the rows the overlays have drawn (a removed row, the totals row moving
        // up) and Handsontable's focus handling then throws "TR was expected to be rendered".
        reselect = this.selection.current();
        if (reselect) heavy.push(() => hot.deselectCell());
        resized = fitHeight(this.source.container()!, shape, rows.length);
        this.setRows(rows);
        const data = (this.data = bindData(rows));
        // A pending edit repaint describes the old rows: this render replaces it.
        this.editRepaint = null;
        if (this.shape !== previous)
          heavy.push(() => hot.updateSettings({ ...shapeSettings(shape, this.painter.renderer), data } as never));
        else heavy.push(() => hot.updateData(data, SYNC));
      } else {
        dirty = { ...diffRows(this.rows, rows, this.data), cells: [] };
        this.setRows(rows);
      }
    }
    if (findingsChanged) {
      const marks = buildMarks(shownFindings(this.host.findings), (l) => this.source.locate(l));
      dirty.cells = changedMarks(this.marks, marks);
      this.marks = marks;
    }
    const now = this.current();
    const was = this.synced ?? now;
    this.synced = {
      ...now,
      plan: dataChanged ? now.plan : was.plan,
      allocation: dataChanged ? now.allocation : was.allocation,
      findings: findingsChanged ? now.findings : was.findings,
      fresh: findingsChanged ? now.fresh : was.fresh,
    };
    if (heavy.length > 0) {
      keepingFocus(this.source.container()!, () => {
        hot.batch(() => heavy.forEach((run) => run()));
        if (reselect) this.selection.quietly(reselect);
        this.selection.applyPending();
      });
    }
    if (resized) refreshDimensions(hot);
    const sel = hot.getSelectedLast();
    // After this update, not inside it: the status line is lit state of its own.
    if (sel && !this.line.sticky) queueMicrotask(() => this.line.showCell(sel[0]!, sel[1]!));
    return heavy.length > 0 ? null : dirty;
  }

  /** After the render an edit ends with (skipped when cells were waiting): paints those cells. */
  private finishEditRepaint(): void {
    const dirty = this.editRepaint;
    if (!dirty || !this.hot) return;
    this.editRepaint = null;
    try {
      this.painter.repaint(this.hot, dirty);
    } catch {
      this.recover();
    }
  }

  /** Redraws only the cells whose participants changed; Handsontable does not render anything. */
  private syncPresence(): void {
    const next = buildPresence(this.host.presence, (l) => this.source.locatePresence(l));
    const changed = changedPresence(this.presence, next);
    this.presence = next;
    this.presenceSynced = { peers: this.host.presence, plan: this.host.plan };
    if (this.hot) this.painter.repaint(this.hot, { rows: [], values: [], cells: changed });
  }

  private onBeforeChange(changes: Change[], source: string): void {
    const hot = this.hot;
    if (!hot) return;
    const edits = takeEdits(hot, changes, source, this);
    if (edits.length === 0) return;
    const outcome = readEdits((e) => this.source.toOps(e), edits);
    recordRefusals(this.refused, edits, outcome);
    this.line.afterEdit(outcome, this.locale);
    this.source.emitOps(outcome.ops);
    // An owner that applies the ops synchronously has set the new plan by now: bring the grid in
    // step before Handsontable's render that ends every edit (even a cancelled one), and paint the
    // changed cells instead of that render. A new row sequence or shape has just rendered the grid.
    const now = this.current();
    const was = this.synced;
    const planChanged = now.plan !== was?.plan || now.allocation !== was?.allocation;
    const dirty = planChanged || now.findings !== was?.findings ? this.syncGrid(planChanged, true, false) : noDirt();
    if (!dirty) return;
    // Refused marks (set or cleared) show on the edited cells.
    for (const e of edits) dirty.cells.push({ rowId: e.row.id, colKey: e.column.key });
    this.editRepaint = dirty;
    // Should no render follow within this task (rendering suspended), paint anyway.
    queueMicrotask(() => {
      if (this.editRepaint === dirty) this.finishEditRepaint();
    });
  }

  /** A message that stays a few seconds, also when the selection moves. */
  showNote(text: string): void {
    this.line.note(text);
  }
}
