import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  EDITOR,
  NAMED,
  OBSERVER,
  join,
  raw,
  readServerMessage,
  sleep,
  startServer,
  synced,
  waitFor,
  wire,
  type TestServer,
} from './helpers.ts';

/*
 * Presence is bound to the socket: an awareness client id belongs to the socket that first used
 * it, the server sets name and role from the token and connection, and one socket cannot flood a
 * room with participants. Before issue 15 an observer could speak for an editor and add any number
 * of fake participants.
 */

let server: TestServer;
before(async () => {
  server = await startServer({ limits: { maxPresenceEntries: 2, maxPresenceBytes: 512 } as never });
});
after(async () => {
  await server.close();
});

async function signedIn(room: string, token: string) {
  const s = await raw(server.url);
  s.send(wire.auth(room, token));
  await waitFor(() => s.received.some((m) => readServerMessage(m).auth === 'authenticated'), 'signed in');
  return s;
}

test("an observer cannot send presence under an editor's client id", async () => {
  const room = 'plan-forge';
  const editor = join(server.url, room, { userName: 'Echte Editor' });
  const watcher = join(server.url, room, { userName: 'Watcher' });
  await waitFor(
    () => synced(editor) && synced(watcher) && watcher.peers().some((p) => p.name === 'Echte Editor'),
    'present',
  );
  const forger = await signedIn(room, OBSERVER);
  const id = editor.doc.clientID;
  forger.send(
    wire.awareness(room, [
      [
        id,
        1000,
        { name: 'Forged', color: '#000000', selection: { section: 'activities', rowId: 'a1', field: 'name' } },
      ],
    ]),
  );
  // And an attempt to make the editor vanish.
  forger.send(wire.awareness(room, [[id, 1001, null]]));
  await sleep(300);
  const seen = watcher.peers().find((p) => p.clientId === id);
  assert.equal(seen?.name, 'Echte Editor', 'the editor is still shown as itself');
  assert.equal(seen?.selection, null);
  assert.equal(forger.isClosed(), false, 'dropped, not a reason to close');
  forger.ws.terminate();
  editor.leave();
  watcher.leave();
});

test('one socket cannot flood a room with participants, nor with huge states', async () => {
  const room = 'plan-crowd';
  const watcher = join(server.url, room, { userName: 'Watcher' });
  await waitFor(() => synced(watcher), 'connected');
  const flooder = await signedIn(room, EDITOR);
  const entries: [number, number, unknown][] = Array.from({ length: 50 }, (_, i) => [
    900_000 + i,
    1,
    { name: `Fake ${i}`, color: '#123456', selection: null },
  ]);
  flooder.send(wire.awareness(room, entries));
  flooder.send(
    wire.awareness(room, [[800_000, 1, { name: 'Huge', color: '#123456', selection: null, junk: 'x'.repeat(5000) }]]),
  );
  await sleep(400);
  const fakes = watcher.peers().filter((p) => p.name.startsWith('Fake') || p.name === 'Huge');
  assert.ok(fakes.length <= 2, `at most 2 entries from one socket (saw ${fakes.length})`);
  assert.ok(!fakes.some((p) => p.name === 'Huge'), 'an oversized state is dropped');
  flooder.ws.terminate();
  await waitFor(() => watcher.peers().length === 0, 'its entries leave with the socket');
  watcher.leave();
});

test('name and role come from the token and connection, not from the client', async () => {
  const room = 'plan-names';
  const anna = join(server.url, room, { token: NAMED, userName: 'Mallory pretending' });
  const beamer = join(server.url, room, { token: OBSERVER, userName: 'Beamer' });
  const watcher = join(server.url, room, { userName: 'Watcher' });
  await waitFor(() => [anna, watcher].every(synced) && beamer.session.status === 'connected', 'connected');
  await waitFor(() => watcher.peers().length === 2, 'both shown');
  const names = watcher
    .peers()
    .map((p) => p.name)
    .sort();
  assert.deepEqual(
    names,
    ['Anna (token)', 'Beamer'],
    'a personal token names its holder; a shared token keeps the typed name',
  );
  // The role is stamped by the server on every state it relays.
  const states = [
    ...(
      watcher.session as unknown as { provider: { awareness: { getStates(): Map<number, Record<string, unknown>> } } }
    ).provider.awareness
      .getStates()
      .values(),
  ];
  const byName = new Map(states.map((s) => [s.name, s.role]));
  assert.equal(byName.get('Anna (token)'), 'editor');
  assert.equal(byName.get('Beamer'), 'observer');
  assert.equal(byName.get('Watcher'), undefined, 'own local state is not stamped locally');
  // A client cannot claim a role either.
  const liar = await signedIn(room, OBSERVER);
  liar.send(wire.awareness(room, [[424242, 1, { name: 'Liar', color: '#123456', selection: null, role: 'editor' }]]));
  await waitFor(() => watcher.peers().some((p) => p.name === 'Liar'), 'liar shown');
  const liarState = [
    ...(
      watcher.session as unknown as { provider: { awareness: { getStates(): Map<number, Record<string, unknown>> } } }
    ).provider.awareness
      .getStates()
      .values(),
  ].find((s) => s.name === 'Liar');
  assert.equal(liarState?.role, 'observer');
  liar.ws.terminate();
  [anna, beamer, watcher].forEach((c) => c.leave());
});
