import { expect } from 'chai';
import { allocate } from '../../src/engine/allocate.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { CostBasis } from '../../src/model/activities.ts';
import type { Funder, Provider } from '../../src/model/parties.ts';
import { handbookPlan } from '../fixtures/handbook.ts';
import { generatePlan } from '../fixtures/generate.ts';
import { brokenSum } from '../fixtures/allocation-checks.ts';

const money = (a: { amount: { toFixed(n: number): string } }) => a.amount.toFixed(2);
const byDomain = (r: Allocation) => Object.fromEntries(r.byDomain.map((d) => [d.domainId ?? 'null', money(d)]));
const bySector = (r: Allocation) =>
  Object.fromEntries(r.bySector.map((s) => [`${s.domainId}/${s.sectorId}`, money(s)]));

function withCost(cost: CostBasis, plan = handbookPlan()): Plan {
  return { ...plan, activities: [{ ...plan.activities[0]!, cost }] };
}
const provider = (id: string, domainId: string, sectorId: string | null, share: string | null): Provider => ({
  id,
  name: id,
  agb: '',
  domainId,
  sectorId,
  role: 'partner',
  contribution: '',
  share,
});
const funder = (id: string, domainId: string, share: Funder['share']): Funder => ({
  id,
  name: id,
  kind: 'insurer',
  uzovi: '',
  domainId,
  share,
});

describe('allocate: the handbook example', () => {
  const r = allocate(handbookPlan());

  it('splits € 250.000 into Wmo 25.000, Jw 50.000, Zvw 175.000', () => {
    expect(byDomain(r)).to.deep.equal({ zvw: '175000.00', wmo: '25000.00', jw: '50000.00' });
    expect(r.annualTotal.toFixed(2)).to.equal('250000.00');
  });

  it('splits the Zvw part into V&V 87.500 and huisartsenzorg 87.500', () => {
    expect(bySector(r)).to.deep.equal({
      'zvw/zvw-ha': '87500.00',
      'zvw/zvw-vv': '87500.00',
      'wmo/null': '25000.00',
      'jw/null': '50000.00',
    });
  });

  it('lists totals in catalogue order', () => {
    expect(r.byDomain.map((d) => d.domainId)).to.deep.equal(['zvw', 'wmo', 'jw']);
  });

  it('pays the year in four equal quarters', () => {
    expect(r.schedule.map((p) => [p.periodId, p.start, p.end, money(p)])).to.deep.equal([
      ['2025-Q1', '2025-01-01', '2025-03-31', '62500.00'],
      ['2025-Q2', '2025-04-01', '2025-06-30', '62500.00'],
      ['2025-Q3', '2025-07-01', '2025-09-30', '62500.00'],
      ['2025-Q4', '2025-10-01', '2025-12-31', '62500.00'],
    ]);
  });

  it('keeps money without providers or funders in explicit unassigned lines', () => {
    expect(r.byProvider.every((p) => p.providerId === null)).to.equal(true);
    expect(r.byFunder.map((f) => [f.domainId, f.funderId, money(f)])).to.deep.equal([
      ['zvw', null, '175000.00'],
      ['wmo', null, '25000.00'],
      ['jw', null, '50000.00'],
    ]);
    expect(brokenSum(r)).to.equal(null);
  });
});

describe('allocate: cost bases', () => {
  const annual = (cost: CostBasis) => allocate(withCost(cost)).annualTotal.toFixed(2);
  it('turns each basis into a yearly amount to the cent', () => {
    expect(annual({ kind: 'lumpsum', amount: '1000', per: 'month' })).to.equal('12000.00');
    expect(annual({ kind: 'lumpsum', amount: '1000.01', per: 'quarter' })).to.equal('4000.04');
    expect(annual({ kind: 'lumpsum', amount: '0.001', per: 'month' })).to.equal('0.01'); // 0.012 → 0.01
    expect(annual({ kind: 'hours', hours: '10.5', rate: '80.333' })).to.equal('843.50'); // 843.4965
    expect(annual({ kind: 'fte', fte: '0.8', yearlyCost: '65000' })).to.equal('52000.00');
    expect(annual({ kind: 'persons', persons: '12', rate: '99.995' })).to.equal('1199.94');
    expect(annual({ kind: 'hours', hours: '1', rate: '0.005' })).to.equal('0.01'); // half away from zero
    expect(annual({ kind: 'hours', hours: '1', rate: '-0.005' })).to.equal('-0.01');
  });

  it('counts an unreadable amount as 0 instead of failing', () => {
    const r = allocate(withCost({ kind: 'lumpsum', amount: '1e5', per: 'year' }));
    expect(r.annualTotal.toFixed(2)).to.equal('0.00');
    expect(brokenSum(r)).to.equal(null);
  });
});

