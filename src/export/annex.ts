import { tx, txMsg } from '../i18n/export.ts';
import type { Locale } from '../i18n/locale.ts';
import { Dec } from '../money/decimal.ts';
import { formatMoney, formatNumber } from '../money/format.ts';
import type { PaymentLine } from '../engine/index.ts';
import type { Clauses, Funder } from '../model/index.ts';
import type { ExportContext } from './context.ts';
import { ExportError } from './errors.ts';
import { isoDay } from './file-name.ts';
import { describeFunderShare, formatDate, shareOf } from './format.ts';
import { monitoringBlocks } from './monitoring.ts';
import { signoffBlocks } from './signoffs-section.ts';
import {
  funderAnnexParties,
  leadAnnexParties,
  mainAgreementBlocks,
  planParties,
  signatureBlocks,
  type SignatureParty,
} from './signature-block.ts';
import {
  funderSchedule,
  funderScheduleTable,
  passOnScheduleTable,
  passOnTable,
  payeeSentences,
  payeesTable,
  type FunderSchedule,
} from './payment-tables.ts';
import { money, percent, text, type Table } from './table.ts';
import {
  activitiesTable,
  domainsTable,
  evaluationTable,
  fundersTable,
  funderAmountsTable,
  funderYearsTable,
  justificationTable,
  leadRows,
  planFieldsTable,
  providerAmountsTable,
  providersTable,
  scheduleTable,
  sectorsTable,
  targetGroupsTable,
} from './tables.ts';

/*
 * The contract annexes as content, independent of how they are rendered: the .docx writer and the
 * printable HTML view both render this, so they never disagree. What the handleiding asks an
 * agreement to say (§4 "Hoe te gebruiken?") and where it is:
 *  - target group: care characteristics and verzorgingsgebied (postcodes) → targetGroupsTable;
 *  - concrete activities, for which group, with description, justification and the share already
 *    paid through regular tariffs (§4 "Contractvereiste") → activitiesTable, justificationTable;
 *  - each provider's domain/sector and contribution, the split per domain and Zvw sector →
 *    providersTable, domainsTable, sectorsTable, providerAmountsTable;
 *  - size and nature of the payments: lumpsum per period, per payee → payeeBlocks (one sentence
 *    per payee and period amount, schedule per period), paymentsBlocks, leadAnnex;
 *  - execution model, its lead and the VAT consequences to consider → execution();
 *  - aligned contracting: the market-share definition, reference date, area total, later years →
 *    marketShare() and the insurer's share table;
 *  - declaration process, information exchange, evaluation (and its moments), controls, quality,
 *    patients' representation → agreements();
 *  - no deductible (§5) and no double financing (§3, §6) → agreements().
 * The NZa overview (§7 "Monitoring en evaluatie") is monitoring.ts.
 */

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; strong?: boolean }
  /** `caption: false` when the heading above already names the table. */
  | { kind: 'table'; table: Table; caption: boolean }
  /** One block per party to sign, each with the same empty fields (name, function, date, signature). */
  | { kind: 'signatures'; parties: SignatureParty[]; fields: string[] };

export interface AnnexDoc {
  locale: Locale;
  draft: boolean;
  title: string;
  /** Scenario, date and fingerprint lines under the title. */
  meta: string[];
  blocks: Block[];
  /** Shown at the foot of every page. */
  footer: string;
}

const h = (level: 1 | 2 | 3, t: string): Block => ({ kind: 'heading', level, text: t });
const p = (t: string, strong = false): Block => ({ kind: 'paragraph', text: t, strong });
const tbl = (table: Table): Block => ({ kind: 'table', table, caption: true });
/** A section with one table: the heading is the caption. */
const section = (table: Table): Block[] => [h(2, table.title), { kind: 'table', table, caption: false }];

/** Free text keeps its paragraphs; an empty clause says so instead of disappearing. */
function textBlocks(value: string, locale: Locale): Block[] {
  const parts = value
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return parts.length === 0 ? [p(tx('notFilledIn', locale))] : parts.map((s) => p(s));
}

