import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createPlanState } from '../../../src/sync/plan-state.ts';
import { planFingerprint } from '../../../src/export/fingerprint.ts';
import { addSignoff, readSignoffs } from '../../../src/negotiation/index.ts';
import { generatePlan } from '../../sync/helpers.ts';
import {
  EDITOR,
  NAMED,
  OBSERVER,
  join,
  rawDocClient,
  sameDoc,
  sleep,
  startServer,
  synced,
  waitFor,
  type TestServer,
} from './helpers.ts';

/*
 * In a workshop the server records a sign-off only from a token with the editor role, under the
 * name the server assigned to that token (server/signoff-check.ts): an observer cannot sign, an
 * editor cannot sign under someone else's name (nor under a typed name with a shared token), and
 * an editor signing under its own name is seen by everyone.
 */

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

async function room(name: string) {
  const base = generatePlan(7, 4);
  const present = createPlanState(base);
  const c = join(server.url, name, { doc: present, userName: 'Present' });
  await waitFor(() => synced(c), 'present participant connected');
  const fingerprint = await planFingerprint(base);
  const party = { kind: 'funder' as const, id: base.funders[0]?.id ?? 'f1' };
  return { base, present, fingerprint, party, leave: () => (c.leave(), present.destroy()) };
}

async function signer(roomName: string, token: string, present: Y.Doc) {
  const s = await rawDocClient(server.url, roomName, token);
  await waitFor(() => s.authenticated() && s.synced() && sameDoc(s.doc, present), 'signer synced');
  return s;
}

const closedWithin = (s: { closed: Promise<{ code: number; reason: string }> }, ms = 1500) =>
  Promise.race([s.closed, sleep(ms).then(() => null)]);

test('an observer that records a sign-off is refused (4422) and nothing is recorded', async () => {
  const r = await room('signoff-observer');
  const s = await signer('signoff-observer', OBSERVER, r.present.doc);
  addSignoff(s.doc, r.base, r.fingerprint, {
    id: 'so1',
    party: r.party,
    name: 'Anna (token)',
    role: 'x',
    source: 'server',
  });
  assert.deepEqual(await closedWithin(s), { code: 4422, reason: 'invalid-update' });
  await sleep(100);
  assert.equal(readSignoffs(r.present.doc).signoffs.length, 0);
  assert.ok(
    server.logs.some((l) => l.includes('only an editor records sign-offs')),
    server.logs.join('\n'),
  );
  r.leave();
});

for (const [label, token, name] of [
  ["another person's name", NAMED, 'Bram (wethouder)'],
  ['a typed name with a token that names nobody', EDITOR, 'Tester'],
] as const) {
  test(`an editor signing under ${label} is refused (4422) and nothing is recorded`, async () => {
    const roomName = `signoff-forge-${label.length}`;
    const r = await room(roomName);
    const s = await signer(roomName, token, r.present.doc);
    addSignoff(s.doc, r.base, r.fingerprint, { id: 'so1', party: r.party, name, role: 'wethouder', source: 'server' });
    assert.deepEqual(await closedWithin(s), { code: 4422, reason: 'invalid-update' });
    await sleep(100);
    assert.equal(readSignoffs(r.present.doc).signoffs.length, 0);
    assert.ok(
      server.logs.some((l) => l.includes(roomName) && l.includes('signoffs.s:so1')),
      server.logs.join('\n'),
    );
    r.leave();
  });
}

test('a sign-off marked as local, even under the right name, is refused in a workshop', async () => {
  const r = await room('signoff-local');
  const s = await signer('signoff-local', NAMED, r.present.doc);
  addSignoff(s.doc, r.base, r.fingerprint, {
    id: 'so1',
    party: r.party,
    name: 'Anna (token)',
    role: 'x',
    source: 'local',
  });
  assert.deepEqual(await closedWithin(s), { code: 4422, reason: 'invalid-update' });
  assert.equal(readSignoffs(r.present.doc).signoffs.length, 0);
  r.leave();
});

test('an editor signing under its own assigned name is recorded and seen by everyone; it cannot be changed afterwards', async () => {
  const r = await room('signoff-own');
  const s = await signer('signoff-own', NAMED, r.present.doc);
  addSignoff(s.doc, r.base, r.fingerprint, {
    id: 'so1',
    party: r.party,
    name: 'Anna (token)',
    role: 'zorginkoper',
    source: 'server',
  });
  await waitFor(() => readSignoffs(r.present.doc).signoffs.length === 1, 'the sign-off reaches the others');
  const seen = readSignoffs(r.present.doc).signoffs[0]!;
  assert.equal(seen.name, 'Anna (token)');
  assert.equal(seen.source, 'server');
  assert.equal(seen.fingerprint, r.fingerprint);
  assert.equal(s.isClosed(), false);
  // Rewriting the recorded sign-off (another name, a later time) is refused.
  s.doc.getMap('signoffs').set('s:so1', { ...seen, name: 'Iemand anders' });
  assert.deepEqual(await closedWithin(s), { code: 4422, reason: 'invalid-update' });
  await sleep(100);
  assert.equal(readSignoffs(r.present.doc).signoffs[0]!.name, 'Anna (token)');
  r.leave();
});

test('the client learns the identity the server assigned: a personal token its holder, a shared one nobody', async () => {
  const seen: { token: string; identity: unknown }[] = [];
  const clients = [NAMED, EDITOR, OBSERVER].map((token) =>
    join(server.url, 'signoff-identity', {
      token,
      userName: 'Getypte naam',
      onIdentity: (identity) => seen.push({ token, identity }),
    }),
  );
  await waitFor(() => seen.length === 3, 'every client told who it is');
  const of = (token: string) => seen.find((s) => s.token === token)?.identity;
  assert.deepEqual(of(NAMED), { role: 'editor', name: 'Anna (token)' });
  assert.deepEqual(of(EDITOR), { role: 'editor', name: null });
  assert.deepEqual(of(OBSERVER), { role: 'observer', name: null });
  for (const c of clients) c.leave();
});
