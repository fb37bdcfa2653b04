import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule zvw-without-insurer', () => {
  it('reports a Zvw part with no insurer to pay it', () => {
    const plan = handbookPlan();
    plan.funders = plan.funders.filter((f) => f.kind !== 'insurer');
    const [f] = expectFindings(plan, 'zvw-without-insurer', [
      { severity: 'error', location: { section: 'funders', domainId: 'zvw' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Zvw krijgt geld, maar er is geen zorgverzekeraar die het betaalt (handleiding §4 ‘Hoe te gebruiken?’)',
    );
    expect(f!.message.en).to.equal(
      'Zvw receives money, but no health insurer pays for it (NZa handbook §4 ‘Hoe te gebruiken?’: how to use it)',
    );
  });

  it('is quiet when the Zvw gets no money', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '0' },
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '80' },
    ]);
    plan.funders = plan.funders.filter((f) => f.kind !== 'insurer');
    expectNone(plan, 'zvw-without-insurer');
  });
});
