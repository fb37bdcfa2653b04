import { tx, txMsg } from '../i18n/export.ts';
import type { Locale } from '../i18n/locale.ts';
import { apportion } from '../money/apportion.ts';
import { Dec } from '../money/decimal.ts';
import { formatMoney } from '../money/format.ts';
import type { Clauses, Funder } from '../model/index.ts';
import type { ExportContext } from './context.ts';
import { ExportError } from './errors.ts';
import { isoDay } from './file-name.ts';
import { describeFunderShare, formatDate, shareOf } from './format.ts';
import { monitoringCaseTable } from './monitoring.ts';
import { money, percent, text, type Table } from './table.ts';
import {
  activitiesTable, domainsTable, fundersTable, funderAmountsTable, planFieldsTable, providerAmountsTable, providersTable,
  scheduleTable, sectorsTable, targetGroupsTable,
} from './tables.ts';

/*
 * The contract annex as content (handbook §4), independent of how it is rendered: the .docx
 * writer and the printable HTML view both render this, so they never disagree.
 */

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; strong?: boolean }
  /** `caption: false` when the heading above already names the table. */
  | { kind: 'table'; table: Table; caption: boolean };

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
  const parts = value.split(/\r?\n\s*\r?\n|\r?\n/).map((s) => s.trim()).filter((s) => s.length > 0);
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

function head(ctx: ExportContext): Block[] {
  return ctx.draft ? [p(tx('draftNotice', ctx.locale), true)] : [];
}

/** Execution model, deductible, double financing and the free-text clauses: the same in every annex. */
function agreements(ctx: ExportContext): Block[] {
  const { plan, locale: l, names } = ctx;
  const clauses: [keyof Clauses, Parameters<typeof tx>[0]][] = [
    ['declaration', 'clauseDeclaration'], ['informationExchange', 'clauseInformation'], ['evaluation', 'clauseEvaluation'],
    ['controls', 'clauseControls'], ['quality', 'clauseQuality'],
  ];
  return [
    h(2, tx('secExecution', l)),
    p(`${tx('executionModel', l)}: ${tx(`model.${plan.executionModel}`, l)}`),
    p(`${tx('lead', l)}: ${plan.leadProviderId === null ? tx('leadNone', l) : names.provider(plan.leadProviderId)}`),
    h(2, tx('secDeductible', l)),
    p(plan.deductibleCharged ? tx('deductibleCharged', l) : tx('deductibleStatement', l), plan.deductibleCharged),
    h(2, tx('secDoubleFunding', l)),
    p(tx('doubleFundingStatement', l)),
    h(3, tx('doubleFundingMeasures', l)),
    ...textBlocks(plan.clauses.doubleFunding, l),
    h(2, tx('secClauses', l)),
    ...clauses.flatMap(([key, label]) => [h(3, tx(label, l)), ...textBlocks(plan.clauses[key], l)]),
  ];
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
      h(2, tx('secParties', l)), tbl(providersTable(ctx)), tbl(fundersTable(ctx)),
      ...section(targetGroupsTable(ctx)),
      ...section(activitiesTable(ctx)),
      h(2, tx('secSchedule', l)),
      p(`${tx('annualTotal', l)}: ${fmtMoney(allocation.annualTotal, l)}; ${tx('planTotal', l)}: ${fmtMoney(allocation.planTotal, l)}`),
      { kind: 'table', table: scheduleTable(ctx), caption: false },
      h(2, tx('secSplit', l)), tbl(domainsTable(ctx)), tbl(sectorsTable(ctx)),
      ...section(providerAmountsTable(ctx)),
      ...section(funderAmountsTable(ctx)),
      ...agreements(ctx),
      ...section(monitoringCaseTable(ctx)),
      p(tx('fingerprintNote', l)),
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

/**
 * Who this funder pays: its amount divided over the providers of its domain pro rata to their
 * amounts, by largest remainder, so the payees add up to the funder's amount to the cent.
 */
export function funderPayees(ctx: ExportContext, funder: Funder): { providerId: string | null; sectorId: string | null; amount: Dec }[] {
  const providers = ctx.allocation.byProvider.filter((pr) => pr.domainId === funder.domainId);
  const total = funderAmount(ctx, funder.id);
  const amounts = apportion(total, providers.map((pr) => new Dec(pr.amount)));
  return providers.map((pr, i) => ({ providerId: pr.providerId, sectorId: pr.sectorId, amount: amounts[i]! }));
}

/** The annex one insurer or municipality signs: its own share, its payees, the shared agreements. */
export function funderAnnex(ctx: ExportContext, funderId: string): AnnexDoc {
  const l = ctx.locale;
  const { plan, allocation, names } = ctx;
  const funder = plan.funders.find((f) => f.id === funderId);
  if (!funder) throw new ExportError('unknown-funder', txMsg('error.unknown-funder', { id: funderId }));
  const amount = funderAmount(ctx, funder.id);
  const domainAmount = allocation.byDomain.filter((d) => d.domainId === funder.domainId)
    .reduce((sum, d) => sum.plus(d.amount), new Dec(0));
  const agb = new Map(plan.providers.map((pr) => [pr.id, pr.agb]));
  const payees = funderPayees(ctx, funder);
  const perActivity = allocation.activities.flatMap((a) =>
    a.funders.filter((f) => f.funderId === funder.id).map((f) => ({ activityId: a.activityId, amount: f.amount })));

  const share: Table = {
    id: 'funder-share',
    title: tx('secFunderShare', l),
    columns: [{ label: tx('colField', l), kind: 'text' }, { label: tx('colValue', l), kind: 'text' }],
    rows: [
      [text(tx('colFunder', l)), text(funder.name)],
      [text(tx('colKind', l)), text(tx(`funder.${funder.kind}`, l))],
      [text(tx('colUzovi', l)), text(funder.uzovi)],
      [text(tx('colDomain', l)), text(names.domain(funder.domainId))],
      [text(tx('colShareBasis', l)), text(describeFunderShare(funder, l))],
      [text(tx('funderShareOfDomain', l, { domain: names.domain(funder.domainId) })), percent(shareOf(amount, domainAmount))],
      [text(tx('funderAmount', l)), money(amount)],
    ],
  };
  const payeeTable: Table = {
    id: 'payees',
    title: tx('secPayees', l),
    columns: [
      { label: tx('colProvider', l), kind: 'text' }, { label: tx('colAgb', l), kind: 'text' },
      { label: tx('colSector', l), kind: 'text' }, { label: tx('colAmount', l), kind: 'money' },
    ],
    rows: payees.map((pe) => [
      text(names.provider(pe.providerId)), text(pe.providerId === null ? '' : agb.get(pe.providerId) ?? ''),
      text(names.sector(funder.domainId, pe.sectorId)), money(pe.amount),
    ]),
    totals: [null, null, null, amount],
  };
  const activityTable: Table = {
    id: 'funder-activities',
    title: tx('secFunderActivities', l),
    columns: [{ label: tx('colActivity', l), kind: 'text' }, { label: tx('colAnnual', l), kind: 'money' }],
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
      ...section(planFieldsTable(ctx)),
      ...section(share),
      h(2, tx('secPayees', l)), p(tx('payeesRule', l)), { kind: 'table', table: payeeTable, caption: false },
      ...section(activityTable),
      ...section(targetGroupsTable(ctx)),
      h(2, tx('secSplit', l)), tbl(domainsTable(ctx)),
      ...agreements(ctx),
      p(tx('fingerprintNote', l)),
    ],
  };
}
