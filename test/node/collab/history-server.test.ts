import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TokenTable } from '../../../server/auth.ts';
import { roomGcFilter } from '../../../server/history-check.ts';
import { Plan } from '../../../src/model/index.ts';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import { HISTORY_ROOT, cellHistory, collectable, readPoints, recordPoint } from '../../../src/negotiation/history.ts';
import { USERS_ROOT, attribute, userData } from '../../../src/negotiation/history-users.ts';
import { generatePlan } from '../../sync/helpers.ts';
import {
  docJson,
  join,
  rawDocClient,
  sameDoc,
  sleep,
  startServer,
  tempDir,
  synced,
  waitFor,
  type Client,
  type TestServer,
} from './helpers.ts';

/*
 * The history in a workshop, on the server's side. The server keeps the deleted content the history
 * reads (gc with the clients' `collectable` filter), so a participant who joins later reads every
 * earlier point; and it checks the names in it: a connection writes attributions (PermanentUserData
 * in `users`, a point's `by`) only under the name the server assigned to its token, and never
 * rewrites or deletes another person's point outside the compaction rule.
 */

const ANNA = 'token-anna-1';
const BOB = 'token-bob-1';
const WATCHER = 'token-watcher-1';
const SHARED = 'token-shared-1';
const tokens = () =>
  new TokenTable({
    [ANNA]: { role: 'editor', rooms: '*', name: 'Anna' },
    [BOB]: { role: 'editor', rooms: '*', name: 'Bob' },
    [WATCHER]: 'observer',
    [SHARED]: 'editor',
  });

let server: TestServer;
before(async () => {
  server = await startServer({ tokens: tokens() });
});
after(async () => {
  await server.close();
});

const NAME = { section: 'plan' as const, field: 'name' };
const plan = (): Plan => generatePlan(11, 3);

/** A participant as the planner makes one: deleted content kept, edits attributed, a point per burst. */
interface Person {
  state: YPlanState;
  client: Client;
  edit(name: string): void;
  leave(): void;
}

async function person(room: string, token: string, name: string, base: Plan): Promise<Person> {
  const state = createPlanState(base, { gcFilter: collectable });
  const client = join(server.url, room, { doc: state, token, userName: name });
  await waitFor(() => synced(client), `${name} connected`);
  attribute(state.doc, name);
  return {
    state,
    client,
    edit(value) {
      if (readPoints(state.doc).length === 0) recordPoint(state.doc, '', undefined, { start: true, plan: state.plan });
      state.apply([{ op: 'set-field', field: 'name', value }]);
      recordPoint(state.doc, name, undefined, { plan: state.plan });
    },
    leave() {
      client.leave();
      state.destroy();
    },
  };
}

const roomDoc = (room: string): Y.Doc => server.hocuspocus.documents.get(room)!;
const roomJson = (room: string) => JSON.stringify(docJson(roomDoc(room)));

async function refusedWithin(c: Client, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (c.errors.some((e) => e.code === 'invalid-update')) return true;
    await sleep(20);
  }
  return false;
}

test('a participant who joins later reads the earlier history, attributed to who made it', async () => {
  const base = plan();
  const anna = await person('late-joiner', ANNA, 'Anna', base);
  anna.edit('Voorstel Anna 1');
  anna.edit('Voorstel Anna 2');
  await waitFor(() => roomJson('late-joiner') === JSON.stringify(docJson(anna.state.doc)), 'Anna’s edits in the room');
  const bob = new Y.Doc({ gcFilter: collectable });
  const b = join(server.url, 'late-joiner', { doc: bob, token: BOB, userName: 'Bob' });
  try {
    await waitFor(() => synced(b) && sameDoc(bob, anna.state.doc), 'Bob has the room');
    assert.deepEqual(
      cellHistory(bob, NAME).map((e) => [e.by, e.value]),
      [
        ['Anna', 'Voorstel Anna 2'],
        ['Anna', 'Voorstel Anna 1'],
        ['', base.name],
      ],
    );
    assert.deepEqual(anna.client.errors, []);
  } finally {
    b.leave();
    bob.destroy();
    anna.leave();
  }
});

/** A room where Anna has made two points; Bob (or another token) joins it with a raw document. */
async function roomWithAnna(room: string, token: string) {
  const anna = await person(room, ANNA, 'Anna', plan());
  anna.edit('Voorstel Anna');
  const other = await rawDocClient(server.url, room, token);
  await waitFor(
    () => other.authenticated() && other.synced() && sameDoc(other.doc, anna.state.doc),
    'the other one synced',
  );
  await waitFor(() => roomJson(room) === JSON.stringify(docJson(anna.state.doc)), 'the room has Anna’s edits');
  return { anna, other, before: roomJson(room) };
}

