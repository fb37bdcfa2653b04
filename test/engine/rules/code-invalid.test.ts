import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

const update = (collection: 'providers' | 'funders', id: string, patch: object) =>
  applyOps(handbookPlan(), [{ op: 'update-row', collection, id, patch }]);

describe('rule code-invalid', () => {
  it('reports an AGB code of a Zvw provider that is not 8 digits', () => {
    for (const agb of ['0799100', '079910011', '0799 1001', 'AB991001']) {
      const [f] = expectFindings(update('providers', 'p-vv', { agb }), 'code-invalid', [
        { severity: 'error', location: { section: 'providers', rowId: 'p-vv', field: 'agb' } },
      ]);
      expect(f!.message.en).to.equal(`Provider ‘Thuiszorg Havenstad’: an AGB code has 8 digits (now ‘${agb}’)`);
    }
    expectNone(update('providers', 'p-vv', { agb: '07991001' }), 'code-invalid');
  });

  it('requires an AGB code of a Zvw provider only', () => {
    expectFindings(update('providers', 'p-vv', { agb: '' }), 'code-invalid', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-vv', field: 'agb' } },
    ]);
    expectNone(update('providers', 'p-wmo', { agb: '' }), 'code-invalid');
  });

  it('reports a UZOVI code of an insurer that is not 4 digits, or missing', () => {
    expectFindings(update('funders', 'f-zv-1', { uzovi: '990' }), 'code-invalid', [
      { severity: 'error', location: { section: 'funders', rowId: 'f-zv-1', field: 'uzovi' } },
    ]);
    const [f] = expectFindings(update('funders', 'f-zv-1', { uzovi: '' }), 'code-invalid', [
      { severity: 'error', location: { section: 'funders', rowId: 'f-zv-1', field: 'uzovi' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Financier ‘Zorgverzekeraar Kustland’: een zorgverzekeraar heeft een UZOVI-code van 4 cijfers nodig',
    );
    expectNone(update('funders', 'f-wmo', { uzovi: '' }), 'code-invalid');
  });
});
