import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule role-model', () => {
  it('reports a main-contractor role under the cashier model, and a lead that keeps the partner role', () => {
    const plan = applyOps(handbookPlan(), [{ op: 'set-field', field: 'executionModel', value: 'cashier' }]);
    const [f] = expectFindings(plan, 'role-model', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-vv', field: 'role' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Aanbieder ‘Thuiszorg Havenstad’ heeft de rol hoofdaannemer, maar het uitvoeringsmodel is kassier; maak de rol partner of kies het model hoofdaannemer (handleiding §4 ‘Hoe te gebruiken?’)',
    );
    const lead = applyOps(handbookPlan(), [
      { op: 'update-row', collection: 'providers', id: 'p-vv', patch: { role: 'partner' } },
    ]);
    const [g] = expectFindings(lead, 'role-model', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-vv', field: 'role' } },
    ]);
    expect(g!.message.en).to.equal(
      "Provider ‘Thuiszorg Havenstad’ is the plan's main contractor, but has the role partner; give it the role main contractor",
    );
  });

  it('reports a second main contractor, and a lead chosen for equal partners', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'update-row', collection: 'providers', id: 'p-ha', patch: { role: 'main-contractor' } },
    ]);
    expectFindings(plan, 'role-model', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-ha', field: 'role' } },
    ]);
    const equal = applyOps(handbookPlan(), [
      { op: 'set-field', field: 'executionModel', value: 'equal-partners' },
      { op: 'update-row', collection: 'providers', id: 'p-vv', patch: { role: 'partner' } },
    ]);
    expectFindings(equal, 'role-model', [
      { severity: 'warning', location: { section: 'plan', field: 'leadProviderId' } },
    ]);
    equal.leadProviderId = null;
    expectNone(equal, 'role-model');
    expectNone(dementiaPlan(), 'role-model');
  });
});
