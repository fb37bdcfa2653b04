import { findingText, subject } from '../../i18n/findings.ts';
import type { Msg } from '../../i18n/locale.ts';
import type { Activity, Finding, Plan, Section } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { bucketKey, columnLabel, finding } from './support.ts';
import { KeyCounts } from './row-diff.ts';

const text = findingText.duplicate;

type Keyed = { id: string };

/** Findings for every row after the first that shares its id. */
function duplicateIds(rows: readonly Keyed[], section: Section, collection: string): Finding[] {
  const out: Finding[] = [];
  // Row numbers, not the ids themselves: an internal key means nothing to a person.
  const first = new Map<string, number>();
  rows.forEach((r, i) => {
    const at = first.get(r.id);
    if (at !== undefined)
      out.push(
        finding('duplicate', 'error', { section, rowId: r.id, field: 'id' }, text.id(collection, [at + 1, i + 1])),
      );
    else first.set(r.id, i);
  });
  return out;
}

/** Names compare as people read them: case and surrounding spaces do not make a name different. */
const nameKeys = new WeakMap<Activity, string>();
function nameKey(a: Activity): string {
  let key = nameKeys.get(a);
  if (key === undefined) nameKeys.set(a, (key = a.name.trim().toLocaleLowerCase('nl')));
  return key;
}

/**
 * Activity ids and names, kept as running counts over the snapshots (this collection has thousands
 * of rows and changes on every keystroke): the rows are scanned only while something is repeated.
 */
function activityDuplicates(plan: Plan, counts: KeyCounts<Activity>): Finding[] {
  counts.sync(plan.activities);
  if (counts.repeated.size === 0) return [];
  const out: Finding[] = [];
  const ids = new Map<string, number>();
  const names = new Set<string>();
  for (const [i, a] of plan.activities.entries()) {
    const at = ids.get(a.id);
    if (at !== undefined)
      out.push(
        finding(
          'duplicate',
          'error',
          { section: 'activities', rowId: a.id, field: 'id' },
          text.id('activities', [at + 1, i + 1]),
        ),
      );
    else ids.set(a.id, i);
    const key = nameKey(a);
    if (!key) continue;
    if (names.has(key)) {
      out.push(
        finding(
          'duplicate',
          'warning',
          { section: 'activities', rowId: a.id, field: 'name' },
          text.activityName(subject.activity(a.name, a.id, { row: i + 1 })),
        ),
      );
    } else names.add(key);
  }
  return out;
}

/** Keys an activity must not share with another: its id, and its name when it has one. */
const activityKeys = (a: Activity): string[] => {
  const name = nameKey(a);
  return name ? [`id:${a.id}`, `name:${name}`] : [`id:${a.id}`];
};

/**
 * The same party twice: an AGB code shared within one sector (or a UZOVI code within one domain)
 * is an error; shared across sectors it is a warning, since one organisation may work in two.
 */
function codeDuplicates<T extends Keyed>(
  rows: readonly T[],
  code: (r: T) => string,
  group: (r: T) => string,
  report: (r: T, first: T, sameGroup: boolean) => Finding,
): Finding[] {
  const out: Finding[] = [];
  const firsts = new Map<string, T[]>();
  for (const r of rows) {
    const c = code(r).trim();
    if (!c) continue;
    const earlier = firsts.get(c);
    if (!earlier) {
      firsts.set(c, [r]);
      continue;
    }
    const same = earlier.find((e) => group(e) === group(r));
    out.push(report(r, same ?? earlier[0]!, same !== undefined));
    earlier.push(r);
  }
  return out;
}

/** An unnamed row is told apart by its row number (1-based). */
const rowOf = <T>(rows: readonly T[], row: T) => ({ row: rows.indexOf(row) + 1 });

