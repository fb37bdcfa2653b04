import { expect } from 'chai';
import fc from 'fast-check';
import { applyOps, type Plan, type PlanOp } from '../../src/model/index.ts';
import { DeferredPlanState, deferredPlanState } from '../../src/sync/deferred-state.ts';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import type { ChangeOrigin, StateProblem } from '../../src/sync/state.ts';
import { activity, generatePlan, randomOp, rng, valid } from './helpers.ts';

/** A live state that arrives only when the test lets it: the moment Yjs is still loading. */
function gated() {
  let open!: () => void;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  const made: YPlanState[] = [];
  const load = async (plan: Plan): Promise<YPlanState> => {
    await gate;
    const state = createPlanState(plan);
    made.push(state);
    return state;
  };
  return { load, open, made };
}

const rename = (name: string): PlanOp[] => [{ op: 'set-field', field: 'name', value: name }];

describe('DeferredPlanState (Yjs loaded at the first edit)', () => {
  it('shows an edit at once, before the live state exists, and keeps it when that arrives', async () => {
    const plan = generatePlan(5, 10);
    const g = gated();
    const state = new DeferredPlanState(plan, { load: g.load });
    const origins: ChangeOrigin[] = [];
    state.subscribe((_, change) => origins.push(change.origin));

    expect(state.plan).to.equal(plan);
    state.apply(rename('Eerst'));
    expect(state.plan.name).to.equal('Eerst');
    expect(Object.isFrozen(state.plan.activities[0]), 'immutable, as the live snapshots are').to.equal(true);
    expect(state.canUndo).to.equal(true);
    expect(state.liveState).to.equal(null);

    g.open();
    await state.live();
    expect(state.liveState).to.equal(g.made[0]);
    expect(state.plan.name).to.equal('Eerst');
    expect(state.plan).to.deep.equal(applyOps(plan, rename('Eerst')));
    state.apply(rename('Daarna'));
    expect(state.plan.name).to.equal('Daarna');
    expect(origins).to.deep.equal(['local', 'load', 'local']);
    state.destroy();
  });

  it('leaves a plan handed to deferredPlanState as it was (it works on a frozen copy)', () => {
    const plan = generatePlan(8, 2);
    const state = deferredPlanState(plan);
    expect(Object.isFrozen(plan)).to.equal(false);
    expect(Object.isFrozen(state.plan)).to.equal(true);
    expect(state.plan).to.deep.equal(plan);
    state.destroy();
  });

  it('loads the live state once, at the first edit, not before', async () => {
    let loads = 0;
    const state = new DeferredPlanState(generatePlan(1, 3), {
      load: async (p) => {
        loads++;
        return createPlanState(p);
      },
    });
    state.undo();
    state.apply([{ op: 'remove-row', collection: 'activities', id: 'not-there' }]);
    expect(loads, 'an undo with nothing to undo, and an edit that changes nothing').to.equal(0);
    state.apply(rename('Bewerkt'));
    state.apply(rename('Nog eens'));
    await state.live();
    expect(loads).to.equal(1);
    state.destroy();
  });

  it('keeps undo and redo across the moment the live state takes over', async () => {
    const plan = generatePlan(9, 5);
    const g = gated();
    const state = new DeferredPlanState(plan, { load: g.load });
    const a = rename('A');
    const b: PlanOp[] = [{ op: 'insert-row', collection: 'activities', row: activity('nieuw') }];
    const c: PlanOp[] = [{ op: 'set-field', field: 'region', value: 'Regio C' }];
    state.apply(a);
    state.apply(b);
    state.apply(c);
    state.undo();
    expect(state.plan).to.deep.equal(applyOps(plan, [...a, ...b]));
    expect(state.canRedo).to.equal(true);

    g.open();
    await state.live();
    expect(state.plan).to.deep.equal(applyOps(plan, [...a, ...b]));
    expect(state.canRedo, 'the undone edit can still be redone').to.equal(true);
    state.redo();
    expect(state.plan).to.deep.equal(applyOps(plan, [...a, ...b, ...c]));
    state.undo();
    state.undo();
    state.undo();
    expect(state.plan).to.deep.equal(plan);
    expect(state.canUndo).to.equal(false);
    state.destroy();
  });

  it('behaves like the live state for any edits, undos and redos, whenever the live state arrives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.integer({ min: 0, max: 14 }),
        async (seed, arriveAt) => {
          const r = rng(seed);
          const plan = generatePlan(seed, 6);
          const reference = createPlanState(plan);
          const g = gated();
          const state = new DeferredPlanState(plan, { load: g.load });
          let arrived: Promise<unknown> = Promise.resolve();
          for (let step = 0; step < 14; step++) {
            if (step === arriveAt) {
              g.open();
              arrived = state.live();
              await arrived;
            }
            const roll = r();
            if (roll < 0.2) {
              reference.undo();
              state.undo();
            } else if (roll < 0.3) {
              reference.redo();
              state.redo();
            } else {
              // Now and then an edit that changes nothing: no undo step on either side.
              const ops =
                roll < 0.4
                  ? [{ op: 'set-field', field: 'name', value: reference.plan.name } as PlanOp]
                  : [randomOp(r, reference.plan), randomOp(r, reference.plan)];
              reference.apply(ops);
              state.apply(ops);
            }
            expect(state.plan).to.deep.equal(reference.plan);
          }
          g.open();
          await arrived;
          if (state.liveState) expect(state.plan).to.deep.equal(reference.plan);
          expect(valid(state.plan)).to.equal(true);
          reference.destroy();
          state.destroy();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lists the edits shown, which applied to the starting plan give what is shown (a store keeps them so)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 30 }), (seed) => {
        const r = rng(seed);
        const plan = generatePlan(seed, 6);
        const state = new DeferredPlanState(plan, { loadOnEdit: false });
        for (let step = 0; step < 14; step++) {
          const roll = r();
          if (roll < 0.2) state.undo();
          else if (roll < 0.3) state.redo();
          else state.apply([randomOp(r, state.plan), randomOp(r, state.plan)]);
          expect(applyOps(plan, state.edits.flat())).to.deep.equal(state.plan);
        }
        state.destroy();
      }),
      { numRuns: 40 },
    );
  });

  it('refuses an invalid edit with a problem, as the live state does, and shows nothing of it', () => {
    const plan = generatePlan(2, 3);
    const state = new DeferredPlanState(plan, { loadOnEdit: false });
    const problems: StateProblem[] = [];
    state.onProblem((p) => problems.push(p));
    state.apply([{ op: 'set-field', field: 'name', value: 42 as unknown as string }]);
    state.apply([
      {
        op: 'update-row',
        collection: 'activities',
        id: 'a1',
        patch: { cost: { kind: 'lumpsum', amount: '1e9', per: 'year' } },
      },
    ]);
    expect(state.plan).to.equal(plan);
    expect(state.canUndo).to.equal(false);
    expect(problems.map((p) => [p.code, p.section])).to.deep.equal([
      ['invalid-op', 'plan'],
      ['invalid-op', 'activities'],
    ]);
    expect(problems[0]!.message.nl).to.contain('geweigerd');
    expect(problems[0]!.message.en).to.contain('refused');
    state.destroy();
  });

  it('says so when the live state cannot be loaded, keeps the edits, and tries again', async () => {
    let attempts = 0;
    const state = new DeferredPlanState(generatePlan(3, 3), {
      load: async (p) => {
        if (++attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return createPlanState(p);
      },
    });
    const problems: StateProblem[] = [];
    state.onProblem((p) => problems.push(p));
    state.apply(rename('Blijft'));
    await state.settle();
    expect(problems.map((p) => p.code)).to.deep.equal(['storage-failed']);
    expect(problems[0]!.message.en).to.contain('kept in memory');
    expect(state.plan.name).to.equal('Blijft');
    expect(state.liveState).to.equal(null);

    await state.settle();
    expect(attempts).to.equal(2);
    expect(state.liveState).to.not.equal(null);
    expect(state.plan.name).to.equal('Blijft');
    state.undo();
    expect(state.plan.name).to.not.equal('Blijft');
    state.destroy();
  });

  it('with loadOnEdit off stays plain until asked, with its own undo', async () => {
    let loads = 0;
    const plan = generatePlan(4, 3);
    const state = new DeferredPlanState(plan, {
      loadOnEdit: false,
      load: async (p) => {
        loads++;
        return createPlanState(p);
      },
    });
    state.apply(rename('X'));
    state.undo();
    expect(state.plan).to.equal(plan);
    state.redo();
    expect(state.plan.name).to.equal('X');
    expect(loads).to.equal(0);
    const live = await state.live();
    expect(loads).to.equal(1);
    expect(live.plan.name).to.equal('X');
    state.destroy();
  });

  it('destroys a live state that arrives after it was destroyed itself', async () => {
    const g = gated();
    const state = new DeferredPlanState(generatePlan(6, 2), { load: g.load });
    state.apply(rename('Weg'));
    const live = state.live();
    state.destroy();
    g.open();
    let refused = false;
    await live.catch(() => {
      refused = true;
    });
    expect(refused).to.equal(true);
    const made = g.made[0]!;
    expect(() => made.apply(rename('na afloop'))).to.not.throw();
    expect(made.doc.isDestroyed).to.equal(true);
  });
});
