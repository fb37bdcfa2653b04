import type { Locale } from '../../src/i18n/locale.ts';

/**
 * A count of persons as typed: digits with the locale's thousands separator or spaces ("12.500" in
 * nl, "12,500" in en). Null for empty text, undefined for text that is not a whole number ≥ 0.
 */
export function readWholeNumber(text: string, locale: Locale): number | null | undefined {
  const s = text.trim().replace(/[\s\u00A0\u202F]/g, '');
  if (s === '') return null;
  const group = locale === 'nl' ? '.' : ',';
  const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
  const digits = /^\d+$/.test(s) ? s : grouped.test(s) ? s.split(group).join('') : null;
  if (digits === null || digits.length > 9) return undefined;
  return Number(digits);
}

export const wholeNumberToText = (n: number | null, locale: Locale): string =>
  n === null ? '' : new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(n);
