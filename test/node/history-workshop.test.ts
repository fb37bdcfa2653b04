import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Plan } from '../../src/model/index.ts';
import { TokenTable } from '../../server/auth.ts';
import type { AssignedIdentity } from '../../src/sync/collab/index.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { cellHistory, collectable, readPoints, restoreCellOp, timeline } from '../../src/negotiation/history.ts';
import { keepHistory } from '../../src/negotiation/history-keep.ts';
import { attribute } from '../../src/negotiation/history-users.ts';
import { join, startServer, waitFor, synced, type TestServer } from './collab/helpers.ts';

/*
 * The history lives in the scenario's document, so a workshop shares it like any edit: two
 * participants (each with their own document, as two browser profiles have) each see who changed
 * what, and either can put an earlier value back.
 */

const plan = Plan.parse(
  JSON.parse(readFileSync(new URL('../../demo/plans/dementia-network.json', import.meta.url), 'utf8')),
);

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

test('each participant’s edits are attributed to them at the other participant too, and restoring is shared', async () => {
  // As the store opens a stored scenario: deleted plan content kept, the history kept.
  const anna = createPlanState(plan, { gcFilter: collectable });
  const bram = createPlanState(plan, { gcFilter: collectable });
  const stops = [keepHistory(anna.doc, () => anna.plan), keepHistory(bram.doc, () => bram.plan)];
  attribute(anna.doc, 'Anna (zorgverzekeraar)');
  attribute(bram.doc, 'Bram (gemeente)');
  const a = join(server.url, 'history-room', { doc: anna, userName: 'Anna' });
  const b = join(server.url, 'history-room', { doc: bram, userName: 'Bram' });
  try {
    await waitFor(() => synced(a) && synced(b), 'both connected');
    const name = { section: 'plan' as const, field: 'name' };
    anna.apply([{ op: 'set-field', field: 'name', value: 'Voorstel Anna' }]);
    stops[0]!(); // Anna pauses: her edits become a point.
    await waitFor(() => bram.plan.name === 'Voorstel Anna', 'Anna’s edit at Bram');
    bram.apply([{ op: 'set-field', field: 'name', value: 'Voorstel Bram' }]);
    stops[1]!();
    await waitFor(() => timeline(anna.doc).filter((e) => e.kind === 'edits').length === 2, 'Bram’s point at Anna');

    for (const doc of [anna.doc, bram.doc])
      assert.deepEqual(
        cellHistory(doc, name).map((e) => [e.by, e.value]),
        [
          ['Bram (gemeente)', 'Voorstel Bram'],
          ['Anna (zorgverzekeraar)', 'Voorstel Anna'],
          ['', plan.name],
        ],
      );
    const annas = cellHistory(anna.doc, name)[1]!.id;
    anna.apply([restoreCellOp(anna.doc, anna.plan, name, annas)!]);
    await waitFor(() => bram.plan.name === 'Voorstel Anna', 'the restore at Bram');
    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
  } finally {
    a.leave();
    b.leave();
    anna.destroy();
    bram.destroy();
  }
});

test('edits made before the server says who this is are named by the server’s identity, and the server takes them', async () => {
  // Personal tokens: the server names Anna's and Bram's edits, whatever their planners call them.
  const ANNA = 'anna-personal-token';
  const BRAM = 'bram-personal-token';
  const own = await startServer({
    tokens: new TokenTable({
      [ANNA]: { role: 'editor', rooms: '*', name: 'Anna Jansen' },
      [BRAM]: { role: 'editor', rooms: '*', name: 'Bram de Vries' },
    }),
  });
  const anna = createPlanState(plan, { gcFilter: collectable });
  const bram = createPlanState(plan, { gcFilter: collectable });
  const keeps = [keepHistory(anna.doc, () => anna.plan), keepHistory(bram.doc, () => bram.plan)];
  // In a workshop with a token, whose edits these are is the server's to say: nobody until it has.
  attribute(anna.doc, '');
  const name = { section: 'plan' as const, field: 'name' };
  // Anna edits before her planner has even connected, and pauses: a point is recorded.
  anna.apply([{ op: 'set-field', field: 'name', value: 'Voorstel Anna' }]);
  keeps[0]!();
  keeps[0] = keepHistory(anna.doc, () => anna.plan);
  assert.equal(readPoints(anna.doc).filter((p) => !p.start).length, 1);
  let identity: AssignedIdentity | null = null;
  const a = join(own.url, 'held-room', {
    doc: anna,
    token: ANNA,
    // Her planner's user-name is someone else's: another personal token's holder.
    userName: 'Bram de Vries',
    onIdentity: (i) => {
      identity = i;
      attribute(anna.doc, i.name ?? 'Bram de Vries');
    },
  });
  const b = join(own.url, 'held-room', { doc: bram, token: BRAM, userName: 'Bram' });
  try {
    await waitFor(() => identity !== null && synced(a) && synced(b), 'both connected, Anna named');
    await waitFor(() => bram.plan.name === 'Voorstel Anna', 'Anna’s edit at Bram');
    const named = () => cellHistory(bram.doc, name)[0]?.by === 'Anna Jansen';
    await waitFor(named, 'Anna’s name for her first edit at Bram');
    for (const doc of [anna.doc, bram.doc]) {
      assert.deepEqual(
        cellHistory(doc, name).map((e) => [e.by, e.value]),
        [
          ['Anna Jansen', 'Voorstel Anna'],
          ['', plan.name],
        ],
      );
      assert.deepEqual(
        timeline(doc)
          .filter((e) => e.kind === 'edits')
          .map((e) => e.by),
        ['Anna Jansen'],
      );
    }
    // The server took every update: nothing refused, no one disconnected.
    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
    assert.deepEqual(
      own.logs.filter((l) => /refus|invalid|4422/i.test(l)),
      [],
    );
  } finally {
    for (const stop of keeps) stop();
    a.leave();
    b.leave();
    anna.destroy();
    bram.destroy();
    await own.close();
  }
});
