import type { Dec } from '../money/decimal.ts';

/*
 * A locale-free table: what the workbook, the CSV and the printable annex all render. Amounts stay
 * Decimal here; each renderer decides how to write them (number cell, locale text).
 */

export type Cell =
  | { t: 'text'; v: string }
  | { t: 'money'; v: Dec }
  /** Percent points, e.g. 33.3333 for 33.3333 %. */
  | { t: 'percent'; v: Dec }
  /** A count of persons or cases (integer); null = unknown. */
  | { t: 'count'; v: number | null }
  /** ISO date yyyy-mm-dd. */
  | { t: 'date'; v: string };

export type CellKind = Cell['t'];

export interface Column {
  label: string;
  kind: CellKind;
  /** A money column that is the sum of these columns (0-based) in each row: a SUM formula in the workbook. */
  sumOf?: number[];
}

export interface Table {
  /** Stable id used by tests and CSV table choice. */
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /**
   * The engine's total per column (null where a column has no total). The workbook writes a SUM
   * formula with this as its result; it equals the sum of the column's amounts to the cent.
   */
  totals?: (Dec | null)[];
}

export const text = (v: string): Cell => ({ t: 'text', v });
export const money = (v: Dec): Cell => ({ t: 'money', v });
export const percent = (v: Dec): Cell => ({ t: 'percent', v });
export const count = (v: number | null): Cell => ({ t: 'count', v });
export const date = (v: string): Cell => ({ t: 'date', v });
