import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import {
  MAIN_ID,
  readScenarioList,
  removeShared,
  renameShared,
  shareScenario,
} from '../../../src/sync/collab/scenario-list.ts';
import { ScenarioSync, type LocalScenario, type LocalScenarios } from '../../../src/sync/collab/scenario-sync.ts';
import { OBSERVER, join, rawDocClient, sleep, startServer, synced, waitFor, type TestServer } from './helpers.ts';

/*
 * Every scenario of a plan is part of the workshop: the plan's scenario list is a room of its own
 * (`<plan>:scenarios`), its ids agreed by everyone, checked by the server with its own rules.
 */

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

let n = 0;
const listRoom = () => `plan-list-${++n}:scenarios`;

/** A participant's own scenario store, in memory. */
function fakeStore(initial: LocalScenario[] = []) {
  const scenarios = new Map(initial.map((s) => [s.id, { ...s }]));
  const contents = new Map<string, Uint8Array>();
  let notify = () => {};
  const local: LocalScenarios = {
    list: async () => [...scenarios.values()].map((s) => ({ ...s })),
    create: async (id, name, content) => {
      scenarios.set(id, { id, name, chosen: false, deleted: false, createdAt: Date.now() });
      contents.set(id, content);
      notify();
    },
    rename: async (id, name) => {
      scenarios.get(id)!.name = name;
      notify();
    },
    remove: async (id) => {
      scenarios.get(id)!.deleted = true;
      notify();
    },
    restore: async (id) => {
      scenarios.get(id)!.deleted = false;
      notify();
    },
    choose: async (id) => {
      for (const s of scenarios.values()) s.chosen = s.id === id;
      notify();
    },
  };
  return {
    local,
    scenarios,
    contents,
    onChange(f: () => void) {
      notify = f;
    },
    /** A change the person made here (the store then tells the sync). */
    edit(f: (all: Map<string, LocalScenario>) => void) {
      f(scenarios);
      notify();
    },
  };
}

const scenario = (id: string, name: string, createdAt = 1): LocalScenario => ({
  id,
  name,
  chosen: false,
  deleted: false,
  createdAt,
});

/** A participant: its store, the list room joined, the sync running. */
async function participant(room: string, store: ReturnType<typeof fakeStore>, seededId: string) {
  const client = join(server.url, room);
  await waitFor(() => synced(client), 'list room joined');
  const sync = new ScenarioSync({
    doc: client.doc,
    local: store.local,
    seededId,
    // The content room's state: here every shared scenario has some.
    fetchContent: async (id) => new TextEncoder().encode(`content of ${id}`),
    retryMs: 50,
  });
  store.onChange(() => void sync.changed());
  await sync.start();
  return {
    client,
    sync,
    leave() {
      sync.stop();
      client.leave();
    },
  };
}

const names = (store: ReturnType<typeof fakeStore>) =>
  [...store.scenarios.values()]
    .filter((s) => !s.deleted)
    .map((s) => `${s.id}=${s.name}`)
    .sort()
    .join(' ');

