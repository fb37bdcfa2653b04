import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { Plan } from '../../../src/model/index.ts';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import { activity, generatePlan } from '../../sync/helpers.ts';
import {
  EDITOR,
  join,
  rawDocClient,
  sameDoc,
  sleep,
  stable,
  startServer,
  synced,
  waitFor,
  wire,
  type TestServer,
} from './helpers.ts';

/*
 * One truth: a peer that writes invalid values straight into the Yjs document used to make
 * participants disagree (one present keeps the last valid value, one joining later drops the row),
 * so totals depended on when someone joined. The server now refuses such an update; the sender
 * is closed with 4422 invalid-update and nothing else changes.
 */

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const json = (v: unknown) => stable(JSON.parse(JSON.stringify(v)));

async function seededRoom(room: string, seed: number): Promise<{ base: Plan; present: YPlanState; leave: () => void }> {
  const base = generatePlan(seed, 6);
  const present = createPlanState(base);
  const c = join(server.url, room, { doc: present, userName: 'Present' });
  await waitFor(() => synced(c), 'present participant connected');
  // A row created during the workshop: nobody's local plan has it.
  present.apply([{ op: 'insert-row', collection: 'activities', row: activity('act-new') }]);
  await waitFor(() => synced(c), 'row acknowledged');
  return {
    base,
    present,
    leave: () => {
      c.leave();
      present.destroy();
    },
  };
}

async function lateJoiner(
  room: string,
  base: Plan,
  present: YPlanState,
): Promise<{ late: YPlanState; leave: () => void }> {
  const late = createPlanState(base);
  const c = join(server.url, room, { doc: late, userName: 'Late' });
  await waitFor(() => synced(c) && sameDoc(late.doc, present.doc), 'late participant has the same document');
  return {
    late,
    leave: () => {
      c.leave();
      late.destroy();
    },
  };
}

for (const [label, write] of [
  [
    'an invalid cost in a row created during the workshop',
    (doc: Y.Doc) => {
      ((doc.getMap('rows.activities').get('act-new') as Y.Map<unknown>).get('cost') as Y.Map<unknown>).set(
        'amount',
        'twelve euros',
      );
    },
  ],
  [
    'a row that is not a row',
    (doc: Y.Doc) => {
      doc.getMap('rows.activities').set('act-junk', 'just a string');
    },
  ],
  [
    'a number as the plan name',
    (doc: Y.Doc) => {
      doc.getMap('plan').set('name', 42);
    },
  ],
  [
    'a removed plan field',
    (doc: Y.Doc) => {
      doc.getMap('plan').delete('paymentTitle');
    },
  ],
  [
    'an invalid default split cell',
    (doc: Y.Doc) => {
      doc.getMap('defaultSplit').set('d:zvw', { p: '50%%', n: 0 });
    },
  ],
] as const) {
  test(`a hostile Yjs client writes ${label}: refused, and early and late participants derive the same plan`, async () => {
    const room = `plan-truth-${label.length}`;
    const { base, present, leave } = await seededRoom(room, label.length);
    const before = json(present.plan);
    const hostile = await rawDocClient(server.url, room, EDITOR);
    await waitFor(
      () => hostile.authenticated() && hostile.synced() && sameDoc(hostile.doc, present.doc),
      'hostile synced',
    );
    write(hostile.doc);
    const closed = await Promise.race([hostile.closed, sleep(1000).then(() => null)]);
    if (!hostile.isClosed()) hostile.ws.terminate();
    await sleep(100);
    const { late, leave: leaveLate } = await lateJoiner(room, base, present);
    assert.equal(
      json(late.plan),
      json(present.plan),
      'the participant who was there and the one who joined later see the same plan',
    );
    assert.equal(json(present.plan), before, 'nothing changed for the participant who was there');
    assert.ok(Plan.safeParse(late.plan).success);
    assert.deepEqual(closed, { code: 4422, reason: 'invalid-update' }, 'the sender is told');
    assert.ok(
      server.logs.some((l) => l.includes('invalid-update')),
      'logged',
    );
    leaveLate();
    leave();
  });
}

