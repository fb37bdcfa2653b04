import { tx } from '../i18n/export.ts';
import { Dec } from '../money/decimal.ts';
import { formatMoney } from '../money/format.ts';
import type { PaymentLine } from '../engine/index.ts';
import type { ExportContext } from './context.ts';
import { date, money, text, type Cell, type Column, type Table } from './table.ts';

/*
 * Who is paid, by whom, per period: the tables the annexes, the workbook and the CSV share, read
 * from the engine's payments (engine/allocate/payments.ts). Every amount is the engine's; totals
 * are the engine's parents, so they equal the sums to the cent.
 */

/** One funder's payments over all its lines (a funder normally funds one domain). */
export interface FunderSchedule {
  funderId: string | null;
  domainId: string | null;
  annual: Dec;
  amount: Dec;
  periods: Dec[];
  payees: PaymentLine[];
  parts: PaymentLine[];
}

const zero = () => new Dec(0);

/** Lines with the same provider added together, in first-seen order. */
function merge(lines: readonly PaymentLine[], n: number): PaymentLine[] {
  const out = new Map<string | null, PaymentLine>();
  for (const l of lines) {
    const m = out.get(l.providerId);
    if (!m) {
      out.set(l.providerId, { ...l, periods: [...l.periods] });
      continue;
    }
    m.annual = m.annual.plus(l.annual);
    m.amount = m.amount.plus(l.amount);
    for (let k = 0; k < n; k++) m.periods[k] = m.periods[k]!.plus(l.periods[k]!);
  }
  return [...out.values()];
}

/** The funder's schedule; `funderId` null with a domain: that domain's uncovered or unassigned line. */
export function funderSchedule(ctx: ExportContext, funderId: string | null, domainId?: string | null): FunderSchedule {
  const n = ctx.payments.periods.length;
  const lines = ctx.payments.funders.filter(
    (f) => f.funderId === funderId && (domainId === undefined || f.domainId === domainId),
  );
  const periods = Array.from({ length: n }, (_, k) => lines.reduce((s, f) => s.plus(f.periods[k]!), zero()));
  return {
    funderId,
    domainId: lines[0]?.domainId ?? domainId ?? null,
    annual: lines.reduce((s, f) => s.plus(f.annual), zero()),
    amount: lines.reduce((s, f) => s.plus(f.amount), zero()),
    periods,
    payees: merge(
      lines.flatMap((f) => f.payees),
      n,
    ),
    parts: merge(
      lines.flatMap((f) => f.parts),
      n,
    ),
  };
}

/** "per kwartaal" / "per quarter": the plan's payment period. */
export const perPeriod = (ctx: ExportContext): string => tx(`per.${ctx.plan.granularity}`, ctx.locale);

/**
 * One sentence per payee, as a contract states it: "per kwartaal € 6.250,00 aan Thuiszorg
 * Havenstad (AGB 07991001)". Periods whose amount differs from the usual one (a part period, the
 * cent the largest-remainder rule hands out) are named after it: "…; 2025-Q1: € 27.916,50".
 * With many such periods the sentence gives the range and the total; the schedule has them all.
 */
export function payeeSentences(ctx: ExportContext, s: FunderSchedule): string[] {
  const l = ctx.locale;
  const per = perPeriod(ctx);
  const m = (d: Dec) => formatMoney(d, l);
  return s.payees
    .filter((p) => !p.amount.isZero())
    .map((p) => {
      const payee = ctx.names.providerWithAgb(p.providerId);
      const counts = new Map<string, number>();
      for (const x of p.periods) counts.set(x.toFixed(2), (counts.get(x.toFixed(2)) ?? 0) + 1);
      let usual = p.periods[0]?.toFixed(2) ?? '0.00';
      for (const [v, c] of counts) if (c > counts.get(usual)!) usual = v;
      const others = ctx.payments.periods
        .map((q, k) => ({ q, v: p.periods[k]! }))
        .filter((x) => x.v.toFixed(2) !== usual);
      const line = tx('payLine', l, { per, amount: m(new Dec(usual)), payee });
      if (others.length === 0) return line;
      if (others.length <= 4) return `${line}; ${others.map((x) => `${x.q.periodId}: ${m(x.v)}`).join('; ')}`;
      const sorted = [...p.periods].sort((a, b) => a.comparedTo(b));
      return tx('payLineVarying', l, {
        per,
        min: m(sorted[0]!),
        max: m(sorted[sorted.length - 1]!),
        payee,
        total: m(p.amount),
      });
    });
}

const periodColumns = (ctx: ExportContext): Column[] => [
  { label: tx('colPeriod', ctx.locale), kind: 'text' },
  { label: tx('colStart', ctx.locale), kind: 'date' },
  { label: tx('colEnd', ctx.locale), kind: 'date' },
];

/**
 * Periods down, payees across, a total per period: the payment schedule of one funder. The last
 * column is the sum of the payee columns (a formula in the workbook); the total row holds each
 * payee's amount and the funder's.
 */
export function funderScheduleTable(
  ctx: ExportContext,
  s: FunderSchedule,
  lines: PaymentLine[] = s.payees,
  id = 'funder-schedule',
): Table {
  const l = ctx.locale;
  const payees = lines;
  const first = 3;
  const columns: Column[] = [
    ...periodColumns(ctx),
    ...payees.map((p) => ({ label: ctx.names.providerWithAgb(p.providerId), kind: 'money' as const })),
    { label: tx('total', l), kind: 'money', sumOf: payees.map((_, i) => first + i) },
  ];
  const rows: Cell[][] = ctx.payments.periods.map((p, k) => [
    text(p.periodId),
    date(p.start),
    date(p.end),
    ...payees.map((x) => money(x.periods[k]!)),
    money(s.periods[k]!),
  ]);
  return {
    id,
    // The domain too: one municipality often funds two domains (Wmo 2015, Jeugdwet) under one name.
    title: `${tx('secPaymentSchedule', l)}: ${ctx.names.funder(s.funderId, s.domainId)} (${ctx.names.domain(s.domainId)})`,
    columns,
    rows,
    totals: [null, null, null, ...payees.map((x) => x.amount), s.amount],
  };
}

