import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPlanState } from '../../../src/sync/plan-state.ts';
import { generatePlan } from '../../sync/helpers.ts';
import { join, stable, startServer, synced, waitFor, type TestServer } from './helpers.ts';

/*
 * After the server refused an edit and the client took over the room's state, the refused edit
 * stayed in the undo history: undo and redo walked through it and brought the refused value back
 * (and sent it again, refused again) — e.g. a Ctrl+Z pressed while the refusal came in, then Ctrl+Shift+Z. Undo now goes back past what the room has, never to what it
 * refused.
 */

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

const json = (v: unknown) => stable(JSON.parse(JSON.stringify(v)));

test('after a refused edit is taken over, undo and redo offer nothing that would replay it; new edits undo back to the room', async () => {
  const base = generatePlan(11, 4);
  const other = createPlanState(base);
  const otherClient = join(server.url, 'refused-undo', { doc: other, userName: 'Other' });
  await waitFor(() => synced(otherClient), 'other connected');
  const mine = createPlanState(base);
  // Ctrl+Z pressed while the refusal comes in (before the room's state is taken over).
  let undoOnRefusal = true;
  const me = join(server.url, 'refused-undo', {
    doc: mine,
    userName: 'Me',
    onError: (e) => {
      if (e.code === 'invalid-update' && undoOnRefusal) {
        undoOnRefusal = false;
        mine.undo();
      }
    },
  });
  try {
    await waitFor(() => synced(me) && json(mine.plan) === json(other.plan), 'same plan');

    // An edit the room takes.
    mine.apply([{ op: 'set-field', field: 'name', value: 'Eerste naam' } as never]);
    await waitFor(() => other.plan.name === 'Eerste naam', 'accepted edit shared');

    // One edit the room refuses (4422): a plan name that is no text. The planner's own ops never
    // write one; a newer client or a bug could. It is written as a local edit (in the undo history).
    const local = (mine as unknown as { local: object }).local;
    mine.doc.transact(() => {
      mine.doc.getMap('plan').set('name', 42);
    }, local);
    await waitFor(() => me.errors.some((e) => e.code === 'invalid-update'), 'refused');
    await waitFor(() => synced(me) && json(mine.plan) === json(other.plan), "room's plan taken over", 20_000);
    assert.equal(mine.plan.name, 'Eerste naam');

    const refusedShows = () => String(mine.doc.getMap('plan').get('name')) === '42';
    // Nothing left to undo or redo: the history held the refused edit (and its undo, pressed while
    // the refusal came in), and steps the room's state has written over. The toolbar's buttons are off.
    assert.equal(mine.canRedo, false, 'redo would replay the refused edit');
    assert.equal(mine.canUndo, false, 'undo would walk through the refused edit');
    mine.undo();
    mine.redo();
    assert.ok(!refusedShows());
    assert.equal(mine.plan.name, 'Eerste naam', "the room's name stays");
    // The history goes on from the room's state: a new edit is undone back to it.
    mine.apply([{ op: 'set-field', field: 'name', value: 'Tweede naam' } as never]);
    mine.undo();
    assert.equal(mine.plan.name, 'Eerste naam');
    assert.ok(!refusedShows());
    await waitFor(() => synced(me) && other.plan.name === 'Eerste naam', 'the room agrees');
    const refusals = server.logs.filter((l) => l.includes('refused-undo: refused an update'));
    assert.equal(refusals.length, 1, `nothing refused again: ${refusals.join(' | ')}`);
    assert.ok(!me.errors.some((e) => e.code === 'resync-failed'));
  } finally {
    me.leave();
    otherClient.leave();
    mine.destroy();
    other.destroy();
  }
});
