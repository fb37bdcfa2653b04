import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { newPlan, type Activity } from '../../../src/model/index.ts';
import { allocate } from '../../../src/engine/index.ts';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import { connectCollab, type CollabOptions, type CollabSession } from '../../../src/sync/collab/index.ts';

/*
 * Two plan states in one page, each connected to the collaboration server like two browsers in a
 * workshop. The server is started by the test runner (collab-server-plugin.mjs); without that
 * plugin these tests are skipped.
 */

interface ServerInfo {
  url: string;
  editor: string;
  observer: string;
}
let server: ServerInfo | null = null;

const activity = (id: string, amount: string): Activity => ({
  id,
  name: `Activiteit ${id}`,
  targetGroupIds: [],
  cost: { kind: 'lumpsum', amount, per: 'year' },
  category: 'general',
  split: null,
});

async function until(check: () => boolean, label: string, ms = 15_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const plain = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));

describe('live collaboration (browser)', function () {
  this.timeout(60_000);
  const states: YPlanState[] = [];
  const sessions: CollabSession[] = [];

  const open = (room: string, name: string, extra: Partial<CollabOptions> = {}) => {
    const state = createPlanState(newPlan(room, 'Werkplan'));
    const session = connectCollab(state, { url: server!.url, room, token: server!.editor, userName: name, ...extra });
    states.push(state);
    sessions.push(session);
    return { state, session };
  };

  before(async function () {
    try {
      server = await executeServerCommand<ServerInfo, undefined>('rp-collab-server');
    } catch {
      server = null;
    }
    if (!server) this.skip();
  });

  afterEach(() => {
    sessions.splice(0).forEach((s) => s.disconnect());
    states.splice(0).forEach((s) => s.destroy());
  });

  it('two pages editing one plan at once converge to identical plans and allocations', async () => {
    const a = open('plan-browser-1', 'Anna');
    const b = open('plan-browser-1', 'Bram');
    await until(() => a.session.synced && b.session.synced, 'connected');
    a.state.apply([
      { op: 'insert-row', collection: 'activities', row: activity('a1', '12000') },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '60' },
    ]);
    b.state.apply([
      { op: 'insert-row', collection: 'activities', row: activity('b1', '3000.50') },
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '40' },
      { op: 'set-field', field: 'name', value: 'Werkplan van Bram' },
    ]);
    await until(() => plain(a.state.plan) === plain(b.state.plan) && a.state.plan.activities.length === 2, 'converged');
    expect(a.state.plan.activities.map((x) => x.id).sort()).to.deep.equal(['a1', 'b1']);
    expect(a.state.plan.defaultSplit.domains).to.have.length(2);
    expect(a.state.plan.name).to.equal('Werkplan van Bram');
    expect(plain(allocate(a.state.plan))).to.equal(plain(allocate(b.state.plan)));
  });

  it('shows who is where: names, colours and selected cells', async () => {
    const a = open('plan-browser-2', 'Anna', { color: '#aa0000' });
    const b = open('plan-browser-2', 'Bram');
    await until(() => a.session.peers.length === 1 && b.session.peers.length === 1, 'see each other');
    a.session.setSelection({ section: 'split', rowId: 'default', domainId: 'zvw' });
    await until(() => b.session.peers[0]?.selection?.domainId === 'zvw', 'selection arrives');
    expect(b.session.peers[0]).to.include({ name: 'Anna', color: '#aa0000' });
  });

  it('a page offline for a while keeps its edits and merges them, across a server restart', async () => {
    const a = open('plan-browser-3', 'Anna');
    const b = open('plan-browser-3', 'Bram');
    await until(() => a.session.synced && b.session.synced, 'connected');
    await executeServerCommand('rp-collab-restart');
    // Both edit while the server is away (or just back): nothing may be lost.
    a.state.apply([{ op: 'insert-row', collection: 'activities', row: activity('during-a', '100') }]);
    b.state.apply([{ op: 'insert-row', collection: 'activities', row: activity('during-b', '200') }]);
    await until(
      () =>
        a.session.synced &&
        b.session.synced &&
        a.state.plan.activities.length === 2 &&
        b.state.plan.activities.length === 2,
      'merged after restart',
      40_000,
    );
    expect(plain(a.state.plan)).to.equal(plain(b.state.plan));
    // A third page that joins later gets everything from the server.
    const c = open('plan-browser-3', 'Carla');
    await until(() => c.state.plan.activities.length === 2, 'late joiner');
  });

  it('two pages changing one activity name in different places at once both keep theirs', async () => {
    const room = 'plan-browser-text';
    const a = open(room, 'Anna');
    const b = open(room, 'Bram');
    await until(() => a.session.synced && b.session.synced, 'connected');
    a.state.apply([{ op: 'insert-row', collection: 'activities', row: activity('t1', '1000') }]);
    await until(() => b.state.plan.activities.length === 1, 'the row reached Bram');
    // Both offline, each commits a whole new name (as a grid cell does): the edits are concurrent.
    a.session.disconnect();
    b.session.disconnect();
    const rename = (state: YPlanState, name: string) =>
      state.apply([{ op: 'update-row', collection: 'activities', id: 't1', patch: { name } }]);
    rename(a.state, 'Maandelijks: Activiteit t1');
    rename(b.state, 'Activiteit t1 (Zuid)');
    for (const [state, name] of [
      [a.state, 'Anna'],
      [b.state, 'Bram'],
    ] as const)
      sessions.push(connectCollab(state, { url: server!.url, room, token: server!.editor, userName: name }));
    const names = () => [a.state.plan.activities[0]?.name, b.state.plan.activities[0]?.name];
    await until(() => names().every((n) => n === 'Maandelijks: Activiteit t1 (Zuid)'), 'both names merged');
  });

  it('an observer follows along read-only; a wrong token is refused with a message', async () => {
    const a = open('plan-browser-4', 'Facilitator');
    const o = open('plan-browser-4', 'Beamer', { token: server!.observer });
    await until(() => o.session.status === 'connected' && a.session.synced, 'connected');
    expect(o.session.readOnly).to.equal(true);
    a.state.apply([{ op: 'set-field', field: 'region', value: 'Twente' }]);
    await until(() => o.state.plan.region === 'Twente', 'observer sees edits');
    const errors: string[] = [];
    const w = open('plan-browser-4', 'Mallory', { token: 'wrong-token', onError: (e) => errors.push(e.message.nl) });
    await until(() => w.session.status === 'refused', 'refused');
    expect(errors[0]).to.match(/toegangscode/);
  });
});
