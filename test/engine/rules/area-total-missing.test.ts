import { expect } from 'chai';
import { Plan, upgradePlan } from '../../../src/model/index.ts';
import { validate } from '../../../src/engine/validate.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

const at = { section: 'plan' as const, field: 'marketShare.insuredTotal', domainId: 'zvw' };

describe('rule area-total-missing', () => {
  it('asks for the total of insured in the area when insurers give counts', () => {
    const plan = handbookPlan();
    expectNone(plan, 'area-total-missing');
    plan.marketShare = { ...plan.marketShare, insuredTotal: null };
    const [f] = expectFindings(plan, 'area-total-missing', [{ severity: 'error', location: at }]);
    expect(f!.message.nl).to.contain('vul het totaal aantal verzekerden in het verzorgingsgebied op de peildatum in');
    expect(f!.message.en).to.contain('until then the whole Zvw part is not covered');
  });

  it('a plan of format 1 migrates without a guessed total and gets this finding', () => {
    const { marketShare: _m, patientRepresentation: _p, evaluationMoments: _e, ...rest } = handbookPlan();
    const old = { ...rest, formatVersion: 1 };
    const plan = Plan.parse(upgradePlan(old));
    expect(plan.marketShare.insuredTotal).to.equal(null);
    expect(
      validate(plan)
        .filter((f) => f.code === 'area-total-missing')
        .map((f) => f.location),
    ).to.deep.equal([at]);
  });

  it("asks for a later year's total when that year has counts", () => {
    const plan = dementiaPlan();
    plan.marketShare = {
      ...plan.marketShare,
      laterYears: plan.marketShare.laterYears.map((y) => ({ ...y, insuredTotal: null })),
    };
    expectFindings(plan, 'area-total-missing', [
      { severity: 'error', location: { section: 'plan', field: 'marketShare.laterYears.2026.insuredTotal' } },
    ]);
  });
});
