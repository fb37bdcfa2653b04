import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TokenTable } from '../../../server/auth.ts';
import { readScenarioList, renameShared, shareScenario } from '../../../src/sync/collab/scenario-list.ts';
import { attribute, userData } from '../../../src/negotiation/history-users.ts';
import { setText } from '../../../src/sync/text.ts';
import { derivedClientId } from '../../../src/sync/derived-id.ts';
import {
  docJson,
  rawDocClient,
  sameDoc,
  sleep,
  startServer,
  tempDir,
  waitFor,
  wire,
  type TestServer,
} from './helpers.ts';

/*
 * A Yjs client writes under its client id, clock after clock; a room takes each clock once. A hostile
 * editor that writes under another participant's client id at that participant's next clock makes
 * the room skip the participant's own edit there: the room shows the forgery, the participant its
 * own edit, for good. The server now binds a fresh client id to the editor whose presence announces
 * it, or who writes under it first (the holder's name for a personal token, else the socket): new
 * content under it, or listing it as someone's in the history's people, from anyone else is refused.
 */

const ANNA = 'token-anna-c';
const BOB = 'token-bob-c';
const SHARED = 'token-shared-c';
const WATCHER = 'token-watcher-c';
const tokens = () =>
  new TokenTable({
    [ANNA]: { role: 'editor', rooms: '*', name: 'Anna' },
    [BOB]: { role: 'editor', rooms: '*', name: 'Bob' },
    [SHARED]: 'editor',
    [WATCHER]: 'observer',
  });

let server: TestServer;
before(async () => {
  server = await startServer({ tokens: tokens() });
});
after(async () => {
  await server.close();
});

const closedWithin = (s: { closed: Promise<{ code: number; reason: string }> }, ms = 3000) =>
  Promise.race([s.closed, sleep(ms).then(() => null)]);

/** A copy of `doc` under the same client id: its next edit is the one `doc` would make. */
function twin(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  copy.clientID = doc.clientID;
  return copy;
}

