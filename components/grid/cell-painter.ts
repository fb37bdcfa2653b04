import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import { textRenderer, type HotInstance } from './handsontable.ts';
import { markSeverity, type CommentMap, type MarkMap } from './marks.ts';
import { presenceColor, type Peer, type PresenceMap } from './presence.ts';
import type { Dirty } from './grid-diff.ts';
import type { GridColumn, GridRow } from './grid-types.ts';

/** What the painter reads: the grid's rows and columns as shown, and what marks its cells. */
export interface PaintState {
  readonly rows: readonly GridRow[];
  readonly columns: readonly GridColumn[];
  readonly data: readonly (readonly string[])[];
  /** Rows pinned at the bottom (fixedRowsBottom) and columns frozen at the start. */
  readonly pinnedRows: number;
  readonly fixedColumns: number;
  readonly rowIndex: ReadonlyMap<string, number>;
  readonly colIndex: ReadonlyMap<string, number>;
  readonly marks: MarkMap;
  /** Cells whose last input was refused (key: cellKey), with the reason. */
  readonly refused: ReadonlyMap<string, Msg>;
  readonly presence: PresenceMap;
  /** The open comment threads on each cell. */
  readonly comments: CommentMap;
  readonly locale: Locale;
  readonly readonly: boolean;
}

type RendererProps = Parameters<typeof textRenderer>[6];

export const cellKey = (rowId: string, colKey: string) => `${rowId}\u0000${colKey}`;

/**
 * Draws cells: Handsontable's renderer for a full render, and `repaint` for an edit, which paints
 * only the given rows and cells where they are on screen instead of a Handsontable render (that
 * would rebuild every visible cell, header and overlay and measure the layout in between).
 */
export class CellPainter {
  constructor(private readonly s: PaintState) {}

  readonly renderer = (
    instance: HotInstance,
    td: HTMLTableCellElement,
    row: number,
    col: number,
    prop: string | number,
    value: unknown,
    props: RendererProps,
  ): void => {
    const column = this.s.columns[col];
    const r = this.s.rows[row];
    const shown = shownValue(r, column, value);
    textRenderer(instance, td, row, col, prop, shown, props);
    this.drawCell(td, r, column, col, shown);
  };

  /** Paints the given rows and cells where they are rendered; cells off screen draw when they scroll in. */
  repaint(hot: HotInstance, { rows, values, cells }: Dirty): void {
    const s = this.s;
    if (rows.length > 0 || values.length > 0) {
      // The rendered band of the main table, plus the fixed first columns and pinned bottom rows.
      const view = hot.view;
      const firstRow = view.getFirstRenderedVisibleRow() ?? 0;
      const lastRow = view.getLastRenderedVisibleRow() ?? -1;
      const pinned = s.rows.length - s.pinnedRows;
      const fixed = s.fixedColumns;
      const firstCol = Math.max(fixed, view.getFirstRenderedVisibleColumn() ?? fixed);
      const lastCol = Math.min(s.columns.length - 1, view.getLastRenderedVisibleColumn() ?? -1);
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
      const row = s.rowIndex.get(ref.rowId);
      const col = s.colIndex.get(ref.colKey);
      if (row !== undefined && col !== undefined) this.paintCell(hot, row, col);
    }
  }

  /**
   * Paints one cell on each element that shows it, as the renderer would: its text and our part.
   * Handsontable's part (classes, role and aria attributes) does not change with the value.
   */
  private paintCell(hot: HotInstance, row: number, col: number): void {
    const s = this.s;
    const main = hot.getCell(row, col, false);
    // Fixed columns and pinned rows also have a clone in an overlay.
    const top = col < s.fixedColumns || row >= s.rows.length - s.pinnedRows ? hot.getCell(row, col, true) : null;
    if (!main && !top) return;
    const r = s.rows[row];
    const column = s.columns[col];
    const shown = shownValue(r, column, s.data[row]?.[col]);
    for (const td of main === top ? [main] : [main, top]) {
      if (!td) continue;
      setText(td, shown.trim()); // as the text renderer (trimWhitespace)
      this.drawCell(td, r, column, col, shown);
    }
  }

  /** Our part of a cell's look: what it is (for the styles), then its marks, name and presence. */
  private drawCell(
    td: HTMLTableCellElement,
    r: GridRow | undefined,
    column: GridColumn | undefined,
    col: number,
    shown: string,
  ): void {
    // The same cascade as the readOnly cell meta: the grid, the column, the row.
    const readOnly = this.s.readonly || !!column?.readOnly || !!r?.readOnly;
    setAttr(td, 'data-rp', cellKinds(r, column, col, readOnly));
    const s = this.s;
    const l = s.locale;
    const findings = r && column ? s.marks.get(r.id)?.get(column.key) : undefined;
    const severity = markSeverity(findings);
    const refused = r && column ? s.refused.get(cellKey(r.id, column.key)) : undefined;
    const peers = r && column ? s.presence.get(r.id)?.get(column.key) : undefined;
    setAttr(td, 'data-rp-mark', severity ?? null);
    setAttr(td, 'data-rp-refused', refused !== undefined ? '' : null);
    this.drawPresence(td, peers);
    const threads = r && column ? (s.comments.get(r.id)?.get(column.key)?.length ?? 0) : 0;
    drawCommentMark(td, threads, l);
    if (!r || !column) return;
    const empty = shown === '' ? '—' : shown;
    const label = col === 0 ? `${column.header}: ${empty}` : `${r.name}, ${column.header}: ${empty}`;
    setAttr(td, 'aria-label', r.inherited && col > 0 ? `${label} (${gt('usesDefault', l)})` : label);
    const notes =
      !refused && !findings
        ? null
        : [...(refused ? [refused[l]] : []), ...(findings ?? []).map((f) => `${gt(f.severity, l)}: ${f.message[l]}`)];
    const editing = peers?.map((p) => `${peerName(p, l)} ${gt('isEditingCell', l)}.`);
    const comments = threads > 0 ? [`${commentCount(threads, l)}.`] : [];
    const description = [...(notes ?? []), ...comments, ...(editing ?? [])];
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
    box.dataset.names = peers.map((p) => peerName(p, this.s.locale)).join(', ');
    if (old) old.replaceWith(box);
    else td.append(box);
    setAttr(td, 'data-rp-presence', '');
  }
}

/** "1 opmerking" / "3 comments": the open threads on a cell. */
const commentCount = (n: number, l: Locale): string =>
  gt(n === 1 ? 'commentOne' : 'commentMany', l).replace('{n}', String(n));

/**
 * A corner mark on a cell with open comment threads: a shape (not colour alone), drawn by CSS,
 * hidden from assistive technology (the cell's description says it); a click on it opens the thread.
 */
function drawCommentMark(td: HTMLTableCellElement, threads: number, l: Locale): void {
  const old = td.querySelector(':scope > .rp-comment');
  if (threads === 0) {
    old?.remove();
    setAttr(td, 'data-rp-comment', null);
    return;
  }
  const mark = (old as HTMLElement | null) ?? document.createElement('span');
  if (!old) {
    mark.className = 'rp-comment';
    mark.setAttribute('aria-hidden', 'true');
    td.append(mark);
  }
  setAttr(mark, 'title', commentCount(threads, l));
  setAttr(td, 'data-rp-comment', String(threads));
}

/** Writes an attribute only when it changes: most cells repaint with the same text. */
export function setAttr(el: Element, name: string, value: string | null): void {
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
function cellKinds(
  r: GridRow | undefined,
  column: GridColumn | undefined,
  col: number,
  readOnly: boolean,
): string | null {
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
