import { tx } from '../i18n/export.ts';
import { Dec } from '../money/decimal.ts';
import type { Split } from '../model/index.ts';
import type { ExportContext } from './context.ts';
import { describeCost, describeFunderShare, describeTitles, formatDate, shareOf } from './format.ts';
import { formatPercent } from '../money/format.ts';
import { isoDay } from './file-name.ts';
import { count, date, money, percent, text, type Cell, type Table } from './table.ts';

/*
 * The tables every export shares, built from the plan and the engine's allocation. The amounts
 * are the engine's, untouched; totals are the engine's parent totals.
 */

const dec = (s: string) => new Dec(s);

/**
 * The lead by the execution model: "Hoofdaannemer: X" or "Kassier: X"; no row under equal partners
 * (there is no lead: each provider contracts for itself).
 */
export function leadRows(ctx: ExportContext): Cell[][] {
  const { plan, locale: l, names } = ctx;
  if (plan.executionModel === 'equal-partners') return [];
  const lead = plan.leadProviderId === null ? tx('notFilledIn', l) : names.providerWithAgb(plan.leadProviderId);
  return [[text(tx(`lead.${plan.executionModel}`, l)), text(lead)]];
}

/**
 * The plan's fields. `zvwFields` false leaves out what only concerns the Zvw (market-share date,
 * deductible): a municipality's annex speaks of its own domain.
 */
export function planFieldsTable(ctx: ExportContext, zvwFields = true): Table {
  const { plan, locale: l } = ctx;
  const field = (label: string, value: string): Cell[] => [text(label), text(value)];
  return {
    id: 'plan',
    title: tx('secPlan', l),
    columns: [
      { label: tx('colField', l), kind: 'text' },
      { label: tx('colValue', l), kind: 'text' },
    ],
    rows: [
      field(tx('planName', l), plan.name),
      field(tx('scenario', l), ctx.scenarioName),
      field(tx('region', l), plan.region),
      field(tx('collaboration', l), plan.collaboration),
      ...(zvwFields
        ? [
            field(tx('paymentTitle', l), tx(`title.${plan.paymentTitle}`, l)),
            field(tx('otherTitles', l), describeTitles(plan, l)),
          ]
        : []),
      field(
        tx('period', l),
        tx('periodValue', l, { start: formatDate(plan.period.start, l), end: formatDate(plan.period.end, l) }),
      ),
      field(tx('granularity', l), tx(`gran.${plan.granularity}`, l)),
      field(tx('executionModel', l), tx(`model.${plan.executionModel}`, l)),
      ...leadRows(ctx),
      ...(zvwFields
        ? [
            field(
              tx('marketShareDate', l),
              plan.marketShareDate ? formatDate(plan.marketShareDate, l) : tx('notFilledIn', l),
            ),
            field(tx('deductibleField', l), plan.deductibleCharged ? tx('yes', l) : tx('no', l)),
          ]
        : []),
      field(tx('exportDate', l), formatDate(isoDay(ctx.date), l)),
      field(tx('fingerprint', l), ctx.fingerprint),
    ],
  };
}