/** The update of one edit made in `doc`. */
function edit(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

for (const [label, annaToken, bobToken] of [
  ['personal tokens', ANNA, BOB],
  ['a shared token', SHARED, SHARED],
] as const) {
  test(`an edit under another participant’s client id is refused, and their own edit there reaches everyone (${label})`, async () => {
    const room = `client-id-${annaToken === SHARED ? 'shared' : 'named'}`;
    const anna = await rawDocClient(server.url, room, annaToken);
    await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
    // As a provider does when it joins: its presence, under the document's client id.
    anna.send(wire.awareness(room, [[anna.doc.clientID, 1, { name: 'Anna' }]]));
    anna.doc.getMap('meta').set('opened', 'Anna');
    const bob = await rawDocClient(server.url, room, bobToken);
    const watcher = await rawDocClient(server.url, room, WATCHER);
    await waitFor(() => sameDoc(bob.doc, anna.doc) && sameDoc(watcher.doc, anna.doc), 'all synced');
    const annaId = anna.doc.clientID;
    // Anna's next edit, made while Bob's forgery is under way (her copy keeps her client id).
    const mine = edit(twin(anna.doc), (d) => d.getMap('meta').set('agenda', 'Anna’s agenda'));
    const forged = edit(twin(anna.doc), (d) => d.getMap('meta').set('agenda', 'Bob’s agenda'));
    bob.send(wire.update(room, forged));
    await sleep(150);
    anna.send(wire.update(room, mine));
    await sleep(300);
    const shown = watcher.doc.getMap('meta').get('agenda');
    assert.equal(shown, 'Anna’s agenda', `the room shows ${String(shown)}`);
    const roomDoc = server.hocuspocus.documents.get(room)!;
    assert.equal(roomDoc.getMap('meta').get('agenda'), 'Anna’s agenda');
    assert.equal(anna.isClosed(), false, 'Anna’s edit passed');
    assert.ok((await closedWithin(bob)) !== null, 'Bob was closed');
    assert.ok(
      server.logs.some((l) => l.includes(`client ${annaId}`)),
      server.logs.join('\n'),
    );
    [anna, watcher].forEach((s) => s.ws.terminate());
  });
}

test('writing under a participant’s announced id before her first edit takes nothing from her', async () => {
  const room = 'client-id-presence';
  const anna = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
  const announced = anna.doc.clientID;
  anna.send(wire.awareness(room, [[announced, 1, { name: 'Anna' }]]));
  const bob = await rawDocClient(server.url, room, BOB);
  await waitFor(() => bob.synced(), 'Bob synced');
  await sleep(100);
  bob.send(
    wire.update(
      room,
      edit(twin(anna.doc), (d) => d.getMap('meta').set('agenda', 'Bob’s agenda')),
    ),
  );
  // Her document received content under its own id: Yjs moves it to a new one.
  await waitFor(() => anna.doc.clientID !== announced, 'Anna’s document moved to a new client id');
  anna.doc.getMap('meta').set('agenda', 'Anna’s agenda');
  const roomDoc = server.hocuspocus.documents.get(room)!;
  await waitFor(() => roomDoc.getMap('meta').get('agenda') === 'Anna’s agenda', 'her edit reached the room');
  assert.deepEqual(docJson(roomDoc), docJson(anna.doc));
  assert.equal(anna.isClosed(), false);
  [anna, bob].forEach((s) => s.ws.terminate());
});

test('a participant who comes back with the same document writes on under its client id', async () => {
  const room = 'client-id-back';
  const watcher = await rawDocClient(server.url, room, WATCHER);
  await waitFor(() => watcher.synced(), 'the room stays open');
  const first = await rawDocClient(server.url, room, SHARED);
  await waitFor(() => first.authenticated() && first.synced(), 'synced');
  first.doc.getMap('meta').set('round', 1);
  await sleep(150);
  first.ws.terminate();
  await sleep(150);
  // The same browser (same document, same client id) on a new socket.
  const again = await rawDocClient(server.url, room, SHARED);
  await waitFor(() => again.authenticated() && again.synced(), 'synced again');
  const next = edit(twin(first.doc), (d) => d.getMap('meta').set('round', 2));
  again.send(wire.update(room, next));
  await sleep(300);
  const roomDoc = server.hocuspocus.documents.get(room)!;
  assert.equal(roomDoc.getMap('meta').get('round'), 2);
  assert.equal(again.isClosed(), false);
  [again, watcher].forEach((s) => s.ws.terminate());
});

test('a personal token holder’s client id stays theirs while they are away', async () => {
  const room = 'client-id-away';
  const watcher = await rawDocClient(server.url, room, WATCHER);
  await waitFor(() => watcher.synced(), 'the room stays open');
  const anna = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
  anna.send(wire.awareness(room, [[anna.doc.clientID, 1, { name: 'Anna' }]]));
  anna.doc.getMap('meta').set('round', 1);
  await waitFor(() => watcher.doc.getMap('meta').get('round') === 1, 'Anna’s edit arrived');
  anna.ws.terminate();
  await sleep(200);
  // Away: Bob writes at her next clock.
  const bob = await rawDocClient(server.url, room, BOB);
  await waitFor(() => bob.synced(), 'Bob synced');
  bob.send(
    wire.update(
      room,
      edit(twin(anna.doc), (d) => d.getMap('meta').set('round', 'Bob')),
    ),
  );
  assert.ok((await closedWithin(bob)) !== null, 'Bob was closed');
  // Back, with the same document.
  const again = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => again.authenticated() && again.synced(), 'Anna back');
  again.send(
    wire.update(
      room,
      edit(twin(anna.doc), (d) => d.getMap('meta').set('round', 2)),
    ),
  );
  await waitFor(() => watcher.doc.getMap('meta').get('round') === 2, 'Anna’s next edit arrived');
  assert.equal(again.isClosed(), false);
  [again, watcher].forEach((s) => s.ws.terminate());
});

test('the scenario list’s client ids are bound the same way', async () => {
  const room = 'client-id-plan:scenarios';
  const anna = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
  anna.send(wire.awareness(room, [[anna.doc.clientID, 1, { name: 'Anna' }]]));
  shareScenario(anna.doc, { id: 's1', name: 'Basis', order: 0 });
  const annaId = anna.doc.clientID;
  const bob = await rawDocClient(server.url, room, BOB);
  const watcher = await rawDocClient(server.url, room, WATCHER);
  await waitFor(() => sameDoc(bob.doc, anna.doc) && sameDoc(watcher.doc, anna.doc), 'all synced');
  const mine = edit(twin(anna.doc), (d) => renameShared(d, 's1', 'Variant Anna'));
  const forged = edit(twin(anna.doc), (d) => renameShared(d, 's1', 'Variant Bob'));
  bob.send(wire.update(room, forged));
  await sleep(150);
  anna.send(wire.update(room, mine));
  await sleep(300);
  const names = readScenarioList(watcher.doc).entries.map((e) => e.name);
  assert.deepEqual(names, ['Variant Anna']);
  assert.ok((await closedWithin(bob)) !== null, 'Bob was closed');
  assert.ok(
    server.logs.some((l) => l.includes(`client ${annaId}`)),
    server.logs.join('\n'),
  );
  [anna, watcher].forEach((s) => s.ws.terminate());
});

