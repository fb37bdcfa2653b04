import { expect } from 'chai';
import { allocate } from '../../src/engine/allocate.ts';
import { Plan } from '../../src/model/plan.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import handbook from '../../demo/plans/handbook.json';

/*
 * Market shares as the handleiding defines them (§4 "Waar moeten partijen nog meer afspraken over
 * maken?": insured in a service area on a reference date): an insurer pays its count out of ALL
 * insured in the area, whoever else signs; what no listed insurer covers is the funderId-null line.
 */

const plan = (): Plan => Plan.parse(structuredClone(handbook));
const zvwFunders = (r: Allocation) =>
  Object.fromEntries(
    r.byFunder.filter((f) => f.domainId === 'zvw').map((f) => [f.funderId ?? 'not covered', f.amount.toFixed(2)]),
  );

describe('allocate: market shares of the whole service area', () => {
  it('the handbook example: two insurers cover all 59.980 insured and share € 175.000 by their counts', () => {
    const r = allocate(plan());
    // 175000 × 41250 / 59980 = 120352.617…, 175000 × 18730 / 59980 = 54647.382…; the cent goes to the larger remainder.
    expect(zvwFunders(r)).to.deep.equal({ 'f-zv-1': '120352.62', 'f-zv-2': '54647.38' });
  });

  it("removing one insurer leaves the other one's amount unchanged; its part is not covered", () => {
    const p = plan();
    p.funders = p.funders.filter((f) => f.id !== 'f-zv-2');
    expect(zvwFunders(allocate(p))).to.deep.equal({ 'f-zv-1': '120352.62', 'not covered': '54647.38' });
  });

  it('insurers that cover part of the area leave the rest uncovered, to the cent', () => {
    const p = plan();
    p.marketShare = { ...p.marketShare, insuredTotal: '100000' };
    expect(zvwFunders(allocate(p))).to.deep.equal({
      'f-zv-1': '72187.50',
      'f-zv-2': '32777.50',
      'not covered': '70035.00',
    });
  });

  it("without the area total no insurer's share can be computed: all of the Zvw part is uncovered, never guessed", () => {
    const p = plan();
    p.marketShare = { ...p.marketShare, insuredTotal: null };
    expect(zvwFunders(allocate(p))).to.deep.equal({ 'f-zv-1': '0.00', 'f-zv-2': '0.00', 'not covered': '175000.00' });
  });

  it('counts above the area total are scaled to it (the market-share rule reports them)', () => {
    const p = plan();
    p.marketShare = { ...p.marketShare, insuredTotal: '50000' };
    expect(zvwFunders(allocate(p))).to.deep.equal({ 'f-zv-1': '120352.62', 'f-zv-2': '54647.38' });
  });

  it('percentages are of all insured: below 100 % the rest is not covered', () => {
    const p = plan();
    p.funders = p.funders.map((f) =>
      f.id === 'f-zv-1'
        ? { ...f, share: { basis: 'percent', percent: '60' } }
        : f.id === 'f-zv-2'
          ? { ...f, share: { basis: 'percent', percent: '30' } }
          : f,
    );
    expect(zvwFunders(allocate(p))).to.deep.equal({
      'f-zv-1': '105000.00',
      'f-zv-2': '52500.00',
      'not covered': '17500.00',
    });
  });

  it('keeps the handbook figures: Wmo € 25.000, Jeugdwet € 50.000, Zvw € 175.000', () => {
    const r = allocate(plan());
    expect(Object.fromEntries(r.byDomain.map((d) => [d.domainId, d.amount.toFixed(2)]))).to.deep.equal({
      zvw: '175000.00',
      wmo: '25000.00',
      jw: '50000.00',
    });
    expect(
      Object.fromEntries(r.bySector.filter((s) => s.domainId === 'zvw').map((s) => [s.sectorId, s.amount.toFixed(2)])),
    ).to.deep.equal({ 'zvw-ha': '87500.00', 'zvw-vv': '87500.00' });
  });
});

