import { expect } from 'chai';
import { marketShareYears } from '../../src/engine/market-shares.ts';
import { Plan } from '../../src/model/plan.ts';
import handbook from '../../demo/plans/handbook.json';
import dementia from '../../demo/plans/dementia-network.json';

const pct = (d: { toDecimalPlaces(n: number): { toFixed(): string } } | null) =>
  d === null ? null : d.toDecimalPlaces(4).toFixed();

describe("marketShareYears: the basis of the insurers' amounts, for the annex", () => {
  it('the handbook example: 41.250 and 18.730 of 59.980 insured, nothing uncovered', () => {
    const [y] = marketShareYears(Plan.parse(structuredClone(handbook)));
    expect([y!.year, y!.referenceDate, y!.insuredTotal!.toFixed()]).to.deep.equal([2025, '2024-12-31', '59980']);
    expect(y!.insurers.map((s) => [s.funderId, s.count!.toFixed(), pct(s.percent)])).to.deep.equal([
      ['f-zv-1', '41250', '68.7729'],
      ['f-zv-2', '18730', '31.2271'],
    ]);
    expect([y!.uncovered.count!.toFixed(), pct(y!.uncovered.percent)]).to.deep.equal(['0', '0']);
  });

  it('one insurer removed: its insured are uncovered', () => {
    const p = Plan.parse(structuredClone(handbook));
    p.funders = p.funders.filter((f) => f.id !== 'f-zv-2');
    const [y] = marketShareYears(p);
    expect([y!.uncovered.count!.toFixed(), pct(y!.uncovered.percent)]).to.deep.equal(['18730', '31.2271']);
  });

  it('a multi-year plan: each later year its own date and counts, or the earlier ones marked as inherited', () => {
    const p = Plan.parse(structuredClone(dementia));
    const years = marketShareYears(p);
    expect(years.map((y) => [y.year, y.referenceDate, y.insuredTotal!.toFixed(), y.inherited])).to.deep.equal([
      [2025, '2024-12-31', '117000', false],
      [2026, '2025-12-31', '117400', false],
    ]);
    p.marketShare = { ...p.marketShare, laterYears: [] };
    expect(marketShareYears(p).map((y) => [y.year, y.referenceDate, y.inherited])).to.deep.equal([
      [2025, '2024-12-31', false],
      [2026, '2024-12-31', true],
    ]);
  });

  it('percentages of all insured need no area total; the rest is uncovered', () => {
    const p = Plan.parse(structuredClone(handbook));
    p.funders = p.funders.map((f) =>
      f.kind === 'insurer' ? { ...f, share: { basis: 'percent', percent: f.id === 'f-zv-1' ? '60' : '30' } } : f,
    );
    const [y] = marketShareYears(p);
    expect(y!.insuredTotal).to.equal(null);
    expect(pct(y!.uncovered.percent)).to.equal('10');
  });
});
