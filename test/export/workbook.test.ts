import { expect } from 'chai';
import type * as ExcelJSTypes from 'exceljs';
import { allocate, payments } from '../../src/engine/index.ts';
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
function expectAmounts(
  ws: ExcelJSTypes.Worksheet,
  title: string,
  col: string,
  amounts: Amount[],
  total: Amount,
  from = 1,
) {
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

    it('has the seven sheets and a file name with plan, scenario and date', async () => {
      const { wb, file } = await workbook(plan, locale);
      expect(wb.worksheets.map((w) => w.name)).to.deep.equal([
        t('sheetPlan'),
        t('sheetSplits'),
        t('sheetAllocation'),
        t('sheetSchedule'),
        t('sheetPayments'),
        t('sheetFindings'),
        t('sheetMonitoring'),
      ]);
      expect(file.fileName).to.equal(
        `Dementienetwerk-Zuidoost_Scenario-B_${locale === 'nl' ? 'werkmap' : 'workbook'}_2026-11-23.xlsx`,
      );
    });

    it("stores every allocation amount as the engine's number with SUM totals", async () => {
      const { wb } = await workbook(plan, locale);
      const ws = sheet(wb, t('sheetAllocation'));
      expectAmounts(
        ws,
        t('secActivities'),
        'E',
        a.activities.map((x) => x.annual),
        a.annualTotal,
      );
      expectAmounts(
        ws,
        t('secActivities'),
        'F',
        a.activities.map((x) => x.planTotal),
        a.planTotal,
      );
      expectAmounts(
        ws,
        t('secByDomain'),
        'B',
        a.byDomain.map((x) => x.amount),
        a.annualTotal,
      );
      expectAmounts(
        ws,
        t('secBySector'),
        'C',
        a.bySector.map((x) => x.amount),
        a.annualTotal,
      );
      expectAmounts(
        ws,
        t('secByProvider'),
        'E',
        a.byProvider.map((x) => x.amount),
        a.annualTotal,
      );
      expectAmounts(
        ws,
        t('secByFunder'),
        'D',
        a.byFunder.map((x) => x.amount),
        a.annualTotal,
      );
      // Cents really are exercised: the thirds do not divide evenly.
      expect(a.byDomain.some((d) => !d.amount.times(100).mod(100).isZero())).to.equal(true);
    });

    it('stores the payment schedule and the monitoring per calendar year and declarant', async () => {
      const { wb } = await workbook(plan, locale);
      expectAmounts(
        sheet(wb, t('sheetSchedule')),
        t('secSchedule'),
        'D',
        a.schedule.map((x) => x.amount),
        a.planTotal,
      );
      const mon = sheet(wb, t('sheetMonitoring'));
      const insurers = payments(plan, a).funders.filter((f) => f.funderId !== null && f.domainId === 'zvw');
      expectAmounts(
        mon,
        t('monChargedTable'),
        'H',
        insurers.map((f) => f.amount),
        insurers.reduce((s, f) => s.plus(f.amount), new Dec(0)),
      );
      const first = findRow(mon, t('monChargedTable')) + 2;
      expect(mon.getCell(first, 1).value).to.equal('2025');
      expect(mon.getCell(first, 6).value).to.equal('Wijkverpleging (V&V)');
      expect(mon.getCell(first, 7).value).to.equal(4);
      const year = findRow(mon, t('secMonitoring')) + 2;
      const zvw = a.byDomain.find((d) => d.domainId === 'zvw')!.amount;
      expect(mon.getCell(year, 2).value).to.equal(Number(zvw.toFixed(2)));
      // Both Zvw sectors take part; only the declaring main contractor's sector is charged.
      expect(String(mon.getCell(year, 5).value)).to.contain('Huisartsenzorg');
      expect(String(mon.getCell(year, 5).value)).to.contain('Wijkverpleging (V&V)');
      expect(mon.getCell(year, 6).value).to.equal('Wijkverpleging (V&V)');
      expect(mon.getCell(year, 4).value).to.equal(8); // 2 insurers × 4 quarters
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.text).not.to.match(/casus|cases/i))));
    });

    it("stores each funder's payment schedule per payee with SUM formulas whose cached values are the engine's", async () => {
      const { wb } = await workbook(plan, locale);
      const ws = sheet(wb, t('sheetPayments'));
      const p = payments(plan, a);
      for (const f of plan.funders) {
        const fp = p.funders.find((x) => x.funderId === f.id)!;
        const title = `${t('secPaymentSchedule')}: ${f.name} (${plan.domains.find((d) => d.id === f.domainId)!.name})`;
        // Main contractor: one payee (column D), and the period total (column E) as a row SUM.
        expectAmounts(ws, title, 'D', fp.payees[0]!.periods, fp.payees[0]!.amount);
        const first = findRow(ws, title) + 2;
        fp.periods.forEach((amount, k) => {
          const rowTotal = ws.getCell(`E${first + k}`).value as ExcelJSTypes.CellFormulaValue;
          expect(rowTotal.formula).to.equal(`SUM(D${first + k}:D${first + k})`);
          expect((rowTotal.result as number).toFixed(2)).to.equal(amount.toFixed(2));
        });
        const total = ws.getCell(`E${first + fp.periods.length}`).value as ExcelJSTypes.CellFormulaValue;
        expect((total.result as number).toFixed(2)).to.equal(fp.amount.toFixed(2));
        expect(ws.getCell(findRow(ws, title) + 1, 4).text).to.equal('Thuiszorg Zuidoost (AGB 12345678)');
      }
      const passOn = p.passOn;
      const title = `${t('secPassOn')}: ${t('secPaymentSchedule').toLowerCase()}`;
      passOn.forEach((x, i) => expectAmounts(ws, title, String.fromCharCode(68 + i), x.periods, x.amount));
      const uncovered = findRow(ws, `${t('secPaymentSchedule')}: ${t('uncovered')} (Zvw)`);
      expect(uncovered).to.be.greaterThan(0);
    });

    it('states per activity its description, justification and regular-tariff share, and the evaluation moments', async () => {
      const { wb } = await workbook(plan, locale);
      const ws = sheet(wb, t('sheetPlan'));
      const first = findRow(ws, t('secJustification')) + 2;
      expect(ws.getCell(first, 2).value).to.equal(plan.activities[0]!.description);
      expect(ws.getCell(first, 3).value).to.equal(plan.activities[0]!.justification);
      expect(ws.getCell(first, 4).value).to.equal(locale === 'nl' ? '0 %' : '0%');
      expect(ws.getCell(findRow(ws, t('secEvaluationMoments')) + 2, 2).value).to.equal(
        plan.evaluationMoments[0]!.topic,
      );
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
  it('stores user text as typed, as plain strings, and writes no formula but its own SUMs', async () => {
    const { wb } = await workbook(hostilePlan(), 'nl');
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === 6 /* Formula */) {
            expect((cell.value as ExcelJSTypes.CellFormulaValue).formula).to.match(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
          } else if (typeof cell.value === 'string') {
            texts.push(cell.value);
            expect(cell.type, `${ws.name}!${cell.address}`).to.equal(3 /* String */);
          }
        }),
      ),
    );
    // No visible leading apostrophe: the text is exactly what the user typed.
    for (const bad of [HOSTILE.cmd, HOSTILE.plus, HOSTILE.minus, HOSTILE.at, HOSTILE.tab, HOSTILE.afterComma]) {
      expect(texts, bad).to.include(bad);
      expect(texts, bad).not.to.include(`'${bad}`);
    }
    // XML reading turns a lone CR into LF.
    expect(texts.some((x) => x === '\rCR' || x === '\nCR')).to.equal(true);
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
    const rows = Array.from({ length: findings.rowCount - first + 1 }, (_, i) => first + i);
    const split = rows.find((r) => findings.getCell(`B${r}`).text === 'split-sum');
    expect(split, 'split-sum listed').not.to.equal(undefined);
    expect(findings.getCell(`A${split}`).text).to.equal(tx('sev.error', 'nl'));
  });

  it('marks an English draft as draft', async () => {
    const { wb } = await workbook(erroneousPlan(), 'en', true);
    wb.eachSheet((ws) => expect(ws.getCell('A1').text).to.match(/^DRAFT — /));
  });
});
