import type { Locale } from '../i18n/locale.ts';
import { Dec } from './decimal.ts';

/*
 * Display of money, percentages and plain numbers per locale, exact for any size.
 *
 * Formatted by hand rather than with Intl.NumberFormat: Intl does accept decimal strings exactly
 * (checked in Node 20 / current Chromium), but its nl-NL output puts a no-break space after €,
 * writes percent as `12,5%` and differs between ICU builds, while our users, tests and exports
 * need one stable text: `€ 1.234,56` and `12,5 %` (nl-NL), `€1,234.56` and `12.5%` (en).
 * The separator between € or % and the number is a plain space; keep cells `white-space: nowrap`.
 * Rounding to the shown decimals is half away from zero, as everywhere in regioplan.
 * Output always parses back (parseAmount/parsePercent) to the rounded value in the same locale.
 */

const SEP: Record<Locale, { group: string; decimal: string }> = {
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

export interface NumberFormatOptions {
  /** Decimals always shown (padded with zeros). Default 0. */
  minDecimals?: number;
  /** Decimals at most (rounded half away from zero beyond). Default 12. */
  maxDecimals?: number;
  /** Thousands separators. Default true. */
  grouping?: boolean;
}

function toDec(value: Dec | string): Dec | null {
  try {
    const d = typeof value === 'string' ? new Dec(value) : value;
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** Digits of |d| with separators; the sign is the caller's business (its place differs per style). */
function body(d: Dec, locale: Locale, min: number, max: number, grouping: boolean): string {
  const rounded = d.abs().toDecimalPlaces(max, Dec.ROUND_HALF_UP);
  const places = Math.max(min, Math.min(max, rounded.decimalPlaces()));
  const [int, frac] = rounded.toFixed(places).split('.') as [string, string | undefined];
  const sep = SEP[locale];
  const grouped = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group) : int;
  return frac ? `${grouped}${sep.decimal}${frac}` : grouped;
}

/** True when d rounds to a non-zero value at `max` decimals and is negative (no "-0,00"). */
const showsMinus = (d: Dec, max: number) => d.isNegative() && !d.toDecimalPlaces(max, Dec.ROUND_HALF_UP).isZero();

/**
 * A plain number: `1.234,5` (nl), `1,234.5` (en). Invalid input is returned as given, so that a
 * broken stored value stays visible instead of disappearing.
 */
export function formatNumber(value: Dec | string, locale: Locale, options: NumberFormatOptions = {}): string {
  const d = toDec(value);
  if (!d) return String(value);
  const max = options.maxDecimals ?? 12;
  const min = Math.min(options.minDecimals ?? 0, max);
  return `${showsMinus(d, max) ? '-' : ''}${body(d, locale, min, max, options.grouping ?? true)}`;
}

/** Euros with cents: `€ 1.234,56` / `€ -1.234,56` (nl), `€1,234.56` / `-€1,234.56` (en). */
export function formatMoney(value: Dec | string, locale: Locale, options: { symbol?: boolean } = {}): string {
  const d = toDec(value);
  if (!d) return String(value);
  const digits = body(d, locale, 2, 2, true);
  const minus = showsMinus(d, 2) ? '-' : '';
  if (options.symbol === false) return `${minus}${digits}`;
  return locale === 'nl' ? `€ ${minus}${digits}` : `${minus}€${digits}`;
}

/** Percent points: `12,5 %` (nl), `12.5%` (en); trailing zeros dropped, at most `maxDecimals`. */
export function formatPercent(value: Dec | string, locale: Locale, maxDecimals = 4): string {
  const d = toDec(value);
  if (!d) return String(value);
  const text = `${showsMinus(d, maxDecimals) ? '-' : ''}${body(d, locale, 0, maxDecimals, true)}`;
  return locale === 'nl' ? `${text} %` : `${text}%`;
}