const closedWithin = (s: { closed: Promise<{ code: number; reason: string }> }, ms = 2000) =>
  Promise.race([s.closed, sleep(ms).then(() => null)]);

test('a PermanentUserData entry under another person’s name is refused and the room stays as it was', async () => {
  const { anna, other, before } = await roomWithAnna('forge-users', BOB);
  try {
    // Bob maps his client id to Anna: his edits would show as hers.
    userData(other.doc).setUserMapping(other.doc, other.doc.clientID, 'Anna', { filter: () => false });
    assert.deepEqual(await closedWithin(other), { code: 4422, reason: 'invalid-update' });
    await sleep(100);
    assert.equal(roomJson('forge-users'), before);
    assert.ok(
      server.logs.some((l) => l.includes('forge-users') && l.includes('users.Anna')),
      server.logs.join('\n'),
    );
  } finally {
    other.ws.close();
    anna.leave();
  }
});

test('a history point whose `by` names another person is refused and the room stays as it was', async () => {
  const { anna, other, before } = await roomWithAnna('forge-by', BOB);
  try {
    other.doc.getMap(HISTORY_ROOT).set(`p:${other.doc.clientID}:0`, {
      at: Date.now(),
      by: 'Anna',
      snap: Y.encodeSnapshot(Y.snapshot(other.doc)),
    });
    assert.deepEqual(await closedWithin(other), { code: 4422, reason: 'invalid-update' });
    await sleep(100);
    assert.equal(roomJson('forge-by'), before);
  } finally {
    other.ws.close();
    anna.leave();
  }
});

test('start points beyond a few are refused: nobody can pile up starts that no one may remove', async () => {
  const { anna, other, before } = await roomWithAnna('forge-start', SHARED);
  try {
    const history = other.doc.getMap(HISTORY_ROOT);
    other.doc.transact(() => {
      for (let i = 0; i < 10; i++)
        history.set(`p:${other.doc.clientID}:${i}`, {
          at: Date.now(),
          by: '',
          start: true,
          snap: Y.encodeSnapshot(Y.snapshot(other.doc)),
        });
    });
    assert.deepEqual(await closedWithin(other), { code: 4422, reason: 'invalid-update' });
    await sleep(100);
    assert.equal(roomJson('forge-start'), before);
  } finally {
    other.ws.close();
    anna.leave();
  }
});

test('a point under another person’s client id is refused, even with one’s own name', async () => {
  const { anna, other, before } = await roomWithAnna('forge-client', BOB);
  try {
    // Anna's client id names her in PermanentUserData: a point under it reads as hers.
    other.doc.getMap(HISTORY_ROOT).set(`p:${anna.state.doc.clientID}:999999`, {
      at: Date.now(),
      by: 'Bob',
      snap: Y.encodeSnapshot(Y.snapshot(other.doc)),
    });
    assert.deepEqual(await closedWithin(other), { code: 4422, reason: 'invalid-update' });
    await sleep(100);
    assert.equal(roomJson('forge-client'), before);
  } finally {
    other.ws.close();
    anna.leave();
  }
});

test('deleting or rewriting another person’s recent point is refused and the room stays as it was', async () => {
  for (const how of ['delete', 'rewrite'] as const) {
    const room = `forge-${how}`;
    const { anna, other, before } = await roomWithAnna(room, BOB);
    try {
      const points = other.doc.getMap<Record<string, unknown>>(HISTORY_ROOT);
      const annas = readPoints(other.doc).find((p) => p.by === 'Anna')!;
      assert.ok(annas, 'Anna’s point reached Bob');
      if (how === 'delete') points.delete(annas.key);
      else points.set(annas.key, { ...points.get(annas.key), at: 1 });
      assert.deepEqual(await closedWithin(other), { code: 4422, reason: 'invalid-update' }, how);
      await sleep(100);
      assert.equal(roomJson(room), before, how);
      assert.equal(readPoints(roomDoc(room)).filter((p) => p.by === 'Anna').length, 1);
    } finally {
      other.ws.close();
      anna.leave();
    }
  }
});

test('a participant’s own attribution and points pass, and reach the others under their name', async () => {
  const base = plan();
  const anna = await person('own-names', ANNA, 'Anna', base);
  const bob = await person('own-names', BOB, 'Bob', base);
  try {
    anna.edit('Voorstel Anna');
    await waitFor(() => bob.state.plan.name === 'Voorstel Anna', 'Anna’s edit at Bob');
    bob.edit('Voorstel Bob');
    await waitFor(() => cellHistory(anna.state.doc, NAME).length === 3, 'Bob’s point at Anna');
    assert.deepEqual(
      cellHistory(anna.state.doc, NAME).map((e) => [e.by, e.value]),
      [
        ['Bob', 'Voorstel Bob'],
        ['Anna', 'Voorstel Anna'],
        ['', base.name],
      ],
    );
    assert.deepEqual(anna.client.errors, []);
    assert.deepEqual(bob.client.errors, []);
    assert.ok(!(await refusedWithin(bob.client, 300)));
  } finally {
    anna.leave();
    bob.leave();
  }
});

