import { INTL_TAG, type Locale } from '../../src/i18n/locale.ts';

/** One formatter per locale: building one costs far more than formatting (lists of moments call this often). */
const formats = new Map<Locale, Intl.DateTimeFormat>();

/** A stored ISO timestamp as the reader's local date and time ("4 dec 2026 20:15"); the text itself when unreadable. */
export function timeText(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(locale, format);
  }
  return format.format(d);
}
