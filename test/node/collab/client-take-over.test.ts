import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createPlanState } from '../../../src/sync/plan-state.ts';
import { takeOver } from '../../../src/sync/collab/take-over.ts';
import { activity, generatePlan } from '../../sync/helpers.ts';
import { docJson, stable } from './helpers.ts';

/*
 * After a refused edit the client makes its doc show exactly the room's state (take-over.ts), with
 * new edits, since Yjs cannot take content back. What it then sends the room (the refused edit
 * together with the take-over) must leave the room's content as it was, and the plan state must
 * show the room's plan, reported as a remote change.
 */

const json = (v: unknown) => stable(JSON.parse(JSON.stringify(v)));

test('edits the room refused — a removed row, changed fields and nested values, a new row, a move, a peer edit — give way to the room', () => {
  const base = generatePlan(3, 5);
  const room = createPlanState(base);
  const mine = createPlanState(base);
  Y.applyUpdate(mine.doc, room.encodeState());
  Y.applyUpdate(room.doc, mine.encodeState());
  // Something a peer did that this client has not seen yet.
  room.apply([{ op: 'set-field', field: 'name', value: 'Named by a peer' } as never]);
  const a0 = base.activities[0]!.id;
  const a1 = base.activities[1]!.id;
  // Unshared edits of mine, then one the room refuses (written around the plan state, as a bug would).
  mine.apply([
    { op: 'remove-row', collection: 'activities', id: a0 },
    { op: 'update-row', collection: 'activities', id: a1, patch: { name: 'Renamed here' } } as never,
    { op: 'insert-row', collection: 'activities', row: activity('act-mine') },
    { op: 'move-row', collection: 'activities', id: a1, index: 3 },
  ]);
  mine.doc.getMap('plan').set('name', 42);
  const roomPlan = json(room.plan);
  const changes: string[] = [];
  mine.subscribe((_p, change) => changes.push(change.origin));

  takeOver(mine.doc, room.encodeState(), { collab: 'room state' });

  assert.equal(json(mine.plan), roomPlan, "the plan state shows the room's plan");
  assert.equal(stable(docJson(mine.doc, room.doc)), stable(docJson(room.doc, mine.doc)), 'every root as in the room');
  assert.deepEqual([...new Set(changes)], ['remote']);
  // What the room receives from this client leaves its content as it was.
  const before = stable(docJson(room.doc, mine.doc));
  Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(mine.doc, Y.encodeStateVector(room.doc)));
  assert.equal(stable(docJson(room.doc, mine.doc)), before);
  assert.equal(json(room.plan), roomPlan);
  room.destroy();
  mine.destroy();
});

test('text and arrays nested anywhere are made equal too', () => {
  const room = new Y.Doc();
  const mine = new Y.Doc();
  room.getMap('m').set('t', new Y.Text('hello world'));
  room.getArray('a').insert(0, ['a', 'b', 'c', 'd']);
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(room));
  (mine.getMap('m').get('t') as Y.Text).insert(5, ' there');
  mine.getArray('a').delete(1, 2);
  mine.getArray('a').insert(1, ['x']);
  mine.getMap('m').set('n', new Y.Map());
  mine.getText('loose').insert(0, 'mine only');
  takeOver(mine, Y.encodeStateAsUpdate(room), {});
  assert.equal(String(mine.getMap('m').get('t')), 'hello world');
  assert.deepEqual(mine.getArray('a').toArray(), ['a', 'b', 'c', 'd']);
  assert.equal(mine.getMap('m').has('n'), false);
  assert.equal(mine.getText('loose').toString(), '');
});
