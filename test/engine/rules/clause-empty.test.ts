import { expect } from 'chai';
import { applyOps, newPlan } from '../../../src/model/index.ts';
import { expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule clause-empty', () => {
  it('warns about each empty clause the handleiding asks for, at its field', () => {
    const plan = handbookPlan();
    expectNone(plan, 'clause-empty');
    const emptied = applyOps(plan, [
      {
        op: 'set-field',
        field: 'clauses',
        value: { ...plan.clauses, declaration: '', controls: '  \n ', quality: '' },
      },
    ]);
    const found = expectFindings(emptied, 'clause-empty', [
      { severity: 'warning', location: { section: 'plan', field: 'clauses.declaration' } },
      { severity: 'warning', location: { section: 'plan', field: 'clauses.controls' } },
    ]);
    expect(found[0]!.message.nl).to.equal(
      'De afspraak over het declaratieproces is leeg; in elke bijlage staat dan ‘(niet ingevuld)’. Vul de afspraak in vóór de bijlagen worden ondertekend (handleiding §4 ‘Hoe te gebruiken?’)',
    );
    expect(found[1]!.message.en).to.contain('The agreement on the control measures is empty');
    expect(found[1]!.message.en).to.contain('§4 ‘Hoe te gebruiken?’');
  });

  it('says nothing while the plan has no funder to sign with', () => {
    expectNone(newPlan('p-1', 'Nieuw'), 'clause-empty');
  });
});
