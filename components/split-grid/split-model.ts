import type { Decimal } from 'decimal.js';
import type { Plan } from '../../src/model/plan.ts';
import type { Activity } from '../../src/model/activities.ts';
import type { Split } from '../../src/model/split.ts';
import type { Allocation, ActivityAllocation } from '../../src/model/allocation.ts';
import type { FindingLocation } from '../../src/model/finding.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import { DEFAULT_SPLIT_ROW } from '../../src/model/ops.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import { Dec, HUNDRED, ZERO, toCanonical } from '../../src/money/decimal.ts';
import { parsePercent } from '../../src/money/parse.ts';
import { formatMoney, formatPercent } from '../../src/money/format.ts';
import type { CellEdit, EditOutcome, GridColumn, GridRow } from '../grid/grid-element.ts';
import type { CellRef } from '../grid/marks.ts';
import type { CellRef as PeerCell } from '../../src/sync/collab/presence.ts';
import { activityAllocations } from '../grid/allocation-index.ts';

/*
 * The split grid as data: columns from the plan's domains and sectors, rows from the default split
 * and the activities, and the way typed text becomes set-split ops. No DOM here.
 */

export type SplitView = 'percent' | 'euro';
export const TOTAL_ROW = 'total';

/** Column keys: `d:<domain>` for a domain's share (of the total), `s:<domain>:<sector>` for a sector's share (of its domain). */
export const domainKey = (domainId: string) => `d:${domainId}`;
export const sectorKey = (domainId: string, sectorId: string) => `s:${domainId}:${sectorId}`;
/** `S:<domain>`: the sum of a domain's sector shares (read-only). */
export const sectorSumKey = (domainId: string) => `S:${domainId}`;

export function parseColumnKey(key: string): { domainId: string; sectorId: string | null } | null {
  const [kind, domainId, sectorId] = key.split(':');
  if (kind === 'd' && domainId) return { domainId, sectorId: null };
  if (kind === 's' && domainId && sectorId) return { domainId, sectorId };
  return null;
}

const percentOf = (split: Split, domainId: string, sectorId: string | null): string | undefined =>
  sectorId === null
    ? split.domains.find((d) => d.domainId === domainId)?.percent
    : split.sectors.find((s) => s.domainId === domainId && s.sectorId === sectorId)?.percent;

/** Sum of the domain shares of a split; a malformed stored value counts as zero (a rule reports it). */
export function domainSum(split: Split): Dec {
  let sum = ZERO;
  for (const d of split.domains) sum = sum.plus(safeDec(d.percent));
  return sum;
}

/** "100 %" or "90 % (-10 %)" for a domain's sectors; empty while the domain has neither a share nor sector shares. */
function sectorSumText(split: Split, domainId: string, locale: Locale): string {
  const sectors = split.sectors.filter((s) => s.domainId === domainId);
  const share = split.domains.find((d) => d.domainId === domainId);
  if (sectors.length === 0 && (!share || safeDec(share.percent).isZero())) return '';
  let sum = ZERO;
  for (const s of sectors) sum = sum.plus(safeDec(s.percent));
  return totalText(sum, locale);
}

function safeDec(s: string): Dec {
  try {
    return new Dec(s);
  } catch {
    return ZERO;
  }
}

/** "100 %" or "99 % (-1 %)": the sum and how far it is from 100. */
export function totalText(sum: Dec, locale: Locale): string {
  const diff = sum.minus(HUNDRED);
  if (diff.isZero()) return formatPercent(sum, locale);
  return `${formatPercent(sum, locale)} (${diff.isPositive() ? '+' : ''}${formatPercent(diff, locale)})`;
}

/**
 * Builds rows, reusing the previous row object for an activity whose inputs did not change, so
 * the grid can skip it by identity. A cache lives as long as one shape (domains, view, locale).
 */
export class SplitRows {
  private percentRows = new WeakMap<Activity, { split: Split; row: GridRow }>();
  private euroRows = new WeakMap<Activity, { alloc: ActivityAllocation | undefined; row: GridRow }>();
  private defaultRow: { split: Split; row: GridRow } | null = null;

