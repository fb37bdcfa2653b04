import type { HotInstance } from './handsontable.ts';
import type { CellPainter } from './cell-painter.ts';
import type { GridShape } from './grid-types.ts';

/** Fixed row height: row heights are never measured (autoRowSize off), so nothing reads layout. */
export const ROW_HEIGHT = 29;
/** Height of one column-header level in Handsontable's main theme, plus its 1px border. */
const HEADER_HEIGHT = 30;
/** Room for the horizontal scroll bar and the pinned row's border. */
const SCROLLBAR = 12;

/** The settings every grid shares, whatever its shape. */
export const fixedSettings = {
  rowHeaders: false,
  rowHeights: ROW_HEIGHT,
  autoRowSize: false,
  autoColumnSize: false,
  width: '100%',
  height: '100%',
  ariaTags: true,
  // No wrapping and the read-only look come from our styles keyed on data attributes: these
  // two classes would be cleared and re-added on every cell at every render (grid.styles.ts).
  wordWrap: false,
  noWordWrapClassName: '',
  readOnlyCellClassName: '',
  outsideClickDeselects: false,
  fillHandle: false,
  enterMoves: { row: 1, col: 0 },
  layoutDirection: 'ltr',
} as const;

/** Columns, headers and frozen parts of a shape, as Handsontable takes them. */
export function shapeSettings(shape: GridShape, renderer: CellPainter['renderer']) {
  return {
    columns: shape.columns.map((c) => ({
      readOnly: c.readOnly ?? false,
      editor: c.options ? 'select' : 'text',
      renderer,
      selectOptions: c.options ? Object.fromEntries(c.options.map((o) => [o.value, o.label])) : undefined,
    })),
    colWidths: shape.columns.map((c) => c.width),
    colHeaders: shape.columns.map((c) => c.header),
    nestedHeaders: shape.nestedHeaders ? (shape.nestedHeaders.map((level) => [...level]) as never) : undefined,
    fixedColumnsStart: shape.fixedColumnsStart ?? 1,
    fixedRowsBottom: shape.fixedRowsBottom ?? 0,
    // Only when a shape asks for taller headers: the theme's own height otherwise.
    columnHeaderHeight: shape.headerHeights ? headerHeights(shape) : undefined,
  };
}

/** The height of each header level: the shape's, else one line. */
function headerHeights(shape: GridShape): number[] {
  const levels = shape.nestedHeaders?.length ?? 1;
  return Array.from({ length: levels }, (_, i) => shape.headerHeights?.[i] ?? HEADER_HEIGHT);
}

/**
 * A short plan gets a grid as tall as its rows, not an empty area down to --rp-grid-height (the
 * cap, from CSS). Computed from the fixed row and header heights, so nothing reads layout.
 * True when the height changed (Handsontable then refreshes its dimensions).
 */
export function fitHeight(el: HTMLElement, shape: GridShape, rowCount: number): boolean {
  const headers = headerHeights(shape).reduce((a, b) => a + b, 0);
  const content = headers + rowCount * ROW_HEIGHT + SCROLLBAR;
  const height = `min(var(--rp-grid-height, 420px), ${content}px)`;
  if (el.style.height === height) return false;
  el.style.height = height;
  return true;
}

/** Handsontable's own dimension refresh (present at runtime in 18.1, missing from its types). */
export const refreshDimensions = (hot: HotInstance): void =>
  (hot as unknown as { refreshDimensions?(): void }).refreshDimensions?.();
