import { INTL_TAG, type Locale } from '../../src/i18n/locale.ts';

/** A stored ISO timestamp as the reader's local date and time ("4 dec 2026 20:15"); the text itself when unreadable. */
export function timeText(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
