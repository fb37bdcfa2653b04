import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule zvw-without-provider', () => {
  it('reports a Zvw sector with money in the default split and no provider, on its column', () => {
    const plan = applyOps(handbookPlan(), [{ op: 'remove-row', collection: 'providers', id: 'p-ha' }]);
    const [f] = expectFindings(plan, 'zvw-without-provider', [
      { severity: 'error', location: { section: 'split', domainId: 'zvw', sectorId: 'zvw-ha' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Zvw – Huisartsenzorg krijgt geld, maar er is geen aanbieder in die sector (handleiding §4 ‘Hoe te gebruiken?’)',
    );
    expect(f!.message.en).to.equal(
      'Zvw – Huisartsenzorg receives money, but there is no provider in that sector (NZa handbook §4 ‘Hoe te gebruiken?’: how to use it)',
    );
  });

  it('counts only split rows in use: money through an activity override', () => {
    // Only 'Ergotherapie en valpreventie thuis' sends money to paramedical care.
    const plan = applyOps(dementiaPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-para', percent: '0' },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv', percent: '55' },
      { op: 'remove-row', collection: 'providers', id: 'p-ergo' },
    ]);
    expectFindings(plan, 'zvw-without-provider', [
      { severity: 'error', location: { section: 'split', domainId: 'zvw', sectorId: 'zvw-para' } },
    ]);
    const fixed = applyOps(plan, [
      { op: 'set-split', rowId: 'a-ergo', domainId: 'zvw', sectorId: 'zvw-para', percent: '0' },
      { op: 'set-split', rowId: 'a-ergo', domainId: 'zvw', sectorId: 'zvw-vv', percent: '100' },
    ]);
    expectNone(fixed, 'zvw-without-provider');
  });

  it('ignores a sector at 0 % and a default split no activity uses', () => {
    const plan = applyOps(handbookPlan(), [{ op: 'remove-row', collection: 'providers', id: 'p-ha' }]);
    plan.activities[0]!.split = {
      domains: [{ domainId: 'zvw', percent: '100' }],
      sectors: [{ domainId: 'zvw', sectorId: 'zvw-vv', percent: '100' }],
    };
    expectNone(plan, 'zvw-without-provider');
  });
});
