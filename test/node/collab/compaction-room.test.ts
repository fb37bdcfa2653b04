import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { roomGcFilter } from '../../../server/history-check.ts';
import { compactRoom } from '../../../server/room-compaction.ts';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import {
  cellHistory,
  collectable,
  compactHistory,
  planAt,
  readPoints,
  recordPoint,
  snapshotOf,
  timeline,
} from '../../../src/negotiation/history.ts';
import { collectUnshown } from '../../../src/negotiation/history-compaction.ts';
import { attribute } from '../../../src/negotiation/history-users.ts';
import { generatePlan } from '../../sync/helpers.ts';

/*
 * A workshop room keeps the deleted content its history reads. Content no point kept shows —
 * written and deleted again between two points — is collected when the history is compacted (the
 * room does so at its size cap), so an editor who writes and deletes large values cannot fill a
 * room for good; and every kept point reads exactly as before.
 */

const NAME = { section: 'plan' as const, field: 'name' };
const MB = 1_000_000;

/** Anna's browser and the room it writes to (the room's gc as the server sets it up). */
function workshop(): { anna: YPlanState; room: Y.Doc } {
  const anna = createPlanState(generatePlan(11, 3), { gcFilter: collectable });
  const room = Object.assign(new Y.Doc({ gcFilter: roomGcFilter }), { name: 'plan-x:main' });
  Y.applyUpdate(room, Y.encodeStateAsUpdate(anna.doc));
  anna.doc.on('update', (u: Uint8Array) => Y.applyUpdate(room, u));
  attribute(anna.doc, 'Anna');
  return { anna, room };
}

/** Everything a participant who joins now reads of the history: each point's plan, the timeline, a cell's history. */
function readings(room: Y.Doc) {
  const late = new Y.Doc({ gcFilter: collectable });
  Y.applyUpdate(late, Y.encodeStateAsUpdate(room));
  try {
    return {
      points: readPoints(late).map((p) => [p.key, JSON.stringify(planAt(late, p))]),
      timeline: JSON.stringify(timeline(late)),
      name: JSON.stringify(cellHistory(late, NAME)),
    };
  } finally {
    late.destroy();
  }
}

const size = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).byteLength;

/** A history with values shown at its points, then 8 MB written and deleted again between two points. */
function filled(): { anna: YPlanState; room: Y.Doc } {
  const { anna, room } = workshop();
  const now = Date.now();
  recordPoint(anna.doc, '', now - 3000, { start: true, plan: anna.plan });
  anna.apply([{ op: 'set-field', field: 'name', value: 'Voorstel 1' }]);
  recordPoint(anna.doc, 'Anna', now - 2000, { plan: anna.plan });
  anna.apply([{ op: 'set-field', field: 'name', value: 'Voorstel 2' }]);
  recordPoint(anna.doc, 'Anna', now - 1000, { plan: anna.plan });
  // Between two points: large values written and deleted again (a root no plan reads, as a
  // hostile editor would), and a name typed over.
  const scratch = anna.doc.getMap('scratch');
  for (let i = 0; i < 8; i++) {
    scratch.set('v', String.fromCharCode(97 + i).repeat(MB));
    scratch.delete('v');
    anna.apply([{ op: 'set-field', field: 'name', value: `Tussenstand ${i}` }]);
  }
  anna.apply([{ op: 'set-field', field: 'name', value: 'Voorstel 3' }]);
  recordPoint(anna.doc, 'Anna', now, { plan: anna.plan });
  return { anna, room };
}

test('a room filled with content written and deleted between points is freed by compacting; every point reads as before', () => {
  const { anna, room } = filled();
  try {
    assert.ok(size(room) > 8 * MB, `the room holds ${size(room)} bytes`);
    const before = readings(room);
    assert.equal(before.points.length, 4);
    assert.ok(
      before.points.every(([, plan]) => plan !== 'null'),
      'every point reads back',
    );
    // Nothing is old enough for the rule: no point goes, yet what no point shows is collected.
    assert.equal(compactHistory(room), 0);
    assert.ok(size(room) < MB / 10, `the room holds ${size(room)} bytes after compacting`);
    assert.deepEqual(readings(room), before);
    // What the points show stays: the name's value at each of them.
    assert.deepEqual(
      cellHistory(room, NAME).map((e) => e.value),
      ['Voorstel 3', 'Voorstel 2', 'Voorstel 1', generatePlan(11, 3).name],
    );
  } finally {
    anna.destroy();
    room.destroy();
  }
});

