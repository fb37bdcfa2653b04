import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { EDITOR, OBSERVER, ROOM_ONLY, join, startServer, waitFor, synced, type TestServer } from './helpers.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

for (const [label, token, room, code] of [
  ['a wrong token', 'not-a-token', 'plan-a', 'token-invalid'],
  ['a missing token', '', 'plan-a', 'token-missing'],
  ['a token for another room', ROOM_ONLY, 'plan-b', 'room-not-allowed'],
  ['a room name that is not a plan id', EDITOR, '../etc', 'room-invalid'],
] as const) {
  test(`${label} is refused with a message in nl and en, and the client stops retrying`, async () => {
    const c = join(server.url, room, { token });
    await waitFor(() => c.session.status === 'refused', 'refused');
    assert.equal(c.errors.length, 1);
    assert.equal(c.errors[0]!.code, code);
    assert.equal(c.errors[0]!.retrying, false);
    assert.ok(c.errors[0]!.message.nl.length > 20 && c.errors[0]!.message.en.length > 20);
    assert.notEqual(c.errors[0]!.message.nl, c.errors[0]!.message.en);
    c.doc.getMap('m').set('k', 'local edit');
    assert.equal(c.doc.getMap('m').get('k'), 'local edit', 'the local document still works');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(c.session.status, 'refused');
    assert.equal(server.stats().connections, 0, 'nothing stays connected');
  });
}

test('a room token works in its own room', async () => {
  const c = join(server.url, 'plan-a', { token: ROOM_ONLY });
  await waitFor(() => synced(c), 'connected');
  c.leave();
});

test('an observer sees edits, but its own edits do not reach anyone', async () => {
  const editor = join(server.url, 'plan-obs', { userName: 'Facilitator' });
  const observer = join(server.url, 'plan-obs', { token: OBSERVER, userName: 'Beamer' });
  await waitFor(() => editor.session.status === 'connected' && observer.session.status === 'connected', 'connected');
  assert.equal(observer.session.readOnly, true);
  assert.equal(editor.session.readOnly, false);
  editor.doc.getMap('m').set('from-editor', 1);
  await waitFor(() => observer.doc.getMap('m').get('from-editor') === 1, 'observer receives');
  observer.doc.getMap('m').set('from-observer', 1);
  // A marker edit after it: once the marker arrives, the observer's edit would have arrived too.
  await new Promise((r) => setTimeout(r, 100));
  editor.doc.getMap('m').set('marker', 1);
  const late = join(server.url, 'plan-obs');
  await waitFor(
    () => late.doc.getMap('m').get('marker') === 1 && observer.doc.getMap('m').get('marker') === 1,
    'marker everywhere',
  );
  assert.equal(editor.doc.getMap('m').get('from-observer'), undefined);
  assert.equal(late.doc.getMap('m').get('from-observer'), undefined, 'the server did not keep it either');
  await waitFor(() => editor.peers().some((p) => p.name === 'Beamer'), 'observer is present');
  assert.equal(observer.session.synced, false, 'the observer is told its edit was not shared');
  [editor, observer, late].forEach((c) => c.leave());
});

test('a bad url is refused without throwing', () => {
  const c = join('http://example.invalid', 'plan-a');
  assert.equal(c.session.status, 'refused');
  assert.equal(c.errors[0]!.code, 'invalid-url');
});
