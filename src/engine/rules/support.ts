import { Dec } from '../../money/decimal.ts';
import { scaledFromString } from '../../money/cents.ts';
import type { Finding, FindingCode, FindingLocation, PaymentTitle, Plan, Severity, Split } from '../../model/index.ts';
import type { Msg } from '../../i18n/locale.ts';
import { subject } from '../../i18n/findings.ts';
import type { RowContext } from './row-context.ts';

/** Same shape the schema accepts for money and percentages (canonical decimal, no exponent). */
const CANONICAL = /^-?\d{1,24}(\.\d{1,12})?$/;

/*
 * Rules read stored decimals as exact integers in units of 10^-12 (the model allows 12 decimals):
 * sums and comparisons stay exact and cost a fraction of decimal.js objects, which matters when a
 * 5,000-activity plan is checked from scratch. Dec is made only for the text of a finding.
 */
const PLACES = 12;
const ONE = 10n ** BigInt(PLACES);
const ONE_DEC = new Dec(ONE.toString());
/** 100 %, scaled. */
export const HUNDRED_PERCENT = 100n * ONE;
/** Scaled values with more than two decimals are not whole cents. */
export const CENT = ONE / 100n;

/**
 * Reads a stored decimal, scaled. Null when the text is not a canonical decimal: a plan edited
 * outside the schema (a bad paste, an old file) must give a finding, never an exception.
 */
export function readScaled(value: unknown): bigint | null {
  return typeof value === 'string' && CANONICAL.test(value) ? scaledFromString(value, PLACES) : null;
}

export const scaledToDec = (n: bigint): Dec => new Dec(n.toString()).div(ONE_DEC);

export const isPercentInRange = (n: bigint): boolean => n >= 0n && n <= HUNDRED_PERCENT;

/** Sum of the readable values, scaled; unreadable ones count as 0 (percent-range reports them). */
export function sumScaled(values: readonly unknown[]): bigint {
  let sum = 0n;
  for (const v of values) sum += readScaled(v) ?? 0n;
  return sum;
}

/** A finding, frozen: the validator hands the same object out again while its row is unchanged. */
export function finding(code: FindingCode, severity: Severity, location: FindingLocation, message: Msg): Finding {
  return Object.freeze({ code, severity, location: Object.freeze(location), message: Object.freeze(message) });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in ISO form (so 2025-02-30 and 2025-13-01 are not). */
export function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

export const usesTitle = (plan: Plan, title: PaymentTitle): boolean =>
  plan.paymentTitle === title || plan.otherTitles.includes(title);

/** Key of a money bucket: a sector of a domain, or a domain without sectors (sectorId null). */
export const bucketKey = (domainId: string, sectorId: string | null): string => `${domainId}\u0000${sectorId ?? ''}`;

/** Where one split row sends money: domains with a positive part, and their sectors with a positive part. */
export interface Flows {
  domains: readonly string[];
  /** bucketKey(domain, sector); bucketKey(domain, null) for a domain without sectors. */
  buckets: readonly string[];
}

export function splitFlows(split: Split, ctx: RowContext): Flows {
  const domains: string[] = [];
  const buckets: string[] = [];
  for (const d of split.domains) {
    const entry = ctx.domains.get(d.domainId);
    const part = readScaled(d.percent);
    if (!entry || part === null || part <= 0n || domains.includes(d.domainId)) continue;
    domains.push(d.domainId);
    if (entry.sectors.size === 0) {
      buckets.push(bucketKey(d.domainId, null));
      continue;
    }
    for (const s of split.sectors) {
      if (s.domainId !== d.domainId || !entry.sectors.has(s.sectorId)) continue;
      const sp = readScaled(s.percent);
      const key = bucketKey(d.domainId, s.sectorId);
      if (sp !== null && sp > 0n && !buckets.includes(key)) buckets.push(key);
    }
  }
  return { domains, buckets };
}

/** A split column as people read it: "Zvw – Huisartsenzorg"; ids stand in for unknown names. */
export function columnLabel(ctx: RowContext, domainId: string, sectorId?: string | null): Msg {
  const entry = ctx.domains.get(domainId);
  const domainName = entry?.domain.name.trim() || domainId;
  if (sectorId === undefined || sectorId === null) return subject.column(domainName);
  return subject.column(domainName, entry?.sectors.get(sectorId)?.name.trim() || sectorId);
}

/** A domain inside a sentence: its name as the catalogue gives it ("Wmo 2015"), else its id. */
export const domainLabel = (ctx: RowContext, domainId: string): Msg => columnLabel(ctx, domainId);

export const isZvw = (ctx: RowContext, domainId: string): boolean => ctx.domains.get(domainId)?.domain.kind === 'zvw';