for (const [label, token, squatter] of [
  ['an observer announces her id while she is away (shared token)', SHARED, WATCHER],
  ['an editor writes under her id while she is away (personal token)', ANNA, BOB],
] as const) {
  test(`a participant back after a dropped connection writes on: ${label}`, async () => {
    const room = `client-id-blip-${token}`;
    const keeper = await rawDocClient(server.url, room, WATCHER);
    const anna = await rawDocClient(server.url, room, token);
    await waitFor(() => anna.authenticated() && anna.synced() && keeper.synced(), 'synced');
    const id = anna.doc.clientID;
    anna.send(wire.awareness(room, [[id, 1, { name: 'Anna' }]]));
    anna.doc.getMap('meta').set('round', 1);
    await sleep(150);
    anna.ws.terminate();
    await sleep(150);
    const squat = await rawDocClient(server.url, room, squatter);
    await waitFor(() => squat.synced(), 'the other one synced');
    squat.send(wire.awareness(room, [[id, 5, { name: 'not Anna' }]]));
    await sleep(100);
    if (squatter === BOB) {
      squat.send(
        wire.update(
          room,
          edit(twin(anna.doc), (d) => d.getMap('meta').set('round', 'forged')),
        ),
      );
      assert.ok((await closedWithin(squat)) !== null, 'the squatter was closed');
    }
    // Back, with the same document: presence again, and the edit made meanwhile.
    const again = await rawDocClient(server.url, room, token);
    await waitFor(() => again.authenticated() && again.synced(), 'back');
    again.send(wire.awareness(room, [[id, 10, { name: 'Anna' }]]));
    again.send(
      wire.update(
        room,
        edit(twin(anna.doc), (d) => d.getMap('meta').set('round', 2)),
      ),
    );
    await waitFor(() => keeper.doc.getMap('meta').get('round') === 2, 'her edit reached the others');
    assert.equal(again.isClosed(), false);
    [again, squat, keeper].forEach((s) => s.ws.terminate());
  });
}

test('listing another participant’s client id as one’s own in the history’s people is refused', async () => {
  const room = 'client-id-people';
  const anna = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
  anna.send(wire.awareness(room, [[anna.doc.clientID, 1, { name: 'Anna' }]]));
  anna.doc.getMap('meta').set('opened', 1);
  const bob = await rawDocClient(server.url, room, BOB);
  await waitFor(() => bob.authenticated() && bob.synced() && sameDoc(bob.doc, anna.doc), 'Bob synced');
  // Her edits would read as his, and her browser would move to a client id nobody announced.
  userData(bob.doc).setUserMapping(bob.doc, anna.doc.clientID, 'Bob');
  assert.ok((await closedWithin(bob)) !== null, 'Bob was closed');
  assert.ok(
    server.logs.some((l) => l.includes('another participant')),
    server.logs.join('\n'),
  );
  const roomDoc = server.hocuspocus.documents.get(room)!;
  assert.equal(userData(roomDoc).getUserByClientId(anna.doc.clientID) ?? null, null);
  anna.ws.terminate();
});

test('the id of a text’s conversion, announced by someone, does not lock the others out of that text', async () => {
  const room = 'client-id-converter';
  const anna = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
  anna.doc.getMap('plan').set('name', 'Plan A'); // a plain string, as a seed writes it
  const item = (anna.doc.getMap('plan') as unknown as { _map: Map<string, Y.Item> })._map.get('name')!;
  const converter = derivedClientId(`text:${item.id.client}:${item.id.clock}`);
  const bob = await rawDocClient(server.url, room, BOB);
  await waitFor(() => bob.synced() && sameDoc(bob.doc, anna.doc), 'Bob synced');
  bob.send(wire.awareness(room, [[converter, 1, { name: 'x' }]]));
  await sleep(150);
  setText(anna.doc.getMap('plan'), 'name', 'Plan A, herzien');
  const roomDoc = server.hocuspocus.documents.get(room)!;
  await waitFor(() => String(roomDoc.getMap('plan').get('name')) === 'Plan A, herzien', 'her edit reached the room');
  assert.equal(anna.isClosed(), false);
  [anna, bob].forEach((s) => s.ws.terminate());
});