test('a scenario one participant creates in the workshop reaches the other under the same id; renames and deletes follow both ways', async () => {
  const room = listRoom();
  const anna = fakeStore([scenario('seed-anna', 'Scenario 1')]);
  const bob = fakeStore([scenario('seed-bob', 'Scenario 1')]);
  const a = await participant(room, anna, 'seed-anna');
  const b = await participant(room, bob, 'seed-bob');
  // Both seeded scenarios are the shared `main`: neither is offered, neither is created twice.
  await waitFor(() => readScenarioList(b.client.doc).entries.length === 1, 'main shared');
  assert.deepEqual(
    readScenarioList(a.client.doc).entries.map((e) => e.id),
    [MAIN_ID],
  );

  // Anna creates a scenario during the workshop: Bob gets it, created locally under Anna's id.
  anna.edit((all) => all.set('b7d4e2f0-anna-new', scenario('b7d4e2f0-anna-new', 'Variant met wijkteam', 5)));
  await waitFor(() => bob.scenarios.has('b7d4e2f0-anna-new'), 'Bob has Anna’s scenario under her id');
  assert.equal(bob.scenarios.get('b7d4e2f0-anna-new')!.name, 'Variant met wijkteam');
  assert.equal(new TextDecoder().decode(bob.contents.get('b7d4e2f0-anna-new')), 'content of b7d4e2f0-anna-new');

  // Bob renames it; Anna sees the new name. Anna renames main; Bob's seeded scenario follows.
  bob.edit((all) => (all.get('b7d4e2f0-anna-new')!.name = 'Variant B'));
  await waitFor(() => anna.scenarios.get('b7d4e2f0-anna-new')!.name === 'Variant B', 'rename reached Anna');
  anna.edit((all) => (all.get('seed-anna')!.name = 'Basis'));
  await waitFor(() => bob.scenarios.get('seed-bob')!.name === 'Basis', 'rename of main reached Bob');

  // Anna deletes it; it goes from Bob's list too (a soft delete: Bob can restore it, and so can she).
  anna.edit((all) => (all.get('b7d4e2f0-anna-new')!.deleted = true));
  await waitFor(() => bob.scenarios.get('b7d4e2f0-anna-new')!.deleted, 'delete reached Bob');
  bob.edit((all) => (all.get('b7d4e2f0-anna-new')!.deleted = false));
  await waitFor(() => !anna.scenarios.get('b7d4e2f0-anna-new')!.deleted, 'restore reached Anna');

  // Bob chooses it: Anna's chosen scenario follows.
  bob.edit((all) => {
    for (const s of all.values()) s.chosen = s.id === 'b7d4e2f0-anna-new';
  });
  await waitFor(() => anna.scenarios.get('b7d4e2f0-anna-new')!.chosen, 'choice reached Anna');
  assert.equal(names(anna).replace('seed-anna', 'seed'), names(bob).replace('seed-bob', 'seed'));
  a.leave();
  b.leave();
});

test('local scenarios made before joining are offered, never merged by themselves; shared once accepted', async () => {
  const room = listRoom();
  const anna = fakeStore([scenario('seed-anna', 'Scenario 1'), scenario('anna-private', 'Mijn eigen variant', 2)]);
  const bob = fakeStore([scenario('seed-bob', 'Scenario 1')]);
  const offered: string[][] = [];
  const a = await participant(room, anna, 'seed-anna');
  a.sync['options'].onOffered = (list) => offered.push(list.map((s) => s.id));
  const b = await participant(room, bob, 'seed-bob');
  await a.sync.changed();
  assert.deepEqual(
    a.sync.offered.map((s) => s.id),
    ['anna-private'],
  );
  await sleep(200);
  assert.equal(bob.scenarios.has('anna-private'), false, 'not shared without asking');
  assert.deepEqual(
    readScenarioList(a.client.doc).entries.map((e) => e.id),
    [MAIN_ID],
  );

  await a.sync.share('anna-private');
  await waitFor(() => bob.scenarios.get('anna-private')?.name === 'Mijn eigen variant', 'accepted offer reached Bob');
  assert.deepEqual(a.sync.offered, []);
  assert.deepEqual(offered.at(-1), []);
  a.leave();
  b.leave();
});

test('an observer cannot change the list', async () => {
  const room = listRoom();
  const editor = join(server.url, room);
  await waitFor(() => synced(editor), 'editor joined');
  shareScenario(editor.doc, { id: MAIN_ID, name: 'Basis', order: 0 });
  await waitFor(() => synced(editor), 'list written');
  const observer = join(server.url, room, { token: OBSERVER });
  await waitFor(() => observer.session.status === 'connected' && observer.session.readOnly, 'observer joined');
  await waitFor(() => readScenarioList(observer.doc).entries.length === 1, 'observer reads the list');
  renameShared(observer.doc, MAIN_ID, 'Van de waarnemer');
  shareScenario(observer.doc, { id: 'observer-made', name: 'Stiekem', order: 9 });
  await sleep(300);
  const late = join(server.url, room);
  await waitFor(() => synced(late), 'a later participant joined');
  assert.deepEqual(readScenarioList(late.doc).entries, [{ id: MAIN_ID, name: 'Basis', order: 0, deleted: false }]);
  assert.deepEqual(
    readScenarioList(editor.doc).entries.map((e) => e.name),
    ['Basis'],
  );
  for (const c of [editor, observer, late]) c.leave();
});