describe('allocate: market shares per calendar year', () => {
  const dementia = async () =>
    Plan.parse(structuredClone((await import('../../demo/plans/dementia-network.json')).default));

  it('the first year is byFunder; a later year with its own counts splits the Zvw part by them', async () => {
    const p = await dementia();
    const r = allocate(p);
    expect(r.byFunderYear.map((y) => [y.year, y.sharesYear, y.referenceDate])).to.deep.equal([
      [2025, 2025, '2024-12-31'],
      [2026, 2026, '2025-12-31'],
    ]);
    expect(r.byFunderYear[0]!.funders).to.equal(r.byFunder);
    const zvw = r.byDomain.find((d) => d.domainId === 'zvw')!.amount;
    const y2026 = r.byFunderYear[1]!.funders.filter((f) => f.domainId === 'zvw');
    expect(y2026.map((f) => f.funderId)).to.deep.equal(['f-noordkust', 'f-linde', 'f-samen']);
    expect(y2026.reduce((s, f) => s.plus(f.amount), zvw.minus(zvw)).toFixed(2)).to.equal(zvw.toFixed(2));
    // 60980 of 117400 insured in 2026: each line is the exact share rounded down, or one cent more.
    const exact = zvw.times(60980).div(117400);
    expect(y2026[0]!.amount.minus(exact).abs().lessThan('0.01')).to.equal(true);
    // The other domains keep their split.
    expect(r.byFunderYear[1]!.funders.filter((f) => f.domainId !== 'zvw')).to.deep.equal(
      r.byFunder.filter((f) => f.domainId !== 'zvw'),
    );
  });

  it('a later year without its own counts keeps the earlier shares (the market-share-date rule asks for them)', async () => {
    const p = await dementia();
    p.marketShare = { ...p.marketShare, laterYears: [] };
    const r = allocate(p);
    expect(r.byFunderYear.map((y) => [y.year, y.sharesYear])).to.deep.equal([
      [2025, 2025],
      [2026, 2025],
    ]);
    expect(r.byFunderYear[1]!.funders).to.deep.equal(r.byFunder);
  });

  it('an insurer that stops in a later year leaves its part uncovered in that year only', async () => {
    const p = await dementia();
    p.marketShare = {
      ...p.marketShare,
      laterYears: [
        {
          ...p.marketShare.laterYears[0]!,
          counts: p.marketShare.laterYears[0]!.counts.filter((c) => c.funderId !== 'f-samen'),
        },
      ],
    };
    const r = allocate(p);
    const y2026 = r.byFunderYear[1]!.funders.filter((f) => f.domainId === 'zvw');
    expect(y2026.map((f) => f.funderId)).to.deep.equal(['f-noordkust', 'f-linde', 'f-samen', null]);
    expect(y2026[2]!.amount.toFixed(2)).to.equal('0.00');
    expect(y2026[3]!.amount.isZero()).to.equal(false);
    expect(r.byFunder.some((f) => f.funderId === null)).to.equal(false);
  });
});

describe('allocate: incremental market shares', () => {
  it('follows a change of the reference date or the area total in the same allocator', async () => {
    const { createAllocator } = await import('../../src/engine/allocate.ts');
    const run = createAllocator();
    const p = plan();
    expect(run(p).byFunderYear[0]!.referenceDate).to.equal('2024-12-31');
    const later = { ...p, marketShareDate: '2024-12-30' };
    expect(run(later).byFunderYear[0]!.referenceDate).to.equal('2024-12-30');
    const half = { ...later, marketShare: { ...later.marketShare, insuredTotal: '119960' } };
    expect(zvwFunders(run(half))).to.deep.equal({
      'f-zv-1': '60176.31',
      'f-zv-2': '27323.69',
      'not covered': '87500.00',
    });
  });
});
