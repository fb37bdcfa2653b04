import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule domain-without-party', () => {
  it('reports a non-Zvw domain with a share but no provider who receives it', () => {
    const plan = applyOps(handbookPlan(), [{ op: 'remove-row', collection: 'providers', id: 'p-jw' }]);
    const [f] = expectFindings(plan, 'domain-without-party', [
      { severity: 'error', location: { section: 'split', domainId: 'jw' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Jeugdwet krijgt een deel van het budget, maar er is geen aanbieder in dat domein; elk domein blijft verantwoordelijk voor de eigen bijdrage (handleiding §3 ‘Waarvoor te gebruiken?’)',
    );
  });

  it('reports a non-Zvw domain with a share but no funder who pays it', () => {
    const plan = applyOps(handbookPlan(), [{ op: 'remove-row', collection: 'funders', id: 'f-wmo' }]);
    const [f] = expectFindings(plan, 'domain-without-party', [
      { severity: 'error', location: { section: 'funders', domainId: 'wmo' } },
    ]);
    expect(f!.message.en).to.contain('Wmo 2015 gets a share of the budget, but no funder pays for it');
  });

  it('is quiet when the domain gets no share', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'remove-row', collection: 'providers', id: 'p-jw' },
      { op: 'remove-row', collection: 'funders', id: 'f-jw' },
      { op: 'set-split', rowId: 'default', domainId: 'jw', sectorId: null, percent: '0' },
    ]);
    expectNone(plan, 'domain-without-party');
  });
});
