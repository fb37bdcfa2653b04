import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Plan } from '../../src/model/index.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { planFingerprint } from '../../src/export/fingerprint.ts';
import {
  addSignoff,
  openRound,
  readComments,
  readSignoffs,
  reply,
  signoffStatus,
  startThread,
} from '../../src/negotiation/index.ts';
import { NAMED, join, startServer, waitFor, synced, type TestServer } from './collab/helpers.ts';

/*
 * Sign-offs and comments live in the scenario's document, so a workshop shares them like any edit:
 * two participants (each with their own document, as two browser profiles have) see each other's
 * sign-off and thread, and the server's room check lets them through.
 */

const plan = Plan.parse(
  JSON.parse(readFileSync(new URL('../../demo/plans/dementia-network.json', import.meta.url), 'utf8')),
);

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

test('a sign-off and a comment thread reach the other participant, and an edit outdates the sign-off there too', async () => {
  const anna = createPlanState(plan);
  const bram = createPlanState(plan);
  // Anna holds a personal token: in a workshop she signs under the name the server gives it.
  const a = join(server.url, 'negotiation-room', { doc: anna, userName: 'Anna', token: NAMED });
  const b = join(server.url, 'negotiation-room', { doc: bram, userName: 'Bram' });
  try {
    await waitFor(() => synced(a) && synced(b), 'both connected');
    const fp = await planFingerprint(anna.plan);
    openRound(anna.doc, 'Anna');
    addSignoff(anna.doc, anna.plan, fp, {
      id: 'so-anna',
      party: { kind: 'funder', id: plan.funders[0]!.id },
      name: 'Anna (token)',
      role: 'zorginkoper',
      source: 'server',
    });
    startThread(
      anna.doc,
      { section: 'activities', rowId: plan.activities[0]!.id, column: 'cost.amount' },
      { threadId: 't1', messageId: 'm1', author: 'Anna', text: 'Klopt dit?' },
    );
    await waitFor(() => readSignoffs(bram.doc).signoffs.length === 1, 'the sign-off at Bram');
    await waitFor(() => readComments(bram.doc, bram.plan).threads.length === 1, 'the thread at Bram');
    assert.equal(readSignoffs(bram.doc).round?.openedBy, 'Anna');
    reply(bram.doc, { threadId: 't1', messageId: 'm2', author: 'Bram', text: 'Ja.' });
    await waitFor(() => readComments(anna.doc, anna.plan).threads[0]?.messages.length === 2, 'the reply at Anna');

    bram.apply([{ op: 'set-field', field: 'name', value: 'Herzien in de werksessie' }]);
    await waitFor(() => anna.plan.name === 'Herzien in de werksessie', 'the edit at Anna');
    const s = readSignoffs(anna.doc);
    const status = signoffStatus(anna.plan, await planFingerprint(anna.plan), s.round, s.signoffs);
    assert.equal(status.parties.find((p) => p.party.id === plan.funders[0]!.id)?.state, 'outdated');
    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
  } finally {
    a.leave();
    b.leave();
    anna.destroy();
    bram.destroy();
  }
});
