import { expect } from 'chai';
import { compare, compareMany, type ResultRow } from '../../src/compare/index.ts';
import { applyOps } from '../../src/model/ops.ts';
import type { Plan } from '../../src/model/plan.ts';
import { handbookPlan } from '../fixtures/handbook.ts';
import { generatePlan } from '../fixtures/generate.ts';

const row = (rows: ResultRow[], key: string) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return {
    a: r.a.toFixed(2),
    b: r.b.toFixed(2),
    delta: r.delta.toFixed(2),
    relative: r.relative?.toFixed(2) ?? null,
    changed: r.changed,
    label: r.label.nl,
  };
};

/** The handbook plan with Wmo 10 → 20 % and Zvw 70 → 60 %. */
function scenarioB(a: Plan): Plan {
  return applyOps(a, [
    { op: 'set-field', field: 'name', value: 'Meer Wmo' },
    { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '20' },
    { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '60.00' },
  ]);
}

describe('compare', () => {
  const a = handbookPlan();
  const b = scenarioB(a);
  const c = compare(a, b);

  it('gives per-domain amounts with absolute and relative deltas', () => {
    expect(row(c.results.domains, 'wmo')).to.deep.equal({
      a: '25000.00',
      b: '50000.00',
      delta: '25000.00',
      relative: '100.00',
      changed: true,
      label: 'Wmo 2015',
    });
    expect(row(c.results.domains, 'zvw')).to.deep.equal({
      a: '175000.00',
      b: '150000.00',
      delta: '-25000.00',
      relative: '-14.29',
      changed: true,
      label: 'Zvw',
    });
    expect(row(c.results.domains, 'jw')).to.include({ delta: '0.00', changed: false });
    expect(row(c.results.totals, 'annual')).to.include({ a: '250000.00', b: '250000.00', changed: false });
  });

  it('follows the change down to sectors, providers, funders and periods', () => {
    expect(row(c.results.sectors, 'zvw|zvw-vv')).to.include({
      a: '87500.00',
      b: '75000.00',
      delta: '-12500.00',
      label: 'Wijkverpleging (V&V)',
    });
    expect(c.results.sectors.find((r) => r.key === 'zvw|zvw-vv')!.group).to.deep.equal({ nl: 'Zvw', en: 'Zvw' });
    expect(row(c.results.providers, 'wmo|~|~')).to.include({ a: '25000.00', b: '50000.00', label: 'Niet toegewezen' });
    expect(row(c.results.funders, 'zvw|~')).to.include({ delta: '-25000.00' });
    expect(c.results.periods.map((r) => [r.key, r.changed])).to.deep.equal([
      ['2025-Q1', false],
      ['2025-Q2', false],
      ['2025-Q3', false],
      ['2025-Q4', false],
    ]);
    expect(c.changedRows).to.equal(
      2 /* domains */ +
        3 /* sectors: ha, vv, wmo */ +
        3 /* providers: ha, vv, wmo */ +
        2 /* funders */ +
        2 /* payees: Zvw and Wmo, no provider yet */,
    );
  });

  it('lists the input differences: plan fields and split cells, numerically compared', () => {
    expect(c.inputs.map((d) => [d.section, d.rowId ?? null, d.field, d.domainId ?? null, d.a, d.b])).to.deep.equal([
      ['plan', null, 'name', null, 'Handboekvoorbeeld', 'Meer Wmo'],
      ['split', 'default', 'split', 'wmo', '10', '20'],
      ['split', 'default', 'split', 'zvw', '70', '60.00'],
    ]);
    expect(c.inputs[0]!.label).to.deep.equal({ nl: 'Naam', en: 'Name' });
    expect(c.inputs[1]!.fieldLabel).to.deep.equal({ nl: 'Wmo 2015', en: 'Wmo 2015' });
  });

  it('lists a changed market-share basis and agreement among the plan differences', () => {
    const a = handbookPlan();
    const b = structuredClone(a);
    b.marketShare = { ...b.marketShare, insuredTotal: '70000', definition: 'Verzekerden per 1 januari (Vektis)' };
    b.patientRepresentation = 'Cliëntenraad regio';
    const fields = compare(a, b).inputs.filter((d) => d.section === 'plan');
    expect(fields.map((d) => d.field)).to.include.members([
      'marketShare.insuredTotal',
      'marketShare.definition',
      'patientRepresentation',
    ]);
    expect(fields.find((d) => d.field === 'marketShare.insuredTotal')!.label.nl).to.equal(
      'Verzekerden in het verzorgingsgebied (totaal)',
    );
  });

  it('treats 50 and 50.00 as the same percentage', () => {
    const same = applyOps(a, [
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-ha', percent: '50.00' },
    ]);
    expect(compare(a, same).inputs).to.deep.equal([]);
  });

  it('reports added, removed and changed rows by id', () => {
    const x = generatePlan(3, 5);
    const y = applyOps(x, [
      { op: 'remove-row', collection: 'activities', id: 'a1' },
      { op: 'insert-row', collection: 'activities', row: { ...x.activities[1]!, id: 'new', name: 'Nieuw' } },
      {
        op: 'update-row',
        collection: 'activities',
        id: 'a2',
        patch: { cost: { kind: 'fte', fte: '1', yearlyCost: '70000' } },
      },
      { op: 'update-row', collection: 'providers', id: 'p1', patch: { name: 'Hernoemd' } },
      { op: 'remove-row', collection: 'funders', id: x.funders.at(-1)!.id },
    ]);
    const d = compare(x, y).inputs;
    const brief = d.map((i) => `${i.section}:${i.rowId}:${i.change}:${i.field ?? ''}`);
    expect(brief).to.include.members([
      'activities:a1:removed:',
      'activities:new:added:',
      'activities:a2:changed:cost.kind',
      'providers:p1:changed:name',
      `funders:${x.funders.at(-1)!.id}:removed:`,
    ]);
    expect(d.find((i) => i.rowId === 'p1')!).to.include({ a: x.providers[0]!.name, b: 'Hernoemd' });
    expect(d.find((i) => i.rowId === 'p1')!.label).to.deep.equal({ nl: 'Hernoemd', en: 'Hernoemd' });
  });

  it('gives a null relative delta when a is 0, and counts a missing row as 0', () => {
    const y = applyOps(a, [
      { op: 'set-split', rowId: 'default', domainId: 'wlz', sectorId: null, percent: '10' },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '60' },
    ]);
    const r = compare(a, y).results.domains;
    expect(row(r, 'wlz')).to.deep.equal({
      a: '0.00',
      b: '25000.00',
      delta: '25000.00',
      relative: null,
      changed: true,
      label: 'Wlz',
    });
    expect(r.map((x) => x.key)).to.deep.equal(['zvw', 'wmo', 'jw', 'wlz']);
  });

  it('compares an identical plan as unchanged everywhere', () => {
    const x = generatePlan(9, 50);
    const same = compare(x, structuredClone(x));
    expect(same.inputs).to.deep.equal([]);
    expect(same.changedRows).to.equal(0);
  });
});