function meta(ctx: ExportContext): string[] {
  const l = ctx.locale;
  return [
    `${tx('scenario', l)}: ${ctx.scenarioName}`,
    `${tx('exportDate', l)}: ${formatDate(isoDay(ctx.date), l)}`,
    `${tx('fingerprint', l)}: ${ctx.fingerprint}`,
  ];
}

/** The draft notice (if any) and the main agreement this annex belongs to. */
function head(ctx: ExportContext): Block[] {
  return [...(ctx.draft ? [p(tx('draftNotice', ctx.locale), true)] : []), ...mainAgreementBlocks(ctx)];
}

/** A table, or one line saying there is nothing to list. */
const tableOrNone = (table: Table, l: Locale): Block[] =>
  table.rows.length === 0 ? [p(tx('notFilledIn', l))] : [{ kind: 'table', table, caption: false }];

/** Execution model and who leads it, and the VAT point the handleiding asks the parties to weigh. */
function execution(ctx: ExportContext): Block[] {
  const { plan, locale: l } = ctx;
  return [
    h(2, tx('secExecution', l)),
    p(`${tx('executionModel', l)}: ${tx(`model.${plan.executionModel}`, l)}`),
    ...leadRows(ctx).map((cells) => p(cells.map((c) => (c.t === 'text' ? c.v : '')).join(': '))),
    h(3, tx('secVat', l)),
    p(tx(`vat.${plan.executionModel}`, l)),
    p(tx('vatNote', l)),
  ];
}

/** The agreed market-share definition (handleiding §4, "gelijkgerichte contractering"). */
function marketShare(ctx: ExportContext): Block[] {
  const { plan, locale: l } = ctx;
  const ms = plan.marketShare;
  const years = (ms?.laterYears ?? []).map((y) =>
    p(
      `${tx('marketShareYear', l, { year: y.year })}: ${tx('marketShareYearValue', l, {
        date: y.referenceDate ? formatDate(y.referenceDate, l) : tx('notFilledIn', l),
        total: y.insuredTotal ? formatNumber(y.insuredTotal, l) : tx('notFilledIn', l),
      })}`,
    ),
  );
  return [
    h(2, tx('secMarketShare', l)),
    p(tx('marketShareRule', l)),
    p(`${tx('marketShareDefinition', l)}: ${ms?.definition.trim() ? ms.definition.trim() : tx('notFilledIn', l)}`),
    p(
      `${tx('marketShareDate', l)}: ${plan.marketShareDate ? formatDate(plan.marketShareDate, l) : tx('notFilledIn', l)}`,
    ),
    p(`${tx('insuredTotal', l)}: ${ms?.insuredTotal ? formatNumber(ms.insuredTotal, l) : tx('notFilledIn', l)}`),
    ...years,
  ];
}

/**
 * What every annex agrees on: the execution model, market shares and deductible (Zvw only), double
 * financing, patients' representation, evaluation moments and the free-text clauses.
 */
function agreements(ctx: ExportContext, zvw: boolean, municipal = false): Block[] {
  const { plan, locale: l } = ctx;
  const clauses: [keyof Clauses, Parameters<typeof tx>[0]][] = [
    // Declaring is the Zvw's word; a municipality is invoiced (Wmo 2015, Jeugdwet, Wpg).
    ['declaration', municipal ? 'clauseInvoicing' : 'clauseDeclaration'],
    ['informationExchange', 'clauseInformation'],
    ['evaluation', 'clauseEvaluation'],
    ['controls', 'clauseControls'],
    ['quality', 'clauseQuality'],
  ];
  return [
    ...execution(ctx),
    ...(zvw
      ? [
          ...marketShare(ctx),
          h(2, tx('secDeductible', l)),
          p(plan.deductibleCharged ? tx('deductibleCharged', l) : tx('deductibleStatement', l), plan.deductibleCharged),
        ]
      : []),
    h(2, tx('secDoubleFunding', l)),
    p(tx(municipal ? 'doubleFundingStatementMunicipal' : 'doubleFundingStatement', l)),
    h(3, tx('doubleFundingMeasures', l)),
    ...textBlocks(plan.clauses.doubleFunding, l),
    h(2, tx('secPatients', l)),
    ...textBlocks(plan.patientRepresentation ?? '', l),
    h(2, tx('secEvaluationMoments', l)),
    ...tableOrNone(evaluationTable(ctx), l),
    h(2, tx('secClauses', l)),
    ...clauses.flatMap(([key, label]) => [h(3, tx(label, l)), ...textBlocks(plan.clauses[key], l)]),
  ];
}

