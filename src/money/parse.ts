import type { Locale, Msg } from '../i18n/locale.ts';
import { Dec } from './decimal.ts';
import { formatMoney, formatNumber, formatPercent } from './format.ts';

/*
 * Reads what people type and paste into money, percent and count cells.
 *
 * Accepted: `1.234,56`, `1,234.56`, `1234,5`, `€ 1.234`, `€1.234,-`, `EUR 1.234,56`, `1.234,56 €`,
 * `-1.234,56`, `€ -1.234,56`, `-€ 1.234,56`, `(1.234,56)` (Excel's accounting negative), `12,5%`,
 * `12.5 %`, and Excel/LibreOffice clipboard text: surrounding whitespace, tabs and line breaks,
 * no-break / narrow no-break / thin spaces or apostrophes as thousands separators, U+2212 minus.
 *
 * How a separator is read:
 *  - both `.` and `,` present: the last one is the decimal separator, the other groups thousands;
 *  - one separator occurring several times: it groups thousands (`1.234.567`);
 *  - one separator occurring once, followed by exactly three digits after a 1–3 digit group
 *    (`1.234`, `1,234`): ambiguous — the locale decides (nl: `.` groups, `,` is decimal; en the
 *    reverse). So `1.234` is 1234 in nl and 1.234 in en;
 *  - otherwise it cannot be a thousands separator, so it is the decimal one (`1,5` and `1.5` are
 *    1.5 in both locales; `0.123` is 0.123).
 * Grouped digits must come in threes (`12.34.567` is refused, not guessed).
 *
 * An entry read by the locale alone (`12.500`: € 12.500 in nl, €12.50 in en) comes back with
 * `ambiguous: true` and `readAs`, a sentence in nl and en saying how it was read and how to type
 * the other reading, so a form or grid can show it (issue #13: "12.500" was read silently).
 *
 * Never throws: bad input yields `{ ok: false }` with a code and a message in nl and en.
 */

export type ParseErrorCode =
  | 'empty'
  | 'too-long'
  | 'exponent'
  | 'not-a-number'
  | 'separators'
  | 'too-many-digits'
  | 'percent-in-amount'
  | 'currency-not-allowed';

export type ParseResult =
  { ok: true; value: Dec; ambiguous?: true; readAs?: Msg } | { ok: false; code: ParseErrorCode; error: Msg };

/** Longest input read at all; anything longer is refused before any work is done on it. */
export const MAX_INPUT_LENGTH = 100;
/** Digit limits, as the model's canonical decimal strings allow. */
export const MAX_INTEGER_DIGITS = 24;
export const MAX_FRACTION_DIGITS = 12;

type Kind = 'amount' | 'percent' | 'number';

/** The noun with its article ("een bedrag", "an amount"). */
const NOUN: Record<Kind, Msg> = {
  amount: { nl: 'een bedrag', en: 'an amount' },
  percent: { nl: 'een percentage', en: 'a percentage' },
  number: { nl: 'een getal', en: 'a number' },
};
const EXAMPLE: Record<Kind, Msg> = {
  amount: { nl: '1.234,56 of € 1.234', en: '1,234.56 or €1,234' },
  percent: { nl: '12,5 %', en: '12.5%' },
  number: { nl: '1.234,5', en: '1,234.5' },
};

/** The offending input, shortened and quoted, for use inside a message. */
const quote = (s: string) => `‘${s.length > 24 ? `${s.slice(0, 24)}…` : s}’`;

