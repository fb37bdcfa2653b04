import { expect } from 'chai';
import {
  BudgetRows,
  budgetEditsToOps,
  budgetShape,
  locateBudget,
} from '../../../components/budget-grid/budget-model.ts';
import type { CellEdit } from '../../../components/grid/grid-element.ts';
import { allocate } from '../../../src/engine/allocate.ts';
import { Plan } from '../../../src/model/plan.ts';
import handbook from '../../../demo/plans/handbook.json';

/* The §4 agreement columns of an activity in the budget grid, after the money (budget-model.ts). */

const plan = () => Plan.parse(structuredClone(handbook));

describe('budget grid: agreement columns of an activity', () => {
  it('shows the amounts per period after the annual budget, and description, justification, regular-tariff share and explanation last', () => {
    const p = plan();
    p.activities[0] = {
      ...p.activities[0]!,
      description: 'Wijkoverleg',
      justification: 'Complexe zorg',
      regularShare: '12.5',
      regularShareExplanation: 'Prijscorrectie',
    };
    const shape = budgetShape(p, allocate(p), 'nl');
    const keys = shape.columns.map((c) => c.key);
    expect(keys.slice(-4)).to.deep.equal(['description', 'justification', 'regularShare', 'regularShareExplanation']);
    // The amounts per period follow the name and the annual budget, before the inputs.
    expect(keys.slice(0, 2)).to.deep.equal(['name', 'annual']);
    expect(keys.slice(2, 6).every((k) => k.startsWith('p:'))).to.equal(true);
    expect(shape.columns.at(-2)!.header).to.equal('Al via reguliere tarieven');
    const [row, total] = new BudgetRows('nl', shape.columns).rows(p, allocate(p));
    expect(row!.values.slice(-4)).to.deep.equal(['Wijkoverleg', 'Complexe zorg', '12,5 %', 'Prijscorrectie']);
    expect(row!.values.slice(2, 6)).to.deep.equal(['€ 62.500,00', '€ 62.500,00', '€ 62.500,00', '€ 62.500,00']);
    expect(total!.values).to.have.length(shape.columns.length);
  });

  it('turns typed cells into one patch, and refuses what is not a percentage', () => {
    const p = plan();
    const shape = budgetShape(p, allocate(p), 'nl');
    const col = (key: string) => shape.columns.find((c) => c.key === key)!;
    const row = new BudgetRows('nl', shape.columns).rows(p, allocate(p))[0]!;
    const edit = (key: string, text: string) => ({ row, column: col(key), text }) as unknown as CellEdit;
    const out = budgetEditsToOps(p, [edit('justification', 'Omdat…'), edit('regularShare', '10,5%')], 'nl');
    expect(out.refused).to.deep.equal([]);
    expect(out.ops).to.deep.equal([
      {
        op: 'update-row',
        collection: 'activities',
        id: 'a-lumpsum',
        patch: { justification: 'Omdat…', regularShare: '10.5' },
      },
    ]);
    const bad = budgetEditsToOps(p, [edit('regularShare', 'veel')], 'nl');
    expect(bad.ops).to.deep.equal([]);
    expect(bad.refused).to.have.length(1);
    expect(budgetEditsToOps(p, [edit('regularShare', '')], 'nl').ops[0]!).to.deep.include({
      patch: { regularShare: null },
    });
  });

  it('marks the cell a finding about the explanation points at', () => {
    expect(locateBudget({ section: 'activities', rowId: 'a1', field: 'regularShareExplanation' })).to.deep.equal({
      rowId: 'a1',
      colKey: 'regularShareExplanation',
    });
  });
});
