import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TokenTable } from '../../../server/auth.ts';
import { createPlanState } from '../../../src/sync/plan-state.ts';
import { collectable, planAt, readPoints, recordPoint } from '../../../src/negotiation/history.ts';
import { attribute } from '../../../src/negotiation/history-users.ts';
import { generatePlan } from '../../sync/helpers.ts';
import { join, rawDocClient, sameDoc, sleep, startServer, synced, tempDir, waitFor } from './helpers.ts';

/*
 * A room at its size cap collects the deleted content no point of its history shows before it
 * refuses a growing edit: an editor who writes and deletes large values cannot fill a room for
 * good and lock every participant out of editing.
 */

const ANNA = 'token-anna-1';
const BOB = 'token-bob-1';

test('values written and deleted again do not fill a room for good: at its cap they are collected and the next edit passes', async () => {
  const local = createPlanState(generatePlan(11, 3), { gcFilter: collectable });
  attribute(local.doc, 'Anna');
  recordPoint(local.doc, '', undefined, { start: true, plan: local.plan });
  local.apply([{ op: 'set-field', field: 'name', value: 'Voorstel 1' }]);
  recordPoint(local.doc, 'Anna', undefined, { plan: local.plan });
  const cap = Y.encodeStateAsUpdate(local.doc).byteLength + 20_000;
  const dir = tempDir();
  const server = await startServer({
    tokens: new TokenTable({
      [ANNA]: { role: 'editor', rooms: '*', name: 'Anna' },
      [BOB]: { role: 'editor', rooms: '*', name: 'Bob' },
    }),
    dataDir: dir.path,
    limits: { maxRoomBytes: cap },
  });
  const anna = join(server.url, 'filled', { doc: local, token: ANNA, userName: 'Anna' });
  const bob = await rawDocClient(server.url, 'filled', BOB);
  try {
    await waitFor(() => synced(anna) && bob.synced() && sameDoc(bob.doc, local.doc), 'both in the room');
    const room = server.hocuspocus.documents.get('filled')!;
    const before = readPoints(local.doc).map((p) => JSON.stringify(planAt(local.doc, p)));
    // Bob writes a value of 1,000 characters and deletes it, again and again: ten times the room's
    // headroom. Each time the room reaches its cap the deleted values are collected, and he goes on.
    const scratch = bob.doc.getMap('scratch');
    let closed = false;
    void bob.closed.then(() => (closed = true));
    for (let i = 0; i < 200 && !closed; i++) {
      scratch.set('v', String.fromCharCode(97 + (i % 26)).repeat(1000));
      scratch.delete('v');
      await sleep(20);
    }
    await waitFor(() => sameDoc(room, bob.doc), 'Bob’s edits in the room');
    assert.equal(closed, false, 'Bob was never refused: the values he deleted were collected at the cap');
    assert.ok(Y.encodeStateAsUpdate(room).byteLength <= cap, 'the room stays within its cap');
    // Anna's edit, a few kB, passes.
    const text = 'Afgestemd met de cliëntenraad. '.repeat(100);
    local.apply([{ op: 'set-field', field: 'patientRepresentation', value: text }]);
    recordPoint(local.doc, 'Anna', undefined, { plan: local.plan });
    await waitFor(() => sameDoc(room, local.doc), 'Anna’s edit in the room').catch(() => {});
    await sleep(200);
    assert.deepEqual(
      anna.errors.map((e) => e.code),
      [],
    );
    assert.ok(Y.encodeStateAsUpdate(room).byteLength <= cap, 'the room stays within its cap');
    // Every point reads as before, at a participant who joins now.
    const late = new Y.Doc({ gcFilter: collectable });
    Y.applyUpdate(late, Y.encodeStateAsUpdate(room));
    const points = readPoints(late);
    assert.equal(points.length, 3);
    assert.deepEqual(
      points.slice(0, 2).map((p) => JSON.stringify(planAt(late, p))),
      before,
    );
    assert.equal(planAt(late, points[2]!)?.patientRepresentation, text);
    late.destroy();
  } finally {
    bob.ws.close();
    anna.leave();
    local.destroy();
    await server.close();
    dir.remove();
  }
});
