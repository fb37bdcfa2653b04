import type { Plan } from '../../src/model/plan.ts';
import type { Activity, ActivityCategory, CostBasis, Granularity } from '../../src/model/activities.ts';
import type { Allocation, ActivityAllocation, PeriodAmount } from '../../src/model/allocation.ts';
import type { FindingLocation } from '../../src/model/finding.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import { toCanonical } from '../../src/money/decimal.ts';
import { parseAmount, parseNumber, parsePercent } from '../../src/money/parse.ts';
import { formatMoney, formatNumber, formatPercent } from '../../src/money/format.ts';
import { t } from '../../src/i18n/index.ts';
import type { CellEdit, EditOutcome, GridColumn, GridRow, GridShape } from '../grid/grid-element.ts';
import type { CellRef } from '../grid/marks.ts';
import type { CellRef as PeerCell } from '../../src/sync/collab/presence.ts';
import { activityAllocations } from '../grid/allocation-index.ts';

/*
 * The budget grid as data: one row per activity (name, target group, category, cost basis and its
 * inputs, then the engine's annual and per-period amounts, then what the agreement says about the
 * activity: description, justification, share already paid through regular tariffs and how double
 * funding is prevented, handleiding §3–4) and a totals row. No DOM here. The agreement columns
 * come last so the money stays together on the left.
 */

/** The §4 agreement columns of an activity, after the period columns. */
const AGREEMENT = ['description', 'justification', 'regularShare', 'regularShareExplanation'] as const;
type AgreementKey = (typeof AGREEMENT)[number];
const TEXT_MAX: Record<Exclude<AgreementKey, 'regularShare'>, number> = {
  description: 4000,
  justification: 4000,
  regularShareExplanation: 2000,
};

export const TOTAL_ROW = 'total';

const KINDS: CostBasis['kind'][] = ['lumpsum', 'hours', 'fte', 'persons'];
const PERS: Granularity[] = ['month', 'quarter', 'year'];
const CATEGORIES: ActivityCategory[] = ['client-bound', 'general'];

/**
 * Columns: the name and the annual budget, frozen at the start so an activity's amount and the
 * total stay in view however far the grid scrolls, then the amount per period, the inputs (target
 * group, category, cost basis and its figures) and the agreement columns.
 */
export function budgetShape(plan: Plan, allocation: Allocation | null, locale: Locale): GridShape {
  const l = locale;
  const columns: GridColumn[] = [
    { key: 'name', header: gt('name', l), width: 220 },
    { key: 'annual', header: gt('annual', l), width: 130, numeric: true, readOnly: true },
  ];
  for (const p of allocation?.schedule ?? []) {
    columns.push({ key: `p:${p.periodId}`, header: p.periodId, width: 112, numeric: true, readOnly: true });
  }
  columns.push(
    {
      key: 'targetGroupIds',
      header: gt('targetGroup', l),
      width: 160,
      options: [
        { value: '', label: gt('noTargetGroup', l) },
        ...plan.targetGroups.map((g) => ({ value: g.id, label: g.name || g.id })),
      ],
    },
    {
      key: 'category',
      header: gt('category', l),
      width: 130,
      options: [
        { value: 'client-bound', label: gt('clientBound', l) },
        { value: 'general', label: gt('general', l) },
      ],
    },
    {
      key: 'cost.kind',
      header: gt('costBasis', l),
      width: 150,
      options: KINDS.map((k) => ({ value: k, label: gt(k, l) })),
    },
    { key: 'cost.amount', header: gt('amount', l), width: 120, numeric: true },
    { key: 'cost.per', header: gt('per', l), width: 100, options: PERS.map((p) => ({ value: p, label: gt(p, l) })) },
    { key: 'cost.quantity', header: gt('quantity', l), width: 130, numeric: true },
    { key: 'cost.rate', header: gt('rate', l), width: 130, numeric: true },
  );
  for (const key of AGREEMENT) {
    columns.push(
      key === 'regularShare'
        ? { key, header: t(l, 'budget.regularShare'), width: 130, numeric: true }
        : { key, header: t(l, `budget.${key}`), width: 200 },
    );
  }
  return { columns, fixedRowsBottom: 1, fixedColumnsStart: 2, headerHeights: [HEADER_TWO_LINES] };
}

/** Room for a header of two lines ("Aantal per jaar" over "(uren, fte, personen)"). */
const HEADER_TWO_LINES = 40;