/** The execution model's payment rule, to the funder ("U betaalt …") or for every funder. */
function payeeRule(ctx: ExportContext, all: boolean): string {
  const { payments, plan, locale: l, names } = ctx;
  if (payments.leadId === null)
    return plan.executionModel !== 'equal-partners'
      ? tx('payees.no-lead', l)
      : tx(all ? 'payeesAll.equal-partners' : 'payees.equal-partners', l);
  const model = plan.executionModel as 'main-contractor' | 'cashier';
  return tx(all ? `payeesAll.${model}` : `payees.${model}`, l, { lead: names.providerWithAgb(payments.leadId) });
}

/** Whom a funder pays and when: the model's rule (in its own annex), one sentence per payee, the schedule. */
function payeeBlocks(ctx: ExportContext, s: FunderSchedule, own = true): Block[] {
  const { payments, locale: l } = ctx;
  return [
    ...(own ? [p(payeeRule(ctx, false))] : []),
    ...payeeSentences(ctx, s).map((line) => p(line, true)),
    { kind: 'table', table: payeesTable(ctx, s), caption: false },
    p(tx('scheduleRule', l)),
    tbl(funderScheduleTable(ctx, s)),
    ...(payments.leadId !== null
      ? [
          h(3, tx('secParts', l)),
          { kind: 'table' as const, table: payeesTable(ctx, s, s.parts, 'parts', tx('secParts', l)), caption: false },
        ]
      : []),
  ];
}

/** The lead's pass-on to the other providers (main contractor, cashier). */
function passOnBlocks(ctx: ExportContext): Block[] {
  const { payments, locale: l, names } = ctx;
  if (payments.leadId === null) return [];
  return [
    h(2, tx('secPassOn', l)),
    p(tx('passOnRule', l, { lead: names.providerWithAgb(payments.leadId) })),
    { kind: 'table', table: passOnTable(ctx), caption: false },
    tbl(passOnScheduleTable(ctx)),
  ];
}

/** Every funder's payments in the plan annex; the uncovered part as its own line. */
function paymentsBlocks(ctx: ExportContext): Block[] {
  const { plan, payments, locale: l, names } = ctx;
  const blocks: Block[] = [h(2, tx('secPaymentsAll', l)), p(payeeRule(ctx, true))];
  for (const f of plan.funders) {
    const s = funderSchedule(ctx, f.id);
    if (s.payees.length === 0) continue;
    blocks.push(h(3, `${f.name} (${names.domain(f.domainId)})`), ...payeeBlocks(ctx, s, false));
  }
  for (const f of payments.funders.filter((x) => x.funderId === null && !x.annual.isZero())) {
    blocks.push(
      p(
        `${names.funder(null, f.domainId)} (${names.domain(f.domainId)}): ${fmtMoney(f.annual, l)} ${tx('per.year', l)}`,
        true,
      ),
    );
  }
  return [...blocks, ...passOnBlocks(ctx)];
}

