import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule percent-range', () => {
  it('reports a split cell above 100 % at its exact cell', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv', percent: '150' },
    ]);
    const [f] = expectFindings(plan, 'percent-range', [
      { severity: 'error', location: { section: 'split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Standaardverdeling, Zvw – Wijkverpleging (V&V): 150 % ligt niet tussen 0 % en 100 %',
    );
    expect(f!.message.en).to.equal('Default split, Zvw – Wijkverpleging (V&V): 150% is not between 0% and 100%');
    expectNone(
      applyOps(plan, [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv', percent: '50' }]),
      'percent-range',
    );
  });

  it('reports a negative domain percent in an activity override', () => {
    const plan = applyOps(dementiaPlan(), [
      { op: 'set-split', rowId: 'a-ggz', domainId: 'wmo', sectorId: null, percent: '-20' },
    ]);
    const [f] = expectFindings(plan, 'percent-range', [
      { severity: 'error', location: { section: 'split', rowId: 'a-ggz', domainId: 'wmo' } },
    ]);
    expect(f!.message.nl).to.contain('Activiteit ‘GGZ-consultatie bij onbegrepen gedrag’, Wmo 2015: -20 %');
  });

  it('reports text that is no percentage instead of throwing', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'jw', sectorId: null, percent: 'twintig' },
    ]);
    const [f] = expectFindings(plan, 'percent-range', [
      { severity: 'error', location: { section: 'split', rowId: 'default', domainId: 'jw' } },
    ]);
    expect(f!.message.nl).to.contain('‘twintig’ is geen percentage');
    expect(f!.message.en).to.contain('‘twintig’ is not a percentage');
  });

  it('reports provider shares and funder percent shares out of range', () => {
    const plan = dementiaPlan();
    plan.providers.find((p) => p.id === 'p-thuiszorg')!.share = '101';
    plan.funders.find((f) => f.id === 'f-wpg-esdonk')!.share = { basis: 'percent', percent: '-17.5' };
    expectFindings(plan, 'percent-range', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-thuiszorg', field: 'share' } },
      { severity: 'error', location: { section: 'funders', rowId: 'f-wpg-esdonk', field: 'share' } },
    ]);
    plan.providers.find((p) => p.id === 'p-thuiszorg')!.share = '40';
    plan.funders.find((f) => f.id === 'f-wpg-esdonk')!.share = { basis: 'percent', percent: '17.5' };
    expectNone(plan, 'percent-range');
  });

  it('accepts the bounds 0 % and 100 %', () => {
    const plan = applyOps(dementiaPlan(), [
      { op: 'set-split', rowId: 'a-ergo', domainId: 'wmo', sectorId: null, percent: '0' },
    ]);
    expectNone(plan, 'percent-range');
  });
});