const quantityOf = (cost: CostBasis): string | null =>
  cost.kind === 'hours' ? cost.hours : cost.kind === 'fte' ? cost.fte : cost.kind === 'persons' ? cost.persons : null;
const rateOf = (cost: CostBasis): string | null =>
  cost.kind === 'fte' ? cost.yearlyCost : cost.kind === 'hours' || cost.kind === 'persons' ? cost.rate : null;

/** Reuses a row while its activity object and its allocation line are the same objects. */
export class BudgetRows {
  private cache = new WeakMap<Activity, { alloc: ActivityAllocation | undefined; row: GridRow }>();

  constructor(
    private readonly locale: Locale,
    private readonly columns: readonly GridColumn[],
  ) {}

  fits(locale: Locale, columns: readonly GridColumn[]): boolean {
    return locale === this.locale && columns === this.columns;
  }

  rows(plan: Plan, allocation: Allocation | null): GridRow[] {
    const byId = allocation ? activityAllocations(allocation) : new Map<string, ActivityAllocation>();
    const rows: GridRow[] = [];
    for (const a of plan.activities) {
      const alloc = byId.get(a.id);
      const cached = this.cache.get(a);
      if (cached && cached.alloc === alloc) {
        rows.push(cached.row);
        continue;
      }
      const row = this.activityRow(a, alloc);
      this.cache.set(a, { alloc, row });
      rows.push(row);
    }
    rows.push(this.totalRow(allocation));
    return rows;
  }

  private money = (s: string | null) => (s === null ? '' : formatMoney(s, this.locale));

  private periods(schedule: readonly PeriodAmount[]): Map<string, string> {
    return new Map(schedule.map((p) => [`p:${p.periodId}`, formatMoney(p.amount, this.locale)]));
  }

