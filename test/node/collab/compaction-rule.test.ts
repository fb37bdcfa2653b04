import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { HistoryNames, roomGcFilter, type WriterIdentity } from '../../../server/history-check.ts';
import { HISTORY_ROOT, HISTORY_RULE, compactHistory, readPoints } from '../../../src/negotiation/history.ts';
import { compactionDrops } from '../../../src/negotiation/history-compaction.ts';

/*
 * The workshop server lets a participant remove another person's history points only as the
 * clients' compaction rule removes them (one rule, compactionDrops): it refuses a removal the rule
 * would not make, and passes every compaction a client makes, with a day of leeway for its clock.
 */

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 5, 2, 0);
const BOB: WriterIdentity = { role: 'editor', name: 'Bob', reserved: new Set(['Anna', 'Bob']) };
const snap = (doc: Y.Doc) => Y.encodeSnapshot(Y.snapshot(doc));

/** A room whose history Anna wrote: a start, points at `times` (ms), in that order. */
function room(times: readonly number[]): Y.Doc {
  const anna = new Y.Doc();
  const points = anna.getMap(HISTORY_ROOT);
  points.set(`p:${anna.clientID}:0`, { at: times[0]! - DAY, by: '', start: true, snap: snap(anna) });
  for (const at of times) {
    anna.getMap('plan').set('name', `Stand ${at}`);
    points.set(`p:${anna.clientID}:${Y.getState(anna.store, anna.clientID)}`, { at, by: 'Anna', snap: snap(anna) });
  }
  const doc = Object.assign(new Y.Doc({ gcFilter: roomGcFilter }), { name: 'plan-x:main' });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(anna));
  return doc;
}

/** What the server says of an update `edit` makes to a copy of the room (as room-check.ts hands it the touched points). */
function judge(doc: Y.Doc, edit: (copy: Y.Doc) => void, now = NOW, who: WriterIdentity = BOB): string[] {
  const names = new HistoryNames(doc, () => now);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(copy);
  edit(copy);
  const touched = (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed)
      if (type === (doc.getMap(HISTORY_ROOT) as unknown)) for (const k of keys) if (k) names.touchedPoints.add(k);
  };
  doc.on('afterTransaction', touched);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy, sv));
  doc.off('afterTransaction', touched);
  const started = performance.now();
  const problems = names.problems(who);
  judged.ms = performance.now() - started;
  return problems;
}
/** How long the server took to judge the last update. */
const judged = { ms: 0 };

const keyAt = (doc: Y.Doc, at: number) => readPoints(doc).find((p) => p.at === at)!.key;

test('the last point of an old day stays: removing it is refused, removing the others of that day passes', () => {
  // Three points on a day 60 days back (kept one a day), then the last 50 points, all recent.
  const day = NOW - 60 * DAY;
  const recent = Array.from({ length: 50 }, (_, i) => NOW - 3_600_000 + i);
  const times = [day, day + 60_000, day + 120_000, ...recent];
  assert.ok(judge(room(times), (c) => c.getMap(HISTORY_ROOT).delete(keyAt(c, day + 120_000))).length > 0);
  assert.deepEqual(
    judge(room(times), (c) => c.getMap(HISTORY_ROOT).delete(keyAt(c, day))),
    [],
  );
  // What the clients' rule removes is exactly the first two.
  const doc = room(times);
  const lastOfDay = keyAt(doc, day + 120_000);
  assert.equal(compactHistory(doc, NOW), 2);
  assert.ok(readPoints(doc).some((p) => p.key === lastOfDay));
});

test('points a reader skips (no snapshot) do not count among the newest: a point among the last 50 stays', () => {
  // Anna's 50 points three weeks back are the last 50 the clients read.
  const times = Array.from({ length: 50 }, (_, i) => NOW - 21 * DAY + i * 60_000);
  const doc = room(times);
  const junk = (c: Y.Doc) => {
    for (let i = 0; i < 50; i++) c.getMap(HISTORY_ROOT).set(`p:${c.clientID}:${i}`, { at: NOW - i, by: 'Bob' });
  };
  assert.deepEqual(judge(doc, junk), []);
  const problems = judge(doc, (c) => c.getMap(HISTORY_ROOT).delete(keyAt(c, times[10]!)));
  assert.ok(
    problems.some((p) => p.includes('removes "Anna"')),
    problems.join('\n'),
  );
});

