import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import { activity, generatePlan } from '../../sync/helpers.ts';
import { join, rawDocClient, sameDoc, startServer, synced, waitFor, EDITOR, type TestServer } from './helpers.ts';

/*
 * Text that merges: two people typing in one activity description (or the plan's name, or a clause)
 * at the same time used to lose one of the two (last writer wins on the whole string). The plan's
 * name, clauses and an activity's description and justification are now Y.Text from their first
 * edit; stored documents with plain strings read as before and convert at their first edit, the
 * same way for everyone, so even the first concurrent edit keeps both.
 */

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

type Edit = (s: YPlanState, id: string) => void;
const describe =
  (text: (old: string) => string): Edit =>
  (s, id) => {
    const old = s.plan.activities.find((a) => a.id === id)!.description ?? '';
    s.apply([{ op: 'update-row', collection: 'activities', id, patch: { description: text(old) } } as never]);
  };

for (const [label, start] of [
  ['an empty description', undefined],
  ['a description stored as plain text', 'Wijkteams bieden'],
] as const) {
  test(`two people typing at once in ${label} both keep what they typed`, async () => {
    const base = generatePlan(21, 3);
    const id = 'act-text';
    base.activities.push(activity(id, start === undefined ? {} : { description: start }));
    const anna = createPlanState(base);
    const bob = createPlanState(base);
    const a = join(server.url, `text-${start ? 'plain' : 'empty'}`, { doc: anna, userName: 'Anna' });
    const b = join(server.url, `text-${start ? 'plain' : 'empty'}`, { doc: bob, userName: 'Bob' });
    try {
      await waitFor(() => synced(a) && synced(b) && sameDoc(anna.doc, bob.doc), 'both in the room');
      // Both go offline, type, and come back: their edits are concurrent.
      a.leave();
      b.leave();
      describe((old) => `${old} Anna: zorg dichtbij.`.trim())(anna, id);
      describe((old) => `Bob: samen met huisartsen. ${old}`.trim())(bob, id);
      anna.apply([{ op: 'set-field', field: 'name', value: `${base.name} (Anna)` } as never]);
      bob.apply([{ op: 'set-field', field: 'name', value: `(Bob) ${base.name}` } as never]);
      anna.apply([
        { op: 'set-field', field: 'clauses', value: { ...base.clauses, evaluation: 'Jaarlijks, met Anna' } } as never,
      ]);
      bob.apply([
        {
          op: 'set-field',
          field: 'clauses',
          value: { ...base.clauses, evaluation: 'Halfjaarlijks door Bob' },
        } as never,
      ]);
      a.reconnect();
      b.reconnect();
      await waitFor(() => synced(a) && synced(b) && sameDoc(anna.doc, bob.doc), 'merged', 15_000);
      const text = anna.plan.activities.find((x) => x.id === id)!.description!;
      assert.equal(bob.plan.activities.find((x) => x.id === id)!.description, text, 'the same text for both');
      assert.match(text, /Anna: zorg dichtbij\./);
      assert.match(text, /Bob: samen met huisartsen\./);
      if (start) assert.equal(text.split(start).length, 2, `the old text once: ${text}`);
      assert.equal(anna.plan.name, bob.plan.name);
      assert.match(anna.plan.name, /\(Bob\) .*\(Anna\)/);
      assert.equal(anna.plan.clauses.evaluation, bob.plan.clauses.evaluation);
      assert.match(anna.plan.clauses.evaluation, /Anna/);
      assert.match(anna.plan.clauses.evaluation, /Bob/);
      assert.equal(anna.doc.getMap('meta').get('layout'), 2);
    } finally {
      a.leave();
      b.leave();
      anna.destroy();
      bob.destroy();
    }
  });
}

test('a seed stays plain text (stored scenarios build on it); a later participant reads Y.Text the same', () => {
  const base = generatePlan(5, 2);
  const s = createPlanState(base);
  assert.equal(typeof s.doc.getMap('plan').get('name'), 'string');
  s.apply([{ op: 'set-field', field: 'name', value: 'Nieuwe naam' } as never]);
  assert.ok(s.doc.getMap('plan').get('name') instanceof Y.Text);
  const later = createPlanState(base, { updates: [s.encodeState()] });
  assert.equal(later.plan.name, 'Nieuwe naam');
  s.undo();
  assert.equal(s.plan.name, base.name);
  s.destroy();
  later.destroy();
});

test('the server reads Y.Text: a name typed past its length cap is refused', async () => {
  const base = generatePlan(8, 2);
  const present = createPlanState(base);
  const c = join(server.url, 'text-cap', { doc: present });
  await waitFor(() => synced(c), 'joined');
  present.apply([{ op: 'set-field', field: 'name', value: 'Kort' } as never]);
  await waitFor(() => synced(c), 'name is text now');
  const hostile = await rawDocClient(server.url, 'text-cap', EDITOR);
  await waitFor(() => hostile.synced(), 'hostile synced');
  (hostile.doc.getMap('plan').get('name') as Y.Text).insert(4, 'x'.repeat(5000));
  const closed = await hostile.closed;
  assert.deepEqual(closed, { code: 4422, reason: 'invalid-update' });
  assert.equal(present.plan.name, 'Kort');
  c.leave();
  present.destroy();
});
