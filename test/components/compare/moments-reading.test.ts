import { expect } from 'chai';
import '../../../components/compare/compare-moments.ts';
import type { RpCompareMoments } from '../../../components/compare/compare-moments.ts';
import { handbookPlan } from '../../fixtures/handbook.ts';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import { collectable, recordPoint } from '../../../src/negotiation/history.ts';
import { attribute } from '../../../src/negotiation/history-users.ts';

/*
 * The two-moments view while it reads: a busy line until both plans are there; a point recorded
 * meanwhile (here or by a peer) joins the pickers without reading the picked moments again.
 */

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 4, 9, 0);

const until = async (check: () => boolean, what: string, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const rename = (s: YPlanState, name: string) =>
  s.apply([{ op: 'update-row', collection: 'activities', id: 'lumpsum', patch: { name } }]);

/** Workers whose requests wait until `release()`; counts the requests. */
function heldWorkers() {
  const Original = globalThis.Worker;
  const held: (() => void)[] = [];
  let hold = true;
  const seen = { posted: 0 };
  class Held extends Original {
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      seen.posted++;
      const send = () => super.postMessage(message, transfer as Transferable[]);
      if (hold) held.push(send);
      else send();
    }
  }
  globalThis.Worker = Held;
  return {
    seen,
    release: () => {
      hold = false;
      held.splice(0).forEach((send) => send());
    },
    restore: () => (globalThis.Worker = Original),
  };
}

describe('<rp-compare-moments> while it reads', () => {
  let el: RpCompareMoments;
  let workers: ReturnType<typeof heldWorkers>;
  beforeEach(() => (workers = heldWorkers()));
  afterEach(() => {
    el?.remove();
    workers.restore();
  });

  const status = () => el.shadowRoot!.querySelector('[role="status"][aria-busy="true"]')?.textContent?.trim() ?? null;
  const heading = () => el.shadowRoot!.querySelector('rp-compare')?.shadowRoot?.querySelector('h2')?.textContent ?? '';
  const options = () =>
    [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('select[data-pick="from"] option')].map((o) => o.value);

  it('says it is reading until both plans are there, then compares them; a new point reads neither again', async () => {
    const s = createPlanState(handbookPlan(), { gcFilter: collectable });
    const p1 = recordPoint(s.doc, 'Anna', T0, { plan: s.plan })!;
    rename(s, 'Bij Bert');
    const p2 = recordPoint(s.doc, 'Bert', T0 + 10 * MIN, { plan: s.plan })!;
    el = document.createElement('rp-compare-moments');
    el.state = s;
    document.body.append(el);
    await until(() => el.from === p1.key && el.to === p2.key, 'the last two moments picked');
    await until(() => status() !== null, 'the busy line');
    expect(status()).to.equal('De geschiedenis wordt gelezen…');
    expect(el.shadowRoot!.querySelector('rp-compare'), 'nothing compared yet').to.equal(null);

    workers.release();
    await until(() => heading().startsWith('Verschillen tussen Anna'), 'the comparison');
    expect(status()).to.equal(null);
    expect(workers.seen.posted, 'each moment read once').to.equal(2);

    // Carla records a point: the pickers list it on top, the picks and the comparison stay.
    rename(s, 'Bij Carla');
    const p3 = recordPoint(s.doc, 'Carla', T0 + 20 * MIN, { plan: s.plan })!;
    await until(() => options()[1] === p3.key, 'the new moment in the pickers');
    expect(options()).to.deep.equal(['now', p3.key, p2.key, p1.key]);
    expect([el.from, el.to]).to.deep.equal([p1.key, p2.key]);
    expect(heading()).to.contain('Anna');
    expect(workers.seen.posted, 'no moment read again').to.equal(2);

    // Picking a moment read before shows it without asking again.
    el.pick(p2.key, p1.key);
    await until(() => heading().startsWith('Verschillen tussen Bert'), 'the comparison the other way round');
    expect(workers.seen.posted).to.equal(2);

    // Bert → Carla; Carla edits on: her newest point joins her moment, which the comparison follows.
    el.pick(p2.key, p3.key);
    await until(() => workers.seen.posted === 3 && heading().includes('Carla'), 'Bert → Carla');
    const carlaThen = heading();
    rename(s, 'Carla later');
    const p4 = recordPoint(s.doc, 'Carla', T0 + 21 * MIN, { plan: s.plan })!;
    await until(
      () => el.to === p4.key && heading() !== carlaThen && heading().includes('Carla'),
      'Carla’s moment grown',
    );
    expect(options()).to.deep.equal(['now', p4.key, p2.key, p1.key]);
    expect(workers.seen.posted, 'only the new point read').to.equal(4);
  });
});

describe('<rp-compare-moments> when edits held back are named', () => {
  let el: RpCompareMoments;
  afterEach(() => el?.remove());

  it('names the moment after its person in the pickers once the naming is written', async () => {
    const s = createPlanState(handbookPlan(), { gcFilter: collectable });
    // In a workshop, before the server said who this is: edits and a point under nobody's name.
    attribute(s.doc, '');
    rename(s, 'Voor de naam');
    recordPoint(s.doc, '', T0, { plan: s.plan });
    el = document.createElement('rp-compare-moments');
    el.state = s;
    document.body.append(el);
    const labels = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('select[data-pick="from"] option')].map((o) =>
        o.textContent!.trim(),
      );
    await until(() => labels().some((t) => t.startsWith('Stand van')), 'the unnamed moment');
    // The name arrives; a later point makes the pickers read the moments again.
    attribute(s.doc, 'Anna');
    rename(s, 'Na de naam');
    recordPoint(s.doc, 'Anna', T0 + 60 * MIN, { plan: s.plan });
    await until(() => labels().filter((t) => t.startsWith('Anna')).length === 2, 'both moments named Anna');
    expect(labels().some((t) => t.startsWith('Stand van'))).to.equal(false);
  });
});
