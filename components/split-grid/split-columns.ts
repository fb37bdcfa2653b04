import type { Plan } from '../../src/model/plan.ts';
import type { Split } from '../../src/model/split.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import type { GridColumn, GridShape, NestedHeaderCell } from '../grid/grid-types.ts';
import { domainKey, sectorKey, sectorSumKey, type SplitView } from './split-model.ts';

/*
 * Which columns the split grid shows. By default only the domains and sectors the plan uses (a
 * party in them, or a share that is not zero), so Wmo is not pushed off-screen by columns nobody
 * fills; "all domains" shows the whole catalogue; "domains only" drops the sectors, so a row of
 * domain shares can be read and pasted as it is in a spreadsheet.
 */

export interface SplitColumnsOptions {
  /** Every domain and sector of the plan's catalogue, used or not. */
  allDomains: boolean;
  /** Only the domain shares (no sector columns, no sector sums). */
  domainsOnly: boolean;
  /** Columns shown before (keys), kept so a column does not vanish when its last share is cleared. */
  keep?: ReadonlySet<string>;
}

/**
 * A column wide enough for the longest word of its header (headers wrap between words, a word is
 * never cut), and for an amount in the euro view.
 */
const wordWidth = (name: string): number =>
  Math.min(200, Math.max(120, ...name.split(/\s+/).map((w) => Math.ceil(w.length * 8.2) + 22)));

/** A column wide enough for a name on one line, in the group header's bold. */
const nameWidth = (name: string): number => Math.min(220, Math.ceil(name.length * 8.8) + 24);

/**
 * A share counts as used when it is not zero; an unreadable one too (a rule reports it there).
 * A pattern, not a Decimal: this runs over every share of every activity.
 */
const nonZero = (percent: string): boolean => !/^[-+]?0*\.?0*$/.test(percent.trim());

function addSplit(used: Set<string>, split: Split): void {
  for (const d of split.domains) if (nonZero(d.percent)) used.add(domainKey(d.domainId));
  for (const s of split.sectors) {
    if (!nonZero(s.percent)) continue;
    used.add(domainKey(s.domainId));
    used.add(sectorKey(s.domainId, s.sectorId));
  }
}

/** The activities' own splits' keys, per activities array: an edit of the default split reads none. */
const byActivities = new WeakMap<Plan['activities'], ReadonlySet<string>>();

function activityKeys(activities: Plan['activities']): ReadonlySet<string> {
  let keys = byActivities.get(activities);
  if (!keys) {
    const used = new Set<string>();
    for (const a of activities) if (a.split) addSplit(used, a.split);
    byActivities.set(activities, (keys = used));
  }
  return keys;
}

/** Column keys of the domains and sectors the plan uses. */
export function usedKeys(plan: Plan): Set<string> {
  const used = new Set<string>(activityKeys(plan.activities));
  for (const p of plan.providers) {
    used.add(domainKey(p.domainId));
    if (p.sectorId) used.add(sectorKey(p.domainId, p.sectorId));
  }
  for (const f of plan.funders) used.add(domainKey(f.domainId));
  addSplit(used, plan.defaultSplit);
  return used;
}

/** How many domain and sector columns the "used only" choice hides. */
export function hiddenCount(plan: Plan, shown: ReadonlySet<string>): number {
  let n = 0;
  for (const d of plan.domains) {
    if (!shown.has(domainKey(d.id))) n++;
    for (const s of d.sectors) if (!shown.has(sectorKey(d.id, s.id))) n++;
  }
  return n;
}

/**
 * Columns: the row's name, the sum of its domain shares (frozen beside the name, so how far a row
 * is from 100 % stays in view), then per domain its share of the total, its sectors' shares of the
 * domain and the sum of those; in the euro view the unassigned rest comes last. The headers say of
 * what each share is, and a group header spans each domain.
 */
export function splitShape(plan: Plan, view: SplitView, locale: Locale, options: SplitColumnsOptions): GridShape {
  const l = locale;
  const percent = view === 'percent';
  const totalHeader = percent ? gt('domainsTogether', l) : gt('annual', l);
  const columns: GridColumn[] = [
    { key: 'name', header: gt('rowColumn', l), width: 200, readOnly: true },
    { key: 'total', header: totalHeader, width: percent ? 100 : 130, numeric: true, readOnly: true },
  ];
  const top: (string | NestedHeaderCell)[] = ['', ''];
  const second: string[] = [gt('rowColumn', l), totalHeader];
  const used = options.allDomains ? null : usedKeys(plan);
  const shows = (key: string) => used === null || used.has(key) || !!options.keep?.has(key);
  const fill = (key: 'ofTotal' | 'ofDomain', domain = '') => gt(key, l).replace('{domain}', domain);
  for (const d of plan.domains) {
    const sectors = options.domainsOnly ? [] : d.sectors.filter((s) => shows(sectorKey(d.id, s.id)));
    if (!shows(domainKey(d.id)) && sectors.length === 0) continue;
    const share = percent ? fill('ofTotal') : gt('domainAmount', l);
    columns.push({
      key: domainKey(d.id),
      header: `${d.name} (${share})`,
      // A domain without sector columns also carries its name, on one line, in the group header.
      width: Math.max(percent ? 88 : 120, sectors.length === 0 ? nameWidth(d.name) : 0),
      numeric: true,
      readOnly: !percent,
    });
    second.push(share);
    for (const s of sectors) {
      const header = percent ? `${d.name} – ${s.name} (${fill('ofDomain', d.name)})` : `${d.name} – ${s.name}`;
      columns.push({ key: sectorKey(d.id, s.id), header, width: wordWidth(s.name), numeric: true, readOnly: !percent });
      second.push(s.name);
    }
    const sum = percent && sectors.length > 0;
    if (sum) {
      const header = `${d.name}: ${gt('sectorsTogether', l)}`;
      columns.push({ key: sectorSumKey(d.id), header, width: 100, numeric: true, readOnly: true });
      second.push(gt('sectorsTogether', l));
    }
    top.push({ label: d.name, colspan: 1 + sectors.length + (sum ? 1 : 0) });
  }
  if (!percent) {
    // The part of a split below 100 % (the engine's unassigned line), so each row adds up to its total.
    columns.push({ key: 'unassigned', header: gt('unassigned', l), width: 120, numeric: true, readOnly: true });
    top.push('');
    second.push(gt('unassigned', l));
  }
  return {
    columns,
    nestedHeaders: [top, second],
    fixedRowsBottom: percent ? 0 : 1,
    fixedColumnsStart: 2,
    // The second level wraps onto two lines ("Wijkverpleging", "Sectoren samen"), never cut off.
    headerHeights: [30, 40],
  };
}
