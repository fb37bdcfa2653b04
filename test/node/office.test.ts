import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { allocate, payments } from '../../src/engine/index.ts';
import { exportScenario, type ExportFormat, type ExportOptions } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import { formatMoney } from '../../src/money/format.ts';
import { Plan } from '../../src/model/index.ts';
import { handbookPlan, hostilePlan } from '../export/fixtures.ts';
import { parseCsv } from '../export/read.ts';
import { Office } from './helpers/soffice.ts';

/*
 * The files open in the office suite people really use: LibreOffice converts the workbook (with
 * recalculation forced, so totals are its own SUMs) and the annex, and the figures it reads back
 * equal the engine's to the cent.
 */

const DATE = new Date('2026-11-23T10:00:00Z');
const samplePlan = (name: string): Plan =>
  Plan.parse(JSON.parse(readFileSync(new URL(`../../demo/plans/${name}.json`, import.meta.url), 'utf8')));

async function bytes(format: ExportFormat, options: ExportOptions): Promise<{ name: string; data: Uint8Array }> {
  const file = await exportScenario(format, { scenarioName: 'Office', date: DATE, ...options });
  return { name: file.fileName, data: new Uint8Array(await file.blob.arrayBuffer()) };
}

const cents = (v: string | undefined) => new Decimal(v ?? 'NaN').toFixed(2);

/** Amounts in column `col` (0-based) of the table titled `title`, and its total row's value. */
function readTable(rows: string[][], title: string, col: number): { items: string[]; total: string } {
  const at = rows.findIndex((r) => r[0] === title);
  assert.ok(at >= 0, `table "${title}" not found`);
  const items: string[] = [];
  let r = at + 2;
  for (; rows[r] && rows[r]![0] !== tx('total', 'nl'); r++) items.push(cents(rows[r]![col]));
  return { items, total: cents(rows[r]?.[col]) };
}

interface Files {
  recalc: Map<string, string>;
  /** The hostile plan's CSVs (nl `;`, en `,`), each opened with both separators. */
  csv: { locale: 'nl' | 'en'; table: string; text: string; asSemicolon: string; asComma: string }[];
  workbooks: { label: string; plan: Plan; sheets: Map<string, string> }[];
  annex: { plan: Plan; text: string; pdf: Buffer };
  funderAnnex: { plan: Plan; funderId: string; text: string };
  leadAnnex: { plan: Plan; text: string };
}

/** Generates every file, then converts them in three LibreOffice runs (each start costs seconds). */
async function convertAll(office: Office): Promise<Files> {
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 2;
  ws.getCell('A2').value = 3;
  ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 99 };
  const recalcPath = office.write('recalc.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

  const plans = [
    { label: 'handbook fixture', plan: handbookPlan() },
    { label: 'dementia network', plan: samplePlan('dementia-network') },
    // Equal partners: several payees per funder, so the per-period SUM spans columns.
    { label: 'equal partners', plan: samplePlan('equal-partners') },
  ];
  const books = [];
  for (const p of plans) {
    const { name, data } = await bytes('xlsx', { plan: p.plan, locale: 'nl' });
    books.push({ ...p, path: office.write(name, data) });
  }
  const network = plans[1]!.plan;
  const funder = network.funders.find((f) => f.kind === 'insurer') ?? network.funders[0]!;
  const annex = await bytes('annex-docx', { plan: network, locale: 'nl' });
  const annexPath = office.write(annex.name, annex.data);
  const funderFile = await bytes('funder-annex-docx', { plan: network, locale: 'en', funderId: funder.id });
  const funderPath = office.write(funderFile.name, funderFile.data);
  const leadFile = await bytes('lead-annex-docx', { plan: network, locale: 'nl' });
  const leadPath = office.write(leadFile.name, leadFile.data);

  const csvFiles = [];
  for (const locale of ['nl', 'en'] as const) {
    for (const table of ['allocation', 'payments'] as const) {
      const file = await exportScenario('csv', {
        plan: hostilePlan(),
        locale,
        table,
        date: DATE,
        scenarioName: `${locale}-${table}`,
      });
      const text = await file.blob.text();
      csvFiles.push({ locale, table, text, path: office.write(file.fileName, new TextEncoder().encode(text)) });
    }
  }
  const asSemicolon = office.csvToFods(
    csvFiles.map((c) => c.path),
    ';',
  );
  const asComma = office.csvToFods(
    csvFiles.map((c) => c.path),
    ',',
  );

  const csv = office.workbooksToCsv([recalcPath, ...books.map((b) => b.path)]);
  const texts = office.documentsToText([annexPath, funderPath, leadPath]);
  return {
    recalc: csv.get(recalcPath)!,
    csv: csvFiles.map((c) => ({
      locale: c.locale,
      table: c.table,
      text: c.text,
      asSemicolon: asSemicolon.get(c.path)!,
      asComma: asComma.get(c.path)!,
    })),
    workbooks: books.map((b) => ({ label: b.label, plan: b.plan, sheets: csv.get(b.path)! })),
    annex: { plan: network, text: texts.get(annexPath)!, pdf: office.documentToPdf(annexPath) },
    funderAnnex: { plan: network, funderId: funder.id, text: texts.get(funderPath)! },
    leadAnnex: { plan: network, text: texts.get(leadPath)! },
  };
}