for (const [label, write] of [
  [
    'a name that is not text',
    (doc: Y.Doc) => {
      const e = new Y.Map<unknown>();
      e.set('name', { evil: true });
      doc.getMap('scenarios').set('x1', e);
    },
  ],
  [
    'a name longer than 120 characters',
    (doc: Y.Doc) => {
      const e = new Y.Map<unknown>();
      e.set('name', 'x'.repeat(5000));
      doc.getMap('scenarios').set('x2', e);
    },
  ],
  ['an entry that is not a map', (doc: Y.Doc) => doc.getMap('scenarios').set('x3', 'hello')],
  [
    'an id that cannot be a room',
    (doc: Y.Doc) => {
      const e = new Y.Map<unknown>();
      e.set('name', 'ok');
      doc.getMap('scenarios').set('../../etc', e);
    },
  ],
  [
    'an unknown field',
    (doc: Y.Doc) => {
      const e = new Y.Map<unknown>();
      e.set('name', 'ok');
      e.set('payload', 'x'.repeat(1000));
      doc.getMap('scenarios').set('x4', e);
    },
  ],
  ['a root the list does not have', (doc: Y.Doc) => doc.getArray('junk').insert(0, ['x'.repeat(1000)])],
  [
    'more than 100 scenarios',
    (doc: Y.Doc) =>
      doc.transact(() => {
        for (let i = 0; i < 101; i++) {
          const e = new Y.Map<unknown>();
          e.set('name', `s${i}`);
          doc.getMap('scenarios').set(`flood-${i}`, e);
        }
      }),
  ],
] as const) {
  test(`the server refuses ${label} in the scenario list; every participant keeps the list`, async () => {
    const room = listRoom();
    const honest = join(server.url, room);
    await waitFor(() => synced(honest), 'honest participant joined');
    shareScenario(honest.doc, { id: MAIN_ID, name: 'Basis', order: 0 });
    await waitFor(() => synced(honest), 'list written');
    const before = JSON.stringify(honest.doc.getMap('scenarios').toJSON());

    const hostile = await rawDocClient(server.url, room, 'editor-token-1');
    await waitFor(() => hostile.synced(), 'hostile synced');
    write(hostile.doc);
    const closed = await hostile.closed;
    assert.equal(closed.code, 4422);
    assert.equal(closed.reason, 'invalid-update');

    const late = join(server.url, room);
    await waitFor(() => synced(late), 'late participant joined');
    assert.equal(JSON.stringify(late.doc.getMap('scenarios').toJSON()), before);
    assert.equal(JSON.stringify(honest.doc.getMap('scenarios').toJSON()), before);
    assert.equal(late.doc.share.has('junk') ? late.doc.getArray('junk').length : 0, 0);
    honest.leave();
    late.leave();
  });
}

test('an honest list edit passes: renames, deletes and up to 100 entries', async () => {
  const room = listRoom();
  const a = join(server.url, room);
  await waitFor(() => synced(a), 'joined');
  for (let i = 0; i < 100; i++) shareScenario(a.doc, { id: `s-${i}`, name: `Scenario ${i}`, order: i });
  renameShared(a.doc, 's-1', 'Nieuw');
  removeShared(a.doc, 's-2');
  await waitFor(() => synced(a), 'acknowledged');
  const b = join(server.url, room);
  await waitFor(() => synced(b) && readScenarioList(b.doc).entries.length === 100, 'b has the list');
  const list = readScenarioList(b.doc);
  assert.equal(list.entries.find((e) => e.id === 's-1')!.name, 'Nieuw');
  assert.equal(list.entries.find((e) => e.id === 's-2')!.deleted, true);
  assert.deepEqual(a.errors, []);
  a.leave();
  b.leave();
});
