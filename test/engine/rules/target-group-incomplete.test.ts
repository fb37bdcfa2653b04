import { expect } from 'chai';
import { handbookPlan, expectFindings, expectNone } from './helpers.ts';

describe('rule target-group-incomplete', () => {
  it('reports a target group without characteristics and without postcodes', () => {
    const plan = handbookPlan();
    plan.targetGroups[0]!.characteristics = '   ';
    plan.targetGroups[0]!.postcodes = ['', ' '];
    const found = expectFindings(plan, 'target-group-incomplete', [
      { severity: 'error', location: { section: 'targetGroups', rowId: 'tg-ouderen', field: 'characteristics' } },
      { severity: 'error', location: { section: 'targetGroups', rowId: 'tg-ouderen', field: 'postcodes' } },
    ]);
    expect(found[1]!.message.nl).to.equal(
      'Doelgroep ‘Kwetsbare thuiswonende ouderen’: het verzorgingsgebied (postcodes) ontbreekt (handleiding §4 ‘Hoe te gebruiken?’)',
    );
    plan.targetGroups[0]!.characteristics = 'Thuiswonende 75-plussers';
    plan.targetGroups[0]!.postcodes = ['3811'];
    expectNone(plan, 'target-group-incomplete');
  });

  it('reports a plan with activities but no target group at all', () => {
    const plan = handbookPlan();
    plan.targetGroups = [];
    plan.activities[0]!.targetGroupIds = [];
    expectFindings(plan, 'target-group-incomplete', [{ severity: 'error', location: { section: 'targetGroups' } }]);
    plan.activities = [];
    expectNone(plan, 'target-group-incomplete');
  });
});
