import { expect } from 'chai';
import { samplePlans } from '../../demo/plans/index.ts';
import { allocate, payments } from '../../src/engine/index.ts';
import { Dec } from '../../src/money/decimal.ts';
import { exportScenario } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import { formatMoney } from '../../src/money/format.ts';
import { parseAmount } from '../../src/money/parse.ts';
import { parseCsv, readDocx, readWorkbook } from './read.ts';

/* The demo's realistic plans go through every export without losing a cent. */

for (const sample of samplePlans) {
  describe(`sample plan "${sample.id}"`, () => {
    it("workbook: every provider and funder amount, and the totals, are the engine's", async () => {
      const plan = await sample.load();
      const a = allocate(plan);
      const file = await exportScenario('xlsx', { plan, locale: 'en' });
      const wb = await readWorkbook(file.blob);
      const ws = wb.getWorksheet(tx('sheetAllocation', 'en'))!;
      const numbers: number[] = [];
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'number') numbers.push(c.value);
          else if (c.value && typeof c.value === 'object' && 'formula' in c.value)
            numbers.push(c.value.result as number);
        }),
      );
      for (const x of [...a.byProvider, ...a.byFunder, ...a.bySector, ...a.byDomain]) {
        expect(numbers, x.amount.toFixed(2)).to.include(Number(x.amount.toFixed(2)));
      }
      expect(numbers.filter((n) => n === Number(a.annualTotal.toFixed(2))).length).to.be.greaterThan(4);
    });

    it('annex (en): every party and amount', async () => {
      const plan = await sample.load();
      const a = allocate(plan);
      const { document } = await readDocx((await exportScenario('annex-docx', { plan, locale: 'en' })).blob);
      const lines = document.split('\n');
      for (const p of plan.providers) expect(lines, p.name).to.include(p.name);
      for (const f of plan.funders) expect(lines, f.name).to.include(f.name);
      for (const x of [...a.byProvider, ...a.byFunder]) expect(lines).to.include(formatMoney(x.amount, 'en'));
    });

    it('monitoring CSV (nl): the declared amounts per calendar year add up to what the contracting insurers pay', async () => {
      const plan = await sample.load();
      const a = allocate(plan);
      const text = await (await exportScenario('monitoring-csv', { plan, locale: 'nl' })).blob.text();
      const rows = parseCsv(text, ';').slice(1);
      const amounts = rows.map((r) => {
        const parsed = parseAmount(r[7]!, 'nl');
        if (!parsed.ok) throw new Error(r[7]);
        return parsed.value;
      });
      const zvw = new Set(plan.domains.filter((d) => d.kind === 'zvw').map((d) => d.id));
      const insurers = payments(plan, a).funders.filter((f) => f.funderId !== null && zvw.has(f.domainId ?? ''));
      const declared = insurers.reduce((s, f) => s.plus(f.amount), new Dec(0));
      expect(amounts.reduce((s, x) => s.plus(x), new Dec(0)).toFixed(2)).to.equal(declared.toFixed(2));
      // Every year of the plan, and only Zvw sectors (or the lead's) charged.
      const years = new Set(payments(plan, a).periods.map((p) => p.periodId.slice(0, 4)));
      expect(new Set(rows.map((r) => r[0]))).to.deep.equal(years);
    });

    it('every export: the payments per funder and payee to the cent (CSV)', async () => {
      const plan = await sample.load();
      const a = allocate(plan);
      const p = payments(plan, a);
      const text = await (await exportScenario('csv', { plan, locale: 'en', table: 'payments' })).blob.text();
      const rows = parseCsv(text, ',').slice(1);
      const got = rows.map((r) => r[9]);
      const want = [
        ...p.funders.flatMap((f) => f.payees.flatMap((x) => x.periods)),
        ...p.passOn.flatMap((x) => x.periods),
      ].map((d) => d.toFixed(2));
      expect(got).to.deep.equal(want);
    });
  });
}
