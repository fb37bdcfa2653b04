import { tx } from '../i18n/export.ts';
import { Dec } from '../money/decimal.ts';
import type { Block } from './annex.ts';
import type { ExportContext } from './context.ts';
import { count, money, text, type Cell, type Table } from './table.ts';

/*
 * What the NZa counts for the payment title (handleiding, "Monitoring en evaluatie"): per year the
 * number of times the prestatie was used, the size of the budgets, the sectors involved and the
 * amounts charged to each sector's macro budget. Macro budgets run per calendar year, so every
 * figure here is per calendar year (a payment period never spans two: periods are months,
 * quarters or calendar years, clipped to the plan).
 *
 * A use of the prestatie is a lumpsum declaration: one payee declaring to one insurer for one
 * payment period. Which macro budget is charged follows from who declares ("De gevolgen voor de
 * belasting van de (sectorale) macrokaders volgt uit declaraties", "Hoe uit te voeren en te
 * verantwoorden?"): under a main contractor or cashier the lead declares everything, so its sector
 * carries it all; under equal partners each provider's own sector. Only Zvw money is counted: the
 * Wmo, Jeugdwet and Wpg parts are paid by municipalities and charge no Zvw macro budget.
 *
 * Not a report: the NZa uses regular declaration data and imposes no reporting duty. This is an
 * overview for the parties' own accounting and for the NZa's questions.
 */

const year = (periodId: string) => periodId.slice(0, 4);

interface Declaration {
  year: string;
  funderId: string;
  providerId: string | null;
  uses: number;
  amount: Dec;
}

/** The plan's calendar years, in order. */
function years(ctx: ExportContext): string[] {
  return [...new Set(ctx.payments.periods.map((p) => year(p.periodId)))];
}

/** Zvw lumpsum declarations per calendar year, insurer and declaring payee. */
export function declarations(ctx: ExportContext): Declaration[] {
  const { payments, names } = ctx;
  if (ctx.plan.paymentTitle !== 'bdss') return [];
  const out: Declaration[] = [];
  for (const y of years(ctx)) {
    for (const f of payments.funders) {
      if (f.funderId === null || !names.isZvw(f.domainId)) continue;
      for (const payee of f.payees) {
        let uses = 0;
        let amount = new Dec(0);
        payments.periods.forEach((p, k) => {
          if (year(p.periodId) !== y || payee.periods[k]!.isZero()) return;
          uses += 1;
          amount = amount.plus(payee.periods[k]!);
        });
        if (uses > 0) out.push({ year: y, funderId: f.funderId, providerId: payee.providerId, uses, amount });
      }
    }
  }
  return out;
}

/** The sector whose macro budget a declaration by this provider charges. */
function macroSector(ctx: ExportContext, providerId: string | null): string {
  const { plan, names, locale: l } = ctx;
  const p = providerId === null ? undefined : plan.providers.find((x) => x.id === providerId);
  if (!p) return tx('unassigned', l);
  if (!names.isZvw(p.domainId)) return tx('monOutsideZvw', l);
  return names.sector(p.domainId, p.sectorId) || names.domain(p.domainId);
}

/** One row per calendar year × insurer × declaring provider: uses, amount, sector charged. */
export function monitoringTable(ctx: ExportContext): Table {
  const { plan, locale: l, names } = ctx;
  const uzovi = new Map(plan.funders.map((f) => [f.id, f.uzovi]));
  const agb = new Map(plan.providers.map((p) => [p.id, p.agb]));
  const rows = declarations(ctx);
  const total = rows.reduce((s, r) => s.plus(r.amount), new Dec(0));
  return {
    id: 'monitoring',
    title: tx('monChargedTable', l),
    columns: [
      { label: tx('colYear', l), kind: 'text' },
      { label: tx('colFunder', l), kind: 'text' },
      { label: tx('colUzovi', l), kind: 'text' },
      { label: tx('colDeclarant', l), kind: 'text' },
      { label: tx('colAgb', l), kind: 'text' },
      { label: tx('monCharged', l), kind: 'text' },
      { label: tx('monUses', l), kind: 'count' },
      { label: tx('colAmountYear', l), kind: 'money' },
    ],
    rows: rows.map((r): Cell[] => [
      text(r.year),
      text(names.funder(r.funderId)),
      text(uzovi.get(r.funderId) ?? ''),
      text(names.provider(r.providerId)),
      text(r.providerId === null ? '' : (agb.get(r.providerId) ?? '')),
      text(macroSector(ctx, r.providerId)),
      count(r.uses),
      money(r.amount),
    ]),
    totals: [null, null, null, null, null, null, null, total],
  };
}

/** Per calendar year: the Zvw budget, what is declared, how often, and the sectors involved. */
export function monitoringCaseTable(ctx: ExportContext): Table {
  const { payments, locale: l, names } = ctx;
  const decl = declarations(ctx);
  const bdss = ctx.plan.paymentTitle === 'bdss';
  // The Zvw sectors whose providers take part (with money in the plan); which macro budget is
  // charged is another matter: the sector of whoever declares.
  const involved = [
    ...new Set(
      ctx.allocation.bySector
        .filter((x) => names.isZvw(x.domainId) && x.sectorId !== null && !x.amount.isZero())
        .map((x) => names.sector(x.domainId, x.sectorId)),
    ),
  ];
  return {
    id: 'monitoring-case',
    title: tx('secMonitoring', l),
    columns: [
      { label: tx('colYear', l), kind: 'text' },
      { label: tx('monBudget', l), kind: 'money' },
      { label: tx('monDeclared', l), kind: 'money' },
      { label: tx('monUses', l), kind: 'count' },
      { label: tx('monSectors', l), kind: 'text' },
      { label: tx('monChargedSectors', l), kind: 'text' },
    ],
    rows: (bdss ? years(ctx) : []).map((y) => {
      let budget = new Dec(0);
      for (const f of payments.funders) {
        if (!names.isZvw(f.domainId)) continue;
        payments.periods.forEach((p, k) => {
          if (year(p.periodId) === y) budget = budget.plus(f.periods[k]!);
        });
      }
      const rows = decl.filter((d) => d.year === y);
      const charged = [...new Set(rows.map((d) => macroSector(ctx, d.providerId)))];
      return [
        text(y),
        money(budget),
        money(rows.reduce((s, d) => s.plus(d.amount), new Dec(0))),
        count(rows.reduce((s, d) => s + d.uses, 0)),
        text(involved.join(', ')),
        text(charged.join(', ')),
      ];
    }),
  };
}

/** The overview in an annex: what it is (not a report), per year, per declaration. */
export function monitoringBlocks(ctx: ExportContext): Block[] {
  const l = ctx.locale;
  if (ctx.plan.paymentTitle !== 'bdss')
    return [
      { kind: 'heading', level: 2, text: tx('secMonitoring', l) },
      { kind: 'paragraph', text: tx('monNotZvw', l) },
    ];
  return [
    { kind: 'heading', level: 2, text: tx('secMonitoring', l) },
    { kind: 'paragraph', text: tx('monNote', l) },
    { kind: 'table', table: monitoringCaseTable(ctx), caption: false },
    { kind: 'table', table: monitoringTable(ctx), caption: true },
  ];
}
