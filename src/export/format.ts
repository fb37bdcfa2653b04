import type { Locale } from '../i18n/locale.ts';
import { INTL_TAG } from '../i18n/locale.ts';
import { tx } from '../i18n/export.ts';
import { formatMoney, formatNumber, formatPercent } from '../money/format.ts';
import { Dec } from '../money/decimal.ts';
import type { CostBasis, Funder, Plan } from '../model/index.ts';
import type { Cell } from './table.ts';

/** "1 januari 2025" / "1 January 2025"; an ISO date is a calendar day, so no time zone shift. */
export function formatDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** A cell as a person reads it in the annex: `€ 1.234,56`, `12,5 %`, `1 januari 2025`. */
export function displayCell(cell: Cell, locale: Locale): string {
  switch (cell.t) {
    case 'text':
      return cell.v;
    case 'money':
      return formatMoney(cell.v, locale);
    case 'percent':
      return formatPercent(cell.v, locale);
    case 'count':
      return cell.v === null ? tx('monSizeUnknown', locale) : formatNumber(String(cell.v), locale);
    case 'date':
      return formatDate(cell.v, locale);
  }
}

/** The cost basis of an activity in words, e.g. "Lumpsum € 250.000,00 per jaar". */
export function describeCost(cost: CostBasis, locale: Locale): string {
  const m = (v: string) => formatMoney(v, locale);
  const n = (v: string) => formatNumber(v, locale);
  switch (cost.kind) {
    case 'lumpsum':
      return tx('cost.lumpsum', locale, { amount: m(cost.amount), per: tx(`gran.${cost.per}`, locale) });
    case 'hours':
      return tx('cost.hours', locale, { hours: n(cost.hours), rate: m(cost.rate) });
    case 'fte':
      return tx('cost.fte', locale, { fte: n(cost.fte), cost: m(cost.yearlyCost) });
    case 'persons':
      return tx('cost.persons', locale, { persons: n(cost.persons), rate: m(cost.rate) });
  }
}

export function describeFunderShare(funder: Funder, locale: Locale): string {
  const share = funder.share;
  if (!share) return tx('share.none', locale);
  // An insurer's count is of insured in the service area; a municipality's of inhabitants.
  if (share.basis === 'count') {
    const key =
      funder.kind === 'insurer'
        ? 'share.count.insured'
        : funder.kind === 'municipality'
          ? 'share.count.inhabitants'
          : 'share.count';
    return tx(key, locale, { count: formatNumber(share.count, locale) });
  }
  const key = funder.kind === 'insurer' ? 'share.percent.insured' : 'share.percent';
  return tx(key, locale, { percent: formatPercent(share.percent, locale) });
}

export function describeTitles(plan: Plan, locale: Locale): string {
  return plan.otherTitles.length === 0
    ? tx('none', locale)
    : plan.otherTitles.map((t) => tx(`title.${t}`, locale)).join(', ');
}

/** Part of whole in percent points, two decimals; 0 when the whole is 0. A display ratio only. */
export function shareOf(part: Dec, whole: Dec): Dec {
  return whole.isZero() ? new Dec(0) : part.times(100).div(whole).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}
