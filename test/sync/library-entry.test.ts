import { expect } from 'chai';
import { createPlanState, type Plan } from '../../src/index.ts';
import { generatePlan } from './helpers.ts';

/*
 * A host that imports the library and keeps a plan state of its own gets the same plain-first
 * state as <rp-planner>: edits, undo and redo work before and after Yjs has arrived, and the
 * host's own plan object is never changed.
 */
describe('createPlanState from the library entry', () => {
  it('edits, undoes and redoes a copy of the host plan, across the arrival of the live state', async () => {
    const plan: Plan = generatePlan(3, 5);
    const before = JSON.stringify(plan);
    const state = createPlanState(plan);
    const seen: string[] = [];
    state.subscribe((p) => seen.push(p.name));

    state.apply([{ op: 'set-field', field: 'name', value: 'Regioplan A' }]);
    expect(state.plan.name).to.equal('Regioplan A');
    // The published type names no Yjs: reach the plain-first state's loader to cross the moment it arrives.
    await (state as unknown as { live(): Promise<unknown> }).live();
    state.apply([{ op: 'set-field', field: 'name', value: 'Regioplan B' }]);
    expect(state.plan.name).to.equal('Regioplan B');

    state.undo();
    expect(state.plan.name).to.equal('Regioplan A');
    state.undo();
    expect(state.plan.name).to.equal(plan.name);
    expect(state.canUndo).to.equal(false);
    state.redo();
    expect(state.plan.name).to.equal('Regioplan A');
    expect(seen).to.include('Regioplan B');
    expect(JSON.stringify(plan), 'the host plan is not changed').to.equal(before);
    state.destroy();
  });
});
