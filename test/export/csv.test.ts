import { expect } from 'chai';
import { allocate } from '../../src/engine/index.ts';
import { exportScenario } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { parseAmount } from '../../src/money/parse.ts';
import type { Plan } from '../../src/model/index.ts';
import { HOSTILE, erroneousPlan, handbookPlan, hostilePlan } from './fixtures.ts';
import { parseCsv } from './read.ts';

const DATE = new Date('2026-11-23T10:00:00Z');
const SEP: Record<Locale, string> = { nl: ';', en: ',' };

async function csv(plan: Plan, locale: Locale, extra: { table?: 'allocation' | 'schedule' | 'monitoring'; draft?: boolean; monitoring?: boolean } = {}) {
  const file = await exportScenario(extra.monitoring ? 'monitoring-csv' : 'csv', { plan, locale, date: DATE, scenarioName: 'B', ...extra });
  const text = await file.blob.text();
  return { file, text, rows: parseCsv(text, SEP[locale]) };
}

/** A CSV number cell read the way the locale's spreadsheet reads it: no grouping, locale decimal sign. */
function number(cell: string, locale: Locale): string {
  expect(cell, 'plain number').to.match(locale === 'nl' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/);
  const parsed = parseAmount(cell, locale);
  if (!parsed.ok) throw new Error(`not a number: ${cell}`);
  return parsed.value.toFixed(2);
}

for (const locale of ['nl', 'en'] as const) {
  describe(`CSV (${locale})`, () => {
    const plan = handbookPlan();
    const a = allocate(plan);

    it('holds every allocation amount, per level, to the cent', async () => {
      const { rows, text, file } = await csv(plan, locale);
      // A byte order mark, so Excel reads € and ë as UTF-8 (Blob.text() itself drops it).
      expect([...new Uint8Array(await file.blob.arrayBuffer()).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(text).to.contain('\r\n');
      expect(file.fileName).to.match(/\.csv$/);
      const [header, ...body] = rows;
      expect(header).to.have.length(6);
      expect(header![0]).to.equal(tx('colLevel', locale));
      const level = (key: Parameters<typeof tx>[0]) => body.filter((r) => r[0] === tx(key, locale)).map((r) => number(r[5]!, locale));
      expect(level('levelDomain')).to.deep.equal(a.byDomain.map((d) => d.amount.toFixed(2)));
      expect(level('levelSector')).to.deep.equal(a.bySector.map((d) => d.amount.toFixed(2)));
      expect(level('levelProvider')).to.deep.equal(a.byProvider.map((d) => d.amount.toFixed(2)));
      expect(level('levelFunder')).to.deep.equal(a.byFunder.map((d) => d.amount.toFixed(2)));
      const uzovi = body.filter((r) => r[0] === tx('levelFunder', locale)).map((r) => r[4]);
      expect(uzovi).to.include('9664');
    });

    it('holds the payment schedule', async () => {
      const { rows } = await csv(plan, locale, { table: 'schedule' });
      const body = rows.slice(1);
      expect(body.map((r) => r[0])).to.deep.equal(a.schedule.map((p) => p.periodId));
      expect(body.map((r) => number(r[3]!, locale))).to.deep.equal(a.schedule.map((p) => p.amount.toFixed(2)));
      expect(body.map((r) => r[1])).to.deep.equal(a.schedule.map((p) => p.start));
    });

    it('holds the NZa monitoring figures: case, cases, budget, sectors, amount per sector', async () => {
      const { rows, file } = await csv(plan, locale, { monitoring: true });
      expect(file.fileName).to.contain('monitoring');
      const [header, ...body] = rows;
      expect(header).to.include(tx('monCases', locale));
      expect(body).to.have.length(a.bySector.length);
      for (const [i, s] of a.bySector.entries()) {
        const r = body[i]!;
        expect(r[0]).to.equal(plan.name);
        expect(r[3]).to.equal('2000');
        expect(number(r[4]!, locale)).to.equal(a.annualTotal.toFixed(2));
        expect(number(r[5]!, locale)).to.equal(a.planTotal.toFixed(2));
        expect(r[6]).to.equal(plan.domains.find((d) => d.id === s.domainId)!.name);
        expect(number(r[8]!, locale)).to.equal(s.amount.toFixed(2));
      }
      expect(body.map((r) => r[7])).to.include('Huisartsenzorg');
    });
  });
}

describe('CSV safety and marks', () => {
  it('neutralises formula-like text and keeps markup as text', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const all = await Promise.all([csv(hostilePlan(), locale), csv(hostilePlan(), locale, { monitoring: true })]);
      const cells = all.flatMap((x) => x.rows.flat());
      for (const bad of Object.values(HOSTILE).filter((v) => v !== HOSTILE.markup)) {
        expect(cells.some((c) => c.startsWith(`'${bad}`)), JSON.stringify(bad)).to.equal(true);
        expect(cells, JSON.stringify(bad)).not.to.include(bad);
      }
      expect(cells).to.include(HOSTILE.markup);
      for (const c of cells) expect(c, JSON.stringify(c)).not.to.match(/^[=+@\t\r\n\0]/);
      // Only numbers may start with a minus, and they parse as numbers.
      for (const c of cells.filter((x) => x.startsWith('-'))) expect(c).to.match(/^-\d/);
    }
  });

  it('starts a draft with a concept line', async () => {
    const { rows, file } = await csv(erroneousPlan(), 'nl', { draft: true });
    expect(rows[0]![0]).to.match(/^CONCEPT: /);
    expect(rows[1]![0]).to.equal(tx('colLevel', 'nl'));
    expect(file.fileName).to.contain('concept');
  });
});
