import type { Plan } from '../../src/model/plan.ts';
import { DEFAULT_SPLIT_ROW, applyOps } from '../../src/model/ops.ts';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { gridText, gt } from '../../src/i18n/grid.ts';
import { formatPercent } from '../../src/money/format.ts';
import { Dec, HUNDRED, ZERO } from '../../src/money/decimal.ts';
import type { Split } from '../../src/model/split.ts';
import type { CellEdit, EditOutcome, GridColumn, RefusedEdit } from '../grid/grid-types.ts';
import { activityName, domainSum, parseColumnKey, totalText } from './split-model.ts';
import { offParts, type BalanceTarget } from './balance.ts';

/*
 * What the split grid says after an action, so that nothing changes a row silently: which row and
 * share a balance changed, and which rows a paste or fill left off 100 %. And where pasted
 * columns go: a row of shares pasted onto a domain share fills the domain shares.
 */

const rowName = (plan: Plan, rowId: string, locale: Locale): string => {
  if (rowId === DEFAULT_SPLIT_ROW) return gt('defaultRow', locale);
  const a = plan.activities.find((x) => x.id === rowId);
  return a ? activityName(a, locale) : rowId;
};

const columnName = (plan: Plan, domainId: string, sectorId: string | null): string => {
  const d = plan.domains.find((x) => x.id === domainId);
  const s = sectorId ? d?.sectors.find((x) => x.id === sectorId) : undefined;
  return s ? `${d?.name ?? domainId} – ${s.name}` : (d?.name ?? domainId);
};

const fill = (text: string, vars: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

/** "Activiteit 2 aangevuld tot 100 %: Zvw 70 % → 65 %." */
export function balancedText(plan: Plan, t: BalanceTarget, locale: Locale): string {
  return fill(gridText.balanced[locale], {
    row: rowName(plan, t.rowId, locale),
    column: columnName(plan, t.domainId, t.sectorId),
    from: t.from === null ? '—' : formatPercent(t.from, locale),
    to: formatPercent(t.percent, locale),
  });
}

/**
 * One note per row an edit leaves off: its domain shares not at 100 % of the total, else the first
 * domain it touched whose sector shares are not at 100 % of that domain. An edit of one cell says
 * so only when the row now exceeds 100 % (typing a row share by share passes through sums below).
 */
export function sumNotes(plan: Plan, edits: readonly CellEdit[], outcome: EditOutcome): RefusedEdit[] {
  let next: Plan;
  try {
    next = applyOps(plan, outcome.ops);
  } catch {
    return [];
  }
  const several = outcome.ops.length > 1;
  const notes: RefusedEdit[] = [];
  const seen = new Set<string>();
  for (const edit of edits) {
    const rowId = edit.row.id;
    if (seen.has(rowId)) continue;
    seen.add(rowId);
    const split = rowId === DEFAULT_SPLIT_ROW ? next.defaultSplit : next.activities.find((a) => a.id === rowId)?.split;
    if (!split) continue;
    const off = offParts(next, split);
    const touched = new Set(edits.filter((e) => e.row.id === rowId).map((e) => parseColumnKey(e.column.key)?.domainId));
    const sectors = off.find((o) => !o.domains && touched.has(o.domainId));
    if (off.some((o) => o.domains)) {
      const sum = domainSum(split);
      if (several || sum.gt(HUNDRED)) notes.push({ edit, message: message(gridText.rowSumNow, { total: sum }) });
    } else if (sectors && !sectors.domains) {
      const sum = sectorSum(split, sectors.domainId);
      const domain = columnName(next, sectors.domainId, null);
      if (several || sum.gt(HUNDRED))
        notes.push({ edit, message: message(gridText.sectorSumNow, { total: sum }, domain) });
    }
  }
  return notes;
}

const message = (text: Msg, vars: { total: Dec }, domain = ''): Msg => ({
  nl: fill(text.nl, { total: totalText(vars.total, 'nl'), domain }),
  en: fill(text.en, { total: totalText(vars.total, 'en'), domain }),
});

function sectorSum(split: Split, domainId: string): Dec {
  let sum = ZERO;
  for (const s of split.sectors) {
    if (s.domainId !== domainId) continue;
    try {
      sum = sum.plus(new Dec(s.percent));
    } catch {
      // An unreadable stored share counts as zero here; a rule reports it.
    }
  }
  return sum;
}

/**
 * Target columns for a paste of `width` columns starting on a domain share: the next domain
 * shares, skipping the sector columns between them. Null (side by side) when the paste starts
 * elsewhere or fits no domain columns.
 */
export function domainPasteColumns(columns: readonly GridColumn[], startCol: number, width: number): number[] | null {
  const start = parseColumnKey(columns[startCol]?.key ?? '');
  if (!start || start.sectorId !== null || width < 2) return null;
  const targets: number[] = [];
  for (let c = startCol; c < columns.length && targets.length < width; c++) {
    const k = parseColumnKey(columns[c]!.key);
    if (k && k.sectorId === null) targets.push(c);
  }
  return targets.length === width ? targets : null;
}
