import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule provider-zero', () => {
  it('warns about a partner whose sector gets nothing', () => {
    const plan = applyOps(handbookPlan(), [
      {
        op: 'insert-row',
        collection: 'providers',
        row: {
          id: 'p-ggz',
          name: '',
          agb: '06991009',
          domainId: 'zvw',
          sectorId: 'zvw-ggz',
          role: 'partner',
          contribution: '',
          share: null,
        },
      },
    ]);
    const [f] = expectFindings(plan, 'provider-zero', [
      { severity: 'warning', location: { section: 'providers', rowId: 'p-ggz', field: 'share' } },
    ]);
    // Named by its row, never by its internal id.
    expect(f!.message.nl).to.equal(
      'Aanbieder zonder naam (rij 5) doet mee, maar ontvangt € 0,00: de verdeling geeft zijn domein of sector niets, of zijn aandeel is 0 %',
    );
    expect(f!.message.en).to.contain('Provider without a name (row 5) takes part, but receives €0.00');
  });

  it('warns about a 0 % share among providers with shares, not about the lead', () => {
    const plan = dementiaPlan();
    expectNone(plan, 'provider-zero');
    const zero = applyOps(plan, [
      { op: 'update-row', collection: 'providers', id: 'p-zorggroep', patch: { share: '0' } },
      { op: 'update-row', collection: 'providers', id: 'p-thuiszorg', patch: { share: '75' } },
    ]);
    expectFindings(zero, 'provider-zero', [
      { severity: 'warning', location: { section: 'providers', rowId: 'p-zorggroep', field: 'share' } },
    ]);
  });
});