test('a browser that opens the stored scenario collects it too, and holds what the room holds', () => {
  const { anna, room } = filled();
  try {
    // The next session (its undo steps no longer hold the deleted values) compacts after its first point.
    const again = createPlanState(generatePlan(11, 3), { gcFilter: collectable, updates: [anna.encodeState()] });
    assert.ok(again.encodeState().byteLength > 8 * MB);
    compactHistory(again.doc);
    compactHistory(room);
    assert.ok(again.encodeState().byteLength < MB / 10, `the browser holds ${again.encodeState().byteLength} bytes`);
    assert.deepEqual(readings(again.doc), readings(room));
    assert.deepEqual(Y.encodeStateAsUpdate(again.doc), Y.encodeStateAsUpdate(room));
    again.destroy();
  } finally {
    anna.destroy();
    room.destroy();
  }
});

test('content a kept point shows stays until the last such point goes; then it is collected', () => {
  const { anna, room } = workshop();
  const day = 86_400_000;
  const now = 400 * day;
  try {
    recordPoint(anna.doc, '', 10 * day, { start: true, plan: anna.plan });
    const scratch = anna.doc.getMap('scratch');
    scratch.set('v', 'x'.repeat(MB));
    // Two points of one old day show the large value; it is deleted before the next.
    recordPoint(anna.doc, 'Anna', 11 * day, { plan: anna.plan });
    anna.apply([{ op: 'set-field', field: 'name', value: 'Eén' }]);
    recordPoint(anna.doc, 'Anna', 11 * day + 1000, { plan: anna.plan });
    scratch.delete('v');
    anna.apply([{ op: 'set-field', field: 'name', value: 'Twee' }]);
    recordPoint(anna.doc, 'Anna', 12 * day, { plan: anna.plan });
    anna.apply([{ op: 'set-field', field: 'name', value: 'Drie' }]);
    recordPoint(anna.doc, 'Anna', now - 1000, { plan: anna.plan });
    const before = new Map(readings(room).points.map(([k, plan]) => [k, plan]));
    const readsAsBefore = () => {
      const now = readings(room).points;
      assert.ok(now.length > 0);
      for (const [k, plan] of now) assert.equal(plan, before.get(k!), `${k} reads as before`);
    };
    // One a day: the old day keeps its last point, which still shows the value.
    assert.equal(compactHistory(room, now, { detailDays: 14, detailPoints: 1, dailyDays: 400 }), 1);
    assert.ok(size(room) > MB, `the room holds ${size(room)} bytes`);
    readsAsBefore();
    // One a week: that point goes too, and the value with it.
    assert.equal(compactHistory(room, now, { detailDays: 14, detailPoints: 1, dailyDays: 0 }), 1);
    assert.ok(size(room) < MB / 10, `the room holds ${size(room)} bytes`);
    assert.equal(readPoints(room).length, 3);
    readsAsBefore();
  } finally {
    anna.destroy();
    room.destroy();
  }
});

test('the room’s mirror (the checker’s shadow, which measures it) collects what the room collects', () => {
  const { anna, room } = filled();
  const shadow = Object.assign(new Y.Doc({ gcFilter: roomGcFilter }), { name: 'plan-x:main' });
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(room));
  room.on('update', (u: Uint8Array) => Y.applyUpdate(shadow, u));
  try {
    assert.equal(compactRoom(room, [shadow]), true);
    assert.ok(size(shadow) < MB / 10, `the shadow holds ${size(shadow)} bytes`);
    assert.deepEqual(Y.encodeStateAsUpdate(shadow), Y.encodeStateAsUpdate(room));
    // Nothing more to free: the cap then holds.
    assert.equal(compactRoom(room, [shadow]), false);
  } finally {
    anna.destroy();
    room.destroy();
    shadow.destroy();
  }
});

test('collecting walks each point’s delete set once: 4,000 points, each showing a value of its own', (t) => {
  const doc = new Y.Doc({ gcFilter: collectable });
  const points = doc.getMap<unknown>('history');
  for (let i = 0; i < 4_000; i++) {
    doc.getMap('plan').set('name', `Stand ${i}`);
    const at = Y.getState(doc.store, doc.clientID);
    points.set(`p:${doc.clientID}:${at}`, { at: 1_000 + i, by: 'Anna', snap: Y.encodeSnapshot(Y.snapshot(doc)) });
  }
  // One value written and deleted again after the last point: shown by none.
  doc.getMap('plan').set('name', 'Tussenstand');
  doc.getMap('plan').set('name', 'Laatste');
  const kept = readPoints(doc).map(snapshotOf);
  const started = performance.now();
  assert.equal(collectUnshown(doc, kept), 1);
  const ms = performance.now() - started;
  t.diagnostic(`collecting over 4,000 points: ${ms.toFixed(1)} ms`);
  assert.ok(ms < 800, `${ms.toFixed(0)} ms`);
  assert.equal(cellHistory(doc, NAME)[0]!.value, 'Stand 3999');
});