/** The annex for the whole plan: every party, every amount. */
export function planAnnex(ctx: ExportContext): AnnexDoc {
  const l = ctx.locale;
  const { allocation } = ctx;
  return {
    locale: l,
    draft: ctx.draft,
    title: `${tx('annexTitle', l)}: ${ctx.plan.name}`,
    meta: meta(ctx),
    footer: `${ctx.plan.name} · ${ctx.scenarioName} · SHA-256 ${ctx.fingerprint.slice(0, 16)}…`,
    blocks: [
      ...head(ctx),
      ...section(planFieldsTable(ctx)),
      h(2, tx('secParties', l)),
      tbl(providersTable(ctx)),
      tbl(fundersTable(ctx)),
      ...section(targetGroupsTable(ctx)),
      ...section(activitiesTable(ctx)),
      ...section(justificationTable(ctx)),
      h(2, tx('secSchedule', l)),
      p(
        `${tx('annualTotal', l)}: ${fmtMoney(allocation.annualTotal, l)}; ${tx('planTotal', l)}: ${fmtMoney(allocation.planTotal, l)}`,
      ),
      { kind: 'table', table: scheduleTable(ctx), caption: false },
      h(2, tx('secSplit', l)),
      tbl(domainsTable(ctx)),
      tbl(sectorsTable(ctx)),
      ...section(providerAmountsTable(ctx)),
      ...section(funderAmountsTable(ctx)),
      ...(() => {
        const t = funderYearsTable(ctx);
        return t ? section(t) : [];
      })(),
      ...paymentsBlocks(ctx),
      ...agreements(ctx, true),
      ...monitoringBlocks(ctx),
      ...signoffBlocks(ctx),
      ...signatureBlocks(ctx, planParties(ctx)),
    ],
  };
}

const fmtMoney = (d: Dec, l: Locale) => formatMoney(d, l);

/** The funder's amount per year over all its entries (a funder normally funds one domain). */
export function funderAmount(ctx: ExportContext, funderId: string): Dec {
  return ctx.allocation.byFunder
    .filter((f) => f.funderId === funderId)
    .reduce((sum, f) => sum.plus(f.amount), new Dec(0));
}

/** Whom this funder pays under the execution model, per year and over the term (engine/allocate/payments.ts). */
export function funderPayees(ctx: ExportContext, funder: Funder): PaymentLine[] {
  return funderSchedule(ctx, funder.id).payees;
}

/**
 * The annex one insurer or municipality signs: its own share, whom it pays per period, the shared
 * agreements. A municipality's (or any non-Zvw funder's) annex speaks of its own domain: no Zvw
 * payment title, market share or deductible, and inhabitants instead of insured.
 */