describe('office suite (LibreOffice headless)', () => {
  let office: Office | undefined;
  let converted: Files | undefined;
  let setupError: unknown;
  // A missing LibreOffice must fail every test with its message, not cancel them quietly.
  before(async () => {
    try {
      office = new Office();
      converted = await convertAll(office);
    } catch (e) {
      setupError = e;
    }
  });
  after(() => office?.dispose());
  const ready = (): Files => {
    if (!converted) throw setupError;
    return converted;
  };

  test('recalculates workbook formulas on load, so the totals below are its own', () => {
    const rows = parseCsv(ready().recalc.get('S')!, ',');
    assert.equal(rows[2]![0], '5');
  });

  for (const index of [0, 1, 2]) {
    test(`workbook ${index + 1}: every amount and every SUM equals the engine`, () => {
      const { plan, sheets, label } = ready().workbooks[index]!;
      const a = allocate(plan);
      const t = (k: Parameters<typeof tx>[0]) => tx(k, 'nl');
      const alloc = parseCsv(sheets.get(t('sheetAllocation'))!, ',');
      const check = (
        title: string,
        col: number,
        amounts: { toFixed(n: number): string }[],
        total: { toFixed(n: number): string },
      ) => {
        const got = readTable(alloc, title, col);
        assert.deepEqual(
          got.items,
          amounts.map((x) => x.toFixed(2)),
          `${label}: ${title}`,
        );
        assert.equal(got.total, total.toFixed(2), `${label}: ${title} total`);
      };
      check(
        t('secActivities'),
        4,
        a.activities.map((x) => x.annual),
        a.annualTotal,
      );
      check(
        t('secActivities'),
        5,
        a.activities.map((x) => x.planTotal),
        a.planTotal,
      );
      check(
        t('secByDomain'),
        1,
        a.byDomain.map((x) => x.amount),
        a.annualTotal,
      );
      check(
        t('secBySector'),
        2,
        a.bySector.map((x) => x.amount),
        a.annualTotal,
      );
      check(
        t('secByProvider'),
        4,
        a.byProvider.map((x) => x.amount),
        a.annualTotal,
      );
      check(
        t('secByFunder'),
        3,
        a.byFunder.map((x) => x.amount),
        a.annualTotal,
      );

      const schedule = readTable(parseCsv(sheets.get(t('sheetSchedule'))!, ','), t('secSchedule'), 3);
      assert.deepEqual(
        schedule.items,
        a.schedule.map((p) => p.amount.toFixed(2)),
      );
      assert.equal(schedule.total, a.planTotal.toFixed(2));

      // Monitoring: the Zvw declarations per calendar year; payments: each funder's schedule per payee,
      // with LibreOffice's own SUMs across (per period) and down (per payee).
      const p = payments(plan, a);
      const zvw = new Set(plan.domains.filter((d) => d.kind === 'zvw').map((d) => d.id));
      const insurers = p.funders.filter((f) => f.funderId !== null && zvw.has(f.domainId ?? ''));
      const monitoring = readTable(parseCsv(sheets.get(t('sheetMonitoring'))!, ','), t('monChargedTable'), 7);
      const declared = insurers.reduce((s, f) => s.plus(f.amount), new Decimal(0));
      assert.equal(
        monitoring.items.reduce((s, x) => s.plus(x), new Decimal(0)).toFixed(2),
        declared.toFixed(2),
        `${label}: monitoring`,
      );
      assert.equal(monitoring.total, declared.toFixed(2));
      const pay = parseCsv(sheets.get(t('sheetPayments'))!, ',');
      for (const f of plan.funders) {
        const fp = p.funders.find((x) => x.funderId === f.id);
        if (!fp) continue;
        const domain = plan.domains.find((d) => d.id === f.domainId)!.name;
        const title = `${t('secPaymentSchedule')}: ${f.name} (${domain})`;
        fp.payees.forEach((payee, i) => {
          const got = readTable(pay, title, 3 + i);
          assert.deepEqual(
            got.items,
            payee.periods.map((x) => x.toFixed(2)),
            `${label}: ${title} payee ${i}`,
          );
          assert.equal(got.total, payee.amount.toFixed(2));
        });
        const rowTotals = readTable(pay, title, 3 + fp.payees.length);
        assert.deepEqual(
          rowTotals.items,
          fp.periods.map((x) => x.toFixed(2)),
          `${label}: ${title} per period`,
        );
        assert.equal(rowTotals.total, fp.amount.toFixed(2));
      }
    });
  }

  test('CSV opened with either separator in LibreOffice: no formula cell, numbers stay numbers', () => {
    const { csv } = ready();
    assert.equal(csv.length, 4);
    for (const c of csv) {
      for (const [how, fods] of [
        ['semicolon', c.asSemicolon],
        ['comma', c.asComma],
      ] as const) {
        const formulas = [...fods.matchAll(/table:formula="([^"]*)"/g)].map((m) => m[1]);
        assert.deepEqual(formulas, [], `${c.locale} ${c.table} CSV opened with ${how}: formula cells`);
      }
      // Read with its own separator, every amount is a number cell with the engine's value.
      const own = c.locale === 'nl' ? c.asSemicolon : c.asComma;
      const rows = parseCsv(c.text, c.locale === 'nl' ? ';' : ',').slice(1);
      const col = c.table === 'allocation' ? 5 : 9;
      const values = [...own.matchAll(/office:value-type="float" office:value="([^"]*)"/g)].map((m) =>
        new Decimal(m[1]!).toFixed(2),
      );
      const amounts = rows.map((r) => new Decimal(r[col]!.replace(',', '.')).toFixed(2));
      for (const x of amounts) assert.ok(values.includes(x), `${c.locale} ${c.table}: ${x} as a number`);
    }
  });

  test('contract annex: every party and amount as Writer reads it, and it prints to PDF', () => {
    const { plan, text, pdf } = ready().annex;
    const a = allocate(plan);
    const lines = text.split(/\r?\n/);
    for (const p of plan.providers) {
      assert.ok(text.includes(p.name), p.name);
      if (p.agb) assert.ok(lines.includes(p.agb), p.agb);
    }
    for (const f of plan.funders) {
      assert.ok(text.includes(f.name), f.name);
      if (f.uzovi) assert.ok(lines.includes(f.uzovi), f.uzovi);
    }
    for (const x of [...a.byProvider, ...a.byFunder, ...a.byDomain, ...a.schedule]) {
      assert.ok(lines.includes(formatMoney(x.amount, 'nl')), formatMoney(x.amount, 'nl'));
    }
    assert.ok(lines.includes(formatMoney(a.annualTotal, 'nl')));
    assert.ok(lines.includes(formatMoney(a.planTotal, 'nl')));
    assert.ok(text.includes(tx('deductibleStatement', 'nl')));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  test("funder annex in English: the funder's own amount", () => {
    const { plan, funderId, text } = ready().funderAnnex;
    const funder = plan.funders.find((f) => f.id === funderId)!;
    const own = allocate(plan)
      .byFunder.filter((f) => f.funderId === funderId)
      .reduce((s, f) => s.plus(f.amount), new Decimal(0));
    const lines = text.split(/\r?\n/);
    assert.ok(lines.includes(formatMoney(own.toFixed(2), 'en')), formatMoney(own.toFixed(2), 'en'));
    assert.ok(lines.some((l) => l.includes(funder.name)));
  });

  test("the lead's annex: what it receives per funder and passes on per provider, as Writer reads it", () => {
    const { plan, text } = ready().leadAnnex;
    const p = payments(plan, allocate(plan));
    assert.ok(p.leadId !== null, 'the dementia network has a lead');
    const lines = text.split(/\r?\n/);
    for (const f of p.funders.filter((x) => x.funderId !== null))
      assert.ok(lines.includes(formatMoney(f.amount, 'nl')), formatMoney(f.amount, 'nl'));
    for (const x of p.passOn) {
      assert.ok(lines.includes(formatMoney(x.amount, 'nl')), formatMoney(x.amount, 'nl'));
      for (const period of x.periods) assert.ok(lines.includes(formatMoney(period, 'nl')), formatMoney(period, 'nl'));
    }
  });
});
