import { expect } from 'chai';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

const at = { section: 'funders' as const, domainId: 'zvw' };

describe('rule market-share-uncovered', () => {
  it('warns when the listed insurers do not cover all insured in the service area', () => {
    const plan = handbookPlan();
    expectNone(plan, 'market-share-uncovered');
    plan.funders = plan.funders.filter((f) => f.id !== 'f-zv-2');
    const [f] = expectFindings(plan, 'market-share-uncovered', [{ severity: 'warning', location: at }]);
    expect(f!.message.nl).to.equal(
      'Zvw: 18.730 van de 59.980 verzekerden in het verzorgingsgebied (31,23 %) zijn niet gedekt door een zorgverzekeraar in het plan; dat deel van het Zvw-budget betaalt niemand, tot een andere zorgverzekeraar meedoet (handleiding §4 ‘Hoe te gebruiken?’)',
    );
    expect(f!.message.en).to.contain('18,730 of the 59,980 insured in the service area (31.23%) are not covered');
  });

  it('warns when percentages of all insured stay below 100 %', () => {
    const plan = handbookPlan();
    plan.funders = plan.funders.map((f) =>
      f.kind === 'insurer' ? { ...f, share: { basis: 'percent', percent: f.id === 'f-zv-1' ? '60' : '30' } } : f,
    );
    const [f] = expectFindings(plan, 'market-share-uncovered', [{ severity: 'warning', location: at }]);
    expect(f!.message.nl).to.contain('dekken samen 90 %, 10 % niet gedekt');
  });
});