test('a personal token holder’s client id stays theirs after the room was unloaded', async () => {
  const dir = tempDir();
  const stored = await startServer({ tokens: tokens(), dataDir: dir.path });
  const room = 'client-id-reload';
  try {
    const anna = await rawDocClient(stored.url, room, ANNA);
    await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
    attribute(anna.doc, 'Anna');
    anna.doc.getMap('meta').set('opened', 1);
    await sleep(300);
    anna.ws.terminate(); // she was alone: the room is stored and unloaded
    await waitFor(() => !stored.hocuspocus.documents.has(room), 'unloaded');
    const bob = await rawDocClient(stored.url, room, BOB);
    await waitFor(() => bob.authenticated() && bob.synced() && stored.hocuspocus.documents.has(room), 'Bob in');
    bob.send(
      wire.update(
        room,
        edit(twin(anna.doc), (d) => d.getMap('meta').set('round', 'Bob as Anna')),
      ),
    );
    assert.ok((await closedWithin(bob)) !== null, 'Bob was closed');
    assert.equal(stored.hocuspocus.documents.get(room)?.getMap('meta').get('round'), undefined);
  } finally {
    await stored.close();
    dir.remove();
  }
});

test('an id first written together with a text’s conversion is its holder’s once the history lists it', async () => {
  const room = 'client-id-listed';
  const bob = await rawDocClient(server.url, room, BOB);
  await waitFor(() => bob.authenticated() && bob.synced(), 'Bob synced');
  bob.doc.getMap('plan').set('name', 'Plan A'); // a plain string, as a seed writes it
  const anna = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => anna.authenticated() && sameDoc(anna.doc, bob.doc), 'Anna synced');
  // Anna's first update: the conversion (under the id every participant derives), her edit and her
  // name in the history's people (under her own id): two clients, so no first write binds her id.
  const annaId = anna.doc.clientID;
  attribute(anna.doc, 'Anna'); // written with her first write, in its transaction
  anna.doc.transact(() => setText(anna.doc.getMap('plan'), 'name', 'Plan A, herzien'));
  const roomDoc = server.hocuspocus.documents.get(room)!;
  await waitFor(() => String(roomDoc.getMap('plan').get('name')) === 'Plan A, herzien', 'her edit in the room');
  await waitFor(() => sameDoc(bob.doc, anna.doc), 'Bob has it');
  bob.send(
    wire.update(
      room,
      edit(twin(anna.doc), (d) => d.getMap('meta').set('round', 'Bob as Anna')),
    ),
  );
  assert.ok((await closedWithin(bob)) !== null, 'Bob was closed');
  assert.ok(
    server.logs.some((l) => l.includes(`client ${annaId}`)),
    server.logs.join('\n'),
  );
  assert.equal(roomDoc.getMap('meta').get('round'), undefined);
  anna.ws.terminate();
});

test('an update the room refused binds no client id: her first edit under it still passes', async () => {
  const room = 'client-id-refused';
  const anna = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
  anna.send(wire.awareness(room, [[anna.doc.clientID, 1, { name: 'Anna' }]]));
  const bob = await rawDocClient(server.url, room, BOB);
  await waitFor(() => bob.authenticated() && bob.synced(), 'Bob synced');
  // Under her id, an invalid plan value: refused, and never sent to her.
  bob.send(
    wire.update(
      room,
      edit(twin(anna.doc), (d) => d.getMap('plan').set('name', 12345)),
    ),
  );
  assert.deepEqual(await closedWithin(bob), { code: 4422, reason: 'invalid-update' });
  anna.doc.getMap('meta').set('agenda', 'Anna’s agenda');
  const roomDoc = server.hocuspocus.documents.get(room)!;
  await waitFor(() => roomDoc.getMap('meta').get('agenda') === 'Anna’s agenda', 'her edit reached the room');
  assert.equal(anna.isClosed(), false);
  anna.ws.terminate();
});