test('a client’s own compaction passes, with its clock up to a day ahead of the server’s', () => {
  // A year of Anna's points, four a day on every fifth day, then the last 50 today.
  const times: number[] = [];
  for (let d = 365; d > 1; d -= 5) for (let i = 0; i < 4; i++) times.push(NOW - d * DAY + i * 3_600_000);
  // And four twelve and a half days back: within the 14 days of detail, even a day later.
  for (let i = 0; i < 4; i++) times.push(NOW - 12.5 * DAY + i * 3_600_000);
  times.sort((a, b) => a - b);
  for (let i = 0; i < 50; i++) times.push(NOW - 3_600_000 + i);
  for (const ahead of [0, 0.5 * DAY, 0.99 * DAY]) {
    const doc = room(times);
    let dropped = 0;
    assert.deepEqual(
      judge(doc, (c) => (dropped = compactHistory(c, NOW + ahead))),
      [],
      `a clock ${ahead / 3_600_000} h ahead`,
    );
    assert.ok(dropped > 100, `${dropped} points dropped`);
  }
  // Two days ahead removes what the rule keeps today: refused.
  assert.ok(judge(room(times), (c) => compactHistory(c, NOW + 2 * DAY)).length > 0);
});

test('the rule removes no less at a later moment (what makes the day of leeway hold)', () => {
  // Points at random moments of the last 200 days, some named, some starts.
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const points = Array.from({ length: 600 }, (_, i) => ({
    key: `p:1:${i}`,
    at: NOW - random() * 200 * DAY,
    ...(random() < 0.05 ? { name: `Versie ${i}` } : {}),
    ...(random() < 0.01 ? { start: true } : {}),
  }));
  for (let step = 0; step < 48; step++) {
    const now = NOW + step * 3_600_000;
    const earlier = new Set(compactionDrops(points, now, HISTORY_RULE).map((p) => p.key));
    const later = new Set(compactionDrops(points, now + DAY - 1, HISTORY_RULE).map((p) => p.key));
    for (const k of earlier) assert.ok(later.has(k), `${k} removed at ${now} but kept a day later`);
  }
});

test('a point dated far ahead of the server’s clock is refused: no compaction would ever remove it', () => {
  const times = [NOW - 2 * DAY, NOW - DAY];
  const point = (at: number) => (c: Y.Doc) => {
    c.getMap('plan').set('name', 'Voorstel Bob');
    c.getMap(HISTORY_ROOT).set(`p:${c.clientID}:${Y.getState(c.store, c.clientID)}`, { at, by: 'Bob', snap: snap(c) });
  };
  const problems = judge(room(times), point(NOW + 365 * DAY));
  assert.ok(
    problems.some((p) => p.includes('ahead')),
    problems.join('\n'),
  );
  // A clock some hours or days ahead (a participant's own) passes.
  assert.deepEqual(judge(room(times), point(NOW + 6 * 3_600_000)), []);
  assert.deepEqual(judge(room(times), point(NOW + 3 * DAY)), []);
});

test('a hostile removal of 5,000 points is judged in one pass, exactly by the rule', (t) => {
  const doc = room(Array.from({ length: 5_050 }, (_, i) => NOW - 400 * DAY + i * 0.079 * DAY));
  const removed = readPoints(doc).slice(0, 5_000);
  const allowed = new Set(compactionDrops(readPoints(doc), NOW + DAY, HISTORY_RULE).map((p) => p.key));
  const problems = judge(doc, (c) => {
    const points = c.getMap(HISTORY_ROOT);
    c.transact(() => {
      for (const p of removed) points.delete(p.key);
    });
  });
  const { ms } = judged;
  t.diagnostic(`judging the removal of 5,000 points: ${ms.toFixed(0)} ms (${problems.length} refused)`);
  assert.equal(problems.length, removed.filter((p) => !allowed.has(p.key)).length);
  assert.ok(problems.length > 100 && problems.length < 1_000, `${problems.length} refused`);
  assert.ok(ms < 2_000, `${ms} ms`);
});
