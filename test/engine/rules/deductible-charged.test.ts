import { expect } from 'chai';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule deductible-charged', () => {
  it('reports a deductible charged under the BDSS title', () => {
    const plan = handbookPlan();
    plan.deductibleCharged = true;
    const [f] = expectFindings(plan, 'deductible-charged', [
      { severity: 'error', location: { section: 'plan', field: 'deductibleCharged' } },
    ]);
    expect(f!.message.nl).to.contain('geen eigen risico');
    plan.deductibleCharged = false;
    expectNone(plan, 'deductible-charged');
  });

  it('does not apply to other payment titles', () => {
    const plan = handbookPlan();
    plan.deductibleCharged = true;
    plan.paymentTitle = 'other';
    expectNone(plan, 'deductible-charged');
  });
});
