import { expect } from 'chai';
import { handbookPlan, expectFindings, expectNone } from './helpers.ts';

describe('rule period-invalid', () => {
  it('reports an end date before the start date, in words in each language', () => {
    const plan = handbookPlan();
    plan.period = { start: '2025-06-01', end: '2025-05-31' };
    const [f] = expectFindings(plan, 'period-invalid', [
      { severity: 'error', location: { section: 'plan', field: 'period.end' } },
    ]);
    expect(f!.message.nl).to.equal('De einddatum (31 mei 2025) ligt vóór de startdatum (1 juni 2025)');
    expect(f!.message.en).to.equal('The end date (31 May 2025) is before the start date (1 June 2025)');
    plan.period = { start: '2025-06-01', end: '2025-06-01' };
    expectNone(plan, 'period-invalid');
  });

  it('reports impossible dates: 30 February, month 13, not a date at all', () => {
    const plan = handbookPlan();
    plan.period = { start: '2025-02-30', end: '2025-13-01' };
    plan.marketShareDate = '31-12-2024';
    const found = expectFindings(plan, 'period-invalid', [
      { severity: 'error', location: { section: 'plan', field: 'period.start' } },
      { severity: 'error', location: { section: 'plan', field: 'period.end' } },
      { severity: 'error', location: { section: 'plan', field: 'marketShareDate' } },
    ]);
    expect(found[0]!.message.nl).to.equal('Startdatum: ‘2025-02-30’ is geen bestaande datum');
    plan.period = { start: '2024-02-29', end: '2025-02-28' }; // 2024 is a leap year
    plan.marketShareDate = '2023-12-31';
    expectNone(plan, 'period-invalid');
  });

  it('reports an impossible reference date of a target group', () => {
    const plan = handbookPlan();
    plan.targetGroups[0]!.referenceDate = '2025-02-29';
    expectFindings(plan, 'period-invalid', [
      { severity: 'error', location: { section: 'targetGroups', rowId: 'tg-ouderen', field: 'referenceDate' } },
    ]);
  });
});
