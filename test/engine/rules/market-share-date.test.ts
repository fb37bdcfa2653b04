import { expect } from 'chai';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

const at = { section: 'plan' as const, field: 'marketShareDate' };

describe('rule market-share-date', () => {
  it('reports several insurers without a reference date', () => {
    const plan = handbookPlan();
    plan.marketShareDate = null;
    const [f] = expectFindings(plan, 'market-share-date', [{ severity: 'error', location: at }]);
    expect(f!.message.nl).to.contain('Er zijn 2 zorgverzekeraars, maar geen peildatum voor de marktaandelen');
    expect(f!.message.nl).to.contain('§4 ‘Hoe te gebruiken?’');
    plan.funders = plan.funders.filter((x) => x.id !== 'f-zv-2');
    expectNone(plan, 'market-share-date');
  });

  it('reports a reference date after the start, and one centuries away (typing 31122025 once stored 2202)', () => {
    const plan = handbookPlan();
    plan.marketShareDate = '2025-01-02';
    const [f] = expectFindings(plan, 'market-share-date', [{ severity: 'error', location: at }]);
    expect(f!.message.en).to.contain(
      '(2 January 2025) is after the start of the period it applies to (1 January 2025)',
    );
    plan.marketShareDate = '2202-03-11';
    expectFindings(plan, 'market-share-date', [{ severity: 'error', location: at }]);
    plan.marketShareDate = '1202-03-11';
    const [far] = expectFindings(plan, 'market-share-date', [{ severity: 'warning', location: at }]);
    expect(far!.message.nl).to.contain('klopt het jaartal?');
    plan.marketShareDate = '2025-01-01';
    expectNone(plan, 'market-share-date');
  });

  it('asks for each later calendar year its own reference date and counts', () => {
    const plan = dementiaPlan();
    expectNone(plan, 'market-share-date');
    plan.marketShare = { ...plan.marketShare, laterYears: [] };
    const [f] = expectFindings(plan, 'market-share-date', [
      { severity: 'warning', location: { section: 'plan', field: 'marketShare.laterYears.2026' } },
    ]);
    expect(f!.message.en).to.contain('insured persons may switch insurer on 1 January');
    plan.marketShare = {
      ...plan.marketShare,
      laterYears: [
        { year: 2026, referenceDate: '2026-02-01', insuredTotal: '100', counts: [] },
        { year: 2031, referenceDate: null, insuredTotal: null, counts: [] },
      ],
    };
    expectFindings(plan, 'market-share-date', [
      { severity: 'error', location: { section: 'plan', field: 'marketShare.laterYears.2026.referenceDate' } },
      { severity: 'warning', location: { section: 'plan', field: 'marketShare.laterYears.2031' } },
    ]);
  });
});
