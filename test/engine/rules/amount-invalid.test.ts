import { expect } from 'chai';
import type { CostBasis } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

const withCost = (cost: CostBasis) => {
  const plan = handbookPlan();
  plan.activities[0]!.cost = cost;
  return plan;
};
const at = (field: string) => ({ section: 'activities' as const, rowId: 'a-lumpsum', field });

describe('rule amount-invalid', () => {
  it('reports a negative lumpsum, formatted as money in each language', () => {
    const [f] = expectFindings(withCost({ kind: 'lumpsum', amount: '-250000.00', per: 'year' }), 'amount-invalid', [
      { severity: 'error', location: at('cost.amount') },
    ]);
    expect(f!.message.nl).to.equal(
      'Activiteit ‘Domeinoverstijgende samenwerking kwetsbare ouderen’, bedrag: mag niet negatief zijn (€ -250.000,00)',
    );
    expect(f!.message.en).to.equal(
      'Activity ‘Domeinoverstijgende samenwerking kwetsbare ouderen’, amount: must not be negative (-€250,000.00)',
    );
    expectNone(withCost({ kind: 'lumpsum', amount: '250000.00', per: 'year' }), 'amount-invalid');
  });

  it('reports money with more than two decimals, but not hours with more', () => {
    expectFindings(withCost({ kind: 'hours', hours: '12.125', rate: '85.505' }), 'amount-invalid', [
      { severity: 'error', location: at('cost.rate') },
    ]);
    expectNone(withCost({ kind: 'hours', hours: '12.125', rate: '85.50' }), 'amount-invalid');
  });

  it('reports negative FTE and persons', () => {
    expectFindings(withCost({ kind: 'fte', fte: '-0.5', yearlyCost: '90000' }), 'amount-invalid', [
      { severity: 'error', location: at('cost.fte') },
    ]);
    expectFindings(withCost({ kind: 'persons', persons: '-3', rate: '-10' }), 'amount-invalid', [
      { severity: 'error', location: at('cost.persons') },
      { severity: 'error', location: at('cost.rate') },
    ]);
    expectNone(withCost({ kind: 'persons', persons: '3', rate: '10' }), 'amount-invalid');
  });

  it('warns about an activity that costs nothing per year', () => {
    const [f] = expectFindings(withCost({ kind: 'hours', hours: '0', rate: '95.00' }), 'amount-invalid', [
      { severity: 'warning', location: at('cost') },
    ]);
    expect(f!.message.nl).to.contain('kost € 0,00 per jaar');
    expect(f!.message.en).to.contain('costs €0.00 per year');
    // 0.001 hours × € 1,00 rounds to € 0,00 a year, as the engine computes it.
    expectFindings(withCost({ kind: 'hours', hours: '0.001', rate: '1.00' }), 'amount-invalid', [
      { severity: 'warning', location: at('cost') },
    ]);
  });

  it('reports unreadable numbers instead of throwing', () => {
    const [f] = expectFindings(withCost({ kind: 'lumpsum', amount: '1.234,56', per: 'month' }), 'amount-invalid', [
      { severity: 'error', location: at('cost.amount') },
    ]);
    expect(f!.message.en).to.contain('‘1.234,56’ is not a number');
  });

  it('reports a target group size that is not a whole number of 0 or more', () => {
    const plan = dementiaPlan();
    plan.targetGroups[0]!.estimatedSize = -5;
    expectFindings(plan, 'amount-invalid', [
      { severity: 'error', location: { section: 'targetGroups', rowId: 'tg-dementie', field: 'estimatedSize' } },
    ]);
    plan.targetGroups[0]!.estimatedSize = 2150;
    expectNone(plan, 'amount-invalid');
  });
});