describe('allocate: plan period and schedule', () => {
  const plan = (start: string, end: string, granularity: Plan['granularity']) => ({
    ...withCost({ kind: 'lumpsum', amount: '12000', per: 'year' }),
    period: { start, end },
    granularity,
  });

  it('counts partly covered months by their days', () => {
    const r = allocate(plan('2025-01-16', '2025-03-31', 'month'));
    // 16/31 of January + February + March = 2.516129… months of € 1.000
    expect(r.planTotal.toFixed(2)).to.equal('2516.13');
    expect(r.schedule.map((p) => [p.periodId, p.start, p.end, money(p)])).to.deep.equal([
      ['2025-01', '2025-01-16', '2025-01-31', '516.13'],
      ['2025-02', '2025-02-01', '2025-02-28', '1000.00'],
      ['2025-03', '2025-03-01', '2025-03-31', '1000.00'],
    ]);
  });

  it('clips periods to the plan and weighs them by length', () => {
    const r = allocate(plan('2024-05-01', '2025-04-30', 'quarter'));
    expect(r.planTotal.toFixed(2)).to.equal('12000.00');
    expect(r.schedule.map((p) => [p.periodId, p.start, p.end, money(p)])).to.deep.equal([
      ['2024-Q2', '2024-05-01', '2024-06-30', '2000.00'],
      ['2024-Q3', '2024-07-01', '2024-09-30', '3000.00'],
      ['2024-Q4', '2024-10-01', '2024-12-31', '3000.00'],
      ['2025-Q1', '2025-01-01', '2025-03-31', '3000.00'],
      ['2025-Q2', '2025-04-01', '2025-04-30', '1000.00'],
    ]);
  });

  it('covers the whole BDSS experiment by year', () => {
    const r = allocate(plan('2024-05-01', '2029-05-01', 'year'));
    // 60 months and 1/31 of May 2029
    expect(r.planTotal.toFixed(2)).to.equal('60032.26');
    expect(r.schedule.map((p) => p.periodId)).to.deep.equal(['2024', '2025', '2026', '2027', '2028', '2029']);
    expect(brokenSum(r)).to.equal(null);
  });

  it('gives no plan total and no schedule for an unusable period', () => {
    for (const [start, end] of [
      ['2026-01-01', '2025-01-01'],
      ['2025-02-30', '2025-12-31'],
      ['1900-01-01', '2100-01-01'],
    ] as const) {
      const r = allocate(plan(start, end, 'month'));
      expect(r.planTotal.toFixed(2)).to.equal('0.00');
      expect(r.schedule).to.deep.equal([]);
      expect(r.annualTotal.toFixed(2)).to.equal('12000.00');
    }
  });
});

