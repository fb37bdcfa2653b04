import { expect } from 'chai';
import * as Y from 'yjs';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { attachUpdateLog, type UpdateLog, type UpdateLogOptions } from '../../src/sync/update-log.ts';
import type { StateProblem } from '../../src/sync/state.ts';
import type { Plan } from '../../src/model/plan.ts';
import { MemoryUpdateLog } from './memory-log.ts';
import { generatePlan } from './helpers.ts';

/** What the store does on open: a state from the log's updates (or the plan), kept in that log. */
async function openPlanState(log: UpdateLog, fallback: Plan, options: UpdateLogOptions = {}) {
  const updates = await log.load();
  const state = createPlanState(fallback, { updates });
  const attached = attachUpdateLog(state, log, { ...options, loaded: updates });
  await attached.ready;
  return { state, log: attached };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('update log', () => {
  it('a new scenario stores its seed; reopening from the log shows every edit', async () => {
    const plan = generatePlan(31, 5);
    const log = new MemoryUpdateLog();
    const { state, log: attached } = await openPlanState(log, plan, { delayMs: 5 });
    expect(log.records).to.have.length(1, 'the seed');
    state.apply([{ op: 'update-row', collection: 'activities', id: 'a1', patch: { name: 'bewaard' } }]);
    state.apply([{ op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '3' }]);
    await attached.flush();
    const expected = state.plan;
    attached.dispose();
    state.destroy();

    // Reopen with a different fallback: the log, not the fallback, decides.
    const again = await openPlanState(log, generatePlan(99, 0));
    expect(again.state.plan).to.deep.equal(expected);
    expect(again.state.canUndo).to.equal(false, 'loaded history is not undoable');
    again.log.dispose();
    again.state.destroy();
  });

  it('an edit burst becomes one append', async () => {
    const log = new MemoryUpdateLog();
    const { state, log: attached } = await openPlanState(log, generatePlan(32, 3), { delayMs: 20 });
    const appendsBefore = log.appends;
    for (let i = 0; i < 10; i++) state.apply([{ op: 'set-field', field: 'name', value: `n${i}` }]);
    expect(attached.pending).to.equal(10);
    await tick(60);
    expect(log.appends - appendsBefore).to.equal(1);
    expect(attached.pending).to.equal(0);
    attached.dispose();
    state.destroy();
  });

  it('flush() starts the write at once (pagehide cannot wait for a timer)', async () => {
    const log = new MemoryUpdateLog();
    const { state, log: attached } = await openPlanState(log, generatePlan(33, 1), { delayMs: 10_000 });
    const before = log.appends;
    state.apply([{ op: 'set-field', field: 'region', value: 'Noord' }]);
    void attached.flush();
    expect(log.appends).to.equal(before + 1, 'append called synchronously');
    attached.dispose();
    state.destroy();
  });

  it('compacts into one record every N appends, and the compacted log replays the same plan', async () => {
    const log = new MemoryUpdateLog();
    const { state, log: attached } = await openPlanState(log, generatePlan(34, 8), { compactEvery: 5 });
    for (let i = 0; i < 12; i++) {
      state.apply([{ op: 'update-row', collection: 'activities', id: `a${(i % 8) + 1}`, patch: { name: `v${i}` } }]);
      await attached.flush();
    }
    expect(log.replaces).to.equal(2);
    expect(log.records.length).to.be.lessThan(5);
    const replayed = createPlanState(generatePlan(1, 0), { updates: await log.load() });
    expect(replayed.plan).to.deep.equal(state.plan);
    replayed.destroy();
    attached.dispose();
    state.destroy();
  });

  it('a failing write keeps the updates and writes them with the next flush', async () => {
    const log = new MemoryUpdateLog();
    const problems: StateProblem[] = [];
    const { state, log: attached } = await openPlanState(log, generatePlan(35, 2), {
      onProblem: (p) => problems.push(p),
    });
    log.failWrites = true;
    state.apply([{ op: 'set-field', field: 'name', value: 'tijdens volle schijf' }]);
    await attached.flush();
    expect(problems.map((p) => p.code)).to.deep.equal(['storage-failed']);
    expect(problems[0]!.message.nl).to.contain('QuotaExceededError');
    expect(attached.pending).to.equal(1);
    log.failWrites = false;
    await attached.flush();
    expect(attached.pending).to.equal(0);
    const replayed = createPlanState(generatePlan(1, 0), { updates: await log.load() });
    expect(replayed.plan.name).to.equal('tijdens volle schijf');
    replayed.destroy();
    attached.dispose();
    state.destroy();
  });

  it('an unreadable log does not stop editing: the whole doc is stored once writing works', async () => {
    const log = new MemoryUpdateLog();
    log.failLoad = true;
    const problems: StateProblem[] = [];
    const state = createPlanState(generatePlan(38, 2));
    const attached = attachUpdateLog(state, log, { delayMs: 5, onProblem: (p) => problems.push(p) });
    await attached.ready;
    expect(problems.map((p) => p.code)).to.deep.equal(['storage-failed']);
    state.apply([{ op: 'set-field', field: 'name', value: 'toch bewaard' }]);
    await attached.flush();
    log.failLoad = false;
    const replayed = createPlanState(generatePlan(1, 0), { updates: await log.load() });
    expect(replayed.plan).to.deep.equal(state.plan);
    replayed.destroy();
    attached.dispose();
    state.destroy();
  });

  it('attachUpdateLog loads stored updates into an existing state, stores what the log lacks, and skips replays', async () => {
    const plan = generatePlan(36, 3);
    const writer = createPlanState(plan);
    writer.apply([{ op: 'set-field', field: 'name', value: 'uit de log' }]);
    const log = new MemoryUpdateLog([writer.encodeState()]);
    const reader = createPlanState(plan);
    reader.apply([{ op: 'set-field', field: 'region', value: 'gemaakt voor het laden' }]);
    const attached = attachUpdateLog(reader, log);
    await attached.ready;
    expect(reader.plan.name).to.equal('uit de log');
    expect(reader.plan.region).to.equal('gemaakt voor het laden');
    const merged = Y.mergeUpdates(await log.load());
    const fresh = createPlanState(generatePlan(1, 0), { updates: [merged] });
    expect(fresh.plan).to.deep.equal(reader.plan);
    expect(fresh.plan.activities).to.have.length(3, 'the same seed twice is one copy');
    fresh.destroy();
    attached.dispose();
    reader.destroy();
    writer.destroy();
  });

  it('does not store updates that came from another tab (that tab stores them)', async () => {
    const log = new MemoryUpdateLog();
    const { state, log: attached } = await openPlanState(log, generatePlan(37, 1));
    const other = createPlanState(generatePlan(37, 1));
    other.apply([{ op: 'set-field', field: 'name', value: 'ander tabblad' }]);
    const before = log.appends;
    state.applyUpdate(other.encodeState(), 'tab');
    await attached.flush();
    expect(state.plan.name).to.equal('ander tabblad');
    expect(log.appends).to.equal(before);
    attached.dispose();
    state.destroy();
    other.destroy();
  });
});
