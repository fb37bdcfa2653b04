import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule oi-without-gp', () => {
  it('reports an O&I title when no GP (huisartsenzorg) provider takes part, citing the handleiding by heading', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-field', field: 'paymentTitle', value: 'oi' },
      { op: 'remove-row', collection: 'providers', id: 'p-ha' },
    ]);
    const [f] = expectFindings(plan, 'oi-without-gp', [
      { severity: 'error', location: { section: 'plan', field: 'paymentTitle' } },
    ]);
    expect(f!.message.nl).to.contain('O&I vergoedt per ingeschreven verzekerde van de aangesloten huisartsen');
    expect(f!.message.nl).to.contain('§6 ‘Verhouding tot andere bekostigingsmethoden voor samenwerking’');
    expect(f!.message.en).to.contain('GPs must be part of the collaboration');
  });

  it('is quiet with GPs in the collaboration, or without O&I', () => {
    const plan = applyOps(handbookPlan(), [{ op: 'set-field', field: 'paymentTitle', value: 'oi' }]);
    expectNone(plan, 'oi-without-gp');
    expectNone(dementiaPlan(), 'oi-without-gp');
    const other = applyOps(dementiaPlan(), [{ op: 'set-field', field: 'otherTitles', value: ['oi'] }]);
    other.providers = other.providers.filter((p) => p.sectorId !== 'zvw-ha');
    expectFindings(other, 'oi-without-gp', [
      { severity: 'error', location: { section: 'plan', field: 'otherTitles' } },
    ]);
  });
});
