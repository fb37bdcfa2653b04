import type { Plan } from '../../src/model/plan.ts';
import { DEFAULT_SPLIT_ROW, applyOps } from '../../src/model/ops.ts';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { gridText, gt } from '../../src/i18n/grid.ts';
import { formatPercent } from '../../src/money/format.ts';
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

/** The rows an edit of several cells leaves with domain shares off 100 %, one note each. */
export function sumNotes(plan: Plan, edits: readonly CellEdit[], outcome: EditOutcome): RefusedEdit[] {
  let next: Plan;
  try {
    next = applyOps(plan, outcome.ops);
  } catch {
    return [];
  }
  const notes: RefusedEdit[] = [];
  const seen = new Set<string>();
  for (const edit of edits) {
    const rowId = edit.row.id;
    if (seen.has(rowId)) continue;
    seen.add(rowId);
    const split = rowId === DEFAULT_SPLIT_ROW ? next.defaultSplit : next.activities.find((a) => a.id === rowId)?.split;
    if (!split || !offParts(next, split).some((o) => o.domains)) continue;
    const message: Msg = {
      nl: fill(gridText.rowSumNow.nl, { total: totalText(domainSum(split), 'nl') }),
      en: fill(gridText.rowSumNow.en, { total: totalText(domainSum(split), 'en') }),
    };
    notes.push({ edit, message });
  }
  return notes;
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
