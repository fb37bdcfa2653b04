import { tx } from '../i18n/export.ts';
import type { ExportContext } from './context.ts';
import { count, money, text, type Cell, type Table } from './table.ts';

/*
 * What the NZa monitors for this payment title: the case (the plan and its target groups), the
 * number of cases (target group sizes), the budget size, the sectors involved and the amount
 * charged to each sector's macro framework.
 */

/** Sum of the target groups' sizes; null when any size is unknown (a partial count would mislead). */
export function numberOfCases(ctx: ExportContext): number | null {
  let total = 0;
  for (const g of ctx.plan.targetGroups) {
    if (g.estimatedSize === null) return null;
    total += g.estimatedSize;
  }
  return ctx.plan.targetGroups.length === 0 ? null : total;
}

/** The case in a few fields: the head of the Monitoring sheet and the annex section. */
export function monitoringCaseTable(ctx: ExportContext): Table {
  const { plan, allocation, locale: l, names } = ctx;
  const involved = allocation.bySector.filter((s) => !s.amount.isZero());
  const sectorNames = involved.map((s) => {
    const sector = names.sector(s.domainId, s.sectorId);
    return sector ? `${names.domain(s.domainId)} – ${sector}` : names.domain(s.domainId);
  });
  const row = (label: string, value: Cell): Cell[] => [text(label), value];
  return {
    id: 'monitoring-case',
    title: tx('secMonitoring', l),
    columns: [{ label: tx('colField', l), kind: 'text' }, { label: tx('colValue', l), kind: 'text' }],
    rows: [
      row(tx('monCase', l), text(plan.name)),
      row(tx('region', l), text(plan.region)),
      row(tx('monTargetGroup', l), text(plan.targetGroups.map((g) => g.name).join(', '))),
      row(tx('monCases', l), count(numberOfCases(ctx))),
      row(tx('monBudget', l), money(allocation.annualTotal)),
      row(tx('monBudgetTerm', l), money(allocation.planTotal)),
      row(tx('monSectors', l), text(sectorNames.join(', '))),
    ],
  };
}

/**
 * One row per sector (or sector-less domain) with the amount charged to it per year; the case
 * columns repeat on every row so the CSV stands alone in a monitoring spreadsheet.
 */
export function monitoringTable(ctx: ExportContext): Table {
  const { plan, allocation, locale: l, names } = ctx;
  const groups = plan.targetGroups.map((g) => g.name).join(', ');
  const cases = numberOfCases(ctx);
  return {
    id: 'monitoring',
    title: tx('monCharged', l),
    columns: [
      { label: tx('monCase', l), kind: 'text' }, { label: tx('region', l), kind: 'text' },
      { label: tx('monTargetGroup', l), kind: 'text' }, { label: tx('monCases', l), kind: 'count' },
      { label: tx('monBudget', l), kind: 'money' }, { label: tx('monBudgetTerm', l), kind: 'money' },
      { label: tx('colDomain', l), kind: 'text' }, { label: tx('colSector', l), kind: 'text' },
      { label: tx('monCharged', l), kind: 'money' },
    ],
    rows: allocation.bySector.map((s) => [
      text(plan.name), text(plan.region), text(groups), count(cases),
      money(allocation.annualTotal), money(allocation.planTotal),
      text(names.domain(s.domainId)), text(names.sector(s.domainId, s.sectorId)), money(s.amount),
    ]),
    totals: [null, null, null, null, null, null, null, null, allocation.annualTotal],
  };
}
