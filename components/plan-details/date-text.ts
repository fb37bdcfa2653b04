import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { t } from '../../src/i18n/index.ts';

/*
 * Dates typed as text. The native date input let a typed "31122025" run into the year field
 * ("22025") and stored 2202-03-11, and the refused value surfaced far from the field. A text field
 * read here stores a date only when it is complete and real, and otherwise says why at the field;
 * the plan keeps its old value.
 *
 * Read: "31-12-2025", "31/12/2025", "31.12.2025", "31 12 2025", "31122025" (day first, as Dutch
 * and British people write) and ISO "2025-12-31". Shown: "31-12-2025".
 */

export type DateRead = { ok: true; value: string | null } | { ok: false; error: Msg };

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthName = (month: number, l: Locale) =>
  new Intl.DateTimeFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );

const both = (make: (l: Locale) => string): Msg => ({ nl: make('nl'), en: make('en') });

/** A stored ISO date as a person reads and types it; text that is no ISO date is shown as stored. */
export function dateToText(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** Reads typed text into an ISO date; empty text is `null`. Never throws. */
export function readDate(text: string): DateRead {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let parts: [number, number, number] | null = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : null;
  if (!parts) {
    m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
    if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!parts) return { ok: false, error: both((l) => t(l, 'date.incomplete', { text: s.slice(0, 40) })) };
  const [day, month, year] = parts;
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return { ok: false, error: both((l) => t(l, 'date.year', { year, first: FIRST_YEAR, last: LAST_YEAR })) };
  if (month < 1 || month > 12) return { ok: false, error: both((l) => t(l, 'date.month', { month })) };
  const days = daysIn(year, month);
  if (day < 1 || day > days) {
    return { ok: false, error: both((l) => t(l, 'date.day', { day, year, days, month: monthName(month, l) })) };
  }
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}