export function providersTable(ctx: ExportContext): Table {
  const { plan, locale: l, names } = ctx;
  return {
    id: 'providers',
    title: tx('secProviders', l),
    columns: [
      { label: tx('colName', l), kind: 'text' },
      { label: tx('colAgb', l), kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colSector', l), kind: 'text' },
      { label: tx('colRole', l), kind: 'text' },
      { label: tx('colContribution', l), kind: 'text' },
    ],
    rows: plan.providers.map((p) => [
      text(p.name),
      text(p.agb),
      text(names.domain(p.domainId)),
      text(names.sector(p.domainId, p.sectorId)),
      text(names.role(p.id)),
      text(p.contribution),
    ]),
  };
}

export function fundersTable(ctx: ExportContext): Table {
  const { plan, locale: l, names } = ctx;
  return {
    id: 'funders',
    title: tx('secFunders', l),
    columns: [
      { label: tx('colName', l), kind: 'text' },
      { label: tx('colKind', l), kind: 'text' },
      { label: tx('colUzovi', l), kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colShareBasis', l), kind: 'text' },
    ],
    rows: plan.funders.map((f) => [
      text(f.name),
      text(tx(`funder.${f.kind}`, l)),
      text(f.uzovi),
      text(names.domain(f.domainId)),
      text(describeFunderShare(f, l)),
    ]),
  };
}

export function targetGroupsTable(ctx: ExportContext): Table {
  const { plan, locale: l } = ctx;
  return {
    id: 'target-groups',
    title: tx('secTargetGroups', l),
    columns: [
      { label: tx('colName', l), kind: 'text' },
      { label: tx('colCharacteristics', l), kind: 'text' },
      { label: tx('colPostcodes', l), kind: 'text' },
      { label: tx('colReferenceDate', l), kind: 'text' },
      { label: tx('colSize', l), kind: 'count' },
    ],
    rows: plan.targetGroups.map((g) => [
      text(g.name),
      text(g.characteristics),
      text(g.postcodes.join(', ')),
      text(g.referenceDate ? formatDate(g.referenceDate, l) : tx('notFilledIn', l)),
      count(g.estimatedSize),
    ]),
  };
}

export function activitiesTable(ctx: ExportContext): Table {
  const { plan, allocation, locale: l, names } = ctx;
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  return {
    id: 'activities',
    title: tx('secActivities', l),
    columns: [
      { label: tx('colActivity', l), kind: 'text' },
      { label: tx('colTargetGroups', l), kind: 'text' },
      { label: tx('colCategory', l), kind: 'text' },
      { label: tx('colCostBasis', l), kind: 'text' },
      { label: tx('colAnnual', l), kind: 'money' },
      { label: tx('colPlanTotal', l), kind: 'money' },
    ],
    rows: allocation.activities.map((a) => {
      const act = byId.get(a.activityId);
      return [
        text(names.activity(a.activityId)),
        text(act ? act.targetGroupIds.map(names.targetGroup).join(', ') : ''),
        text(act ? tx(`cat.${act.category}`, l) : ''),
        text(act ? describeCost(act.cost, l) : ''),
        money(a.annual),
        money(a.planTotal),
      ];
    }),
    totals: [null, null, null, null, allocation.annualTotal, allocation.planTotal],
  };
}

export function scheduleTable(ctx: ExportContext): Table {
  const { allocation, locale: l } = ctx;
  return {
    id: 'schedule',
    title: tx('secSchedule', l),
    columns: [
      { label: tx('colPeriod', l), kind: 'text' },
      { label: tx('colStart', l), kind: 'date' },
      { label: tx('colEnd', l), kind: 'date' },
      { label: tx('colAmountPeriod', l), kind: 'money' },
    ],
    rows: allocation.schedule.map((p) => [text(p.periodId), date(p.start), date(p.end), money(p.amount)]),
    totals: [null, null, null, allocation.planTotal],
  };
}

export function domainsTable(ctx: ExportContext): Table {
  const { allocation, locale: l, names } = ctx;
  return {
    id: 'by-domain',
    title: tx('secByDomain', l),
    columns: [
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colAmountAnnual', l), kind: 'money' },
      { label: tx('colShareOfTotal', l), kind: 'percent' },
    ],
    rows: allocation.byDomain.map((d) => [
      text(names.domain(d.domainId)),
      money(d.amount),
      percent(shareOf(d.amount, allocation.annualTotal)),
    ]),
    totals: [null, allocation.annualTotal, null],
  };
}

export function sectorsTable(ctx: ExportContext): Table {
  const { allocation, locale: l, names } = ctx;
  return {
    id: 'by-sector',
    title: tx('secBySector', l),
    columns: [
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colSector', l), kind: 'text' },
      { label: tx('colAmountAnnual', l), kind: 'money' },
    ],
    rows: allocation.bySector.map((s) => [
      text(names.domain(s.domainId)),
      text(names.sector(s.domainId, s.sectorId)),
      money(s.amount),
    ]),
    totals: [null, null, allocation.annualTotal],
  };
}

export function providerAmountsTable(ctx: ExportContext): Table {
  const { plan, allocation, locale: l, names } = ctx;
  const agb = new Map(plan.providers.map((p) => [p.id, p.agb]));
  return {
    id: 'by-provider',
    title: tx('secByProvider', l),
    columns: [
      { label: tx('colProvider', l), kind: 'text' },
      { label: tx('colAgb', l), kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colSector', l), kind: 'text' },
      { label: tx('colAmountAnnual', l), kind: 'money' },
    ],
    rows: allocation.byProvider.map((p) => [
      text(names.provider(p.providerId)),
      text(p.providerId === null ? '' : (agb.get(p.providerId) ?? '')),
      text(names.domain(p.domainId)),
      text(names.sector(p.domainId, p.sectorId)),
      money(p.amount),
    ]),
    totals: [null, null, null, null, allocation.annualTotal],
  };
}

export function funderAmountsTable(ctx: ExportContext): Table {
  const { plan, allocation, locale: l, names } = ctx;
  const uzovi = new Map(plan.funders.map((f) => [f.id, f.uzovi]));
  return {
    id: 'by-funder',
    title: tx('secByFunder', l),
    columns: [
      { label: tx('colFunder', l), kind: 'text' },
      { label: tx('colUzovi', l), kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colAmountAnnual', l), kind: 'money' },
    ],
    rows: allocation.byFunder.map((f) => [
      text(names.funder(f.funderId, f.domainId)),
      text(f.funderId === null ? '' : (uzovi.get(f.funderId) ?? '')),
      text(names.domain(f.domainId)),
      money(f.amount),
    ]),
    totals: [null, null, null, allocation.annualTotal],
  };
}

function splitRows(label: string, split: Split, ctx: ExportContext): Cell[][] {
  const { names } = ctx;
  const rows: Cell[][] = [];
  for (const d of split.domains) {
    rows.push([text(label), text(names.domain(d.domainId)), text(''), percent(dec(d.percent))]);
    for (const s of split.sectors.filter((x) => x.domainId === d.domainId)) {
      rows.push([
        text(label),
        text(names.domain(s.domainId)),
        text(names.sector(s.domainId, s.sectorId)),
        percent(dec(s.percent)),
      ]);
    }
  }
  // Sector entries whose domain has no domain entry still belong in the file: nothing is hidden.
  const listed = new Set(split.domains.map((d) => d.domainId));
  for (const s of split.sectors.filter((x) => !listed.has(x.domainId))) {
    rows.push([
      text(label),
      text(names.domain(s.domainId)),
      text(names.sector(s.domainId, s.sectorId)),
      percent(dec(s.percent)),
    ]);
  }
  return rows;
}

/** The default split and every activity's own split, as entered (percent of domain / of sector's domain). */
export function splitsTable(ctx: ExportContext): Table {
  const { plan, locale: l } = ctx;
  const rows = splitRows(tx('defaultSplit', l), plan.defaultSplit, ctx);
  for (const a of plan.activities) if (a.split) rows.push(...splitRows(a.name, a.split, ctx));
  return {
    id: 'splits',
    title: tx('secSplit', l),
    columns: [
      { label: tx('colSplitRow', l), kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colSector', l), kind: 'text' },
      { label: tx('colPercent', l), kind: 'percent' },
    ],
    rows,
  };
}

export function findingsTable(ctx: ExportContext): Table {
  const { findings, locale: l } = ctx;
  return {
    id: 'findings',
    title: tx('secFindings', l),
    columns: [
      { label: tx('colSeverity', l), kind: 'text' },
      { label: tx('colCode', l), kind: 'text' },
      { label: tx('colSection', l), kind: 'text' },
      { label: tx('colRow', l), kind: 'text' },
      { label: tx('colMessage', l), kind: 'text' },
    ],
    rows: findings.map((f) => [
      text(tx(`sev.${f.severity}`, l)),
      text(f.code),
      text(f.location.section),
      text(f.location.rowId ?? ''),
      text(f.message[l]),
    ]),
  };
}

/** All tables of the Allocation sheet / allocation view, in reading order. */
export function allocationTables(ctx: ExportContext): Table[] {
  return [
    activitiesTable(ctx),
    domainsTable(ctx),
    sectorsTable(ctx),
    providerAmountsTable(ctx),
    funderAmountsTable(ctx),
  ];
}

/**
 * The allocation in one long table for CSV: a Level column (domain, sector, provider, funder) so
 * each level can be filtered and summed on its own; every level sums to the annual total.
 */
export function allocationLongTable(ctx: ExportContext): Table {
  const { plan, allocation, locale: l, names } = ctx;
  const agb = new Map(plan.providers.map((p) => [p.id, p.agb]));
  const uzovi = new Map(plan.funders.map((f) => [f.id, f.uzovi]));
  const rows: Cell[][] = [];
  for (const d of allocation.byDomain) {
    rows.push([
      text(tx('levelDomain', l)),
      text(names.domain(d.domainId)),
      text(''),
      text(''),
      text(''),
      money(d.amount),
    ]);
  }
  for (const s of allocation.bySector) {
    rows.push([
      text(tx('levelSector', l)),
      text(names.domain(s.domainId)),
      text(names.sector(s.domainId, s.sectorId)),
      text(''),
      text(''),
      money(s.amount),
    ]);
  }
  for (const p of allocation.byProvider) {
    rows.push([
      text(tx('levelProvider', l)),
      text(names.domain(p.domainId)),
      text(names.sector(p.domainId, p.sectorId)),
      text(names.provider(p.providerId)),
      text(p.providerId === null ? '' : (agb.get(p.providerId) ?? '')),
      money(p.amount),
    ]);
  }
  for (const f of allocation.byFunder) {
    rows.push([
      text(tx('levelFunder', l)),
      text(names.domain(f.domainId)),
      text(''),
      text(names.funder(f.funderId, f.domainId)),
      text(f.funderId === null ? '' : (uzovi.get(f.funderId) ?? '')),
      money(f.amount),
    ]);
  }
  return {
    id: 'allocation',
    title: tx('sheetAllocation', l),
    columns: [
      { label: tx('colLevel', l), kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colSector', l), kind: 'text' },
      { label: `${tx('colProvider', l)} / ${tx('colFunder', l)}`, kind: 'text' },
      { label: `${tx('colAgb', l)} / ${tx('colUzovi', l)}`, kind: 'text' },
      { label: tx('colAnnual', l), kind: 'money' },
    ],
    rows,
  };
}

/**
 * Per activity what the agreement must say (handleiding §4 "Contractvereiste"): what is done, why
 * (care need, complexity, not regular care paid through another prestatie), and the share already
 * paid through regular tariffs with its explanation.
 */
export function justificationTable(ctx: ExportContext, activityIds?: ReadonlySet<string>): Table {
  const { plan, locale: l } = ctx;
  const said = (v: string | undefined) => (v && v.trim() ? v : tx('notStated', l));
  return {
    id: 'justification',
    title: tx('secJustification', l),
    columns: [
      { label: tx('colActivity', l), kind: 'text' },
      { label: tx('colDescription', l), kind: 'text' },
      { label: tx('colJustification', l), kind: 'text' },
      { label: tx('colRegularShare', l), kind: 'text' },
      { label: tx('colRegularExplanation', l), kind: 'text' },
    ],
    rows: plan.activities
      .filter((a) => !activityIds || activityIds.has(a.id))
      .map((a) => [
        text(a.name),
        text(said(a.description)),
        text(said(a.justification)),
        text(a.regularShare == null ? tx('notStated', l) : formatPercent(a.regularShare, l)),
        text(
          a.regularShare == null || a.regularShare === '0'
            ? (a.regularShareExplanation ?? '')
            : said(a.regularShareExplanation),
        ),
      ]),
  };
}

/** The agreed evaluation moments (handleiding §4: "evaluatie van de samenwerking"). */
export function evaluationTable(ctx: ExportContext): Table {
  const { plan, locale: l } = ctx;
  return {
    id: 'evaluation-moments',
    title: tx('secEvaluationMoments', l),
    columns: [
      { label: tx('colDate', l), kind: 'text' },
      { label: tx('colTopic', l), kind: 'text' },
    ],
    rows: (plan.evaluationMoments ?? []).map((m) => [
      text(m.date ? formatDate(m.date, l) : tx('notFilledIn', l)),
      text(m.topic),
    ]),
  };
}

/**
 * Per calendar year the funders' annual amounts under that year's market shares (insured may
 * switch insurer on 1 January). Only for plans over more than one calendar year.
 */
export function funderYearsTable(ctx: ExportContext): Table | null {
  const { allocation, plan, locale: l, names } = ctx;
  const years = allocation.byFunderYear ?? [];
  if (years.length < 2) return null;
  const uzovi = new Map(plan.funders.map((f) => [f.id, f.uzovi]));
  return {
    id: 'by-funder-year',
    title: tx('secByFunderYear', l),
    columns: [
      { label: tx('colYear', l), kind: 'text' },
      { label: tx('colFunder', l), kind: 'text' },
      { label: tx('colUzovi', l), kind: 'text' },
      { label: tx('colDomain', l), kind: 'text' },
      { label: tx('colSharesYear', l), kind: 'text' },
      { label: tx('colAmountAnnual', l), kind: 'money' },
    ],
    rows: years.flatMap((y) =>
      y.funders.map((f) => [
        text(String(y.year)),
        text(names.funder(f.funderId, f.domainId)),
        text(f.funderId === null ? '' : (uzovi.get(f.funderId) ?? '')),
        text(names.domain(f.domainId)),
        text(String(y.sharesYear)),
        money(f.amount),
      ]),
    ),
  };
}