export function funderAnnex(ctx: ExportContext, funderId: string): AnnexDoc {
  const l = ctx.locale;
  const { plan, allocation, names } = ctx;
  const funder = plan.funders.find((f) => f.id === funderId);
  if (!funder) throw new ExportError('unknown-funder', txMsg('error.unknown-funder', { id: funderId }));
  const zvw = names.isZvw(funder.domainId);
  const domainKind = plan.domains.find((d) => d.id === funder.domainId)?.kind;
  // A municipality's annex speaks the words of its own law: Wmo 2015, Jeugdwet or Wpg.
  const municipal = !zvw && (funder.kind === 'municipality' || domainKind === 'wmo' || domainKind === 'jw');
  const socialKey =
    domainKind === 'wmo' || domainKind === 'jw' || domainKind === 'wpg'
      ? (`socialDomainStatement.${domainKind}` as const)
      : 'socialDomainStatement';
  const amount = funderAmount(ctx, funder.id);
  const domainAmount = allocation.byDomain
    .filter((d) => d.domainId === funder.domainId)
    .reduce((sum, d) => sum.plus(d.amount), new Dec(0));
  const schedule = funderSchedule(ctx, funder.id);
  const perActivity = allocation.activities.flatMap((a) =>
    a.funders.filter((f) => f.funderId === funder.id).map((f) => ({ activityId: a.activityId, amount: f.amount })),
  );
  const insuredTotal = plan.marketShare?.insuredTotal ?? null;
  const count = funder.share?.basis === 'count' ? funder.share.count : null;

  const share: Table = {
    id: 'funder-share',
    title: tx('secFunderShare', l),
    columns: [
      { label: tx('colField', l), kind: 'text' },
      { label: tx('colValue', l), kind: 'text' },
    ],
    rows: [
      [text(tx('colFunder', l)), text(funder.name)],
      [text(tx('colKind', l)), text(tx(`funder.${funder.kind}`, l))],
      ...(funder.uzovi ? [[text(tx('colUzovi', l)), text(funder.uzovi)]] : []),
      [text(tx('colDomain', l)), text(names.domain(funder.domainId))],
      [text(tx('colShareBasis', l)), text(describeFunderShare(funder, l))],
      ...(zvw
        ? [
            [
              text(tx('marketShareDate', l)),
              text(plan.marketShareDate ? formatDate(plan.marketShareDate, l) : tx('notFilledIn', l)),
            ],
            [text(tx('insuredTotal', l)), text(insuredTotal ? formatNumber(insuredTotal, l) : tx('notFilledIn', l))],
            ...(count !== null ? [[text(tx('yourCount', l)), text(formatNumber(count, l))]] : []),
            // Later calendar years with their own reference date and counts (insured switch on 1 January).
            ...(plan.marketShare?.laterYears ?? []).flatMap((y) => {
              const own = y.counts.find((c) => c.funderId === funder.id);
              return [
                [
                  text(tx('marketShareYear', l, { year: y.year })),
                  text(
                    tx('marketShareYearValue', l, {
                      date: y.referenceDate ? formatDate(y.referenceDate, l) : tx('notFilledIn', l),
                      total: y.insuredTotal ? formatNumber(y.insuredTotal, l) : tx('notFilledIn', l),
                    }),
                  ),
                ],
                ...(own ? [[text(tx('yourCountYear', l, { year: y.year })), text(formatNumber(own.count, l))]] : []),
              ];
            }),
          ]
        : []),
      [
        text(tx('funderShareOfDomain', l, { domain: names.domain(funder.domainId) })),
        percent(shareOf(amount, domainAmount)),
      ],
      [text(tx('funderAmount', l)), money(amount)],
      [text(tx('funderAmountTerm', l)), money(schedule.amount)],
    ],
  };
  const calendarYears = [...new Set(ctx.payments.periods.map((x) => x.periodId.slice(0, 4)))];
  const yearTable: Table = {
    id: 'funder-years',
    title: tx('secFunderYears', l),
    columns: [
      { label: tx('colYear', l), kind: 'text' },
      { label: tx('colAmountYear', l), kind: 'money' },
    ],
    rows: calendarYears.map((y) => [
      text(y),
      money(
        ctx.payments.periods.reduce(
          (sum, x, k) => (x.periodId.startsWith(y) ? sum.plus(schedule.periods[k]!) : sum),
          new Dec(0),
        ),
      ),
    ]),
    totals: [null, schedule.amount],
  };
  const activityTable: Table = {
    id: 'funder-activities',
    title: tx('secFunderActivities', l),
    columns: [
      { label: tx('colActivity', l), kind: 'text' },
      { label: tx('colAmountAnnual', l), kind: 'money' },
    ],
    rows: perActivity.map((a) => [text(names.activity(a.activityId)), money(a.amount)]),
    totals: [null, amount],
  };

  return {
    locale: l,
    draft: ctx.draft,
    title: `${tx('funderAnnexTitle', l, { funder: funder.name })}: ${plan.name}`,
    meta: meta(ctx),
    footer: `${plan.name} · ${funder.name} · ${ctx.scenarioName} · SHA-256 ${ctx.fingerprint.slice(0, 16)}…`,
    blocks: [
      ...head(ctx),
      ...section(planFieldsTable(ctx, zvw)),
      ...(zvw ? [] : [h(2, tx('secSocialDomain', l)), p(tx(socialKey, l, { domain: names.domain(funder.domainId) }))]),
      ...section(share),
      ...(calendarYears.length > 1 ? section(yearTable) : []),
      h(2, tx('secPayees', l)),
      ...payeeBlocks(ctx, schedule),
      ...section(activityTable),
      ...section(justificationTable(ctx, new Set(perActivity.map((a) => a.activityId)))),
      ...section(targetGroupsTable(ctx)),
      h(2, tx('secSplit', l)),
      tbl(domainsTable(ctx)),
      ...agreements(ctx, zvw, municipal),
      ...signoffBlocks(ctx),
      ...signatureBlocks(
        ctx,
        funderAnnexParties(
          ctx,
          funder,
          schedule.payees.flatMap((x) => (x.providerId === null ? [] : [x.providerId])),
        ),
      ),
    ],
  };
}

