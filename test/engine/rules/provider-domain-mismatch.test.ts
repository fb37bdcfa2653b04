import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

const update = (collection: 'providers' | 'funders', id: string, patch: object) =>
  applyOps(handbookPlan(), [{ op: 'update-row', collection, id, patch }]);

describe('rule provider-domain-mismatch', () => {
  it('reports a provider in a domain that does not exist', () => {
    const [f] = expectFindings(update('providers', 'p-wmo', { domainId: 'wmo2' }), 'provider-domain-mismatch', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-wmo', field: 'domainId' } },
    ]);
    expect(f!.message.en).to.equal('Provider ‘Welzijn Havenstad’: the chosen domain no longer exists; choose a domain');
  });

  it("reports a sector outside the provider's domain, and a missing sector", () => {
    expectFindings(update('providers', 'p-wmo', { sectorId: 'zvw-ha' }), 'provider-domain-mismatch', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-wmo', field: 'sectorId', domainId: 'wmo' } },
    ]);
    const [f] = expectFindings(update('providers', 'p-vv', { sectorId: null }), 'provider-domain-mismatch', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-vv', field: 'sectorId', domainId: 'zvw' } },
    ]);
    expect(f!.message.nl).to.equal('Aanbieder ‘Thuiszorg Havenstad’: kies een sector binnen Zvw');
    expectNone(update('providers', 'p-vv', { sectorId: 'zvw-ha' }), 'provider-domain-mismatch');
  });

  it('warns about an insurer outside the Zvw and a municipality on the Zvw', () => {
    expectFindings(update('funders', 'f-zv-2', { domainId: 'wmo', share: null }), 'provider-domain-mismatch', [
      { severity: 'warning', location: { section: 'funders', rowId: 'f-zv-2', field: 'kind', domainId: 'wmo' } },
    ]);
    expectFindings(update('funders', 'f-wmo', { domainId: 'zvw' }), 'provider-domain-mismatch', [
      { severity: 'warning', location: { section: 'funders', rowId: 'f-wmo', field: 'kind', domainId: 'zvw' } },
    ]);
    expectFindings(update('funders', 'f-wmo', { domainId: 'nowhere' }), 'provider-domain-mismatch', [
      { severity: 'error', location: { section: 'funders', rowId: 'f-wmo', field: 'domainId' } },
    ]);
  });
});
