import type * as ExcelJSTypes from 'exceljs';
import { tx, txMsg } from '../i18n/export.ts';
import type { Dec } from '../money/decimal.ts';
import type { ExportContext } from './context.ts';
import { ExportError } from './errors.ts';
import { monitoringCaseTable, monitoringTable } from './monitoring.ts';
import { commentsTable } from './comments-table.ts';
import {
  funderSchedule,
  funderScheduleTable,
  passOnScheduleTable,
  passOnTable,
  payeesTable,
} from './payment-tables.ts';
import type { Cell, Table } from './table.ts';
import {
  allocationTables,
  evaluationTable,
  findingsTable,
  funderYearsTable,
  justificationTable,
  fundersTable,
  planFieldsTable,
  providersTable,
  scheduleTable,
  splitsTable,
  targetGroupsTable,
} from './tables.ts';

/*
 * The workbook: one sheet per concern, numbers stored as numbers (euro and percent formats),
 * totals as SUM formulas whose stored result is the engine's total. User text is stored as a
 * plain string cell, exactly as typed: exceljs writes a string as a string (only a
 * `{ formula }` value becomes a formula), so "=cmd" stays text and no apostrophe shows.
 */

export const EURO_FORMAT = '"€ "#,##0.00;"€ "-#,##0.00';
export const PERCENT_FORMAT = '0.00##%';
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Largest amount whose nearest double still prints back to the same cents: a workbook cell holds a
 * double, and below this bound Number("x.yz") → toFixed(2) is "x.yz" for every cent value.
 */
const EXACT_LIMIT = 1e13;

/** Decimal euros → the double a workbook stores, refusing amounts that would lose a cent. */
export function moneyToNumber(d: Dec): number {
  const fixed = d.toFixed(2);
  if (d.abs().gte(EXACT_LIMIT)) throw new ExportError('amount-too-large', txMsg('error.amount-too-large'));
  return Number(fixed);
}

type ExcelJS = typeof ExcelJSTypes;

/** exceljs is loaded only when someone exports (it is large); CJS in Node, UMD bundle in browsers. */
async function loadExcelJS(): Promise<ExcelJS> {
  const mod = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  return mod.default ?? mod;
}

