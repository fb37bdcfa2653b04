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

  it('warns about a target group reference date or evaluation moment centuries away from the term', () => {
    const plan = handbookPlan();
    expectNone(plan, 'period-invalid');
    plan.targetGroups[0]!.referenceDate = '2202-03-11';
    plan.evaluationMoments[1]!.date = '1025-12-31';
    const found = expectFindings(plan, 'period-invalid', [
      { severity: 'warning', location: { section: 'plan', field: 'evaluationMoments.1.date' } },
      { severity: 'warning', location: { section: 'targetGroups', rowId: 'tg-ouderen', field: 'referenceDate' } },
    ]);
    expect(found[0]!.message.nl).to.equal(
      'Evaluatiemoment 2: 31 december 1025 ligt jaren buiten de looptijd (1 januari 2025 t/m 31 december 2025); klopt het jaartal?',
    );
    expect(found[1]!.message.en).to.contain('11 March 2202 is years outside the term');
    // A reference date at the end of the year before the term is ordinary.
    plan.targetGroups[0]!.referenceDate = '2023-12-31';
    plan.evaluationMoments[1]!.date = '2026-06-30';
    expectNone(plan, 'period-invalid');
  });
});