describe('compare: the uncovered Zvw part', () => {
  it('removing one insurer leaves the other unchanged and shows the uncovered part grow, labelled as such', async () => {
    const { Plan } = await import('../../src/model/plan.ts');
    // The handleiding example: 41.250 + 18.730 of 59.980 insured, so the two insurers cover the whole area.
    const full = Plan.parse((await import('../../demo/plans/handbook.json')).default);
    const one: Plan = { ...full, funders: full.funders.filter((f) => f.id !== 'f-zv-2') };
    const c = compare(full, one);
    const kept = c.results.funders.find((r) => r.funderId === 'f-zv-1')!;
    expect(kept.changed).to.equal(false);
    const uncovered = c.results.funders.find((r) => r.funderId === null && r.domainId === 'zvw')!;
    expect(uncovered.label).to.deep.equal({
      nl: 'Niet gedekt door een gecontracteerde zorgverzekeraar',
      en: 'Not covered by a contracting insurer',
    });
    expect(uncovered.a.toFixed(2)).to.equal('0.00');
    const removed = c.results.funders.find((r) => r.funderId === 'f-zv-2')!;
    expect(uncovered.b.toFixed(2)).to.equal(removed.a.toFixed(2));
  });
});

describe('compare: who is paid under each execution model', () => {
  it('main contractor against equal partners: the funder pays the lead in one, each provider in the other', async () => {
    const { Plan } = await import('../../src/model/plan.ts');
    const main = Plan.parse((await import('../../demo/plans/handbook.json')).default);
    const equal: Plan = { ...main, executionModel: 'equal-partners', leadProviderId: null };
    const c = compare(main, equal);
    const row = (funderId: string, providerId: string) =>
      c.results.payees.find((r) => r.funderId === funderId && r.providerId === providerId);
    const toLead = row('f-wmo', 'p-vv')!;
    expect(toLead.a.toFixed(2)).to.equal('25000.00');
    expect(toLead.b.toFixed(2)).to.equal('0.00');
    expect(toLead.label.nl).to.equal('Gemeente Havenstad → Thuiszorg Havenstad');
    const direct = row('f-wmo', 'p-wmo')!;
    expect([direct.a.toFixed(2), direct.b.toFixed(2)]).to.deep.equal(['0.00', '25000.00']);
    // Per scenario the payee rows add up to the annual total.
    const sum = (side: 'a' | 'b') =>
      c.results.payees.reduce((s, r) => s.plus(r[side]), c.results.totals[0]!.a.minus(c.results.totals[0]!.a));
    expect(sum('a').toFixed(2)).to.equal(c.results.totals[0]!.a.toFixed(2));
    expect(sum('b').toFixed(2)).to.equal(c.results.totals[0]!.b.toFixed(2));
  });
});