test('edits made before joining, under the planner’s user-name, come along with the scenario', async () => {
  const base = plan();
  // Anna worked on the scenario alone first, as "anna" (her planner's user-name).
  const state = createPlanState(base, { gcFilter: collectable });
  attribute(state.doc, 'anna');
  recordPoint(state.doc, '', undefined, { start: true, plan: state.plan });
  state.apply([{ op: 'set-field', field: 'name', value: 'Thuis gemaakt' }]);
  recordPoint(state.doc, 'anna', undefined, { plan: state.plan });
  const a = join(server.url, 'before-joining', { doc: state, token: ANNA, userName: 'anna' });
  const bob = new Y.Doc({ gcFilter: collectable });
  try {
    await waitFor(() => synced(a), 'Anna connected');
    // In the workshop she is who her token says.
    attribute(state.doc, 'Anna');
    state.apply([{ op: 'set-field', field: 'name', value: 'In de werksessie' }]);
    recordPoint(state.doc, 'Anna', undefined, { plan: state.plan });
    const b = join(server.url, 'before-joining', { doc: bob, token: BOB, userName: 'Bob' });
    await waitFor(() => synced(b) && sameDoc(bob, state.doc), 'Bob has the room');
    assert.deepEqual(
      cellHistory(bob, NAME).map((e) => [e.by, e.value]),
      [
        ['Anna', 'In de werksessie'],
        ['anna', 'Thuis gemaakt'],
        ['', base.name],
      ],
    );
    assert.deepEqual(a.errors, []);
    b.leave();
  } finally {
    a.leave();
    state.destroy();
    bob.destroy();
  }
});

test('an observer’s forged point and attribution never reach the room', async () => {
  const { anna, other, before } = await roomWithAnna('forge-observer', WATCHER);
  try {
    userData(other.doc).setUserMapping(other.doc, other.doc.clientID, 'Anna', { filter: () => false });
    other.doc.getMap(HISTORY_ROOT).set(`p:${other.doc.clientID}:0`, {
      at: Date.now(),
      by: 'Anna',
      snap: Y.encodeSnapshot(Y.snapshot(other.doc)),
    });
    await sleep(300);
    assert.equal(roomJson('forge-observer'), before);
    assert.equal(roomDoc('forge-observer').getMap(USERS_ROOT).size, 1);
  } finally {
    other.ws.close();
    anna.leave();
  }
});

test('a shared token (it names nobody) cannot claim the name of a personal token’s holder', async () => {
  const { anna, other, before } = await roomWithAnna('forge-shared', SHARED);
  try {
    userData(other.doc).setUserMapping(other.doc, other.doc.clientID, 'Anna', { filter: () => false });
    assert.deepEqual(await closedWithin(other), { code: 4422, reason: 'invalid-update' });
    await sleep(100);
    assert.equal(roomJson('forge-shared'), before);
  } finally {
    other.ws.close();
    anna.leave();
  }
});

/** A room of its own server, capped just above what `doc` holds now. */
async function cappedServer(doc: Y.Doc, headroom: number): Promise<{ server: TestServer; cap: number }> {
  const cap = Y.encodeStateAsUpdate(doc).byteLength + headroom;
  const dir = tempDir();
  const server = await startServer({ tokens: tokens(), dataDir: dir.path, limits: { maxRoomBytes: cap } });
  const close = server.close.bind(server);
  return { server: Object.assign(server, { close: () => close().finally(dir.remove) }), cap };
}

