import { expect } from 'chai';
import { samplePlans } from '../../demo/plans/index.ts';
import { allocate } from '../../src/engine/index.ts';
import { exportScenario } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import { formatMoney } from '../../src/money/format.ts';
import { parseAmount } from '../../src/money/parse.ts';
import { parseCsv, readDocx, readWorkbook } from './read.ts';

/* The demo's realistic plans go through every export without losing a cent. */

for (const sample of samplePlans) {
  describe(`sample plan "${sample.id}"`, () => {
    it('workbook: every provider and funder amount, and the totals, are the engine\'s', async () => {
      const plan = await sample.load();
      const a = allocate(plan);
      const file = await exportScenario('xlsx', { plan, locale: 'en' });
      const wb = await readWorkbook(file.blob);
      const ws = wb.getWorksheet(tx('sheetAllocation', 'en'))!;
      const numbers: number[] = [];
      ws.eachRow((row) => row.eachCell((c) => {
        if (typeof c.value === 'number') numbers.push(c.value);
        else if (c.value && typeof c.value === 'object' && 'formula' in c.value) numbers.push(c.value.result as number);
      }));
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

    it('monitoring CSV (nl): the amount per sector adds up to the budget', async () => {
      const plan = await sample.load();
      const a = allocate(plan);
      const text = await (await exportScenario('monitoring-csv', { plan, locale: 'nl' })).blob.text();
      const rows = parseCsv(text, ';').slice(1);
      const amounts = rows.map((r) => {
        const parsed = parseAmount(r[8]!, 'nl');
        if (!parsed.ok) throw new Error(r[8]);
        return parsed.value;
      });
      expect(amounts.map((x) => x.toFixed(2))).to.deep.equal(a.bySector.map((s) => s.amount.toFixed(2)));
      expect(amounts.reduce((s, x) => s.plus(x)).toFixed(2)).to.equal(a.annualTotal.toFixed(2));
    });
  });
}
