import { expect } from 'chai';
import { allocate, payments } from '../../src/engine/index.ts';
import { exportScenario, type CsvTable } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { parseAmount } from '../../src/money/parse.ts';
import type { Plan } from '../../src/model/index.ts';
import { HOSTILE, erroneousPlan, handbookPlan, hostilePlan } from './fixtures.ts';
import { parseCsv } from './read.ts';

const DATE = new Date('2026-11-23T10:00:00Z');
const SEP: Record<Locale, string> = { nl: ';', en: ',' };

async function csv(
  plan: Plan,
  locale: Locale,
  extra: { table?: CsvTable; draft?: boolean; monitoring?: boolean } = {},
) {
  const file = await exportScenario(extra.monitoring ? 'monitoring-csv' : 'csv', {
    plan,
    locale,
    date: DATE,
    scenarioName: 'B',
    ...extra,
  });
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
      const level = (key: Parameters<typeof tx>[0]) =>
        body.filter((r) => r[0] === tx(key, locale)).map((r) => number(r[5]!, locale));
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

    it('holds the NZa monitoring overview: Zvw declarations per calendar year, insurer and declarant', async () => {
      const { rows, file } = await csv(plan, locale, { monitoring: true });
      expect(file.fileName).to.contain('monitoring');
      const [header, ...body] = rows;
      expect(header).to.include(tx('monUses', locale));
      expect(header!.join(' ')).not.to.match(/casus|cases/i);
      // Main contractor: the lead declares to each insurer, once per quarter; its sector is charged.
      const p = payments(plan, a);
      const insurers = p.funders.filter((f) => f.funderId !== null && f.domainId === 'zvw');
      expect(body).to.have.length(insurers.length);
      for (const [i, f] of insurers.entries()) {
        const r = body[i]!;
        expect(r[0]).to.equal('2025');
        expect(r[1]).to.equal(plan.funders.find((x) => x.id === f.funderId)!.name);
        expect(r[3]).to.equal('Thuiszorg Zuidoost');
        expect(r[5]).to.equal('Wijkverpleging (V&V)');
        expect(r[6]).to.equal('4');
        expect(number(r[7]!, locale)).to.equal(f.amount.toFixed(2));
      }
      // No Wmo or Jeugdwet money charged to a macro budget.
      expect(body.flat()).not.to.include('Wmo 2015');
      expect(body.flat()).not.to.include('Huisartsenzorg');
    });

    it('names no payee for the part no insurer covers: nobody transfers it, yet the table still sums to the plan', async () => {
      const plan = handbookPlan();
      plan.funders = plan.funders.filter((f) => f.id !== 'f-vgz');
      const { rows } = await csv(plan, locale, { table: 'payments' });
      const uncovered = rows.filter((r) => r[0] === tx('uncovered', locale));
      expect(uncovered.length).to.be.greaterThan(0);
      for (const r of uncovered) {
        expect(r[3]).to.equal(tx('unpaid', locale));
        expect(r[4]).to.equal('');
      }
    });

    it('holds every payment per funder, payee and period; each sums to the engine amount', async () => {
      const { rows } = await csv(plan, locale, { table: 'payments' });
      const body = rows.slice(1);
      const p = payments(plan, a);
      for (const f of p.funders.filter((x) => x.funderId !== null)) {
        const name = plan.funders.find((x) => x.id === f.funderId)!.name;
        const mine = body.filter((r) => r[0] === name);
        expect(mine.map((r) => number(r[9]!, locale))).to.deep.equal(
          f.payees.flatMap((x) => x.periods.map((d) => d.toFixed(2))),
        );
        expect(mine.every((r) => r[3] === 'Thuiszorg Zuidoost' && r[4] === '12345678')).to.equal(true);
      }
      const passOn = body.filter((r) => r[0]!.startsWith(tx('secPassOn', locale)));
      expect(passOn.map((r) => number(r[9]!, locale))).to.deep.equal(
        p.passOn.flatMap((x) => x.periods.map((d) => d.toFixed(2))),
      );
      const uncovered = body.filter((r) => r[0] === tx('uncovered', locale));
      expect(uncovered.length).to.be.greaterThan(0);
    });
  });
}

describe('monitoring overview: who declares decides the macro budget', () => {
  const base = handbookPlan();
  it('equal partners: each Zvw provider declares its own part, charged to its own sector', async () => {
    const plan: Plan = {
      ...base,
      executionModel: 'equal-partners',
      leadProviderId: null,
      providers: base.providers.map((p) => ({ ...p, role: 'partner' as const })),
    };
    const { rows } = await csv(plan, 'nl', { monitoring: true, draft: true });
    const body = rows.slice(2);
    const p = payments(plan, allocate(plan));
    const cz = p.funders.find((f) => f.funderId === 'f-cz')!;
    const gp = body.find((r) => r[1] === 'CZ' && r[3] === 'Huisartsen Eindhoven')!;
    expect(gp[5]).to.equal('Huisartsenzorg');
    expect(gp[6]).to.equal('4');
    expect(number(gp[7]!, 'nl')).to.equal(cz.payees.find((x) => x.providerId === 'p-ha')!.amount.toFixed(2));
    expect(body.find((r) => r[1] === 'CZ' && r[3] === 'Thuiszorg Zuidoost')![5]).to.equal('Wijkverpleging (V&V)');
    // Only the insurers' money: no municipality declares the prestatie.
    expect(body.map((r) => r[1])).to.have.members(['CZ', 'CZ', 'VGZ', 'VGZ']);
  });

  it('another payment title: no rows, the overview does not apply', async () => {
    const { rows } = await csv({ ...base, paymentTitle: 'oi' }, 'nl', { monitoring: true, draft: true });
    expect(rows.slice(2)).to.deep.equal([]);
  });
});

describe('CSV safety and marks', () => {
  it('neutralises formula-like text and keeps markup as text', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const all = await Promise.all([
        csv(hostilePlan(), locale),
        csv(hostilePlan(), locale, { monitoring: true }),
        csv(hostilePlan(), locale, { table: 'payments' }),
      ]);
      const cells = all.flatMap((x) => x.rows.flat());
      for (const bad of [HOSTILE.cmd, HOSTILE.plus, HOSTILE.tab, HOSTILE.cr]) {
        expect(
          cells.some((c) => c.startsWith(`'${bad}`)),
          JSON.stringify(bad),
        ).to.equal(true);
        expect(cells, JSON.stringify(bad)).not.to.include(bad);
      }
      // Text that is harmless as one cell but starts a cell when the other separator splits it.
      for (const [bad, safe] of [
        [HOSTILE.afterComma, "Zorg,'=1+1"],
        [HOSTILE.afterSemicolon, "Zorg;'=2+2"],
        [HOSTILE.afterLineBreak, "Zorg\n'=3+3"],
      ]) {
        expect(cells, JSON.stringify(bad)).to.include(safe);
        expect(cells, JSON.stringify(bad)).not.to.include(bad);
      }
      // Read with the other separator, no cell starts a formula either.
      for (const x of all) {
        const other = parseCsv(x.text, locale === 'nl' ? ',' : ';').flat();
        for (const c of other) expect(c, JSON.stringify(c)).not.to.match(/^[ "]*[=+@\t\r\n\0]/);
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