test('a room that keeps its history stays within the size cap: a growing edit past it is refused and told, nothing acknowledged is lost', async () => {
  const base = plan();
  const local = createPlanState(base, { gcFilter: collectable });
  const { server: capped, cap } = await cappedServer(local.doc, 6000);
  attribute(local.doc, 'Anna');
  const anna = join(capped.url, 'capped', { doc: local, token: ANNA, userName: 'Anna' });
  try {
    await waitFor(() => synced(anna), 'Anna connected');
    recordPoint(local.doc, '', undefined, { start: true, plan: local.plan });
    let accepted = '';
    for (let i = 0; i < 200 && !anna.errors.some((e) => e.code === 'room-too-large'); i++) {
      const value = `${i}`.padEnd(190, String.fromCharCode(97 + (i % 26)));
      local.apply([{ op: 'set-field', field: 'name', value }]);
      recordPoint(local.doc, 'Anna', undefined, { plan: local.plan });
      await sleep(30);
      // While Anna is away (told, rejoining) the room may be stored and unloaded.
      const room = capped.hocuspocus.documents.get('capped');
      if (!room) continue;
      if (String(room.getMap('plan').get('name') ?? '') === value) accepted = value;
      const size = Y.encodeStateAsUpdate(room).byteLength;
      assert.ok(size <= cap, `room holds ${size} bytes, cap ${cap}`);
    }
    assert.ok(
      anna.errors.some((e) => e.code === 'room-too-large'),
      'Anna is told the room is full',
    );
    assert.ok(accepted, 'edits were accepted before the cap');
    // What the room acknowledged stays, with its history: a late joiner reads it back.
    const bob = new Y.Doc({ gcFilter: collectable });
    const b = join(capped.url, 'capped', { doc: bob, token: BOB, userName: 'Bob' });
    await waitFor(() => synced(b) && readPoints(bob).length > 2, 'Bob has the room').catch((e: unknown) => {
      b.leave();
      throw e;
    });
    const values = cellHistory(bob, NAME).map((e) => e.value);
    assert.equal(values[0], accepted);
    assert.equal(values[values.length - 1], base.name);
    assert.ok(values.length > 3, `Bob reads ${values.length} earlier values`);
    b.leave();
    bob.destroy();
  } finally {
    anna.leave();
    local.destroy();
    await capped.close();
  }
});

test('a room at its size cap has its old history compacted by the clients’ rule, and the edit passes', async () => {
  const base = plan();
  const local = createPlanState(base, { gcFilter: collectable });
  attribute(local.doc, 'Anna');
  const day = 86_400_000;
  const now = Date.now();
  recordPoint(local.doc, '', now - 60 * day, { start: true, plan: local.plan });
  const points = local.doc.getMap<Record<string, unknown>>(HISTORY_ROOT);
  // A busy day six weeks ago (points weighed down by what they note), then the last 50 points.
  for (let i = 0; i < 120; i++) {
    local.apply([{ op: 'set-field', field: 'name', value: `Oud ${i}` }]);
    const p = recordPoint(local.doc, 'Anna', now - 40 * day + i, { plan: local.plan })!;
    if (i < 100) points.set(p.key, { ...points.get(p.key), note: 'x'.repeat(400) });
  }
  for (let i = 0; i < 50; i++) {
    local.apply([{ op: 'set-field', field: 'name', value: `Recent ${i}` }]);
    recordPoint(local.doc, 'Anna', now - 1000 + i, { plan: local.plan });
  }
  const { server: capped, cap } = await cappedServer(local.doc, 300);
  const anna = join(capped.url, 'compacting', { doc: local, token: ANNA, userName: 'Anna' });
  try {
    await waitFor(() => synced(anna) && capped.hocuspocus.documents.has('compacting'), 'Anna connected');
    await waitFor(
      () => readPoints(capped.hocuspocus.documents.get('compacting')!).length === 171,
      'the room has it all',
    );
    // Edits that grow the room well past its cap (what it holds, plus some 1.5 kB).
    const last = `${'z'.repeat(189)}5`;
    for (let i = 1; i <= 5; i++)
      local.apply([
        { op: 'set-field', field: 'name', value: `${'z'.repeat(189)}${i}`.replace(/z/g, String.fromCharCode(100 + i)) },
      ]);
    local.apply([{ op: 'set-field', field: 'name', value: last }]);
    const room = capped.hocuspocus.documents.get('compacting')!;
    await waitFor(() => String(room.getMap('plan').get('name')) === last, 'the edits reach the room', 5000);
    assert.deepEqual(anna.errors, []);
    assert.ok(Y.encodeStateAsUpdate(room).byteLength <= cap);
    const left = readPoints(room);
    assert.ok(left.length < 171 && left.length >= 52, `${left.length} points left`);
    assert.equal(left.filter((p) => p.at >= now - 2000).length, 50, 'the last 50 points stay');
    assert.ok(left.some((p) => p.start));
  } finally {
    anna.leave();
    local.destroy();
    await capped.close();
  }
});

test('a scenario’s room keeps deleted content for its history; the scenario list keeps none', () => {
  const kept = (room: string): boolean => {
    const doc = Object.assign(new Y.Doc({ gcFilter: roomGcFilter }), { name: room });
    const m = doc.getMap('m');
    m.set('k', 'eerste');
    const before = Y.snapshot(doc);
    m.set('k', 'tweede');
    doc.gc = false;
    try {
      return Y.createDocFromSnapshot(doc, before).getMap('m').get('k') === 'eerste';
    } catch {
      return false;
    } finally {
      doc.destroy();
    }
  };
  assert.equal(kept('plan-x:main'), true);
  assert.equal(kept('plan-x:scenarios'), false);
});
