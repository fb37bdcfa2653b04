import type { CellRef } from './marks.ts';
import type { GridRow, GridShape } from './grid-types.ts';

/*
 * The pure part of keeping a grid in step with a plan: which rows and cells of the data array
 * Handsontable is bound to changed, written in place, so an edit repaints only those cells.
 */

/** What must be painted: whole rows (by index), single values (row, column index pairs), cells. */
export interface Dirty {
  rows: number[];
  values: number[];
  cells: CellRef[];
}

export const noDirt = (): Dirty => ({ rows: [], values: [], cells: [] });

/** Everything about a shape that needs Handsontable's columns rebuilt when it changes. */
export function shapeKey(shape: GridShape): string {
  return JSON.stringify([
    shape.columns.map((c) => [c.key, c.header, c.width, c.readOnly, c.options]),
    shape.nestedHeaders,
    shape.fixedRowsBottom,
    shape.fixedColumnsStart,
  ]);
}

/** The arrays Handsontable is bound to (by reference), so changed cells can be written in place. */
export const bindData = (rows: readonly GridRow[]): string[][] => rows.map((r) => [...r.values]);

export function sameIds(a: readonly GridRow[], b: readonly GridRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}

/** Whether two versions of a row differ at most in their values (same name, flags, muted cells). */
export function sameLook(a: GridRow, b: GridRow): boolean {
  if (a.name !== b.name || !!a.readOnly !== !!b.readOnly || !!a.inherited !== !!b.inherited || !!a.total !== !!b.total)
    return false;
  const x = a.inapplicable ?? [];
  const y = b.inapplicable ?? [];
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

/**
 * For two row lists with the same ids in the same order: writes the changed values into `data`
 * and returns the rows to repaint whole (their look changed: a name, a flag) and the single
 * values to repaint (row, column pairs). Unchanged row objects are skipped by identity.
 */
export function diffRows(
  old: readonly GridRow[],
  next: readonly GridRow[],
  data: string[][],
): Pick<Dirty, 'rows' | 'values'> {
  const rows: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < next.length; r++) {
    const row = next[r]!;
    const prev = old[r]!;
    if (row === prev) continue;
    const target = data[r]!;
    // A row that looks the same apart from some values (a default-split edit, for the rows that
    // follow it) repaints those cells; otherwise the whole row.
    const only = sameLook(prev, row) ? values : null;
    if (!only) rows.push(r);
    for (let c = 0; c < row.values.length; c++) {
      const value = row.values[c]!;
      if (target[c] === value) continue;
      target[c] = value;
      only?.push(r, c);
    }
  }
  return { rows, values };
}
