import { expect } from 'chai';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule title-adz', () => {
  it('warns that only one ADZ prestatie exists (Parkinson care), spelling ADZ out', () => {
    const plan = handbookPlan();
    plan.otherTitles = ['adz'];
    const [f] = expectFindings(plan, 'title-adz', [
      { severity: 'warning', location: { section: 'plan', field: 'otherTitles' } },
    ]);
    expect(f!.message.nl).to.contain('ADZ (algemene diensten ten behoeve van verzekerde zorg)');
    expect(f!.message.nl).to.contain('ADZ-ondersteuning van Parkinsonzorg');
    expect(f!.message.nl).to.contain('§6 ‘Verhouding tot andere bekostigingsmethoden voor samenwerking’');
    expect(f!.message.en).to.contain('Parkinson care');
    plan.otherTitles = [];
    expectNone(plan, 'title-adz');
    plan.paymentTitle = 'adz';
    expectFindings(plan, 'title-adz', [{ severity: 'warning', location: { section: 'plan', field: 'paymentTitle' } }]);
  });
});