  constructor(
    private readonly plan: Plan,
    private readonly locale: Locale,
    private readonly columns: readonly GridColumn[],
  ) {}

  /** Still usable for this plan (same domains object) and locale? */
  fits(plan: Plan, locale: Locale, columns: readonly GridColumn[]): boolean {
    return plan.domains === this.plan.domains && locale === this.locale && columns === this.columns;
  }

  percent(plan: Plan): GridRow[] {
    const rows: GridRow[] = [];
    const d = this.defaultRow;
    const defaultRow =
      d && d.split === plan.defaultSplit
        ? d.row
        : this.percentRow(DEFAULT_SPLIT_ROW, gt('defaultRow', this.locale), plan.defaultSplit, false);
    this.defaultRow = { split: plan.defaultSplit, row: defaultRow };
    rows.push(defaultRow);
    for (const a of plan.activities) {
      const split = a.split ?? plan.defaultSplit;
      const cached = this.percentRows.get(a);
      if (cached && cached.split === split) {
        rows.push(cached.row);
        continue;
      }
      const row = this.percentRow(a.id, activityName(a, this.locale), split, a.split === null);
      this.percentRows.set(a, { split, row });
      rows.push(row);
    }
    return rows;
  }

  euro(plan: Plan, allocation: Allocation | null): GridRow[] {
    const byId = allocation ? activityAllocations(allocation) : new Map<string, ActivityAllocation>();
    const rows: GridRow[] = [];
    for (const a of plan.activities) {
      const alloc = byId.get(a.id);
      const cached = this.euroRows.get(a);
      if (cached && cached.alloc === alloc && alloc !== undefined) {
        rows.push(cached.row);
        continue;
      }
      const row = this.euroRow(
        a.id,
        activityName(a, this.locale),
        alloc?.domains ?? [],
        alloc?.sectors ?? [],
        alloc?.annual ?? null,
        false,
      );
      this.euroRows.set(a, { alloc, row });
      rows.push(row);
    }
    rows.push(
      this.euroRow(
        TOTAL_ROW,
        gt('total', this.locale),
        allocation?.byDomain ?? [],
        allocation?.bySector ?? [],
        allocation?.annualTotal ?? null,
        true,
      ),
    );
    return rows;
  }

  /** Cells of a split (every column but the name), shared by all rows showing the same split object. */
  private splitCells = new WeakMap<Split, string[]>();

  private percentRow(id: string, name: string, split: Split, inherited: boolean): GridRow {
    let cells = this.splitCells.get(split);
    if (!cells) {
      cells = this.columns.slice(1).map((c) => {
        if (c.key === 'total') return totalText(domainSum(split), this.locale);
        if (c.key.startsWith('S:')) return sectorSumText(split, c.key.slice(2), this.locale);
        const k = parseColumnKey(c.key);
        const p = k ? percentOf(split, k.domainId, k.sectorId) : undefined;
        return p === undefined ? '' : formatPercent(p, this.locale, 12);
      });
      this.splitCells.set(split, cells);
    }
    const label = inherited ? `${name} (${gt('usesDefault', this.locale)})` : name;
    return { id, name, values: [label, ...cells], inherited };
  }

  private euroRow(
    id: string,
    name: string,
    domains: readonly { domainId: string | null; amount: Decimal }[],
    sectors: readonly { domainId: string | null; sectorId: string | null; amount: Decimal }[],
    annual: Decimal | null,
    total: boolean,
  ): GridRow {
    const values = this.columns.map((c) => {
      if (c.key === 'name') return name;
      if (c.key === 'total') return annual ? formatMoney(annual, this.locale) : '';
      if (c.key === 'unassigned') {
        const rest = domains.find((d) => d.domainId === null);
        return rest ? formatMoney(rest.amount, this.locale) : '';
      }
      const k = parseColumnKey(c.key);
      if (!k) return '';
      const hit =
        k.sectorId === null
          ? domains.find((d) => d.domainId === k.domainId)
          : sectors.find((s) => s.domainId === k.domainId && s.sectorId === k.sectorId);
      return hit ? formatMoney(hit.amount, this.locale) : '';
    });
    return { id, name, values, readOnly: true, total };
  }
}