function fail(code: ParseErrorCode, kind: Kind, input: string): ParseResult {
  const n = NOUN[kind];
  const ex = EXAMPLE[kind];
  const q = quote(input.trim());
  const messages: Record<ParseErrorCode, Msg> = {
    empty: { nl: `Vul ${n.nl} in.`, en: `Enter ${n.en}.` },
    'too-long': {
      nl: `De invoer is te lang (meer dan ${MAX_INPUT_LENGTH} tekens).`,
      en: `The input is too long (more than ${MAX_INPUT_LENGTH} characters).`,
    },
    exponent: {
      nl: `${q}: wetenschappelijke notatie (zoals 1e5) wordt niet gelezen; typ het getal voluit.`,
      en: `${q}: scientific notation (like 1e5) is not read; type the number in full.`,
    },
    'not-a-number': {
      nl: `${q} is geen ${n.nl.slice(4)}. Voorbeeld: ${ex.nl}.`,
      en: `${q} is not ${n.en}. Example: ${ex.en}.`,
    },
    separators: {
      nl: `De punten en komma's in ${q} vormen geen getal. Voorbeeld: ${ex.nl}.`,
      en: `The dots and commas in ${q} do not form a number. Example: ${ex.en}.`,
    },
    'too-many-digits': {
      nl: `${q} heeft te veel cijfers (hoogstens ${MAX_INTEGER_DIGITS} voor en ${MAX_FRACTION_DIGITS} na de komma).`,
      en: `${q} has too many digits (at most ${MAX_INTEGER_DIGITS} before and ${MAX_FRACTION_DIGITS} after the decimal separator).`,
    },
    'percent-in-amount': {
      nl: `${q}: ${n.nl} heeft geen %-teken.`,
      en: `${q}: ${n.en} has no % sign.`,
    },
    'currency-not-allowed': {
      nl: `${q}: ${n.nl} heeft geen valutateken.`,
      en: `${q}: ${n.en} has no currency sign.`,
    },
  };
  return { ok: false, code, error: messages[code] };
}