describe('allocate: splits', () => {
  it('keeps the part below 100 % as an unassigned domain line', () => {
    const p = handbookPlan();
    p.defaultSplit = {
      domains: [
        { domainId: 'wmo', percent: '10' },
        { domainId: 'zvw', percent: '60' },
      ],
      sectors: [],
    };
    const r = allocate(p);
    expect(byDomain(r)).to.deep.equal({ zvw: '150000.00', wmo: '25000.00', null: '75000.00' });
    expect(r.byDomain.at(-1)!.domainId).to.equal(null);
    expect(r.bySector.find((s) => s.domainId === null)).to.deep.include({ sectorId: null });
    expect(bySector(r)['zvw/null']).to.equal('150000.00'); // no sector split: the Zvw part is unassigned within Zvw
    expect(brokenSum(r)).to.equal(null);
  });

  it('scales a split above 100 % down proportionally', () => {
    const p = handbookPlan();
    p.defaultSplit = {
      domains: [
        { domainId: 'wmo', percent: '60' },
        { domainId: 'jw', percent: '60' },
      ],
      sectors: [],
    };
    expect(byDomain(allocate(p))).to.deep.equal({ wmo: '125000.00', jw: '125000.00' });
  });

  it('ignores unknown domains and negative percentages (validation reports them)', () => {
    const p = handbookPlan();
    p.defaultSplit = {
      domains: [
        { domainId: 'nope', percent: '50' },
        { domainId: 'wmo', percent: '-10' },
        { domainId: 'jw', percent: '50' },
      ],
      sectors: [],
    };
    expect(byDomain(allocate(p))).to.deep.equal({ wmo: '0.00', jw: '125000.00', null: '125000.00' });
  });

  it('uses an activity’s own split instead of the default', () => {
    const p = handbookPlan();
    p.activities = [
      ...p.activities,
      { ...p.activities[0]!, id: 'own', split: { domains: [{ domainId: 'wlz', percent: '100' }], sectors: [] } },
    ];
    const r = allocate(p);
    expect(r.activities[1]!.domains.map((d) => [d.domainId, money(d)])).to.deep.equal([['wlz', '250000.00']]);
    expect(byDomain(r)).to.deep.equal({ zvw: '175000.00', wmo: '25000.00', jw: '50000.00', wlz: '250000.00' });
  });

  it('stays exact to the cent for amounts beyond what a double holds exactly', () => {
    // € 10^17 a year is 10^19 cents, above 2^53: amounts there must not pass through doubles.
    const p = withCost({ kind: 'lumpsum', amount: '100000000000000000.01', per: 'year' });
    p.defaultSplit = {
      domains: ['wmo', 'jw', 'wpg'].map((domainId) => ({ domainId, percent: '33.3333333333' })),
      sectors: [],
    };
    const r = allocate(p);
    expect(r.activities[0]!.domains.map((d) => [d.domainId, money(d)])).to.deep.equal([
      ['wmo', '33333333333300000.01'],
      ['jw', '33333333333300000.00'],
      ['wpg', '33333333333300000.00'],
      [null, '100000.00'],
    ]);
    expect(money({ amount: r.annualTotal })).to.equal('100000000000000000.01');
    expect(brokenSum(r)).to.equal(null);
  });

  it('splits € 100.000,00 in thirds with the first line getting the cent', () => {
    const p = withCost({ kind: 'lumpsum', amount: '100000.00', per: 'year' });
    p.defaultSplit = {
      domains: ['wmo', 'jw', 'wpg'].map((domainId) => ({ domainId, percent: '33.3333333333' })),
      sectors: [],
    };
    const r = allocate(p);
    // 99.9999999999 %: the 0.0000000001 % rest is an unassigned line that is too small to win the cent
    expect(r.activities[0]!.domains.map((d) => [d.domainId, money(d)])).to.deep.equal([
      ['wmo', '33333.34'],
      ['jw', '33333.33'],
      ['wpg', '33333.33'],
      [null, '0.00'],
    ]);
    p.providers = ['a', 'b', 'c'].map((id) => provider(id, 'wmo', null, null));
    p.defaultSplit = { domains: [{ domainId: 'wmo', percent: '100' }], sectors: [] };
    expect(allocate(p).byProvider.map((x) => [x.providerId, money(x)])).to.deep.equal([
      ['a', '33333.34'],
      ['b', '33333.33'],
      ['c', '33333.33'],
    ]);
  });
});

describe('allocate: providers and funders', () => {
  const plan = () => {
    const p = handbookPlan();
    p.providers = [
      provider('ha1', 'zvw', 'zvw-ha', null),
      provider('ha2', 'zvw', 'zvw-ha', null),
      provider('w1', 'wmo', null, '60'),
      provider('w2', 'wmo', null, '30'),
    ];
    p.funders = [
      funder('vgz', 'zvw', { basis: 'count', count: '30000' }),
      funder('cz', 'zvw', { basis: 'count', count: '10000' }),
      funder('gem', 'wmo', { basis: 'percent', percent: '50' }),
    ];
    p.marketShare = { ...p.marketShare, insuredTotal: '40000' };
    return p;
  };

  it('splits a sector equally over providers without shares, and by share otherwise', () => {
    const r = allocate(plan());
    expect(r.byProvider.map((x) => [x.domainId, x.sectorId, x.providerId, money(x)])).to.deep.equal([
      ['zvw', 'zvw-ha', 'ha1', '43750.00'],
      ['zvw', 'zvw-ha', 'ha2', '43750.00'],
      ['zvw', 'zvw-vv', null, '87500.00'],
      ['wmo', null, 'w1', '15000.00'],
      ['wmo', null, 'w2', '7500.00'],
      ['wmo', null, null, '2500.00'],
      ['jw', null, null, '50000.00'],
    ]);
  });

  it('splits the Zvw part over insurers by insured count and keeps unassigned funder parts', () => {
    const r = allocate(plan());
    expect(r.byFunder.map((x) => [x.domainId, x.funderId, money(x)])).to.deep.equal([
      ['zvw', 'vgz', '131250.00'],
      ['zvw', 'cz', '43750.00'],
      ['wmo', 'gem', '12500.00'],
      ['wmo', null, '12500.00'],
      ['jw', null, '50000.00'],
    ]);
    expect(brokenSum(r)).to.equal(null);
  });
});

describe('allocate: generated plans', () => {
  it('adds up at every level for realistic plans', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = allocate(generatePlan(seed, 200));
      expect(brokenSum(r), `seed ${seed}`).to.equal(null);
      expect(
        r.byProvider.some((p) => p.providerId === null),
        'valid plans assign every cent to a provider',
      ).to.equal(false);
      expect(
        r.byFunder.some((p) => p.funderId === null),
        'valid plans assign every cent to a funder',
      ).to.equal(false);
    }
  });
});