function isoToDate(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

function writeCell(target: ExcelJSTypes.Cell, cell: Cell): void {
  switch (cell.t) {
    case 'text':
      target.value = cell.v;
      break;
    case 'money':
      target.value = moneyToNumber(cell.v);
      target.numFmt = EURO_FORMAT;
      break;
    case 'percent':
      // Stored as a fraction so the % format shows the percent points the user typed.
      target.value = Number(cell.v.div(100).toString());
      target.numFmt = PERCENT_FORMAT;
      break;
    case 'count':
      target.value = cell.v;
      target.numFmt = '0';
      break;
    case 'date': {
      const v = isoToDate(cell.v);
      target.value = v;
      if (v instanceof Date) target.numFmt = DATE_FORMAT;
      break;
    }
  }
}

/** Writes a titled table from `row`; returns the next free row (one blank row after). */
function writeTable(ws: ExcelJSTypes.Worksheet, row: number, table: Table, ctx: ExportContext): number {
  ws.getCell(row, 1).value = table.title;
  ws.getCell(row, 1).font = { bold: true, size: 12 };
  row += 1;
  table.columns.forEach((c, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  row += 1;
  const first = row;
  for (const r of table.rows) {
    r.forEach((c, i) => {
      const target = ws.getCell(row, i + 1);
      writeCell(target, c);
      // A row total: a SUM over the row's own cells, its stored result the engine's amount.
      const parts = table.columns[i]?.sumOf;
      if (parts && parts.length > 0 && c.t === 'money') {
        const from = ws.getColumn(Math.min(...parts) + 1).letter;
        const to = ws.getColumn(Math.max(...parts) + 1).letter;
        target.value = { formula: `SUM(${from}${row}:${to}${row})`, result: moneyToNumber(c.v) };
      }
    });
    row += 1;
  }
  const last = row - 1;
  if (table.totals) {
    ws.getCell(row, 1).value = tx('total', ctx.locale);
    ws.getCell(row, 1).font = { bold: true };
    table.totals.forEach((total, i) => {
      if (!total) return;
      const cell = ws.getCell(row, i + 1);
      const col = ws.getColumn(i + 1).letter;
      const result = moneyToNumber(total);
      cell.value = last >= first ? { formula: `SUM(${col}${first}:${col}${last})`, result } : result;
      cell.numFmt = EURO_FORMAT;
      cell.font = { bold: true };
      cell.border = { top: { style: 'thin' } };
    });
    row += 1;
  }
  return row + 1;
}

function addSheet(
  wb: ExcelJSTypes.Workbook,
  name: string,
  ctx: ExportContext,
  widths: number[],
): ExcelJSTypes.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const mark = ctx.draft ? `${tx('draftMark', ctx.locale)} — ` : '';
  ws.getCell(1, 1).value = `${mark}${ctx.plan.name}`;
  ws.getCell(1, 1).font = { bold: true, size: 14, color: ctx.draft ? { argb: 'FFC00000' } : undefined };
  ws.getCell(2, 1).value = `${tx('scenario', ctx.locale)}: ${ctx.scenarioName}`;
  if (ctx.draft) {
    ws.getCell(3, 1).value = tx('draftNotice', ctx.locale);
    ws.getCell(3, 1).font = { bold: true, color: { argb: 'FFC00000' } };
    // Header on every printed page; '&&' would be a literal ampersand, so the mark has none.
    ws.headerFooter = {
      oddHeader: `&C&B${tx('draftMark', ctx.locale)}`,
      evenHeader: `&C&B${tx('draftMark', ctx.locale)}`,
      firstHeader: `&C&B${tx('draftMark', ctx.locale)}`,
    };
  }
  return ws;
}

const FIRST_TABLE_ROW = 5;

/** The workbook as bytes (.xlsx). Runs in browsers and in Node. */
export async function buildWorkbook(ctx: ExportContext): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'regioplan';
  wb.created = ctx.date;
  wb.title = ctx.plan.name;
  const l = ctx.locale;

  let ws = addSheet(wb, tx('sheetPlan', l), ctx, [34, 40, 22, 22, 18, 40]);
  let row = FIRST_TABLE_ROW;
  for (const t of [
    planFieldsTable(ctx),
    targetGroupsTable(ctx),
    providersTable(ctx),
    fundersTable(ctx),
    justificationTable(ctx),
    evaluationTable(ctx),
  ]) {
    row = writeTable(ws, row, t, ctx);
  }

  ws = addSheet(wb, tx('sheetSplits', l), ctx, [34, 24, 30, 14]);
  writeTable(ws, FIRST_TABLE_ROW, splitsTable(ctx), ctx);

  ws = addSheet(wb, tx('sheetAllocation', l), ctx, [34, 24, 24, 40, 18, 18]);
  row = FIRST_TABLE_ROW;
  for (const t of allocationTables(ctx)) row = writeTable(ws, row, t, ctx);
  const years = funderYearsTable(ctx);
  if (years) writeTable(ws, row, years, ctx);

  ws = addSheet(wb, tx('sheetSchedule', l), ctx, [16, 14, 14, 18]);
  writeTable(ws, FIRST_TABLE_ROW, scheduleTable(ctx), ctx);

  // Per funder whom it pays per period (payees across, a total per period), then the lead's pass-on.
  ws = addSheet(wb, tx('sheetPayments', l), ctx, [24, 14, 14, 26, 26, 26, 26, 26, 18]);
  row = FIRST_TABLE_ROW;
  for (const f of ctx.plan.funders) {
    const s = funderSchedule(ctx, f.id);
    if (s.payees.length === 0) continue;
    row = writeTable(
      ws,
      row,
      payeesTable(ctx, s, s.payees, 'payees', `${tx('secPayees', l)}: ${f.name} (${ctx.names.domain(s.domainId)})`),
      ctx,
    );
    row = writeTable(ws, row, funderScheduleTable(ctx, s), ctx);
  }
  for (const f of ctx.payments.funders.filter((x) => x.funderId === null && !x.amount.isZero())) {
    row = writeTable(ws, row, funderScheduleTable(ctx, funderSchedule(ctx, null, f.domainId)), ctx);
  }
  if (ctx.payments.leadId !== null) {
    row = writeTable(ws, row, passOnTable(ctx), ctx);
    writeTable(ws, row, passOnScheduleTable(ctx), ctx);
  }

  ws = addSheet(wb, tx('sheetFindings', l), ctx, [14, 26, 16, 20, 80]);
  const findings = findingsTable(ctx);
  if (findings.rows.length === 0) ws.getCell(FIRST_TABLE_ROW, 1).value = tx('noFindings', l);
  else writeTable(ws, FIRST_TABLE_ROW, findings, ctx);

  ws = addSheet(wb, tx('sheetMonitoring', l), ctx, [16, 26, 26, 26, 16, 28, 18, 18]);
  ws.getCell(FIRST_TABLE_ROW - 1, 1).value = ctx.plan.paymentTitle === 'bdss' ? tx('monNote', l) : tx('monNotZvw', l);
  row = writeTable(ws, FIRST_TABLE_ROW + 1, monitoringCaseTable(ctx), ctx);
  writeTable(ws, row, monitoringTable(ctx), ctx);

  if (ctx.comments) {
    ws = addSheet(wb, tx('sheetComments', l), ctx, [8, 44, 20, 24, 18, 80]);
    if (ctx.comments.length === 0) ws.getCell(FIRST_TABLE_ROW, 1).value = tx('noComments', l);
    else writeTable(ws, FIRST_TABLE_ROW, commentsTable(ctx, ctx.comments), ctx);
    ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