/** Whom the funder pays, per year and over the term, with each payee's role under the model. */
export function payeesTable(
  ctx: ExportContext,
  s: FunderSchedule,
  lines: PaymentLine[] = s.payees,
  id = 'payees',
  title = tx('secPayees', ctx.locale),
): Table {
  const l = ctx.locale;
  const agb = new Map(ctx.plan.providers.map((p) => [p.id, p.agb]));
  return {
    id,
    title,
    columns: [
      { label: tx('colProvider', l), kind: 'text' },
      { label: tx('colAgb', l), kind: 'text' },
      { label: tx('colRole', l), kind: 'text' },
      { label: tx('colAmountAnnual', l), kind: 'money' },
      { label: tx('colAmountTerm', l), kind: 'money' },
    ],
    rows: lines.map((p) => [
      text(ctx.names.provider(p.providerId)),
      text(p.providerId === null ? '' : (agb.get(p.providerId) ?? '')),
      text(p.providerId === null ? '' : ctx.names.role(p.providerId)),
      money(p.annual),
      money(p.amount),
    ]),
    totals: [null, null, null, s.annual, s.amount],
  };
}

/** The lead's pass-on: what it pays each other provider, per year and over the term. */
export function passOnTable(ctx: ExportContext): Table {
  const lines = ctx.payments.passOn;
  const annual = lines.reduce((s, x) => s.plus(x.annual), zero());
  const amount = lines.reduce((s, x) => s.plus(x.amount), zero());
  const periods = ctx.payments.periods.map((_, k) => lines.reduce((s, x) => s.plus(x.periods[k]!), zero()));
  const as: FunderSchedule = { funderId: null, domainId: null, annual, amount, periods, payees: lines, parts: lines };
  return payeesTable(ctx, as, lines, 'pass-on', tx('secPassOn', ctx.locale));
}

/** The lead's pass-on per period: periods down, receiving providers across. */
export function passOnScheduleTable(ctx: ExportContext): Table {
  const lines = ctx.payments.passOn;
  const periods = ctx.payments.periods.map((_, k) => lines.reduce((s, x) => s.plus(x.periods[k]!), zero()));
  const amount = lines.reduce((s, x) => s.plus(x.amount), zero());
  const as: FunderSchedule = {
    funderId: null,
    domainId: null,
    annual: zero(),
    amount,
    periods,
    payees: lines,
    parts: lines,
  };
  const table = funderScheduleTable(ctx, as, lines, 'pass-on-schedule');
  return { ...table, title: `${tx('secPassOn', ctx.locale)}: ${tx('secPaymentSchedule', ctx.locale).toLowerCase()}` };
}

/**
 * Every payment in one long table, for the CSV and the workbook: funder, payee, period, amount.
 * Under a main contractor or cashier the lead's pass-on follows, with the lead as the payer.
 * Filter on a funder and payee and the periods sum to the payee's amount; on a funder, to its amount.
 */
export function paymentsLongTable(ctx: ExportContext): Table {
  const { plan, payments, locale: l, names } = ctx;
  const uzovi = new Map(plan.funders.map((f) => [f.id, f.uzovi]));
  const agb = new Map(plan.providers.map((p) => [p.id, p.agb]));
  const rows: Cell[][] = [];
  // A line no funder pays (the uncovered Zvw part) keeps its amounts, so the table still sums to
  // the plan, but names no payee: nobody transfers that money to anyone.
  const add = (payer: string, code: string, domain: string, line: PaymentLine, unpaid = false) => {
    const payee = unpaid ? null : line.providerId;
    payments.periods.forEach((p, k) =>
      rows.push([
        text(payer),
        text(code),
        text(domain),
        text(unpaid ? tx('unpaid', l) : names.provider(payee)),
        text(payee === null ? '' : (agb.get(payee) ?? '')),
        text(payee === null ? '' : names.role(payee)),
        text(p.periodId),
        date(p.start),
        date(p.end),
        money(line.periods[k]!),
      ]),
    );
  };
  for (const f of payments.funders) {
    for (const p of f.payees)
      add(
        names.funder(f.funderId, f.domainId),
        f.funderId === null ? '' : (uzovi.get(f.funderId) ?? ''),
        names.domain(f.domainId),
        p,
        f.funderId === null,
      );
  }
  if (payments.leadId !== null) {
    const lead = names.provider(payments.leadId);
    for (const p of payments.passOn) add(`${tx('secPassOn', l)}: ${lead}`, agb.get(payments.leadId) ?? '', '', p);
  }
  return {
    id: 'payments',
    title: tx('secPaymentsAll', l),
    columns: [
      { label: tx('colFunder', l), kind: 'text' },
      { label: `${tx('colUzovi', l)} / ${tx('colAgb', l)}`, kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colPayee', l), kind: 'text' },
      { label: tx('colAgb', l), kind: 'text' },
      { label: tx('colRole', l), kind: 'text' },
      ...periodColumns(ctx),
      { label: tx('colAmountPeriod', l), kind: 'money' },
    ],
    rows,
  };
}
