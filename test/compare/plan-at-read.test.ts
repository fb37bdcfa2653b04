import { expect } from 'chai';
import { handbookPlan } from '../fixtures/handbook.ts';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import { collectable, recordPoint } from '../../src/negotiation/history.ts';
import { planAt } from '../../src/negotiation/history-diff.ts';
import { closePlanAt, readPlanAt } from '../../src/negotiation/plan-at-read.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 4, 9, 0);

const set = (s: YPlanState, patch: Record<string, unknown>) =>
  s.apply([{ op: 'update-row', collection: 'activities', id: 'lumpsum', patch: patch as never }]);
const amount = (s: YPlanState) => (s.plan.activities[0]!.cost as { amount: string }).amount;

/** The start, Bert's point (a new amount and name), Carla's version (the name back), then an edit. */
function history() {
  const s = createPlanState(handbookPlan(), { gcFilter: collectable });
  const p1 = recordPoint(s.doc, 'Anna', T0, { start: true, plan: s.plan })!;
  set(s, { cost: { ...s.plan.activities[0]!.cost, amount: '300000.00' }, name: 'Tijdelijke naam' });
  const p2 = recordPoint(s.doc, 'Bert', T0 + 10 * MIN, { plan: s.plan })!;
  set(s, { name: 'Samenwerking dementie' });
  const p3 = recordPoint(s.doc, 'Carla', T0 + 20 * MIN, { name: 'Voorstel', plan: s.plan })!;
  set(s, { cost: { ...s.plan.activities[0]!.cost, amount: '1.00' } });
  return { s, keys: [p1.key, p2.key, p3.key] };
}

/** Counts the workers started and the requests posted to them. */
function countWorkers() {
  const Original = globalThis.Worker;
  const seen = { started: 0, posted: 0 };
  class Counting extends Original {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      seen.started++;
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      seen.posted++;
      super.postMessage(message, transfer as Transferable[]);
    }
  }
  globalThis.Worker = Counting;
  return { seen, restore: () => (globalThis.Worker = Original) };
}

describe('an earlier plan, read off the page', () => {
  it('is the plan as it was at each point, read in a worker, each point once', async () => {
    const { s, keys } = history();
    const workers = countWorkers();
    try {
      const plans = await Promise.all(keys.map((k) => readPlanAt(s.doc, k)));
      expect(workers.seen.started, 'one worker for the document').to.equal(1);
      expect(workers.seen.posted).to.equal(3);
      for (const [i, key] of keys.entries()) expect(plans[i], key).to.deep.equal(planAt(s.doc, key));
      expect(plans.map((p) => (p!.activities[0]!.cost as { amount: string }).amount)).to.deep.equal([
        '250000.00',
        '300000.00',
        '300000.00',
      ]);
      expect(plans[1]!.activities[0]!.name).to.equal('Tijdelijke naam');
      expect(amount(s), 'the plan now is untouched').to.equal('1.00');
      // Read again: no new request.
      expect(await readPlanAt(s.doc, keys[1]!)).to.equal(plans[1]);
      expect(workers.seen.posted).to.equal(3);
    } finally {
      workers.restore();
      closePlanAt(s.doc);
    }
  });

  it('sends the worker only what is new: a point recorded later reads as it was', async () => {
    const { s, keys } = history();
    const workers = countWorkers();
    await readPlanAt(s.doc, keys[0]!).finally(workers.restore);
    // The first document's worker answered (a failed one would leave reads on the page).
    expect(workers.seen.started).to.equal(1);
    set(s, { name: 'Later' });
    const p4 = recordPoint(s.doc, 'Dirk', T0 + 30 * MIN, { plan: s.plan })!;
    set(s, { name: 'Nog later' });
    const later = await readPlanAt(s.doc, p4.key);
    expect(later!.activities[0]!.name).to.equal('Later');
    expect(later).to.deep.equal(planAt(s.doc, p4.key));
    closePlanAt(s.doc);
  });

  it('is null for a key that is no point of the document', async () => {
    const { s } = history();
    expect(await readPlanAt(s.doc, 'p:1:1')).to.equal(null);
    expect(await readPlanAt(s.doc, 'nonsense')).to.equal(null);
  });

  it('stops waiting when its request is aborted', async () => {
    const { s, keys } = history();
    const stop = new AbortController();
    const read = readPlanAt(s.doc, keys[1]!, stop.signal);
    stop.abort(new DOMException('newer pick', 'AbortError'));
    let error: unknown;
    await read.catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
    // The read went on: the same point is there for the next request.
    expect((await readPlanAt(s.doc, keys[1]!))!.activities[0]!.name).to.equal('Tijdelijke naam');
    closePlanAt(s.doc);
  });

  it('is not read on the page when the view closes while the worker reads it, and is read again later', async () => {
    const { s, keys } = history();
    const read = readPlanAt(s.doc, keys[1]!);
    closePlanAt(s.doc);
    let error: unknown;
    await read.catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
    expect((await readPlanAt(s.doc, keys[1]!))!.activities[0]!.name).to.equal('Tijdelijke naam');
    closePlanAt(s.doc);
  });

  // Last: once no worker can start, later reads stay on the page.
  it('is read on the page where no worker can start (a page policy forbids it)', async () => {
    const { s, keys } = history();
    const Original = globalThis.Worker;
    globalThis.Worker = class {
      constructor() {
        throw new DOMException('refused by the page policy', 'SecurityError');
      }
    } as unknown as typeof Worker;
    try {
      const plan = await readPlanAt(s.doc, keys[1]!);
      expect(plan).to.deep.equal(planAt(s.doc, keys[1]!));
    } finally {
      globalThis.Worker = Original;
    }
  });
});
