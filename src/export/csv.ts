import type { Locale } from '../i18n/locale.ts';
import { tx } from '../i18n/export.ts';
import { formatNumber } from '../money/format.ts';
import { neutralise } from './neutralise.ts';
import type { Cell, Table } from './table.ts';

/*
 * CSV as the two spreadsheet worlds expect it: nl → semicolon and decimal comma, en → comma and
 * decimal point. Numbers carry no thousands separator so every spreadsheet reads them as numbers.
 * A UTF-8 byte order mark lets Excel see € and ë correctly; lines end in CRLF (RFC 4180).
 */

export const CSV_SEPARATOR: Record<Locale, string> = { nl: ';', en: ',' };

function cellText(cell: Cell, locale: Locale): string {
  switch (cell.t) {
    case 'text':
      return neutralise(cell.v);
    case 'money':
      return formatNumber(cell.v, locale, { grouping: false, minDecimals: 2, maxDecimals: 2 });
    case 'percent':
      return formatNumber(cell.v, locale, { grouping: false, maxDecimals: 12 });
    case 'count':
      return cell.v === null ? '' : String(cell.v);
    case 'date':
      return cell.v;
  }
}

function quote(field: string, sep: string): string {
  return field.includes(sep) || /["\r\n]/.test(field) || field !== field.trim()
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

/** The table as CSV text (with BOM). A draft starts with one line that says so. */
export function tableToCsv(table: Table, locale: Locale, draft: boolean): string {
  const sep = CSV_SEPARATOR[locale];
  const line = (fields: string[]) => fields.map((f) => quote(f, sep)).join(sep);
  const lines: string[] = [];
  if (draft) lines.push(line([`${tx('draftMark', locale)}: ${tx('draftNotice', locale)}`]));
  lines.push(line(table.columns.map((c) => neutralise(c.label))));
  for (const row of table.rows) lines.push(line(row.map((c) => cellText(c, locale))));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