export const activityName = (a: Activity, locale: Locale): string => a.name.trim() || `${gt('name', locale)} ${a.id}`;

/**
 * Where a finding shows in the split grid. A sum over a domain's sectors marks the sector shares
 * that must add up (not the domain's own share, which is not what is wrong).
 */
export function locateSplit(location: FindingLocation, plan?: Plan | null): CellRef | readonly CellRef[] | null {
  if (location.section === 'split' && location.rowId) {
    if (location.domainId && location.sectorId)
      return { rowId: location.rowId, colKey: sectorKey(location.domainId, location.sectorId) };
    const sectors =
      location.field === 'sectors' && location.domainId
        ? (plan?.domains.find((d) => d.id === location.domainId)?.sectors ?? [])
        : [];
    if (sectors.length > 0)
      return [
        ...sectors.map((s) => ({ rowId: location.rowId!, colKey: sectorKey(location.domainId!, s.id) })),
        { rowId: location.rowId, colKey: sectorSumKey(location.domainId!) },
      ];
    if (location.domainId) return { rowId: location.rowId, colKey: domainKey(location.domainId) };
    return { rowId: location.rowId, colKey: 'total' };
  }
  if (location.section === 'activities' && location.rowId && location.field === 'split') {
    return { rowId: location.rowId, colKey: 'total' };
  }
  return null;
}

/** Typed or pasted percentages → set-split ops; unreadable text is refused with the parser's message. */
export function splitEditsToOps(edits: readonly CellEdit[], locale: Locale): EditOutcome {
  const ops: PlanOp[] = [];
  const refused: EditOutcome['refused'] = [];
  for (const edit of edits) {
    const k = parseColumnKey(edit.column.key);
    if (!k) continue;
    const text = edit.text.trim();
    if (text === '') {
      ops.push({ op: 'set-split', rowId: edit.row.id, domainId: k.domainId, sectorId: k.sectorId, percent: null });
      continue;
    }
    const parsed = parsePercent(text, locale);
    if (!parsed.ok) {
      refused.push({ edit, message: parsed.error });
      continue;
    }
    ops.push({
      op: 'set-split',
      rowId: edit.row.id,
      domainId: k.domainId,
      sectorId: k.sectorId,
      percent: toCanonical(parsed.value),
    });
  }
  return { ops, refused };
}

/**
 * The value that makes a row exactly 100 %: for a domain cell, 100 minus the other domains; for a
 * sector cell, 100 minus the domain's other sectors. Null when the others already exceed 100.
 */
export function balanceValue(split: Split, domainId: string, sectorId: string | null): string | null {
  let others = ZERO;
  if (sectorId === null) {
    for (const d of split.domains) if (d.domainId !== domainId) others = others.plus(safeDec(d.percent));
  } else {
    for (const s of split.sectors)
      if (s.domainId === domainId && s.sectorId !== sectorId) others = others.plus(safeDec(s.percent));
  }
  const value = HUNDRED.minus(others);
  return value.isNegative() ? null : toCanonical(value);
}

/**
 * The location of a split cell in the findings' vocabulary, sent when the user selects it: a
 * domain or sector share carries its ids, the row total the bare row (as a split-sum finding does),
 * the name and unassigned columns a field.
 */
export function splitCellLocation(rowId: string, colKey: string): PeerCell | null {
  if (colKey === 'total') return { section: 'split', rowId };
  if (colKey === 'name' || colKey === 'unassigned') return { section: 'split', rowId, field: colKey };
  const k = parseColumnKey(colKey);
  if (!k) return null;
  return k.sectorId === null
    ? { section: 'split', rowId, domainId: k.domainId }
    : { section: 'split', rowId, domainId: k.domainId, sectorId: k.sectorId };
}

/** Where another participant's selection shows in the split grid (the inverse of splitCellLocation). */
export function locateSplitPresence(location: PeerCell): CellRef | null {
  if (
    location.section === 'split' &&
    location.rowId &&
    (location.field === 'name' || location.field === 'unassigned')
  ) {
    return { rowId: location.rowId, colKey: location.field };
  }
  const at = locateSplit(location);
  return Array.isArray(at) ? (at[0] ?? null) : (at as CellRef | null);
}
