import type { Plan } from '../../src/model/plan.ts';
import type { Split } from '../../src/model/split.ts';
import type { Finding } from '../../src/model/finding.ts';
import { DEFAULT_SPLIT_ROW } from '../../src/model/ops.ts';
import { Dec, HUNDRED, ZERO } from '../../src/money/decimal.ts';
import { balanceValue, parseColumnKey } from './split-model.ts';

/*
 * "Aanvullen tot 100 %" on the row the user means (issue #13): the selected row when it is off,
 * otherwise the first row a split-sum finding flags. Within that row the selected share is filled
 * when it is one of the shares that are off; otherwise the largest of them, so the change is
 * proportionally the smallest.
 */

/** What a balance changes: which row and cell, from what, to what. */
export interface BalanceTarget {
  rowId: string;
  domainId: string;
  sectorId: string | null;
  from: string | null;
  percent: string;
}
export type BalanceResult = { ok: true; target: BalanceTarget } | { ok: false; reason: 'nothing-off' | 'negative' };

/** Which part of a split is off: the domain shares, or the sector shares of one domain. */
type Off = { domains: true } | { domains: false; domainId: string };

const dec = (s: string | undefined): Dec => {
  try {
    return s === undefined ? ZERO : new Dec(s);
  } catch {
    return ZERO;
  }
};

/** The parts of a split that do not add up to 100 %, domains first (as the split-sum rule sees them). */
export function offParts(plan: Plan, split: Split): Off[] {
  const known = new Map(plan.domains.map((d) => [d.id, d]));
  const domains = split.domains.filter((d) => known.has(d.domainId));
  const out: Off[] = [];
  if (!domains.reduce((sum, d) => sum.plus(dec(d.percent)), ZERO).eq(HUNDRED)) out.push({ domains: true });
  for (const d of domains) {
    const sectors = known.get(d.domainId)!.sectors;
    if (sectors.length === 0 || dec(d.percent).isZero()) continue;
    const ids = new Set(sectors.map((s) => s.id));
    const sum = split.sectors
      .filter((s) => s.domainId === d.domainId && ids.has(s.sectorId))
      .reduce((acc, s) => acc.plus(dec(s.percent)), ZERO);
    if (!sum.eq(HUNDRED)) out.push({ domains: false, domainId: d.domainId });
  }
  return out;
}

const splitOf = (plan: Plan, rowId: string): Split | null =>
  rowId === DEFAULT_SPLIT_ROW ? plan.defaultSplit : (plan.activities.find((a) => a.id === rowId)?.split ?? null);

export function balanceTarget(
  plan: Plan,
  selected: { rowId: string; colKey: string } | null,
  findings: readonly Finding[],
): BalanceResult {
  // An activity that follows the default split is off exactly when the default is: balance that.
  const selectedRow =
    selected && plan.activities.some((a) => a.id === selected.rowId && a.split === null)
      ? DEFAULT_SPLIT_ROW
      : selected?.rowId;
  const candidates = [
    ...(selectedRow ? [selectedRow] : []),
    ...findings
      .filter((f) => f.code === 'split-sum' && f.location.section === 'split' && f.location.rowId)
      .map((f) => f.location.rowId!),
  ];
  for (const rowId of candidates) {
    const split = splitOf(plan, rowId);
    if (!split) continue;
    const off = offParts(plan, split);
    if (off.length === 0) continue;
    const key = selected && selectedRow === rowId ? parseColumnKey(selected.colKey) : null;
    // The selected share, when it belongs to a part that is off; else the largest share of the first part off.
    const chosen =
      key && off.some((o) => (o.domains ? key.sectorId === null : key.sectorId !== null && o.domainId === key.domainId))
        ? key
        : largest(plan, split, off[0]!);
    const percent = balanceValue(split, chosen.domainId, chosen.sectorId);
    if (percent === null) return { ok: false, reason: 'negative' };
    const from =
      chosen.sectorId === null
        ? (split.domains.find((d) => d.domainId === chosen.domainId)?.percent ?? null)
        : (split.sectors.find((s) => s.domainId === chosen.domainId && s.sectorId === chosen.sectorId)?.percent ??
          null);
    return { ok: true, target: { rowId, domainId: chosen.domainId, sectorId: chosen.sectorId, from, percent } };
  }
  return { ok: false, reason: 'nothing-off' };
}

/** The largest share in the part that is off (the plan's first domain or sector when all are empty). */
function largest(plan: Plan, split: Split, off: Off): { domainId: string; sectorId: string | null } {
  if (off.domains) {
    const known = new Set(plan.domains.map((d) => d.id));
    const best = split.domains
      .filter((d) => known.has(d.domainId))
      .sort((a, b) => dec(b.percent).comparedTo(dec(a.percent)))[0];
    return { domainId: best?.domainId ?? plan.domains[0]!.id, sectorId: null };
  }
  const sectors = plan.domains.find((d) => d.id === off.domainId)?.sectors ?? [];
  const ids = new Set(sectors.map((s) => s.id));
  const best = split.sectors
    .filter((s) => s.domainId === off.domainId && ids.has(s.sectorId))
    .sort((a, b) => dec(b.percent).comparedTo(dec(a.percent)))[0];
  return { domainId: off.domainId, sectorId: best?.sectorId ?? sectors[0]!.id };
}
