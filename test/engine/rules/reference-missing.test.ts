import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule reference-missing', () => {
  it('reports an activity naming an unknown target group (error) or none (warning)', () => {
    const plan = applyOps(handbookPlan(), [
      {
        op: 'update-row',
        collection: 'activities',
        id: 'a-lumpsum',
        patch: { targetGroupIds: ['tg-ouderen', 'tg-weg'] },
      },
    ]);
    const [f] = expectFindings(plan, 'reference-missing', [
      { severity: 'error', location: { section: 'activities', rowId: 'a-lumpsum', field: 'targetGroupIds' } },
    ]);
    expect(f!.message.en).to.equal(
      'Activity ‘Domeinoverstijgende samenwerking kwetsbare ouderen’: a chosen target group no longer exists; choose the target groups again',
    );
    const none = applyOps(plan, [
      { op: 'update-row', collection: 'activities', id: 'a-lumpsum', patch: { targetGroupIds: [] } },
    ]);
    expectFindings(none, 'reference-missing', [
      { severity: 'warning', location: { section: 'activities', rowId: 'a-lumpsum', field: 'targetGroupIds' } },
    ]);
    expectNone(
      applyOps(plan, [
        { op: 'update-row', collection: 'activities', id: 'a-lumpsum', patch: { targetGroupIds: ['tg-ouderen'] } },
      ]),
      'reference-missing',
    );
  });

  it('reports an activity whose target group was removed', () => {
    const plan = applyOps(dementiaPlan(), [{ op: 'remove-row', collection: 'targetGroups', id: 'tg-vermoeden' }]);
    expectFindings(plan, 'reference-missing', [
      { severity: 'error', location: { section: 'activities', rowId: 'a-signalering', field: 'targetGroupIds' } },
      { severity: 'error', location: { section: 'activities', rowId: 'a-geriatrie', field: 'targetGroupIds' } },
      { severity: 'error', location: { section: 'activities', rowId: 'a-scholing', field: 'targetGroupIds' } },
      { severity: 'error', location: { section: 'activities', rowId: 'a-kassier', field: 'targetGroupIds' } },
    ]);
  });

  it('reports split entries naming an unknown domain or sector, at that cell', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'forensisch', sectorId: null, percent: '0' },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-apotheek', percent: '0' },
    ]);
    const found = expectFindings(plan, 'reference-missing', [
      { severity: 'error', location: { section: 'split', rowId: 'default', domainId: 'forensisch' } },
      {
        severity: 'error',
        location: { section: 'split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-apotheek' },
      },
    ]);
    expect(found[1]!.message.nl).to.equal(
      'Standaardverdeling: de verdeling noemt een sector binnen Zvw die niet (meer) bestaat',
    );
  });
});
