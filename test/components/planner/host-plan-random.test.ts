import { expect } from 'chai';
import fc from 'fast-check';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { Plan } from '../../../src/model/plan.ts';
import { handbookPlan } from './handbook-plan.ts';
import { mount } from './dom.ts';
import { dbExists, freshDb, holdDb, sleep } from './host.ts';
import type { PlanOp } from '../../../src/model/ops.ts';

/** An edit as a section sends it; from the planner's own wrapper, so it works in every view. */
const edit = (p: RpPlanner, ops: PlanOp[]): void => {
  p.shadowRoot!.querySelector('.planner')!.dispatchEvent(
    new CustomEvent('rp-edit', { detail: { ops }, bubbles: true, composed: true }),
  );
};

/*
 * The host's contract under random sequences: host sets, user edits, slow store opens, reloads and
 * view switches, with random pauses between them (often none: a set lands while the store is still
 * opening). A model keeps what must be shown; after every step the planner shows exactly that, and
 * keeps showing it while the store finishes whatever it was doing (nothing reverts).
 */

type Field = 'name' | 'region' | 'collaboration';
const FIELDS: readonly Field[] = ['name', 'region', 'collaboration'];
type Shown = Record<Field, string>;

type Command =
  | { kind: 'set'; values: Shown; pause: number }
  | { kind: 'edit'; field: Field; value: string; pause: number }
  | { kind: 'reload'; slowMs: number; pause: number }
  | { kind: 'view'; view: 'Plan bewerken' | 'Geldstromen' | 'Vergelijken'; pause: number };

const PLAN_ID = 'random';
const published = (): Plan => handbookPlan(PLAN_ID);
const shownOf = (p: RpPlanner): Shown => ({
  name: p.plan!.name,
  region: p.plan!.region,
  collaboration: p.plan!.collaboration,
});

/** Unique values: an edit never writes what a field held before, so every change is a change. */
let serial = 0;
const word = fc.constantFrom('Noord', 'Zuid', 'Oost', 'West', 'Midden').map((w) => `${w} ${++serial}`);
const pause = fc.constantFrom(0, 0, 5, 30, 120);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      values: fc.record({ name: word, region: word, collaboration: word }),
      pause,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), field: fc.constantFrom(...FIELDS), value: word, pause }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('reload' as const), slowMs: fc.constantFrom(0, 150, 400), pause }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('view' as const),
      view: fc.constantFrom('Plan bewerken' as const, 'Geldstromen' as const, 'Vergelijken' as const),
      pause,
    }),
  },
);

/** Watches the shown plan for a while: it must equal `expected` throughout. */
async function holds(p: RpPlanner, expected: Shown, ms: number, step: string): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    expect(shownOf(p), `${step}: shown while the store settles`).to.deep.equal(expected);
    await sleep(15);
  }
}

describe('rp-planner: random host sets, edits, slow stores, reloads and view switches', function () {
  this.timeout(240_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('always shows the latest set or edit, and nothing reverts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 2, maxLength: 8 }), async (commands) => {
        const db = freshDb();
        const start = published();
        let p = await mount<RpPlanner>('rp-planner', { storageName: db, plan: start } as Partial<RpPlanner>);
        /** What must be shown, once the store has answered. */
        let expected: Shown = { name: start.name, region: start.region, collaboration: start.collaboration };
        /** Something was set or edited: the plan has a stored scenario (or is creating it). */
        let changed = false;
        /** Before its store answered, a reloaded planner shows the published plan: only then may it differ. */
        const answered = () => p.scenarioStore !== null && (!changed || p.currentScenario !== '');
        try {
          for (const [i, c] of commands.entries()) {
            const step = `step ${i + 1} (${JSON.stringify(c)})`;
            if (c.kind === 'set') {
              p.plan = { ...published(), ...c.values };
              expected = { ...c.values };
              changed = true;
              expect(shownOf(p), step).to.deep.equal(expected);
            } else if (c.kind === 'edit') {
              edit(p, [{ op: 'set-field', field: c.field, value: c.value }]);
              // Edits made before the stored scenario opened apply to what is shown then (the
              // published plan); the stored plan takes them over field by field.
              expected = { ...expected, [c.field]: c.value };
              changed = true;
              expect(shownOf(p)[c.field], step).to.equal(c.value);
            } else if (c.kind === 'view') {
              const tab = [...p.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')].find(
                (b) => b.textContent!.trim() === c.view,
              )!;
              tab.click();
              await p.updateComplete;
            } else {
              // A reload after the browser wrote what was done (pagehide flushes).
              await p.flush();
              p.remove();
              const release = c.slowMs > 0 && (await dbExists(db)) ? await holdDb(db, c.slowMs) : null;
              p = await mount<RpPlanner>('rp-planner', { storageName: db, plan: published() } as Partial<RpPlanner>);
              if (release) await release();
            }
            if (c.pause) await sleep(c.pause);
            if (answered()) expect(shownOf(p), `${step}, after its pause`).to.deep.equal(expected);
          }
          // Let every store open, create and save finish, then watch: what is shown stays the latest.
          await p.flush();
          expect(shownOf(p), 'after the last step').to.deep.equal(expected);
          await holds(p, expected, 250, 'at the end');
          // And a reload brings back exactly that.
          p.remove();
          p = await mount<RpPlanner>('rp-planner', { storageName: db, plan: published() } as Partial<RpPlanner>);
          await p.flush();
          await holds(p, expected, 150, 'after a final reload');
        } finally {
          p.remove();
        }
      }),
      { numRuns: 14, interruptAfterTimeLimit: 200_000, verbose: 1 },
    );
  });
});
