import { expect } from 'chai';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule regular-share-unexplained', () => {
  it('warns about a share already paid through regular tariffs without an explanation', () => {
    const plan = handbookPlan();
    plan.activities[0]!.regularShare = '15';
    const [f] = expectFindings(plan, 'regular-share-unexplained', [
      {
        severity: 'warning',
        location: { section: 'activities', rowId: 'a-lumpsum', field: 'regularShareExplanation' },
      },
    ]);
    expect(f!.message.nl).to.contain(
      '15 % wordt al via reguliere tarieven betaald; licht toe hoe dubbele bekostiging wordt voorkomen',
    );
    expect(f!.message.nl).to.contain('§3 ‘Waarvoor te gebruiken?’');
    plan.activities[0]!.regularShareExplanation = 'De tarieven van de wijkverpleging worden met 15 % gecorrigeerd.';
    expectNone(plan, 'regular-share-unexplained');
    plan.activities[0]!.regularShare = '0';
    plan.activities[0]!.regularShareExplanation = '';
    expectNone(plan, 'regular-share-unexplained');
  });

  it('reports a share outside 0–100 %', () => {
    const plan = handbookPlan();
    plan.activities[0]!.regularShare = '120';
    expectFindings(plan, 'regular-share-unexplained', [
      { severity: 'error', location: { section: 'activities', rowId: 'a-lumpsum', field: 'regularShare' } },
    ]);
  });
});