function partyDuplicates(plan: Plan): Finding[] {
  const providers = codeDuplicates(
    plan.providers,
    (p) => p.agb,
    (p) => bucketKey(p.domainId, p.sectorId),
    (p, first, same) =>
      finding(
        'duplicate',
        same ? 'error' : 'warning',
        { section: 'providers', rowId: p.id, field: 'agb' },
        text.agb(
          subject.provider(p.name, p.id, rowOf(plan.providers, p)),
          subject.provider(first.name, first.id, rowOf(plan.providers, first)),
          p.agb.trim(),
        ),
      ),
  );
  const funders = codeDuplicates(
    plan.funders,
    (f) => f.uzovi,
    (f) => f.domainId,
    (f, first, same) =>
      finding(
        'duplicate',
        same ? 'error' : 'warning',
        { section: 'funders', rowId: f.id, field: 'uzovi' },
        text.uzovi(
          subject.funder(f.name, f.id, rowOf(plan.funders, f)),
          subject.funder(first.name, first.id, rowOf(plan.funders, first)),
          f.uzovi.trim(),
        ),
      ),
  );
  return [...providers, ...funders];
}

function catalogueDuplicates(plan: Plan): Finding[] {
  const out = duplicateIds(plan.domains, 'domains', 'domains');
  for (const d of plan.domains) {
    const seen = new Map<string, number>();
    d.sectors.forEach((s, i) => {
      const at = seen.get(s.id);
      if (at !== undefined)
        out.push(
          finding(
            'duplicate',
            'error',
            { section: 'domains', rowId: d.id, field: 'sectors', domainId: d.id, sectorId: s.id },
            text.id('sectors', [at + 1, i + 1]),
          ),
        );
      else seen.set(s.id, i);
    });
  }
  return out;
}

/** Ids, split entries, codes and names that occur twice where they must be unique (activity names: a warning). */
export const duplicate: Rule = {
  code: 'duplicate',

  split(split, row, ctx) {
    const out: Finding[] = [];
    const domains = new Set<string>();
    for (const d of split.domains) {
      if (domains.has(d.domainId))
        out.push(
          finding(
            'duplicate',
            'error',
            { section: 'split', rowId: row.rowId, domainId: d.domainId },
            text.splitEntry(row.label, columnLabel(ctx, d.domainId)),
          ),
        );
      else domains.add(d.domainId);
    }
    const sectors = new Set<string>();
    for (const s of split.sectors) {
      const key = bucketKey(s.domainId, s.sectorId);
      if (sectors.has(key)) {
        out.push(
          finding(
            'duplicate',
            'error',
            { section: 'split', rowId: row.rowId, domainId: s.domainId, sectorId: s.sectorId },
            text.splitEntry(row.label, columnLabel(ctx, s.domainId, s.sectorId)),
          ),
        );
      } else sectors.add(key);
    }
    return out;
  },

  targetGroup(g) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    const label: Msg = subject.targetGroup(g.name, g.id);
    for (const entry of g.postcodes) {
      const key = entry.trim().replace(/\s*[-–]\s*/, '-');
      if (!key) continue;
      if (seen.has(key))
        out.push(
          finding(
            'duplicate',
            'warning',
            { section: 'targetGroups', rowId: g.id, field: 'postcodes' },
            text.postcode(label, entry.trim()),
          ),
        );
      else seen.add(key);
    }
    return out;
  },

  // Each part is kept while its own collection is unchanged: an activity edit re-runs only the activity part.
  check(plan, index) {
    return [
      ...index.cached('duplicate:catalogue', [plan.domains], () => catalogueDuplicates(plan)),
      ...index.cached('duplicate:targetGroups', [plan.targetGroups], () =>
        duplicateIds(plan.targetGroups, 'targetGroups', 'targetGroups'),
      ),
      ...index.cached('duplicate:activities', [plan.activities], () =>
        activityDuplicates(
          plan,
          index.cached('duplicate:activityCounts', [], () => new KeyCounts(activityKeys)),
        ),
      ),
      ...index.cached('duplicate:parties', [plan.providers, plan.funders], () => [
        ...duplicateIds(plan.providers, 'providers', 'providers'),
        ...duplicateIds(plan.funders, 'funders', 'funders'),
        ...partyDuplicates(plan),
      ]),
    ];
  },
};
