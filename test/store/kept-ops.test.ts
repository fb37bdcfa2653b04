import { expect } from 'chai';
import { keptStillToApply } from '../../src/store/kept-ops.ts';
import { yjsLive } from '../../src/store/live.ts';
import { seedUpdate } from '../../src/sync/seed.ts';
import { applyOps, type PlanOp } from '../../src/model/ops.ts';
import { newPlan, type Plan } from '../../src/model/plan.ts';
import { activity, generatePlan, randomOp, rng } from '../sync/helpers.ts';

/*
 * A gone tab's kept edits (made on the seed) applied to what the log holds: only where the log
 * has not changed the same value since.
 */

/** The plan as a live state reads it back from its seed: what `now` is when nothing changed since. */
const readBack = (plan: Plan): Plan => {
  const state = yjsLive.stateFromUpdates([seedUpdate(plan)], newPlan(plan.id));
  const read = state.plan;
  state.destroy();
  return read;
};

describe('kept edits applied to the log: only what the log did not change since', () => {
  it('with nothing changed since, applies every kept edit (random plans and edits)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = rng(seed);
      const plan = generatePlan(seed, 12);
      const batches: PlanOp[][] = [];
      let shown = plan;
      for (let i = 0; i < 25; i++) {
        const op = randomOp(r, shown);
        try {
          shown = applyOps(shown, [op]);
          batches.push([op]);
        } catch {
          /* an op the plan refuses is not kept either */
        }
      }
      const now = readBack(plan);
      const kept = keptStillToApply(plan, now, batches);
      expect(applyOps(now, kept.flat()), `seed ${seed}`).to.deep.equal(applyOps(now, batches.flat()));
    }
  });

  it('leaves values the log changed since as the log has them, and applies the rest', () => {
    const seed: Plan = { ...newPlan('p', 'Plan'), activities: [activity('a1'), activity('a2')] };
    const later = applyOps(seed, [
      { op: 'set-field', field: 'region', value: 'Zuid' },
      { op: 'update-row', collection: 'activities', id: 'a1', patch: { name: 'Later' } },
      { op: 'remove-row', collection: 'activities', id: 'a2' },
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '40' },
    ]);
    const now = readBack(later);
    const kept: PlanOp[][] = [
      [{ op: 'set-field', field: 'region', value: 'Noord' }],
      [{ op: 'set-field', field: 'collaboration', value: 'Zorg' }],
      [
        {
          op: 'update-row',
          collection: 'activities',
          id: 'a1',
          patch: { name: 'Kept', description: 'Kept description' },
        },
      ],
      [{ op: 'update-row', collection: 'activities', id: 'a2', patch: { name: 'Gone since' } }],
      [{ op: 'insert-row', collection: 'activities', row: activity('k1') }],
      [{ op: 'update-row', collection: 'activities', id: 'k1', patch: { name: 'New row' } }],
      [{ op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '60' }],
      [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '25' }],
    ];
    const result = applyOps(now, keptStillToApply(seed, now, kept).flat());
    expect(result.region, 'changed since: the log’s').to.equal('Zuid');
    expect(result.collaboration).to.equal('Zorg');
    const a1 = result.activities.find((a) => a.id === 'a1');
    expect([a1?.name, a1?.description], 'a row’s values one by one').to.deep.equal(['Later', 'Kept description']);
    expect(result.activities.map((a) => `${a.id}:${a.name}`)).to.deep.equal(['a1:Later', 'k1:New row']);
    expect(result.defaultSplit.domains).to.deep.equal([
      { domainId: 'wmo', percent: '40' },
      { domainId: 'zvw', percent: '25' },
    ]);
  });

  it('does not insert a kept row twice', () => {
    const seed = newPlan('p', 'Plan');
    const insert: PlanOp = { op: 'insert-row', collection: 'activities', row: activity('k1') };
    const now = readBack(applyOps(seed, [insert]));
    expect(keptStillToApply(seed, now, [[insert]])).to.deep.equal([]);
  });
});