/**
 * The annex the main contractor or cashier signs: what it receives from each funder, what it
 * passes on to each other provider (both per period), and its own part (received − passed on).
 */
export function leadAnnex(ctx: ExportContext): AnnexDoc {
  const l = ctx.locale;
  const { plan, payments, names } = ctx;
  const leadId = payments.leadId;
  if (leadId === null) throw new ExportError('no-lead', txMsg('error.no-lead'));
  const model = plan.executionModel as 'main-contractor' | 'cashier';
  const lead = names.provider(leadId);
  const zero = () => new Dec(0);
  const listed = payments.funders.filter((f) => f.funderId !== null);
  const n = payments.periods.length;
  // What reaches the lead: one column per listed funder line.
  const fromFunders: PaymentLine[] = listed.map((f) => ({
    providerId: null,
    annual: f.annual,
    amount: f.amount,
    periods: f.periods,
  }));
  const receivedPeriods = Array.from({ length: n }, (_, k) => listed.reduce((s, f) => s.plus(f.periods[k]!), zero()));
  const received = listed.reduce((s, f) => s.plus(f.amount), zero());
  const receivedAnnual = listed.reduce((s, f) => s.plus(f.annual), zero());
  const receivedTable: Table = {
    id: 'received',
    title: tx('secReceived', l),
    columns: [
      { label: tx('colFunder', l), kind: 'text' },
      { label: tx('colUzovi', l), kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colAmountAnnual', l), kind: 'money' },
      { label: tx('colAmountTerm', l), kind: 'money' },
    ],
    rows: listed.map((f) => [
      text(names.funder(f.funderId, f.domainId)),
      text(plan.funders.find((x) => x.id === f.funderId)?.uzovi ?? ''),
      text(names.domain(f.domainId)),
      money(f.annual),
      money(f.amount),
    ]),
    totals: [null, null, null, receivedAnnual, received],
  };
  const receivedSchedule: Table = {
    ...funderScheduleTable(
      ctx,
      {
        funderId: null,
        domainId: null,
        annual: receivedAnnual,
        amount: received,
        periods: receivedPeriods,
        payees: fromFunders,
        parts: fromFunders,
      },
      fromFunders,
      'received-schedule',
    ),
    title: `${tx('secReceived', l)}: ${tx('secPaymentSchedule', l).toLowerCase()}`,
  };
  // The funder columns are named by funder, not by provider.
  receivedSchedule.columns = receivedSchedule.columns.map((c, i) =>
    i >= 3 && i < 3 + listed.length
      ? {
          ...c,
          label: `${names.funder(listed[i - 3]!.funderId, listed[i - 3]!.domainId)} (${names.domain(listed[i - 3]!.domainId)})`,
        }
      : c,
  );
  const passed = payments.passOn.reduce((s, x) => s.plus(x.amount), zero());
  const own = received.minus(passed);
  return {
    locale: l,
    draft: ctx.draft,
    title: `${tx(`leadAnnexTitle.${model}`, l, { lead })}: ${plan.name}`,
    meta: meta(ctx),
    footer: `${plan.name} · ${lead} · ${ctx.scenarioName} · SHA-256 ${ctx.fingerprint.slice(0, 16)}…`,
    blocks: [
      ...head(ctx),
      ...section(planFieldsTable(ctx)),
      h(2, tx('secReceived', l)),
      p(tx('receivedRule', l)),
      { kind: 'table', table: receivedTable, caption: false },
      tbl(receivedSchedule),
      ...passOnBlocks(ctx),
      h(2, tx('secOwnPart', l)),
      p(
        tx('ownPartLine', l, { received: fmtMoney(received, l), passed: fmtMoney(passed, l), own: fmtMoney(own, l) }),
        true,
      ),
      ...section(justificationTable(ctx)),
      ...section(targetGroupsTable(ctx)),
      ...agreements(ctx, true),
      ...signoffBlocks(ctx),
      ...signatureBlocks(ctx, leadAnnexParties(ctx)),
    ],
  };
}
