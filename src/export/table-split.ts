import type { Column, Table } from './table.ts';

/*
 * A table too wide for a printed page (a payment schedule with a column per payee) is printed as
 * several tables, each repeating the leading columns (period, start, end) with the next group of
 * amount columns, so no column is cut off at the page edge and every row stays whole.
 */

const NUMERIC = new Set<Column['kind']>(['money', 'percent', 'count']);

/**
 * `table` as parts of at most `maxColumns` columns each (the leading non-numeric columns repeated in
 * every part), or the table itself when it fits. `title(n, of)` names part n of `of`.
 */
export function splitWideTable(table: Table, maxColumns: number, title: (n: number, of: number) => string): Table[] {
  if (table.columns.length <= maxColumns) return [table];
  const firstNumber = table.columns.findIndex((c) => NUMERIC.has(c.kind));
  const lead = firstNumber < 0 ? 1 : Math.max(1, firstNumber);
  const per = maxColumns - lead;
  if (per < 1) return [table];
  const rest = table.columns.length - lead;
  const of = Math.ceil(rest / per);
  // Parts of equal width where possible, so the last one is not a lone column.
  const size = Math.ceil(rest / of);
  const parts: Table[] = [];
  for (let k = 0; k < of; k++) {
    const from = lead + k * size;
    const to = Math.min(table.columns.length, from + size);
    const pick = <T>(row: readonly T[]) => [...row.slice(0, lead), ...row.slice(from, to)];
    parts.push({
      id: `${table.id}-${k + 1}`,
      title: title(k + 1, of),
      columns: pick(table.columns).map(({ label, kind }) => ({ label, kind })),
      rows: table.rows.map(pick),
      ...(table.totals ? { totals: pick(table.totals) } : {}),
    });
  }
  return parts;
}