describe('compareMany', () => {
  it('puts 3 scenarios side by side against the first', () => {
    const a = handbookPlan();
    const b = scenarioB(a);
    const c = applyOps(a, [
      {
        op: 'update-row',
        collection: 'activities',
        id: 'lumpsum',
        patch: { cost: { kind: 'lumpsum', amount: '300000', per: 'year' } },
      },
    ]);
    const m = compareMany([a, b, c]);
    expect(m.scenarios.map((s) => s.name)).to.deep.equal(['Handboekvoorbeeld', 'Meer Wmo', 'Handboekvoorbeeld']);
    expect(m.pairs).to.have.length(2);
    const wmo = m.results.domains.find((r) => r.key === 'wmo')!;
    expect(wmo.values.map((v) => v.toFixed(2))).to.deep.equal(['25000.00', '50000.00', '30000.00']);
    expect(wmo.deltas.map((d) => [d.delta.toFixed(2), d.relative?.toFixed(2), d.changed])).to.deep.equal([
      ['25000.00', '100.00', true],
      ['5000.00', '20.00', true],
    ]);
    const annual = m.results.totals.find((r) => r.key === 'annual')!;
    expect(annual.values.map((v) => v.toFixed(2))).to.deep.equal(['250000.00', '250000.00', '300000.00']);
  });

  it('handles a row only a later scenario has', () => {
    const a = handbookPlan();
    const b = applyOps(a, [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '60' }]);
    const c = applyOps(a, [
      { op: 'set-split', rowId: 'default', domainId: 'wlz', sectorId: null, percent: '5' },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '65' },
    ]);
    const m = compareMany([a, b, c]);
    const unassigned = m.results.domains.find((r) => r.key === '~')!;
    expect(unassigned.values.map((v) => v.toFixed(2))).to.deep.equal(['0.00', '25000.00', '0.00']);
    const wlz = m.results.domains.find((r) => r.key === 'wlz')!;
    expect(wlz.values.map((v) => v.toFixed(2))).to.deep.equal(['0.00', '0.00', '12500.00']);
    expect(wlz.deltas.map((d) => d.changed)).to.deep.equal([false, true]);
  });
});
