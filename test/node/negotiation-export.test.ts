import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Plan, type Plan as PlanT } from '../../src/model/index.ts';
import type { Signoff } from '../../src/model/negotiation.ts';
import { buildAnnex, planFingerprint, type AnnexDoc } from '../../src/export/index.ts';
import { partiesToSign } from '../../src/negotiation/index.ts';

const plan: PlanT = Plan.parse(
  JSON.parse(readFileSync(new URL('../../demo/plans/dementia-network.json', import.meta.url), 'utf8')),
);
const round = { openedAt: '2025-03-01T10:00:00.000Z', openedBy: 'Anna' };

function signAll(fingerprint: string): Signoff[] {
  return partiesToSign(plan).map((p, i) => ({
    id: `s${i}`,
    party: p.party,
    name: `Ondertekenaar ${i}`,
    role: 'bestuurder',
    at: '2025-03-02T09:30:00.000Z',
    fingerprint,
    source: 'local',
  }));
}

const section = (doc: AnnexDoc) => {
  const at = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Akkoord van de partijen');
  return at < 0 ? null : doc.blocks.slice(at, at + 5);
};

test('the annex states every sign-off with its fingerprint and is final when all parties signed this version', async () => {
  const fp = await planFingerprint(plan);
  const doc = await buildAnnex({ plan, signoffs: { round, signoffs: signAll(fp) } });
  assert.equal(doc.draft, false);
  const blocks = section(doc);
  assert.ok(blocks);
  const table = blocks.find((b) => b.kind === 'table');
  assert.ok(table && table.kind === 'table');
  assert.equal(table.table.rows.length, partiesToSign(plan).length);
  for (const row of table.table.rows) {
    assert.deepEqual(row[3], { t: 'text', v: fp });
    assert.deepEqual(row[4], { t: 'text', v: 'ja' });
  }
  assert.ok(blocks.some((b) => b.kind === 'paragraph' && b.text.includes('niet geverifieerd')));
});

test('an outdated or missing sign-off exports as concept, unless the user says draft: false', async () => {
  const fp = await planFingerprint(plan);
  const signed = signAll(fp);
  const changed = { ...plan, name: `${plan.name} (herzien)` };
  const outdated = await buildAnnex({ plan: changed, signoffs: { round, signoffs: signed } });
  assert.equal(outdated.draft, true);
  const table = section(outdated)!.find((b) => b.kind === 'table');
  assert.ok(table && table.kind === 'table');
  assert.deepEqual(table.table.rows[0]![4], { t: 'text', v: 'nee, verouderd' });

  const missing = await buildAnnex({ plan, signoffs: { round, signoffs: signed.slice(1) } });
  assert.equal(missing.draft, true);
  const forced = await buildAnnex({ plan: changed, draft: false, signoffs: { round, signoffs: signed } });
  assert.equal(forced.draft, false);
  // Never put up for sign-off: no section, no concept.
  const plain = await buildAnnex({ plan });
  assert.equal(plain.draft, false);
  assert.equal(section(plain), null);
});
