import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TokenTable } from '../../../server/auth.ts';
import { HISTORY_ROOT } from '../../../src/negotiation/history.ts';
import { docJson, rawDocClient, sameDoc, sleep, startServer, waitFor, wire, type TestServer } from './helpers.ts';

/*
 * Content that waits for another participant's next edit. Yjs keeps an update's structs pending
 * while what they build on is missing, and integrates them inside the update that brings it. A
 * hostile editor can so make its own item land inside someone else's next edit: the server judged
 * the names in it (history-check.ts, signoff-check.ts) against whoever sent that edit, and a point
 * "by Anna" written by Bob passed as Anna's. Now such content is held until its own sender completes
 * it; when someone else's edit would complete it, it is refused first.
 */

const ANNA = 'token-anna-p';
const BOB = 'token-bob-p';
const WATCHER = 'token-watcher-p';
const tokens = () =>
  new TokenTable({
    [ANNA]: { role: 'editor', rooms: '*', name: 'Anna' },
    [BOB]: { role: 'editor', rooms: '*', name: 'Bob' },
    [WATCHER]: 'observer',
  });

let server: TestServer;
before(async () => {
  server = await startServer({ tokens: tokens(), limits: { updateHoldMs: 4000 } as never });
});
after(async () => {
  await server.close();
});

const roomDoc = (room: string): Y.Doc => server.hocuspocus.documents.get(room)!;
const closedWithin = (s: { closed: Promise<{ code: number; reason: string }> }, ms = 3000) =>
  Promise.race([s.closed, sleep(ms).then(() => null)]);

/** Anna, Bob and an observer in one room, all synced; Anna has written once. */
async function threeOf(room: string) {
  const anna = await rawDocClient(server.url, room, ANNA);
  await waitFor(() => anna.authenticated() && anna.synced(), 'Anna synced');
  anna.doc.getMap('meta').set('opened', 1);
  const bob = await rawDocClient(server.url, room, BOB);
  const watcher = await rawDocClient(server.url, room, WATCHER);
  await waitFor(
    () => bob.synced() && watcher.synced() && sameDoc(bob.doc, anna.doc) && sameDoc(watcher.doc, anna.doc),
    'all synced',
  );
  return { anna, bob, watcher };
}

/** Anna's next point, as the planner records it: key `p:<client>:<clock>`. */
const nextPointKey = (doc: Y.Doc) => `p:${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`;

test('a point that waits for another person’s next edit is not taken as theirs', async () => {
  const { anna, bob, watcher } = await threeOf('pending-forged-point');
  const key = nextPointKey(anna.doc);
  // Bob builds his item on the item Anna will write next: he plays her next step in a fork.
  const fork = new Y.Doc();
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(bob.doc));
  fork.clientID = anna.doc.clientID;
  fork.getMap(HISTORY_ROOT).set(key, { placeholder: 1 });
  const sv = Y.encodeStateVector(fork);
  fork.clientID = bob.doc.clientID;
  fork
    .getMap(HISTORY_ROOT)
    .set(key, { at: Date.now(), by: 'Anna', name: 'Anna akkoord (forged)', snap: new Uint8Array([0]) });
  bob.send(wire.update('pending-forged-point', Y.encodeStateAsUpdate(fork, sv)));
  await sleep(150);
  // Anna records her point.
  anna.doc.getMap(HISTORY_ROOT).set(key, { at: Date.now(), by: 'Anna', snap: new Uint8Array([1]) });
  await waitFor(() => sameDoc(watcher.doc, anna.doc), 'the watcher has Anna’s point');
  await sleep(200);
  const seen = watcher.doc.getMap(HISTORY_ROOT).get(key) as Record<string, unknown> | undefined;
  assert.equal(seen?.name, undefined, `the room shows ${JSON.stringify(seen)}`);
  assert.deepEqual(seen?.snap, new Uint8Array([1]));
  assert.deepEqual(
    docJson(roomDoc('pending-forged-point')),
    docJson(anna.doc),
    'the room and Anna read the same history',
  );
  assert.equal(anna.isClosed(), false, 'Anna’s edit passed');
  assert.deepEqual(await closedWithin(bob), { code: 4425, reason: 'out-of-order' });
  [anna, watcher].forEach((s) => s.ws.terminate());
});

test('a deletion of another person’s next point, sent before it exists, never removes it', async () => {
  const { anna, bob, watcher } = await threeOf('pending-forged-delete');
  const key = nextPointKey(anna.doc);
  const client = anna.doc.clientID;
  const clock = Y.getState(anna.doc.store, client);
  // A delete set for Anna's next ten clocks; no structs.
  const update = encodeDeletes(client, clock, 10);
  bob.send(wire.update('pending-forged-delete', update));
  await sleep(150);
  anna.doc.getMap(HISTORY_ROOT).set(key, { at: Date.now(), by: 'Anna', snap: new Uint8Array([1]) });
  await waitFor(() => sameDoc(watcher.doc, anna.doc), 'the watcher has Anna’s point');
  await sleep(300);
  assert.ok(watcher.doc.getMap(HISTORY_ROOT).has(key), 'the watcher sees Anna’s point');
  assert.ok(roomDoc('pending-forged-delete').getMap(HISTORY_ROOT).has(key), 'the room keeps Anna’s point');
  assert.equal(anna.isClosed(), false, 'Anna’s edit passed');
  assert.deepEqual(await closedWithin(bob), { code: 4425, reason: 'out-of-order' });
  [anna, watcher].forEach((s) => s.ws.terminate());
});

test('content held for someone else’s missing edit neither reaches the room nor holds up the others’ edits', async () => {
  const { anna, bob, watcher } = await threeOf('pending-bystander');
  // Bob's item builds on an edit of a client that never comes.
  const fork = new Y.Doc();
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(bob.doc));
  fork.clientID = 424242;
  fork.getMap('meta').set('ghost', 1);
  const sv = Y.encodeStateVector(fork);
  fork.clientID = bob.doc.clientID;
  fork.getMap('meta').set('ghost', 2);
  bob.send(wire.update('pending-bystander', Y.encodeStateAsUpdate(fork, sv)));
  await sleep(150);
  const room = roomDoc('pending-bystander');
  assert.equal(room.store.pendingStructs, null, 'the room holds nothing pending');
  const sent = Date.now();
  anna.doc.getMap('meta').set('agenda', 'begroting');
  await waitFor(() => watcher.doc.getMap('meta').get('agenda') === 'begroting', 'Anna’s edit reached the watcher');
  assert.ok(Date.now() - sent < 2000, `Anna's edit waited ${Date.now() - sent} ms for Bob's held one`);
  assert.equal(anna.isClosed(), false);
  // Bob's never completes: refused after the hold time.
  assert.deepEqual(await closedWithin(bob, 6000), { code: 4422, reason: 'invalid-update' });
  assert.equal(room.getMap('meta').get('ghost'), undefined);
  [anna, watcher].forEach((s) => s.ws.terminate());
});

/** A Yjs (v1) update of no structs and one deletion: `length` clocks of `client` from `clock`. */
function encodeDeletes(client: number, clock: number, length: number): Uint8Array {
  const uint = (n: number): number[] => {
    const out: number[] = [];
    while (n > 0x7f) {
      out.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
  };
  return new Uint8Array([0, 1, ...uint(client), 1, ...uint(clock), ...uint(length)]);
}
