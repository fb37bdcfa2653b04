import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Plan, applyOps, type Plan as PlanT } from '../../src/model/index.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { planFingerprint } from '../../src/export/fingerprint.ts';
import { compare } from '../../src/compare/index.ts';
import {
  addSignoff,
  exportsAsConcept,
  openRound,
  partiesToSign,
  readComments,
  readSignoffs,
  reply,
  setResolved,
  signedPlan,
  signoffStatus,
  startThread,
} from '../../src/negotiation/index.ts';

const demo = (name: string): PlanT =>
  Plan.parse(JSON.parse(readFileSync(new URL(`../../demo/plans/${name}.json`, import.meta.url), 'utf8')));

test('who signs follows the execution model: every funder, and the cashier, or every equal partner', () => {
  const cashier = demo('dementia-network');
  const parties = partiesToSign(cashier);
  assert.equal(parties.filter((p) => p.party.kind === 'funder').length, cashier.funders.length);
  assert.deepEqual(
    parties.filter((p) => p.party.kind === 'provider').map((p) => [p.party.id, p.role]),
    [[cashier.leadProviderId, 'cashier']],
  );
  const equal = { ...cashier, executionModel: 'equal-partners' as const, leadProviderId: null };
  assert.equal(partiesToSign(equal).filter((p) => p.party.kind === 'provider').length, cashier.providers.length);
});

test('a sign-off is valid on its version, outdated (and kept) after an edit, valid again after signing anew', async () => {
  const plan = demo('dementia-network');
  const state = createPlanState(plan);
  const before = await planFingerprint(state.plan);
  openRound(state.doc, 'Anna', new Date('2025-03-01T10:00:00Z'));
  const funder = plan.funders[0]!;
  addSignoff(state.doc, state.plan, before, {
    id: 's1',
    party: { kind: 'funder', id: funder.id },
    name: 'Piet Inkoop',
    role: 'zorginkoper',
    at: new Date('2025-03-01T11:00:00Z'),
  });
  // Signing is no plan edit: same fingerprint, nothing to undo.
  assert.equal(await planFingerprint(state.plan), before);
  assert.equal(state.canUndo, false);

  let data = readSignoffs(state.doc);
  let status = signoffStatus(state.plan, before, data.round, data.signoffs);
  const row = () => status.parties.find((p) => p.party.id === funder.id)!;
  assert.equal(row().state, 'valid');
  assert.equal(status.complete, false);
  assert.equal(exportsAsConcept(status), true);

  state.apply([{ op: 'set-field', field: 'name', value: 'Dementienetwerk, herzien' }]);
  const after = await planFingerprint(state.plan);
  assert.notEqual(after, before);
  data = readSignoffs(state.doc);
  status = signoffStatus(state.plan, after, data.round, data.signoffs);
  assert.equal(row().state, 'outdated');
  assert.equal(row().latest?.name, 'Piet Inkoop');
  // What changed since: the signed version is kept, so the compare view can diff it.
  const signed = signedPlan(state.doc, before);
  assert.ok(signed);
  const diff = compare(signed, state.plan);
  assert.deepEqual(
    diff.inputs.map((d) => [d.field, d.b]),
    [['name', 'Dementienetwerk, herzien']],
  );

  // Undo of the plan does not remove the sign-off.
  state.undo();
  assert.equal(readSignoffs(state.doc).signoffs.length, 1);
  state.redo();

  addSignoff(state.doc, state.plan, after, {
    id: 's2',
    party: { kind: 'funder', id: funder.id },
    name: 'Piet Inkoop',
    role: 'zorginkoper',
    at: new Date('2025-03-02T09:00:00Z'),
  });
  data = readSignoffs(state.doc);
  status = signoffStatus(state.plan, after, data.round, data.signoffs);
  assert.equal(row().state, 'valid');
  assert.equal(row().all.length, 2, 'the outdated sign-off is kept');

  // Everyone signs: complete, no concept.
  for (const p of status.parties.filter((x) => x.state !== 'valid'))
    addSignoff(state.doc, state.plan, after, { id: `x${p.party.id}`, party: p.party, name: 'N', role: '' });
  data = readSignoffs(state.doc);
  status = signoffStatus(state.plan, after, data.round, data.signoffs);
  assert.equal(status.complete, true);
  assert.equal(exportsAsConcept(status), false);
  state.destroy();
});

