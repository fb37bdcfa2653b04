import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule duplicate', () => {
  it('reports a repeated id at the later row', () => {
    const plan = dementiaPlan();
    plan.providers.push({ ...plan.providers[0]!, name: 'Kopie', agb: '01992999' });
    const [f] = expectFindings(plan, 'duplicate', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-ha', field: 'id' } },
    ]);
    expect(f!.message.en).to.equal(
      'Providers: rows 1, 15 share the same internal key (e.g. after cut and paste); remove one or merge them',
    );
    expect(f!.message.nl).to.not.contain('p-ha');
    plan.providers.pop();
    expectNone(plan, 'duplicate');
  });

  it('reports repeated ids among activities, target groups, funders, domains and sectors', () => {
    const plan = dementiaPlan();
    plan.activities.push({ ...plan.activities[0]!, name: 'Andere naam' });
    plan.targetGroups.push({ ...plan.targetGroups[0]!, name: 'Andere doelgroep' });
    plan.funders.push({ ...plan.funders[3]!, name: 'Gemeente Kopie' });
    plan.domains.push({ ...plan.domains[5]!, name: 'Overig 2' });
    plan.domains[0]!.sectors.push({ ...plan.domains[0]!.sectors[0]!, name: 'Huisartsen 2' });
    expectFindings(plan, 'duplicate', [
      {
        severity: 'error',
        location: { section: 'domains', rowId: 'zvw', field: 'sectors', domainId: 'zvw', sectorId: 'zvw-ha' },
      },
      { severity: 'error', location: { section: 'domains', rowId: 'overig', field: 'id' } },
      { severity: 'error', location: { section: 'targetGroups', rowId: 'tg-dementie', field: 'id' } },
      { severity: 'error', location: { section: 'funders', rowId: 'f-wmo-lindehaven', field: 'id' } },
      { severity: 'error', location: { section: 'activities', rowId: 'a-coordinatie', field: 'id' } },
    ]);
  });

  it('reports a split entry given twice', () => {
    const plan = handbookPlan();
    plan.defaultSplit.domains.push({ domainId: 'wmo', percent: '0' });
    plan.defaultSplit.sectors.push({ domainId: 'zvw', sectorId: 'zvw-vv', percent: '0' });
    const found = expectFindings(plan, 'duplicate', [
      { severity: 'error', location: { section: 'split', rowId: 'default', domainId: 'wmo' } },
      { severity: 'error', location: { section: 'split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv' } },
    ]);
    expect(found[1]!.message.nl).to.equal(
      'Standaardverdeling: Zvw – Wijkverpleging (V&V) staat meer dan eens in de verdeling',
    );
  });

  it('reports an AGB code twice in one sector as an error, across sectors as a warning', () => {
    const plan = applyOps(dementiaPlan(), [
      { op: 'update-row', collection: 'providers', id: 'p-zorggroep', patch: { agb: '07992002' } },
    ]);
    const [f] = expectFindings(plan, 'duplicate', [
      { severity: 'error', location: { section: 'providers', rowId: 'p-zorggroep', field: 'agb' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Aanbieder ‘Zorggroep De Linde’: AGB-code 07992002 is ook die van aanbieder ‘Thuiszorg Lindeland’',
    );
    const across = applyOps(dementiaPlan(), [
      { op: 'update-row', collection: 'providers', id: 'p-ggz', patch: { agb: '07992002' } },
    ]);
    expectFindings(across, 'duplicate', [
      { severity: 'warning', location: { section: 'providers', rowId: 'p-ggz', field: 'agb' } },
    ]);
  });

  it('reports a UZOVI code twice within the Zvw', () => {
    const plan = applyOps(dementiaPlan(), [
      { op: 'update-row', collection: 'funders', id: 'f-samen', patch: { uzovi: '9911' } },
    ]);
    expectFindings(plan, 'duplicate', [
      { severity: 'error', location: { section: 'funders', rowId: 'f-samen', field: 'uzovi' } },
    ]);
  });

  it('warns about two activities with the same name, whatever the case', () => {
    const plan = applyOps(dementiaPlan(), [
      { op: 'update-row', collection: 'activities', id: 'a-kassier', patch: { name: ' monitoring en EVALUATIE ' } },
    ]);
    const [f] = expectFindings(plan, 'duplicate', [
      { severity: 'warning', location: { section: 'activities', rowId: 'a-kassier', field: 'name' } },
    ]);
    expect(f!.message.en).to.equal('Activity ‘monitoring en EVALUATIE’: there is already an activity with this name');
  });

  it('warns about a postcode entry given twice', () => {
    const plan = handbookPlan();
    plan.targetGroups[0]!.postcodes.push('3821');
    expectFindings(plan, 'duplicate', [
      { severity: 'warning', location: { section: 'targetGroups', rowId: 'tg-ouderen', field: 'postcodes' } },
    ]);
  });
});
