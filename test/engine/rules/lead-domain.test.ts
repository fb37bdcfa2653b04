import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule lead-domain', () => {
  it('reports a Wmo organisation as main contractor of Zvw money', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-field', field: 'leadProviderId', value: 'p-wmo' },
      { op: 'update-row', collection: 'providers', id: 'p-wmo', patch: { role: 'main-contractor' } },
      { op: 'update-row', collection: 'providers', id: 'p-vv', patch: { role: 'partner' } },
    ]);
    const [f] = expectFindings(plan, 'lead-domain', [
      { severity: 'error', location: { section: 'plan', field: 'leadProviderId', domainId: 'zvw' } },
    ]);
    expect(f!.message.nl).to.contain('Aanbieder ‘Welzijn Havenstad’ is hoofdaannemer en ontvangt dus het Zvw-deel');
    expect(f!.message.en).to.contain('only a Zvw care provider can declare the BDSS prestatie');
  });

  it('accepts a Zvw lead, also a cashier receiving Wmo money, and no lead for equal partners', () => {
    expectNone(handbookPlan(), 'lead-domain');
    expectNone(dementiaPlan(), 'lead-domain');
    const plan = applyOps(handbookPlan(), [
      { op: 'set-field', field: 'executionModel', value: 'equal-partners' },
      { op: 'set-field', field: 'leadProviderId', value: 'p-wmo' },
    ]);
    expectNone(plan, 'lead-domain');
  });
});