  private activityRow(a: Activity, alloc: ActivityAllocation | undefined): GridRow {
    const cost = a.cost;
    const quantity = quantityOf(cost);
    const periods = this.periods(alloc?.schedule ?? []);
    const byKey: Record<string, string> = {
      name: a.name,
      annual: alloc ? formatMoney(alloc.annual, this.locale) : '',
      targetGroupIds: a.targetGroupIds[0] ?? '',
      category: a.category,
      'cost.kind': cost.kind,
      'cost.amount': cost.kind === 'lumpsum' ? this.money(cost.amount) : '',
      'cost.per': cost.kind === 'lumpsum' ? cost.per : '',
      'cost.quantity': quantity === null ? '' : formatNumber(quantity, this.locale),
      'cost.rate': this.money(rateOf(cost)),
      description: a.description ?? '',
      justification: a.justification ?? '',
      regularShare:
        a.regularShare === null || a.regularShare === undefined ? '' : formatPercent(a.regularShare, this.locale, 12),
      regularShareExplanation: a.regularShareExplanation ?? '',
    };
    const values = this.columns.map((c) => byKey[c.key] ?? periods.get(c.key) ?? '');
    const na = cost.kind === 'lumpsum' ? ['cost.quantity', 'cost.rate'] : ['cost.amount', 'cost.per'];
    const inapplicable = na.map((k) => this.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
    return { id: a.id, name: a.name.trim() || `${gt('name', this.locale)} ${a.id}`, values, inapplicable };
  }

  private totalRow(allocation: Allocation | null): GridRow {
    const periods = this.periods(allocation?.schedule ?? []);
    const values = this.columns.map((c) =>
      c.key === 'name'
        ? gt('total', this.locale)
        : c.key === 'annual'
          ? allocation
            ? formatMoney(allocation.annualTotal, this.locale)
            : ''
          : (periods.get(c.key) ?? ''),
    );
    return { id: TOTAL_ROW, name: gt('total', this.locale), values, readOnly: true, total: true };
  }
}

/** Where a finding about an activity shows in the budget grid. */
export function locateBudget(location: FindingLocation): CellRef | null {
  if (location.section !== 'activities' || !location.rowId) return null;
  const field = location.field ?? '';
  const colKey =
    field === 'targetGroupIds'
      ? 'targetGroupIds'
      : field === 'category'
        ? 'category'
        : field === 'cost.amount'
          ? 'cost.amount'
          : field === 'cost.per'
            ? 'cost.per'
            : /^cost\.(hours|fte|persons)$/.test(field)
              ? 'cost.quantity'
              : /^cost\.(rate|yearlyCost)$/.test(field)
                ? 'cost.rate'
                : field === 'cost' || field === 'cost.kind'
                  ? 'cost.kind'
                  : (AGREEMENT as readonly string[]).includes(field)
                    ? field
                    : field === 'split'
                      ? null
                      : 'name';
  return colKey ? { rowId: location.rowId, colKey } : null;
}

const NOT_AN_OPTION = (text: string): Msg => ({
  nl: `‘${text.slice(0, 40)}’ ${gt('notAnOption', 'nl')}.`,
  en: `‘${text.slice(0, 40)}’ ${gt('notAnOption', 'en')}.`,
});

const NOT_APPLICABLE = (header: string): Msg => ({
  nl: `${header}: ${gt('notApplicable', 'nl')} bij deze kostenbasis.`,
  en: `${header}: ${gt('notApplicable', 'en')} for this cost basis.`,
});

/** Reads an option by its value or (case-insensitively) by its label in either locale. */
function readOption(column: GridColumn, text: string): string | null {
  const t = text.trim().toLowerCase();
  for (const o of column.options ?? []) {
    if (o.value.toLowerCase() === t || o.label.toLowerCase() === t) return o.value;
  }
  return null;
}

/** A cost of another kind, keeping what can be kept (the rate, the amount as the yearly cost…). */
export function switchKind(cost: CostBasis, kind: CostBasis['kind']): CostBasis {
  if (cost.kind === kind) return cost;
  const money = cost.kind === 'lumpsum' ? cost.amount : (rateOf(cost) ?? '0');
  switch (kind) {
    case 'lumpsum':
      return { kind, amount: money, per: 'year' };
    case 'hours':
      return { kind, hours: quantityOf(cost) ?? '0', rate: money };
    case 'fte':
      return { kind, fte: quantityOf(cost) ?? '0', yearlyCost: money };
    case 'persons':
      return { kind, persons: quantityOf(cost) ?? '0', rate: money };
  }
}

/**
 * Typed or pasted budget cells → one update-row op per activity (a paste over several columns of
 * one row merges into one patch). Unreadable text is refused with a message; nothing is guessed.
 */
export function budgetEditsToOps(plan: Plan, edits: readonly CellEdit[], locale: Locale): EditOutcome {
  const refused: EditOutcome['refused'] = [];
  const patches = new Map<string, { activity: Activity; patch: Partial<Activity>; cost: CostBasis }>();
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  const tgIds = new Set(plan.targetGroups.map((g) => g.id));
  // Kind changes first, so that an amount pasted in the same row lands in the new kind's field.
  const ordered = [...edits].sort(
    (a, b) => (a.column.key === 'cost.kind' ? -1 : 0) - (b.column.key === 'cost.kind' ? -1 : 0),
  );
  for (const edit of ordered) {
    const activity = byId.get(edit.row.id);
    if (!activity) continue;
    let entry = patches.get(activity.id);
    if (!entry) patches.set(activity.id, (entry = { activity, patch: {}, cost: activity.cost }));
    const text = edit.text;
    const refuse = (message: Msg) => refused.push({ edit, message });
    switch (edit.column.key) {
      case 'name': {
        if (text.length > 300)
          refuse({
            nl: `${gt('name', 'nl')} ${gt('nameTooLong', 'nl')}.`,
            en: `${gt('name', 'en')} ${gt('nameTooLong', 'en')}.`,
          });
        else entry.patch.name = text;
        break;
      }
      case 'targetGroupIds': {
        const id = text.trim() === '' ? '' : readOption(edit.column, text);
        if (id === null || (id !== '' && !tgIds.has(id))) refuse(NOT_AN_OPTION(text));
        else
          entry.patch.targetGroupIds =
            id === '' ? [] : [id, ...activity.targetGroupIds.filter((x) => x !== id).slice(0, 49)];
        break;
      }
      case 'category': {
        const v = readOption(edit.column, text);
        if (!v || !CATEGORIES.includes(v as ActivityCategory)) refuse(NOT_AN_OPTION(text));
        else entry.patch.category = v as ActivityCategory;
        break;
      }
      case 'cost.kind': {
        const v = readOption(edit.column, text);
        if (!v || !KINDS.includes(v as CostBasis['kind'])) refuse(NOT_AN_OPTION(text));
        else entry.cost = switchKind(entry.cost, v as CostBasis['kind']);
        break;
      }
      case 'cost.per': {
        const v = readOption(edit.column, text);
        if (entry.cost.kind !== 'lumpsum') refuse(NOT_APPLICABLE(edit.column.header));
        else if (!v || !PERS.includes(v as Granularity)) refuse(NOT_AN_OPTION(text));
        else entry.cost = { ...entry.cost, per: v as Granularity };
        break;
      }
      case 'cost.amount':
      case 'cost.rate': {
        const parsed = parseAmount(text.trim() === '' ? '0' : text, locale);
        if (!parsed.ok) {
          refuse(parsed.error);
          break;
        }
        const value = toCanonical(parsed.value);
        const c = entry.cost;
        if (edit.column.key === 'cost.amount' && c.kind === 'lumpsum') entry.cost = { ...c, amount: value };
        else if (edit.column.key === 'cost.rate' && c.kind === 'fte') entry.cost = { ...c, yearlyCost: value };
        else if (edit.column.key === 'cost.rate' && (c.kind === 'hours' || c.kind === 'persons'))
          entry.cost = { ...c, rate: value };
        else refuse(NOT_APPLICABLE(edit.column.header));
        break;
      }
      case 'description':
      case 'justification':
      case 'regularShareExplanation': {
        const key = edit.column.key as keyof typeof TEXT_MAX;
        if (text.length > TEXT_MAX[key])
          refuse({
            nl: `${edit.column.header}: ${t('nl', 'budget.textTooLong', { max: TEXT_MAX[key] })}`,
            en: `${edit.column.header}: ${t('en', 'budget.textTooLong', { max: TEXT_MAX[key] })}`,
          });
        else entry.patch[key] = text;
        break;
      }
      case 'regularShare': {
        if (text.trim() === '') {
          entry.patch.regularShare = null;
          break;
        }
        const parsed = parsePercent(text, locale);
        if (!parsed.ok) refuse(parsed.error);
        else entry.patch.regularShare = toCanonical(parsed.value);
        break;
      }
      case 'cost.quantity': {
        const parsed = parseNumber(text.trim() === '' ? '0' : text, locale);
        if (!parsed.ok) {
          refuse(parsed.error);
          break;
        }
        const value = toCanonical(parsed.value);
        const c = entry.cost;
        if (c.kind === 'hours') entry.cost = { ...c, hours: value };
        else if (c.kind === 'fte') entry.cost = { ...c, fte: value };
        else if (c.kind === 'persons') entry.cost = { ...c, persons: value };
        else refuse(NOT_APPLICABLE(edit.column.header));
        break;
      }
    }
  }
  const ops: PlanOp[] = [];
  for (const { activity, patch, cost } of patches.values()) {
    if (cost !== activity.cost) patch.cost = cost;
    if (Object.keys(patch).length > 0) ops.push({ op: 'update-row', collection: 'activities', id: activity.id, patch });
  }
  return { ops, refused };
}

/** A new activity row: general, lumpsum of zero per year, following the default split. */
export function newActivity(id: string, name: string): Activity {
  return {
    id,
    name,
    targetGroupIds: [],
    cost: { kind: 'lumpsum', amount: '0', per: 'year' },
    category: 'general',
    split: null,
    description: '',
    justification: '',
    regularShare: null,
    regularShareExplanation: '',
  };
}

/** The field a budget column edits for this activity's cost basis (the findings' field names). */
function budgetField(colKey: string, activity: Activity | undefined): string | null {
  const kind = activity?.cost.kind;
  if (colKey === 'cost.quantity')
    return kind === 'hours'
      ? 'cost.hours'
      : kind === 'fte'
        ? 'cost.fte'
        : kind === 'persons'
          ? 'cost.persons'
          : 'cost.quantity';
  if (colKey === 'cost.rate') return kind === 'fte' ? 'cost.yearlyCost' : 'cost.rate';
  // Period columns are `p:<periodId>`; presence fields allow no colon.
  if (colKey.startsWith('p:')) return `period.${colKey.slice(2)}`;
  return colKey === '' ? null : colKey;
}

/** The location of a budget cell in the findings' vocabulary, sent when the user selects it. */
export function budgetCellLocation(plan: Plan | null, rowId: string, colKey: string): PeerCell | null {
  const field = budgetField(
    colKey,
    plan?.activities.find((a) => a.id === rowId),
  );
  return field ? { section: 'activities', rowId, field } : null;
}

/** Where another participant's selection shows in the budget grid (the inverse of budgetCellLocation). */
export function locateBudgetPresence(location: PeerCell): CellRef | null {
  const field = location.field ?? '';
  if (location.section === 'activities' && location.rowId) {
    if (field === 'annual' || field === 'cost.quantity') return { rowId: location.rowId, colKey: field };
    if (field.startsWith('period.')) return { rowId: location.rowId, colKey: `p:${field.slice(7)}` };
  }
  return locateBudget(location);
}
