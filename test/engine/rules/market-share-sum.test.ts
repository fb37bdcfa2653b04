import { expect } from 'chai';
import type { Funder, Plan } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

const funder = (plan: Plan, id: string): Funder => plan.funders.find((f) => f.id === id)!;
const at = (rowId: string, domainId: string) => ({ section: 'funders' as const, rowId, field: 'share', domainId });

describe('rule market-share-sum', () => {
  it('reports percent shares of one domain that do not add up to 100 %', () => {
    const plan = dementiaPlan();
    funder(plan, 'f-wpg-wilgerveen').share = { basis: 'percent', percent: '10' };
    const [f] = expectFindings(plan, 'market-share-sum', [
      { severity: 'error', location: at('f-wpg-lindehaven', 'wpg') },
    ]);
    expect(f!.message.nl).to.equal('Financiers van Wpg: marktaandelen tellen op tot 95 %, 5 % te weinig');
    funder(plan, 'f-wpg-wilgerveen').share = { basis: 'percent', percent: '15' };
    expectNone(plan, 'market-share-sum');
  });

  it('reports counts and percentages mixed within one domain, at the funder that differs', () => {
    const plan = dementiaPlan();
    funder(plan, 'f-samen').share = { basis: 'percent', percent: '15' };
    expectFindings(plan, 'market-share-sum', [{ severity: 'error', location: at('f-samen', 'zvw') }]);
    funder(plan, 'f-samen').share = { basis: 'count', count: '17350' };
    expectNone(plan, 'market-share-sum');
  });

  it('reports an insurer without a market share while the Zvw has several insurers', () => {
    const plan = dementiaPlan();
    for (const f of plan.funders) if (f.kind === 'insurer') f.share = null;
    const found = expectFindings(plan, 'market-share-sum', [
      { severity: 'error', location: at('f-noordkust', 'zvw') },
      { severity: 'error', location: at('f-linde', 'zvw') },
      { severity: 'error', location: at('f-samen', 'zvw') },
    ]);
    expect(found[0]!.message.en).to.equal(
      'Funder ‘Zorgverzekeraar Noordkust’: no market share, while Zvw has 3 health insurers (NZa handbook §4 ‘Hoe te gebruiken?’: how to use it)',
    );
    // A single insurer without a share pays the whole Zvw part: a warning says so, it is no market share.
    plan.funders = plan.funders.filter((f) => f.id === 'f-noordkust' || f.kind !== 'insurer');
    expectFindings(plan, 'market-share-sum', [{ severity: 'warning', location: at('f-noordkust', 'zvw') }]);
  });

  it('reports one funder without a share while the others have one', () => {
    const plan = dementiaPlan();
    funder(plan, 'f-wmo-esdonk').share = null;
    expectFindings(plan, 'market-share-sum', [{ severity: 'error', location: at('f-wmo-esdonk', 'wmo') }]);
  });

  it('reports counts that are not positive whole numbers', () => {
    const plan = dementiaPlan();
    funder(plan, 'f-linde').share = { basis: 'count', count: '0' };
    funder(plan, 'f-samen').share = { basis: 'count', count: '173.5' };
    const found = expectFindings(plan, 'market-share-sum', [
      { severity: 'error', location: at('f-linde', 'zvw') },
      { severity: 'error', location: at('f-samen', 'zvw') },
    ]);
    expect(found[1]!.message.nl).to.contain('het aantal moet een positief geheel getal zijn (nu ‘173.5’)');
    funder(plan, 'f-linde').share = { basis: 'count', count: '38410' };
    funder(plan, 'f-samen').share = { basis: 'count', count: '17350' };
    expectNone(plan, 'market-share-sum');
  });

  it('warns that a lone insurer without a market share pays the whole Zvw part', () => {
    const plan = handbookPlan();
    plan.funders = plan.funders
      .filter((f) => f.id !== 'f-zv-2')
      .map((f) => (f.id === 'f-zv-1' ? { ...f, share: null } : f));
    const [f] = expectFindings(plan, 'market-share-sum', [
      { severity: 'warning', location: { section: 'funders', rowId: 'f-zv-1', field: 'share', domainId: 'zvw' } },
    ]);
    expect(f!.message.nl).to.contain('nu betaalt deze zorgverzekeraar het hele Zvw-deel');
    plan.funders = plan.funders.map((f) =>
      f.id === 'f-zv-1' ? { ...f, share: { basis: 'percent', percent: '100' } } : f,
    );
    expectNone(plan, 'market-share-sum');
  });
});
