import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule double-funding-oi', () => {
  it('reports BDSS and O&I together while GP care takes part', () => {
    const plan = handbookPlan();
    plan.otherTitles = ['oi'];
    const [f] = expectFindings(plan, 'double-funding-oi', [
      { severity: 'error', location: { section: 'plan', field: 'otherTitles' } },
    ]);
    expect(f!.message.nl).to.contain('kies één titel voor alle Zvw-aanbieders');
    plan.otherTitles = [];
    expectNone(plan, 'double-funding-oi');
  });

  it('points at the payment title when O&I is the main title', () => {
    const plan = handbookPlan();
    plan.paymentTitle = 'oi';
    plan.otherTitles = ['bdss'];
    expectFindings(plan, 'double-funding-oi', [
      { severity: 'error', location: { section: 'plan', field: 'paymentTitle' } },
    ]);
  });

  it('needs GPs: no GP money and no GP provider means no conflict', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-ha', percent: null },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv', percent: '100' },
      { op: 'remove-row', collection: 'providers', id: 'p-ha' },
    ]);
    plan.otherTitles = ['oi'];
    expectNone(plan, 'double-funding-oi');
    // A GP provider alone is enough for GPs to take part.
    const withGp = applyOps(plan, [
      { op: 'insert-row', collection: 'providers', row: { ...handbookPlan().providers[1]! } },
    ]);
    expectFindings(withGp, 'double-funding-oi', [
      { severity: 'error', location: { section: 'plan', field: 'otherTitles' } },
    ]);
  });
});
