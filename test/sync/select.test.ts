import { expect } from 'chai';
import type { Plan } from '../../src/model/index.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { selector, watch } from '../../src/sync/select.ts';
import { generatePlan } from './helpers.ts';

describe('select / watch', () => {
  it('selector recomputes only for a new plan object', () => {
    let runs = 0;
    const total = selector((p: Plan) => { runs++; return p.activities.length; });
    const plan = generatePlan(51, 4);
    expect(total(plan)).to.equal(4);
    expect(total(plan)).to.equal(4);
    expect(runs).to.equal(1);
    expect(total({ ...plan, activities: [] })).to.equal(0);
    expect(runs).to.equal(2);
  });

  it('watch calls back now and then only when the watched part changes', () => {
    const state = createPlanState(generatePlan(52, 4));
    const seen: [number, string | null][] = [];
    const stop = watch(state, (p) => p.providers, (providers, change) => seen.push([providers.length, change?.origin ?? null]));
    expect(seen).to.deep.equal([[state.plan.providers.length, null]]);
    state.apply([{ op: 'update-row', collection: 'activities', id: 'a1', patch: { name: 'x' } }]);
    state.apply([{ op: 'set-field', field: 'name', value: 'y' }]);
    expect(seen).to.have.length(1, 'activity and plan edits leave providers alone');
    const p = state.plan.providers[0]!;
    state.apply([{ op: 'update-row', collection: 'providers', id: p.id, patch: { name: 'Nieuwe naam' } }]);
    expect(seen).to.have.length(2);
    expect(seen[1]![1]).to.equal('local');
    stop();
    state.apply([{ op: 'remove-row', collection: 'providers', id: p.id }]);
    expect(seen).to.have.length(2);
    state.destroy();
  });
});
