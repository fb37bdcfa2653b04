import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Plan } from '../../src/model/index.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { planFingerprint } from '../../src/export/fingerprint.ts';
import { addSignoff, openRound, readSignoffs, signoffStatus } from '../../src/negotiation/index.ts';
import { SignoffChanges } from '../../src/negotiation/signoff-changes.ts';
import { negotiationSignature, readNegotiation } from '../../src/negotiation/negotiation-read.ts';

/*
 * What a sign-off card shows of an outdated version: what changed since it was signed, worked out
 * against the signed plan the document keeps, and worked out again only when the plan changed.
 */

const plan = Plan.parse(
  JSON.parse(readFileSync(new URL('../../demo/plans/dementia-network.json', import.meta.url), 'utf8')),
);

test('the changes since a signed version follow the plan, and the card is told only what it shows changed', async () => {
  const state = createPlanState(plan);
  const signed = await planFingerprint(state.plan);
  openRound(state.doc, 'Anna');
  const funder = plan.funders[0]!;
  addSignoff(state.doc, state.plan, signed, {
    id: 's1',
    party: { kind: 'funder', id: funder.id },
    name: 'Piet Inkoop',
    role: 'zorginkoper',
  });
  const changes = new SignoffChanges();
  const statusNow = async () => {
    const { round, signoffs } = readSignoffs(state.doc);
    return signoffStatus(state.plan, await planFingerprint(state.plan), round, signoffs);
  };

  // Signed as it is: nothing is outdated.
  assert.deepEqual([...changes.of(state.doc, await statusNow(), state.plan)], []);
  const record = readNegotiation(state.doc, state.plan);
  const before = negotiationSignature(false, record, await statusNow(), new Map());

  state.apply([{ op: 'set-field', field: 'name', value: 'Dementienetwerk, herzien' }]);
  let status = await statusNow();
  const first = changes.of(state.doc, status, state.plan);
  assert.deepEqual(
    first.get(signed)?.map((d) => [d.field, d.b]),
    [['name', 'Dementienetwerk, herzien']],
  );
  // The same plan: the same comparison, not worked out again.
  assert.equal(changes.of(state.doc, status, state.plan).get(signed), first.get(signed));
  const after = negotiationSignature(false, readNegotiation(state.doc, state.plan), status, first);
  assert.notEqual(after, before);

  state.apply([{ op: 'set-field', field: 'region', value: 'Twente' }]);
  status = await statusNow();
  const second = changes.of(state.doc, status, state.plan);
  assert.deepEqual(
    second
      .get(signed)
      ?.map((d) => d.field)
      .sort(),
    ['name', 'region'],
  );
  // A version the document no longer holds reads as unknown, not as unchanged.
  assert.equal(changes.of(null, status, state.plan).get(signed), second.get(signed));
  changes.clear();
  assert.equal(changes.of(null, status, state.plan).get(signed), null);
  state.destroy();
});
