import { expect } from 'chai';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

const at = { section: 'plan' as const, field: 'leadProviderId' };

describe('rule lead-missing', () => {
  it('reports a main-contractor model without a main contractor', () => {
    const plan = handbookPlan();
    plan.leadProviderId = null;
    const [f] = expectFindings(plan, 'lead-missing', [{ severity: 'error', location: at }]);
    expect(f!.message.nl).to.equal('Uitvoeringsmodel hoofdaannemer: kies welke aanbieder de hoofdaannemer is');
    expect(f!.message.en).to.equal('Main contractor model: choose which provider is the main contractor');
    plan.executionModel = 'equal-partners';
    expectNone(plan, 'lead-missing');
  });

  it('reports a cashier that is not a provider of the plan', () => {
    const plan = dementiaPlan();
    plan.leadProviderId = 'p-gone';
    const [f] = expectFindings(plan, 'lead-missing', [{ severity: 'error', location: at }]);
    expect(f!.message.en).to.equal('Cashier model: the chosen cashier is no longer among the providers; choose again');
    plan.leadProviderId = 'p-welzijn';
    expectNone(plan, 'lead-missing');
  });
});