test('hostile sign-off values in the doc are skipped with a problem, never thrown', () => {
  const state = createPlanState(demo('handbook'));
  const m = state.doc.getMap('signoffs');
  m.set('round', { openedAt: 'yesterday', openedBy: 5 });
  m.set('s:evil', {
    id: 'evil',
    party: { kind: 'funder', id: '__proto__' },
    name: '<img onerror=x>',
    role: '',
    at: 'x',
  });
  m.set('s:ok', 42);
  m.set('v:abc', 'not json');
  const data = readSignoffs(state.doc);
  assert.equal(data.round, null);
  assert.deepEqual(data.signoffs, []);
  assert.equal(data.problems.length, 3);
  assert.equal(signedPlan(state.doc, 'abc'), null);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  state.destroy();
});

test('a comment thread follows its row when rows move, and is kept as orphaned when the row is removed', () => {
  const plan = demo('dementia-network');
  const state = createPlanState(plan);
  const rowId = plan.activities[1]!.id;
  const started = startThread(
    state.doc,
    { section: 'activities', rowId, column: 'cost.amount' },
    { threadId: 't1', messageId: 'm1', author: 'Anna', text: '  Klopt dit bedrag? <b>niet vet</b> ' },
  );
  assert.deepEqual(started, { ok: true });
  assert.deepEqual(reply(state.doc, { threadId: 't1', messageId: 'm2', author: 'Bob', text: 'Ja.' }), { ok: true });
  // Move the row to the end: the anchor names the row, not its index.
  state.apply([{ op: 'move-row', collection: 'activities', id: rowId, index: plan.activities.length - 1 }]);
  assert.equal(state.plan.activities.at(-1)!.id, rowId);
  let thread = readComments(state.doc, state.plan).threads[0]!;
  assert.equal(thread.anchor.rowId, rowId);
  assert.equal(thread.orphaned, false);
  assert.deepEqual(
    thread.messages.map((m) => m.text),
    ['Klopt dit bedrag? <b>niet vet</b>', 'Ja.'],
  );
  assert.deepEqual(setResolved(state.doc, 't1', true), { ok: true });
  assert.equal(readComments(state.doc, state.plan).threads[0]!.resolved, true);
  setResolved(state.doc, 't1', false);
  state.apply([{ op: 'remove-row', collection: 'activities', id: rowId }]);
  thread = readComments(state.doc, state.plan).threads[0]!;
  assert.equal(thread.orphaned, true);
  assert.equal(thread.resolved, false);
  // Comments are not plan edits: undo brings the row back and the thread with it is no longer orphaned.
  state.undo();
  assert.equal(readComments(state.doc, state.plan).threads[0]!.orphaned, false);
  state.destroy();
});

test('an empty or too long comment is refused, a reload from the stored updates keeps the thread', () => {
  const plan = demo('handbook');
  const state = createPlanState(plan);
  const anchor = { section: 'plan' as const, column: 'name' };
  assert.deepEqual(startThread(state.doc, anchor, { threadId: 't', messageId: 'm', author: 'A', text: '   ' }), {
    ok: false,
    reason: 'empty',
  });
  assert.deepEqual(
    startThread(state.doc, anchor, { threadId: 't', messageId: 'm', author: 'A', text: 'x'.repeat(2001) }),
    { ok: false, reason: 'too-long' },
  );
  startThread(state.doc, anchor, { threadId: 't', messageId: 'm', author: 'A', text: 'ok' });
  const reloaded = createPlanState(applyOps(plan, []), { updates: [state.encodeState()] });
  assert.equal(readComments(reloaded.doc, reloaded.plan).threads.length, 1);
  state.destroy();
  reloaded.destroy();
});

test('a comment anchor names a split cell by domain and sector key, and reads back as the same place', async () => {
  const { anchorOf, placeOf } = await import('../../src/negotiation/index.ts');
  const split = anchorOf({ section: 'split', rowId: 'a1', domainId: 'zvw', sectorId: 'zvw-vv' });
  assert.deepEqual(split, { section: 'split', rowId: 'a1', column: 's:zvw:zvw-vv' });
  assert.deepEqual(placeOf(split!), { section: 'split', rowId: 'a1', domainId: 'zvw', sectorId: 'zvw-vv' });
  assert.deepEqual(anchorOf({ section: 'split', rowId: 'default', domainId: 'wmo' }), {
    section: 'split',
    rowId: 'default',
    column: 'd:wmo',
  });
  assert.deepEqual(anchorOf({ section: 'plan', field: 'clauses.controls' }, 'clause-missing'), {
    section: 'plan',
    column: 'clauses.controls',
    finding: 'clause-missing',
  });
  assert.equal(anchorOf({ section: 'activities', rowId: '__proto__' }), null, 'an id the model refuses is no anchor');
});
