import { expect } from 'chai';
import { handbookPlan, expectFindings, expectNone } from './helpers.ts';

describe('rule period-outside-experiment', () => {
  it('reports a BDSS plan that starts before 1 May 2024', () => {
    const plan = handbookPlan();
    plan.period = { start: '2024-04-30', end: '2024-12-31' };
    const [f] = expectFindings(plan, 'period-outside-experiment', [
      { severity: 'error', location: { section: 'plan', field: 'period.start' } },
    ]);
    expect(f!.message.nl).to.contain('vanaf 1 mei 2024; de planperiode begint op 30 april 2024');
    expect(f!.message.en).to.contain('from 1 May 2024; the plan period starts on 30 April 2024');
    plan.period.start = '2024-05-01';
    expectNone(plan, 'period-outside-experiment');
  });

  it('treats 1 May 2029 itself as outside ("uiterlijk op 1 mei 2029") and says so; 30 April 2029 is the last day', () => {
    const plan = handbookPlan();
    plan.period = { start: '2028-01-01', end: '2029-05-01' };
    const [f] = expectFindings(plan, 'period-outside-experiment', [
      { severity: 'error', location: { section: 'plan', field: 'period.end' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Het experiment eindigt uiterlijk op 1 mei 2029: die dag valt er al buiten, dus de planperiode moet eindigen op of vóór 30 april 2029; nu loopt ze tot en met 1 mei 2029 (handleiding §7 ‘Monitoring en evaluatie’)',
    );
    expect(f!.message.en).to.contain(
      'that day is already outside, so the plan period must end on or before 30 April 2029',
    );
    expect(f!.message.en).to.contain('§7 ‘Monitoring en evaluatie’');
    plan.period.end = '2029-05-02';
    expectFindings(plan, 'period-outside-experiment', [
      { severity: 'error', location: { section: 'plan', field: 'period.end' } },
    ]);
    plan.period.end = '2029-04-30';
    expectNone(plan, 'period-outside-experiment');
  });

  it('applies when BDSS is one of the other titles, not to a plan without it', () => {
    const plan = handbookPlan();
    plan.period = { start: '2023-01-01', end: '2023-12-31' };
    plan.paymentTitle = 'wmo-subsidy';
    expectNone(plan, 'period-outside-experiment');
    plan.otherTitles = ['bdss'];
    expectFindings(plan, 'period-outside-experiment', [
      { severity: 'error', location: { section: 'plan', field: 'period.start' } },
    ]);
  });
});
