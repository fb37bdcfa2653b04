import type { Msg } from '../i18n/locale.ts';
import type { Plan } from '../model/plan.ts';
import type { Split } from '../model/split.ts';
import { PLAN_FIELDS } from '../model/ops.ts';
import type { Section } from '../model/finding.ts';
import { Dec } from '../money/decimal.ts';
import { fieldLabel, Names } from './labels.ts';

/** One input that differs between scenario a and b. Values are stored text (canonical decimals). */
export interface InputDifference {
  section: Section;
  /** Row id in its section ('default' for the plan's split row); absent for plan fields. */
  rowId?: string;
  change: 'added' | 'removed' | 'changed';
  /** Dotted property path ('cost.amount'), 'split' cells carry domainId/sectorId; absent for a whole row. */
  field?: string;
  domainId?: string;
  sectorId?: string | null;
  /** Row name (or the plan field's name) and the field's name, ready to show. */
  label: Msg;
  fieldLabel?: Msg;
  a: string | null;
  b: string | null;
}

// The clauses are long free text: the compare view leaves them to the annex.
const COMPARED_FIELDS = PLAN_FIELDS.filter((f) => f !== 'clauses');

const CANONICAL = /^-?\d+(\.\d+)?$/;

/** Equal as text, or as numbers when both are decimals ("50" and "50.00" are the same percent). */
function sameValue(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return CANONICAL.test(a) && CANONICAL.test(b) && new Dec(a).eq(b);
}

/** An object flattened to dotted paths with text values; arrays become comma-separated text. */
function flatten(value: unknown, prefix = '', out: Map<string, string | null> = new Map()): Map<string, string | null> {
  if (value === null || value === undefined) out.set(prefix, null);
  else if (Array.isArray(value)) out.set(prefix, value.map(String).join(', '));
  else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, String(value));
  return out;
}

function fieldDiffs(
  a: unknown,
  b: unknown,
  skip: ReadonlySet<string>,
): { field: string; a: string | null; b: string | null }[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const fields = [...new Set([...fa.keys(), ...fb.keys()])].filter((f) => !skip.has(f.split('.')[0]!));
  return fields
    .map((field) => ({ field, a: fa.get(field) ?? null, b: fb.get(field) ?? null }))
    .filter((d) => !sameValue(d.a, d.b));
}

/** Split cells as (domainId, sectorId|null) → percent text. */
function splitCells(split: Split | null): Map<string, { domainId: string; sectorId: string | null; percent: string }> {
  const cells = new Map<string, { domainId: string; sectorId: string | null; percent: string }>();
  if (!split) return cells;
  for (const d of split.domains)
    cells.set(`${d.domainId}|`, { domainId: d.domainId, sectorId: null, percent: d.percent });
  for (const s of split.sectors)
    cells.set(`${s.domainId}|${s.sectorId}`, { domainId: s.domainId, sectorId: s.sectorId, percent: s.percent });
  return cells;
}

function splitDiffs(
  section: Section,
  rowId: string,
  label: Msg,
  a: Split | null,
  b: Split | null,
  names: Names,
): InputDifference[] {
  const ca = splitCells(a);
  const cb = splitCells(b);
  const out: InputDifference[] = [];
  for (const key of new Set([...ca.keys(), ...cb.keys()])) {
    const x = ca.get(key);
    const y = cb.get(key);
    const va = x?.percent ?? null;
    const vb = y?.percent ?? null;
    if (sameValue(va, vb)) continue;
    const cell = (x ?? y)!;
    out.push({
      section,
      rowId,
      change: 'changed',
      field: 'split',
      domainId: cell.domainId,
      sectorId: cell.sectorId,
      label,
      fieldLabel: cell.sectorId === null ? names.domain(cell.domainId) : names.sector(cell.domainId, cell.sectorId),
      a: va,
      b: vb,
    });
  }
  return out;
}

type RowCollection = 'domains' | 'targetGroups' | 'activities' | 'providers' | 'funders';

function rowDiffs(collection: RowCollection, a: Plan, b: Plan, names: Names): InputDifference[] {
  const rowsA = a[collection] as { id: string }[];
  const rowsB = b[collection] as { id: string }[];
  const byIdA = new Map(rowsA.map((r) => [r.id, r]));
  const byIdB = new Map(rowsB.map((r) => [r.id, r]));
  const out: InputDifference[] = [];
  const skip = new Set(['id', 'split']);
  for (const ra of rowsA) {
    const rb = byIdB.get(ra.id);
    const label = names.row(collection, ra.id);
    if (!rb) {
      out.push({ section: collection, rowId: ra.id, change: 'removed', label, a: label.nl, b: null });
      continue;
    }
    if (ra === rb) continue; // structurally shared snapshot: unchanged
    for (const d of fieldDiffs(ra, rb, skip)) {
      out.push({
        section: collection,
        rowId: ra.id,
        change: 'changed',
        field: d.field,
        label,
        fieldLabel: fieldLabel(d.field),
        a: d.a,
        b: d.b,
      });
    }
    if (collection === 'activities') {
      const sa = (ra as Plan['activities'][number]).split;
      const sb = (rb as Plan['activities'][number]).split;
      // An override against no override compares with the default split it replaces.
      if (sa || sb) out.push(...splitDiffs('split', ra.id, label, sa ?? a.defaultSplit, sb ?? b.defaultSplit, names));
    }
  }
  for (const rb of rowsB) {
    if (!byIdA.has(rb.id)) {
      const label = names.row(collection, rb.id);
      out.push({ section: collection, rowId: rb.id, change: 'added', label, a: null, b: label.nl });
    }
  }
  return out;
}

/** Every input difference: plan fields, default split cells, then rows by section (by id). */
export function compareInputs(a: Plan, b: Plan, names: Names): InputDifference[] {
  const out: InputDifference[] = [];
  const pick = (p: Plan) => Object.fromEntries(COMPARED_FIELDS.map((f) => [f, p[f]]));
  for (const d of fieldDiffs(pick(a), pick(b), new Set())) {
    out.push({
      section: 'plan',
      change: 'changed',
      field: d.field,
      label: fieldLabel(d.field),
      fieldLabel: fieldLabel(d.field),
      a: d.a,
      b: d.b,
    });
  }
  out.push(
    ...splitDiffs(
      'split',
      'default',
      { nl: 'Standaardverdeling', en: 'Default split' },
      a.defaultSplit,
      b.defaultSplit,
      names,
    ),
  );
  for (const c of ['domains', 'targetGroups', 'activities', 'providers', 'funders'] as const)
    out.push(...rowDiffs(c, a, b, names));
  return out;
}