// Spaces Excel, LibreOffice and Intl put into numbers (NBSP, narrow NBSP, figure/thin/other spaces).
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\r\n]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const MINUS = /[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g;
const CURRENCY_START = /^(€|eur(?![a-z]))\s*/i;
const CURRENCY_END = /\s*(€|(?<![a-z])eur)$/i;
const EXPONENT = /^[+-]?[\d.,' ]*\d[eE][+-]?\d+$/;
const BODY = /^[\d.,' ’]*\d[\d.,' ’]*$/;

function parse(input: unknown, locale: Locale, kind: Kind): ParseResult {
  if (typeof input !== 'string') return fail('not-a-number', kind, String(input));
  if (input.length > MAX_INPUT_LENGTH) return fail('too-long', kind, input);
  let s = input.replace(INVISIBLE, '').replace(SPACES, ' ').replace(MINUS, '-').trim().replace(/ {2,}/g, ' ');
  if (s === '') return fail('empty', kind, input);

  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }

  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }

  let currency = false;
  let sign = '';
  const signed = /^([+-])\s*/.exec(s);
  if (signed) {
    sign = signed[1]!;
    s = s.slice(signed[0].length);
  }
  const curStart = CURRENCY_START.exec(s);
  if (curStart) {
    currency = true;
    s = s.slice(curStart[0].length);
  }
  if (!sign) {
    const signed2 = /^([+-])\s*/.exec(s);
    if (signed2) {
      sign = signed2[1]!;
      s = s.slice(signed2[0].length);
    }
  }
  const curEnd = CURRENCY_END.exec(s);
  if (curEnd) {
    if (currency) return fail('not-a-number', kind, input);
    currency = true;
    s = s.slice(0, -curEnd[0].length);
  }
  // `€ 1.234,-` and `1.234,--`: whole euros, the Dutch way of writing a round amount.
  const dash = /^(.*\d)[.,]-{1,2}$/.exec(s);
  if (dash) {
    if (kind === 'percent') return fail('not-a-number', kind, input);
    s = dash[1]!;
  }
  // With `,-` (or `.-`) the decimal separator is spoken for, so what remains can only group thousands.
  const wholeEuros = dash !== null;
  if (sign === '-') negative = !negative;

  if (percent && kind !== 'percent') return fail('percent-in-amount', kind, input);
  if (currency && kind !== 'amount') return fail('currency-not-allowed', kind, input);
  if (EXPONENT.test(s)) return fail('exponent', kind, input);
  if (!BODY.test(s)) return fail('not-a-number', kind, input);

  const digits = readDigits(s, locale, wholeEuros);
  if (!digits) return fail('separators', kind, input);
  const int = digits.int.replace(/^0+(?=\d)/, '');
  const frac = digits.frac.replace(/0+$/, '');
  if (int.length > MAX_INTEGER_DIGITS || frac.length > MAX_FRACTION_DIGITS) {
    return fail('too-many-digits', kind, input);
  }
  const zero = int === '0' && frac === '';
  const canonical = `${negative && !zero ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
  const value = new Dec(canonical);
  if (!digits.ambiguous) return { ok: true, value };
  // The other reading: the same separator taken the other way (the other locale's rule).
  const other = readDigits(s, locale === 'nl' ? 'en' : 'nl', wholeEuros);
  const alt = other ? new Dec(`${negative ? '-' : ''}${other.int}${other.frac ? `.${other.frac}` : ''}`) : null;
  return { ok: true, value, ambiguous: true, readAs: readAsMessage(input.trim(), value, alt, kind) };
}

/** "‘12.500’ read as €12.50; for €12,500.00 type 12500." in both languages. */
function readAsMessage(input: string, value: Dec, alt: Dec | null, kind: Kind): Msg {
  const show = (v: Dec, l: Locale) =>
    kind === 'amount' ? formatMoney(v, l) : kind === 'percent' ? formatPercent(v, l) : formatNumber(v, l);
  // What to type for the other reading: digits without grouping, with the locale's decimal sign.
  const typed = (v: Dec, l: Locale) => (l === 'nl' ? v.toFixed().replace('.', ',') : v.toFixed());
  const q = quote(input);
  if (!alt) return { nl: `${q} gelezen als ${show(value, 'nl')}.`, en: `${q} read as ${show(value, 'en')}.` };
  return {
    nl: `${q} gelezen als ${show(value, 'nl')}; voor ${show(alt, 'nl')} typt u ${typed(alt, 'nl')}.`,
    en: `${q} read as ${show(value, 'en')}; for ${show(alt, 'en')} type ${typed(alt, 'en')}.`,
  };
}

/** Splits a body of digits and separators into integer and fraction digits; null if malformed. */
function readDigits(
  body: string,
  locale: Locale,
  integerOnly: boolean,
): { int: string; frac: string; ambiguous?: true } | null {
  const s = body.replace(/[’']/g, ' ');
  const dots = count(s, '.');
  const commas = count(s, ',');
  let decimal: '.' | ',' | null = null;
  let ambiguous = false;
  if (integerOnly) {
    if (dots > 0 && commas > 0) return null;
  } else if (dots > 0 && commas > 0) {
    decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    if (count(s, decimal) !== 1) return null;
  } else if (dots + commas === 1) {
    const sep = dots ? '.' : ',';
    const [before, after] = s.split(sep) as [string, string];
    const couldGroup = /^\d{3}$/.test(after) && /^[1-9]\d{0,2}$/.test(before);
    const localeGroup = locale === 'nl' ? '.' : ',';
    decimal = couldGroup && sep === localeGroup ? null : sep;
    ambiguous = couldGroup;
  }
  const at = decimal === null ? -1 : s.indexOf(decimal);
  const intPart = at < 0 ? s : s.slice(0, at);
  const frac = at < 0 ? '' : s.slice(at + 1);
  if (!/^\d*$/.test(frac)) return null;
  if (decimal !== null && frac === '') return null;
  // Everything in the integer part that is not a digit groups thousands.
  const groups = intPart.split(/[., ]/);
  if (groups.length > 1) {
    if (!/^\d{1,3}$/.test(groups[0]!)) return null;
    for (let i = 1; i < groups.length; i++) if (!/^\d{3}$/.test(groups[i]!)) return null;
  }
  const int = groups.join('');
  if (int === '' && frac === '') return null;
  return { int: int === '' ? '0' : int, frac, ...(ambiguous ? { ambiguous: true as const } : {}) };
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** An amount in euros (currency sign optional). The value is exact; it is not rounded to cents. */
export const parseAmount = (input: string, locale: Locale): ParseResult => parse(input, locale, 'amount');

/** A percentage in percent points: `12,5%` and `12,5` both give 12.5. Range is a validation matter. */
export const parsePercent = (input: string, locale: Locale): ParseResult => parse(input, locale, 'percent');

/** A plain number (hours, FTE, persons, insured counts): no currency or percent sign. */
export const parseNumber = (input: string, locale: Locale): ParseResult => parse(input, locale, 'number');
