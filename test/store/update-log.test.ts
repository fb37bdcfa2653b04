import { expect } from 'chai';
import { Connection, openStoreDb } from '../../src/store/connection.ts';
import { IdbUpdateLog } from '../../src/store/update-log.ts';
import type { StoreError } from '../../src/store/errors.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { attachUpdateLog } from '../../src/sync/update-log.ts';
import { generatePlan } from '../fixtures/generate.ts';
import { deleteDb, quotaError, stub, uniqueDbName } from './helpers.ts';

const bytes = (...xs: number[]) => new Uint8Array(xs);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A connection whose transactions commit, then report back only after `delayMs` (a slow disk). */
class SlowConnection extends Connection {
  delayMs = 0;
  override async run<T>(
    operation: Parameters<Connection['run']>[0] extends (db: infer D) => Promise<unknown>
      ? (db: D) => Promise<T>
      : never,
  ): Promise<T> {
    const result = await super.run(operation);
    if (this.delayMs > 0) await sleep(this.delayMs);
    return result;
  }
}

describe('IdbUpdateLog', () => {
  let dbName: string;
  let connections: Connection[] = [];
  const connect = async () => {
    const opened = await openStoreDb({ name: dbName });
    if (!opened.ok) throw new Error(opened.error.code);
    const c = new Connection({ name: dbName }, opened.value);
    connections.push(c);
    return c;
  };
  const connectSlow = async (delayMs: number) => {
    const opened = await openStoreDb({ name: dbName });
    if (!opened.ok) throw new Error(opened.error.code);
    const c = new SlowConnection({ name: dbName }, opened.value);
    c.delayMs = delayMs;
    connections.push(c);
    return c;
  };
  beforeEach(() => {
    dbName = uniqueDbName('log');
  });
  afterEach(async () => {
    for (const c of connections) c.close();
    connections = [];
    await deleteDb(dbName);
  });

  it('keeps an update another tab appended while this one compacts', async () => {
    const a = new IdbUpdateLog(await connect(), 's1');
    const b = new IdbUpdateLog(await connect(), 's1');
    await a.append(bytes(1));
    await a.append(bytes(2));
    expect(await b.load()).to.deep.equal([bytes(1), bytes(2)]);
    await b.append(bytes(3));
    // a has seen 1 and 2 only: its merged update replaces exactly those.
    await a.replace(bytes(12));
    const after = await new IdbUpdateLog(await connect(), 's1').load();
    expect(after).to.deep.equal([bytes(3), bytes(12)]);
    expect(await new IdbUpdateLog(await connect(), 'other').load()).to.deep.equal([]);
  });

  it('seeds an empty log exactly once across two tabs', async () => {
    const a = new IdbUpdateLog(await connect(), 's2');
    const b = new IdbUpdateLog(await connect(), 's2');
    const [sa, sb] = await Promise.all([a.seed(bytes(9)), b.seed(bytes(8))]);
    expect([sa, sb].filter(Boolean)).to.have.length(1);
    expect(await a.load()).to.have.length(1);
  });

  it('keeps failed writes pending, reports them, and writes them together on the next try', async () => {
    const errors: StoreError[] = [];
    const saved: number[] = [];
    const log = new IdbUpdateLog(await connect(), 's3', {
      onError: (e) => errors.push(e),
      onSaved: (s) => saved.push(s.updates),
    });
    const undo = stub(IDBObjectStore.prototype, 'add', function () {
      throw quotaError();
    });
    try {
      await log.append(bytes(1));
      await log.append(bytes(2));
    } finally {
      undo();
    }
    expect(errors.map((e) => e.code)).to.deep.equal(['quota', 'quota']);
    expect(log.unsaved).to.equal(2);
    await log.append(bytes(3));
    expect(saved).to.deep.equal([3]);
    expect(log.unsaved).to.equal(0);
    expect(await new IdbUpdateLog(await connect(), 's3').load()).to.deep.equal([bytes(1), bytes(2), bytes(3)]);
  });

  it('keeps an update appended while a compaction waits behind a slow write', async () => {
    const log = new IdbUpdateLog(await connectSlow(150), 's4');
    const first = log.append(bytes(1));
    await sleep(20);
    // The merged update is computed now: it holds 1, not the 2 that follows.
    const compacted = log.replace(bytes(1, 1));
    const second = log.append(bytes(2));
    await Promise.all([first, compacted, second]);
    await log.retry();
    expect(log.unsaved).to.equal(0);
    const stored = await new IdbUpdateLog(await connect(), 's4').load();
    expect(stored).to.deep.include(bytes(2));
    expect(stored).to.deep.include(bytes(1, 1));
    expect(stored).not.to.deep.include(bytes(1));
  });

  it('never deletes, when compacting, a row written after the merged update was computed', async () => {
    const log = new IdbUpdateLog(await connectSlow(150), 's5');
    const zero = log.append(bytes(0));
    await sleep(20);
    // 1 waits behind 0; the compaction covers 0 and 1; 2 comes after it, and is written with 1.
    const one = log.append(bytes(1));
    const compacted = log.replace(bytes(0, 1));
    const two = log.append(bytes(2));
    await Promise.all([zero, one, compacted, two]);
    const stored = await new IdbUpdateLog(await connect(), 's5').load();
    expect(stored).to.deep.include(bytes(2));
    expect(stored).to.deep.include(bytes(0, 1));
  });

  it('after a reload, every acknowledged edit of a live state on a slow disk is there (compacting often)', async () => {
    const plan = generatePlan(7, 20);
    const log = new IdbUpdateLog(await connectSlow(60), 's6');
    const state = createPlanState(plan);
    const attached = attachUpdateLog(state, log, { delayMs: 0, compactEvery: 3 });
    await attached.ready;
    for (let i = 0; i < 40; i++) {
      state.apply([
        { op: 'update-row', collection: 'activities', id: plan.activities[i % 20]!.id, patch: { name: `naam ${i}` } },
      ]);
      await sleep(i % 4 === 0 ? 25 : 1);
    }
    await attached.flush();
    await log.retry();
    expect(log.unsaved).to.equal(0);
    const expected = state.plan;
    attached.dispose();
    state.destroy();
    const reloaded = createPlanState(generatePlan(99, 0), {
      updates: await new IdbUpdateLog(await connect(), 's6').load(),
    });
    expect(reloaded.plan).to.deep.equal(expected);
    reloaded.destroy();
  });
});
