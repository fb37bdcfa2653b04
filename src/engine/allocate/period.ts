import type { Granularity } from '../../model/activities.ts';

/*
 * The plan period measured in months, exactly. A calendar month inside the period counts 1; a
 * month the period only partly covers counts (days covered) / (days in that month). Both period
 * dates are inclusive, so 2025-01-01 … 2025-12-31 is exactly 12 months and 2025-01-16 … 2025-01-31
 * is 16/31 month. Month fractions are kept as integers in units of 1/MONTH of a month, where MONTH
 * is divisible by every month length (28, 29, 30, 31), so no rounding happens before the cent.
 */

/** lcm(28, 29, 30, 31): one month in exact units. */
export const MONTH = 377_580n;

/** Periods longer than this are treated as unusable (validation reports them as period-invalid). */
export const MAX_MONTHS = 1200;

export interface Slot {
  /** "2025-03", "2025-Q1" or "2025" */
  periodId: string;
  /** Clipped to the plan period, ISO dates, inclusive. */
  start: string;
  end: string;
  /** Length in MONTH units. */
  units: bigint;
}

export interface PeriodPlan {
  slots: Slot[];
  /** Plan length in MONTH units (0 for an unusable period). */
  units: bigint;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (p: Ymd) => `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;

export function parseIsoDate(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return { y, m: mo, d };
}

function periodOf(y: number, m: number, g: Granularity): string {
  if (g === 'month') return `${pad(y, 4)}-${pad(m)}`;
  if (g === 'quarter') return `${pad(y, 4)}-Q${Math.ceil(m / 3)}`;
  return pad(y, 4);
}

/** Payment periods of the plan at its granularity, each weighted by its length in months. */
export function planPeriods(period: { start: string; end: string }, granularity: Granularity): PeriodPlan {
  const s = parseIsoDate(period.start);
  const e = parseIsoDate(period.end);
  if (!s || !e) return { slots: [], units: 0n };
  const months = (e.y - s.y) * 12 + (e.m - s.m) + 1;
  if (iso(e) < iso(s) || months > MAX_MONTHS) return { slots: [], units: 0n };

  const slots: Slot[] = [];
  let total = 0n;
  for (let y = s.y, m = s.m; y < e.y || (y === e.y && m <= e.m); m === 12 ? (y++, (m = 1)) : m++) {
    const len = daysIn(y, m);
    const from = y === s.y && m === s.m ? s.d : 1;
    const to = y === e.y && m === e.m ? e.d : len;
    const units = (BigInt(to - from + 1) * MONTH) / BigInt(len);
    total += units;
    const id = periodOf(y, m, granularity);
    const last = slots[slots.length - 1];
    if (last && last.periodId === id) {
      last.units += units;
      last.end = iso({ y, m, d: to });
    } else {
      slots.push({ periodId: id, start: iso({ y, m, d: from }), end: iso({ y, m, d: to }), units });
    }
  }
  return { slots, units: total };
}
