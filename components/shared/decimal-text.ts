import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { parseNumber, parsePercent } from '../../src/money/parse.ts';
import { toCanonical } from '../../src/money/decimal.ts';

/**
 * A stored canonical decimal ("12.5") as a person of this locale types it ("12,5"). No grouping
 * and no rounding: the input shows the exact stored value, so saving it unchanged changes nothing.
 */
export function decimalToText(canonical: string | null | undefined, locale: Locale): string {
  if (canonical === null || canonical === undefined) return '';
  return locale === 'nl' ? canonical.replace('.', ',') : canonical;
}

export type ReadResult = { ok: true; value: string | null } | { ok: false; error: Msg };

/** Reads typed text into a canonical decimal string through src/money; empty text is `null`. */
export function readDecimal(text: string, locale: Locale, kind: 'percent' | 'number'): ReadResult {
  if (text.trim() === '') return { ok: true, value: null };
  const parsed = kind === 'percent' ? parsePercent(text, locale) : parseNumber(text, locale);
  return parsed.ok ? { ok: true, value: toCanonical(parsed.value) } : { ok: false, error: parsed.error };
}