test('a valid edit from the same kind of raw client is accepted and reaches everyone', async () => {
  const room = 'plan-truth-valid';
  const { base, present, leave } = await seededRoom(room, 77);
  const hostile = await rawDocClient(server.url, room, EDITOR);
  await waitFor(() => hostile.synced() && sameDoc(hostile.doc, present.doc), 'synced');
  hostile.doc.getMap('plan').set('name', 'Renamed by a raw client');
  await waitFor(() => present.plan.name === 'Renamed by a raw client', 'valid edit arrives');
  const { late, leave: leaveLate } = await lateJoiner(room, base, present);
  assert.equal(late.plan.name, 'Renamed by a raw client');
  assert.equal(hostile.isClosed(), false);
  hostile.ws.terminate();
  leaveLate();
  leave();
});

test('an update that does not decode, or fails when applied, is refused with the room unchanged', async () => {
  const room = 'plan-truth-garbage';
  const { base, present, leave } = await seededRoom(room, 78);
  const before = json(present.plan);
  const hostile = await rawDocClient(server.url, room, EDITOR);
  await waitFor(() => hostile.synced(), 'synced');
  // Structurally a Yjs update (passes framing) whose struct refers to a type it never creates.
  const bogus = new Uint8Array([1, 1, 200, 1, 0, 8, 1, 5, 1, 119, 1, 120, 0]);
  hostile.send(wire.update(room, bogus));
  const closed = await Promise.race([hostile.closed, sleep(1000).then(() => null)]);
  if (!hostile.isClosed()) hostile.ws.terminate();
  assert.ok(closed && (closed.code === 4422 || closed.code === 4400), `closed (${JSON.stringify(closed)})`);
  const { late, leave: leaveLate } = await lateJoiner(room, base, present);
  assert.equal(json(late.plan), before);
  leaveLate();
  leave();
});

test('an edit that arrives before what it builds on is held, then applied with it; one whose base never comes is refused', async () => {
  const hold = await startServer({ limits: { updateHoldMs: 400 } as never });
  try {
    const room = 'plan-truth-order';
    const base = generatePlan(91, 4);
    const present = createPlanState(base);
    const c = join(hold.url, room, { doc: present, userName: 'Present' });
    await waitFor(() => synced(c), 'connected');
    const names: string[] = [];
    present.subscribe((plan) => names.push(plan.name));
    // A client that was offline: it renamed the plan twice; the second rename builds on the first.
    const offline = createPlanState(base);
    const updates: Uint8Array[] = [];
    offline.onUpdate((u, origin) => {
      if (origin === 'local') updates.push(u);
    });
    offline.apply([{ op: 'set-field', field: 'name', value: 'First rename' }]);
    offline.apply([{ op: 'set-field', field: 'name', value: 'Second rename' }]);
    const [first, second] = updates;
    const raw1 = await rawDocClient(hold.url, room, EDITOR);
    await waitFor(() => raw1.synced(), 'synced');
    raw1.send(wire.update(room, second!)); // arrives first: its base is missing
    await sleep(100);
    assert.equal(present.plan.name, base.name, 'nothing visible yet: the name did not vanish');
    raw1.send(wire.update(room, first!));
    await waitFor(() => present.plan.name === 'Second rename', 'both applied');
    assert.ok(!names.includes(''), 'the name never disappeared');
    assert.equal(raw1.isClosed(), false);
    raw1.ws.terminate();
    // An edit whose base never arrives, carrying the deletion of the name the room has (the whole
    // delete set, as a diff against a later state vector does): held, then refused.
    offline.apply([{ op: 'set-field', field: 'name', value: 'Third rename' }]);
    const sv = Y.encodeStateVector(offline.doc);
    offline.apply([{ op: 'set-field', field: 'name', value: 'Fourth rename' }]);
    const raw2 = await rawDocClient(hold.url, room, EDITOR);
    await waitFor(() => raw2.synced(), 'synced');
    raw2.send(wire.update(room, Y.encodeStateAsUpdate(offline.doc, sv)));
    const closed = await Promise.race([raw2.closed, sleep(2000).then(() => null)]);
    assert.deepEqual(closed, { code: 4422, reason: 'invalid-update' });
    assert.equal(present.plan.name, 'Second rename');
    const late = createPlanState(base);
    const l = join(hold.url, room, { doc: late });
    await waitFor(() => synced(l) && sameDoc(late.doc, present.doc), 'late joiner');
    assert.equal(json(late.plan), json(present.plan));
    l.leave();
    c.leave();
    [present, offline, late].forEach((s) => s.destroy());
  } finally {
    await hold.close();
  }
});
