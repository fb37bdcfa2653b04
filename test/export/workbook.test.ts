import { expect } from 'chai';
import type * as ExcelJSTypes from 'exceljs';
import { allocate } from '../../src/engine/index.ts';
import { exportScenario } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { Dec } from '../../src/money/decimal.ts';
import type { Plan } from '../../src/model/index.ts';
import { HOSTILE, erroneousPlan, handbookPlan, hostilePlan } from './fixtures.ts';
import { findRow, readWorkbook } from './read.ts';

type Amount = { toFixed(places: number): string };
const DATE = new Date('2026-11-23T10:00:00Z');

async function workbook(plan: Plan, locale: Locale, draft = false) {
  const file = await exportScenario('xlsx', { plan, scenarioName: 'Scenario B', locale, draft, date: DATE });
  return { file, wb: await readWorkbook(file.blob) };
}

function sheet(wb: ExcelJSTypes.Workbook, name: string): ExcelJSTypes.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/**
 * A table's amount column holds exactly the engine's amounts as numbers with a euro format, and
 * its total is a SUM over exactly those cells whose stored result and recomputed sum are the engine's.
 */
function expectAmounts(ws: ExcelJSTypes.Worksheet, title: string, col: string, amounts: Amount[], total: Amount, from = 1) {
  const titleRow = findRow(ws, title, from);
  const first = titleRow + 2;
  let sum = new Dec(0);
  amounts.forEach((amount, i) => {
    const cell = ws.getCell(`${col}${first + i}`);
    expect(cell.value, `${ws.name} ${title} ${col}${first + i}`).to.be.a('number');
    expect((cell.value as number).toFixed(2)).to.equal(amount.toFixed(2));
    expect(cell.value).to.equal(Number(amount.toFixed(2)));
    expect(cell.numFmt).to.contain('€');
    sum = sum.plus((cell.value as number).toFixed(2));
  });
  const totalCell = ws.getCell(`${col}${first + amounts.length}`);
  const value = totalCell.value as ExcelJSTypes.CellFormulaValue;
  expect(value.formula).to.equal(`SUM(${col}${first}:${col}${first + amounts.length - 1})`);
  expect((value.result as number).toFixed(2)).to.equal(total.toFixed(2));
  expect(sum.toFixed(2), 'recomputed SUM').to.equal(total.toFixed(2));
}

