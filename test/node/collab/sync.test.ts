import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { join, startServer, waitFor, sameDoc, synced, type TestServer } from './helpers.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

test('three clients editing one room at once converge to identical documents', async () => {
  const clients = [join(server.url, 'plan-1'), join(server.url, 'plan-1'), join(server.url, 'plan-1')];
  await waitFor(() => clients.every(synced), 'all connected');
  clients.forEach((c, i) => {
    c.doc.transact(() => {
      c.doc.getMap('cells').set(`own-${i}`, i);
      c.doc.getMap('cells').set('shared', `from-${i}`);
      c.doc.getArray('rows').push([`row-${i}`]);
    });
  });
  await waitFor(
    () => sameDoc(clients[0]!.doc, clients[1]!.doc) && sameDoc(clients[1]!.doc, clients[2]!.doc),
    'converged',
  );
  const cells = clients[0]!.doc.getMap('cells').toJSON();
  assert.deepEqual([cells['own-0'], cells['own-1'], cells['own-2']], [0, 1, 2], 'edits to different cells all survive');
  assert.match(String(cells.shared), /^from-[012]$/, 'the same cell ends with one of the written values');
  assert.deepEqual(clients[0]!.doc.getArray('rows').toArray().sort(), ['row-0', 'row-1', 'row-2']);
  clients.forEach((c) => c.leave());
});

test('another room does not see the edits', async () => {
  const a = join(server.url, 'plan-2');
  const b = join(server.url, 'plan-3');
  await waitFor(() => synced(a) && synced(b), 'connected');
  a.doc.getMap('cells').set('x', 1);
  await waitFor(() => synced(a), 'a acknowledged');
  const c = join(server.url, 'plan-2');
  await waitFor(() => c.doc.getMap('cells').get('x') === 1, 'same room receives');
  assert.equal(b.doc.getMap('cells').get('x'), undefined);
  [a, b, c].forEach((x) => x.leave());
});

test('presence lists the others with name, colour and selected cell', async () => {
  const anna = join(server.url, 'plan-p', { userName: 'Anna', color: '#112233' });
  const bram = join(server.url, 'plan-p', { userName: '  Bram\u0007 ' });
  await waitFor(() => anna.peers().length === 1 && bram.peers().length === 1, 'see each other');
  assert.equal(bram.peers()[0]!.name, 'Anna');
  assert.equal(bram.peers()[0]!.color, '#112233');
  assert.equal(anna.peers()[0]!.name, 'Bram', 'control characters are dropped and the name trimmed');
  assert.match(anna.peers()[0]!.color, /^#[0-9a-f]{6}$/);
  anna.session.setSelection({ section: 'split', rowId: 'default', domainId: 'zvw', sectorId: 'gp' });
  await waitFor(() => bram.peers()[0]!.selection?.domainId === 'zvw', 'selection shared');
  assert.deepEqual(bram.peers()[0]!.selection, { section: 'split', rowId: 'default', domainId: 'zvw', sectorId: 'gp' });
  // A malformed selection is ignored rather than published.
  anna.session.setSelection({ section: 'nope', rowId: '<b>' } as never);
  anna.session.setSelection(null);
  await waitFor(() => bram.peers()[0]!.selection === null, 'selection cleared');
  anna.leave();
  await waitFor(() => bram.peers().length === 0, 'a participant who leaves disappears');
  bram.leave();
});

test('a client offline for a while keeps its edits and merges them on reconnect', async () => {
  const online = join(server.url, 'plan-off');
  const away = join(server.url, 'plan-off');
  await waitFor(() => synced(online) && synced(away), 'connected');
  away.leave();
  away.doc.getMap('cells').set('offline-edit', 'kept');
  away.doc.getMap('cells').set('both', 'away');
  online.doc.getMap('cells').set('online-edit', 'also kept');
  online.doc.getMap('cells').set('both', 'online');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(online.doc.getMap('cells').get('offline-edit'), undefined, 'not shared while offline');
  away.reconnect();
  await waitFor(() => sameDoc(online.doc, away.doc), 'merged');
  const cells = away.doc.getMap('cells').toJSON();
  assert.equal(cells['offline-edit'], 'kept');
  assert.equal(cells['online-edit'], 'also kept');
  assert.ok(cells.both === 'away' || cells.both === 'online');
  online.leave();
  away.leave();
});

test('status goes connecting → connected, and offline when the client leaves', async () => {
  const c = join(server.url, 'plan-s');
  await waitFor(() => c.session.status === 'connected', 'connected');
  assert.equal(c.statuses[0], 'connecting');
  assert.equal(c.session.readOnly, false);
  c.leave();
  assert.equal(c.session.status, 'offline');
});

test('a Y.Doc passed directly or inside a plan-state-like object both work', async () => {
  const holder = { doc: new Y.Doc() };
  const a = join(server.url, 'plan-h', { doc: holder });
  const b = join(server.url, 'plan-h');
  await waitFor(() => synced(a) && synced(b), 'connected');
  holder.doc.getMap('m').set('k', 'v');
  await waitFor(() => b.doc.getMap('m').get('k') === 'v', 'propagated');
  a.leave();
  b.leave();
});