for (const locale of ['nl', 'en'] as const) {
  describe(`workbook (${locale})`, () => {
    const plan = handbookPlan();
    const a = allocate(plan);
    const t = (k: Parameters<typeof tx>[0]) => tx(k, locale);

    it('has the six sheets and a file name with plan, scenario and date', async () => {
      const { wb, file } = await workbook(plan, locale);
      expect(wb.worksheets.map((w) => w.name)).to.deep.equal([
        t('sheetPlan'), t('sheetSplits'), t('sheetAllocation'), t('sheetSchedule'), t('sheetFindings'), t('sheetMonitoring'),
      ]);
      expect(file.fileName).to.equal(`Dementienetwerk-Zuidoost_Scenario-B_${locale === 'nl' ? 'werkmap' : 'workbook'}_2026-11-23.xlsx`);
    });

    it('stores every allocation amount as the engine\'s number with SUM totals', async () => {
      const { wb } = await workbook(plan, locale);
      const ws = sheet(wb, t('sheetAllocation'));
      expectAmounts(ws, t('secActivities'), 'E', a.activities.map((x) => x.annual), a.annualTotal);
      expectAmounts(ws, t('secActivities'), 'F', a.activities.map((x) => x.planTotal), a.planTotal);
      expectAmounts(ws, `${t('colAnnual')}: ${t('levelDomain')}`, 'B', a.byDomain.map((x) => x.amount), a.annualTotal);
      expectAmounts(ws, `${t('colAnnual')}: ${t('levelSector')}`, 'C', a.bySector.map((x) => x.amount), a.annualTotal);
      expectAmounts(ws, t('secByProvider'), 'E', a.byProvider.map((x) => x.amount), a.annualTotal);
      expectAmounts(ws, t('secByFunder'), 'D', a.byFunder.map((x) => x.amount), a.annualTotal);
      // Cents really are exercised: the thirds do not divide evenly.
      expect(a.byDomain.some((d) => !d.amount.times(100).mod(100).isZero())).to.equal(true);
    });

    it('stores the payment schedule and the monitoring per sector', async () => {
      const { wb } = await workbook(plan, locale);
      expectAmounts(sheet(wb, t('sheetSchedule')), t('secSchedule'), 'D', a.schedule.map((x) => x.amount), a.planTotal);
      const mon = sheet(wb, t('sheetMonitoring'));
      expectAmounts(mon, t('monCharged'), 'I', a.bySector.map((x) => x.amount), a.annualTotal);
      const caseRow = findRow(mon, t('monCases'));
      expect(mon.getCell(caseRow, 2).value).to.equal(2000);
      expect(mon.getCell(findRow(mon, t('monBudget')), 2).value).to.equal(Number(a.annualTotal.toFixed(2)));
    });

    it('stores split percentages as numbers with a percent format', async () => {
      const { wb } = await workbook(plan, locale);
      const ws = sheet(wb, t('sheetSplits'));
      const first = findRow(ws, t('secSplit')) + 2;
      const zvw = ws.getCell(`D${first}`);
      expect(ws.getCell(`B${first}`).text).to.equal('Zvw');
      expect(zvw.value).to.equal(0.7);
      expect(zvw.numFmt).to.contain('%');
      const rows = ws.getColumn('D').values.filter((v) => typeof v === 'number') as number[];
      expect(rows).to.include(0.333334);
    });
  });
}

describe('workbook safety and marks', () => {
  const TRIGGER = /^[=+\-@\t\r\n\0]/;

  it('neutralises every text cell and writes no formula but its own SUMs', async () => {
    const { wb } = await workbook(hostilePlan(), 'nl');
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === 6 /* Formula */) {
        expect((cell.value as ExcelJSTypes.CellFormulaValue).formula).to.match(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
      } else if (typeof cell.value === 'string') {
        texts.push(cell.value);
        expect(cell.value, `${ws.name}!${cell.address}`).not.to.match(TRIGGER);
      }
    })));
    for (const bad of [HOSTILE.cmd, HOSTILE.plus, HOSTILE.minus, HOSTILE.at, HOSTILE.tab]) {
      expect(texts, bad).to.include(`'${bad}`);
    }
    // XML reading turns a lone CR into LF; either way the apostrophe comes first.
    expect(texts.some((x) => x === `'\rCR` || x === `'\nCR`)).to.equal(true);
    // Markup is text: stored as typed, never interpreted.
    expect(texts).to.include(HOSTILE.markup);
  });

  it('marks every sheet of a draft as concept', async () => {
    const { wb, file } = await workbook(erroneousPlan(), 'nl', true);
    expect(file.fileName).to.contain('werkmap-concept');
    wb.eachSheet((ws) => {
      expect(ws.getCell('A1').text, ws.name).to.match(/^CONCEPT — /);
      expect(ws.headerFooter.oddHeader, ws.name).to.contain('CONCEPT');
    });
    const findings = sheet(wb, tx('sheetFindings', 'nl'));
    const first = findRow(findings, tx('secFindings', 'nl')) + 2;
    expect(findings.getCell(`A${first}`).text).to.equal(tx('sev.error', 'nl'));
    expect(findings.getCell(`B${first}`).text).to.equal('split-sum');
  });

  it('marks an English draft as draft', async () => {
    const { wb } = await workbook(erroneousPlan(), 'en', true);
    wb.eachSheet((ws) => expect(ws.getCell('A1').text).to.match(/^DRAFT — /));
  });
});
