import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import type { Collection, PlanOp } from '../../../src/model/ops.ts';
import type { Plan } from '../../../src/model/plan.ts';
import { generatePlan } from '../../sync/helpers.ts';
import { join, rawDocClient, sameDoc, startServer, synced, waitFor, EDITOR, type TestServer } from './helpers.ts';

/*
 * Every free-text field merges, not only the plan's name, clauses and an activity's description:
 * two people changing different parts of one activity name (a grid cell commits the whole new
 * string), a provider's name or a target group's characteristics at once both keep theirs. Codes
 * (AGB, UZOVI), dates, numbers and choices stay one value: a Y.Text written into one is refused.
 */

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.close();
});

/** A row's free-text field: its collection, the row and the key. */
type RowText = { c: Collection; key: string };
const ROW_TEXTS: RowText[] = [
  { c: 'activities', key: 'name' },
  { c: 'activities', key: 'regularShareExplanation' },
  { c: 'targetGroups', key: 'name' },
  { c: 'targetGroups', key: 'characteristics' },
  { c: 'providers', key: 'name' },
  { c: 'providers', key: 'contribution' },
  { c: 'funders', key: 'name' },
  { c: 'domains', key: 'name' },
];
/** Plan fields of free text beside the name and clauses (`marketShare.definition` is nested). */
const PLAN_TEXTS = ['region', 'collaboration', 'patientRepresentation', 'marketShare.definition'] as const;

type Row = { id: string } & Record<string, unknown>;
const rowOf = (p: Plan, t: RowText) => (p[t.c] as unknown as Row[])[0]!;
const readPlanText = (p: Plan, f: string): string =>
  f === 'marketShare.definition' ? p.marketShare.definition : (p[f as keyof Plan] as string);

function editRow(s: YPlanState, t: RowText, text: (old: string) => string): void {
  const row = rowOf(s.plan, t);
  const value = text(String(row[t.key] ?? ''));
  s.apply([{ op: 'update-row', collection: t.c, id: row.id, patch: { [t.key]: value } } as PlanOp]);
}

function editPlan(s: YPlanState, f: string, text: (old: string) => string): void {
  const value = text(readPlanText(s.plan, f));
  if (f === 'marketShare.definition')
    s.apply([{ op: 'set-field', field: 'marketShare', value: { ...s.plan.marketShare, definition: value } } as PlanOp]);
  else s.apply([{ op: 'set-field', field: f, value } as PlanOp]);
}

test('two people changing different parts of every free-text field at once both keep theirs', async () => {
  const base = generatePlan(31, 4);
  base.activities[0]!.regularShareExplanation = 'Correctie via het tarief';
  base.region = 'Eindhoven';
  base.collaboration = 'Samen Gezond';
  base.patientRepresentation = 'Via de cliëntenraad';
  base.marketShare = { ...base.marketShare, definition: 'Verzekerden op de peildatum' };
  for (const t of ROW_TEXTS) assert.ok(rowOf(base, t), `the plan has ${t.c}`);
  const anna = createPlanState(base);
  const bob = createPlanState(base);
  const a = join(server.url, 'text-fields', { doc: anna, userName: 'Anna' });
  const b = join(server.url, 'text-fields', { doc: bob, userName: 'Bob' });
  try {
    await waitFor(() => synced(a) && synced(b) && sameDoc(anna.doc, bob.doc), 'both in the room');
    const before = new Map(ROW_TEXTS.map((t) => [t, String(rowOf(base, t)[t.key])]));
    // Both go offline and change each text, Anna its start, Bob its end (a whole new string each,
    // as a grid cell or a form field commits it): their edits are concurrent.
    a.leave();
    b.leave();
    for (const t of ROW_TEXTS) {
      editRow(anna, t, (old) => `A ${old}`);
      editRow(bob, t, (old) => `${old} B`);
    }
    for (const f of PLAN_TEXTS) {
      editPlan(anna, f, (old) => `A ${old}`);
      editPlan(bob, f, (old) => `${old} B`);
    }
    a.reconnect();
    b.reconnect();
    await waitFor(() => synced(a) && synced(b) && sameDoc(anna.doc, bob.doc), 'merged', 15_000);
    for (const t of ROW_TEXTS) {
      const text = rowOf(anna.plan, t)[t.key];
      assert.equal(rowOf(bob.plan, t)[t.key], text, `${t.c}.${t.key}: the same for both`);
      assert.equal(text, `A ${before.get(t)} B`, `${t.c}.${t.key}: both edits kept`);
    }
    for (const f of PLAN_TEXTS) {
      assert.equal(readPlanText(bob.plan, f), readPlanText(anna.plan, f), `${f}: the same for both`);
      assert.equal(readPlanText(anna.plan, f), `A ${readPlanText(base, f)} B`, `${f}: both edits kept`);
    }
  } finally {
    a.leave();
    b.leave();
    anna.destroy();
    bob.destroy();
  }
});

test('an activity name changed in two places at once keeps both, with the old text once', async () => {
  const base = generatePlan(32, 3);
  base.activities[0]!.name = 'Casuïstiekoverleg wijkteam';
  const id = base.activities[0]!.id;
  const anna = createPlanState(base);
  const bob = createPlanState(base);
  const a = join(server.url, 'text-activity-name', { doc: anna, userName: 'Anna' });
  const b = join(server.url, 'text-activity-name', { doc: bob, userName: 'Bob' });
  const rename = (s: YPlanState, name: string) =>
    s.apply([{ op: 'update-row', collection: 'activities', id, patch: { name } } as PlanOp]);
  try {
    await waitFor(() => synced(a) && synced(b) && sameDoc(anna.doc, bob.doc), 'both in the room');
    a.leave();
    b.leave();
    rename(anna, 'Maandelijks casuïstiekoverleg wijkteam');
    rename(bob, 'Casuïstiekoverleg wijkteam Zuid');
    // A second edit on each side builds on the first (the text is shared from the first on).
    rename(bob, 'Casuïstiekoverleg wijkteam Zuid-Oost');
    a.reconnect();
    b.reconnect();
    await waitFor(() => synced(a) && synced(b) && sameDoc(anna.doc, bob.doc), 'merged', 15_000);
    const name = (s: YPlanState) => s.plan.activities.find((x) => x.id === id)!.name;
    assert.equal(name(anna), 'Maandelijks casuïstiekoverleg wijkteam Zuid-Oost');
    assert.equal(name(bob), name(anna));
  } finally {
    a.leave();
    b.leave();
    anna.destroy();
    bob.destroy();
  }
});

for (const [label, write, check] of [
  [
    "a provider's AGB code",
    (doc: Y.Doc, p: Plan) => {
      const row = doc.getMap('rows.providers').get(p.providers[0]!.id) as Y.Map<unknown>;
      row.set('agb', new Y.Text('12345678'));
    },
    (s: YPlanState, p: Plan) => assert.equal(s.plan.providers[0]!.agb, p.providers[0]!.agb),
  ],
  [
    "a funder's UZOVI code",
    (doc: Y.Doc, p: Plan) => {
      const row = doc.getMap('rows.funders').get(p.funders[0]!.id) as Y.Map<unknown>;
      row.set('uzovi', new Y.Text('3311'));
    },
    (s: YPlanState, p: Plan) => assert.equal(s.plan.funders[0]!.uzovi, p.funders[0]!.uzovi),
  ],
  [
    "the plan's market share date",
    (doc: Y.Doc) => doc.getMap('plan').set('marketShareDate', new Y.Text('2025-01-01')),
    (s: YPlanState, p: Plan) => assert.equal(s.plan.marketShareDate, p.marketShareDate),
  ],
] as const) {
  test(`the server refuses a shared text written into ${label} (codes and dates are one value)`, async () => {
    const base = generatePlan(33, 2);
    base.marketShareDate = null;
    const room = `text-code-${label.replace(/\W+/g, '-')}`;
    const present = createPlanState(base);
    const c = join(server.url, room, { doc: present });
    try {
      await waitFor(() => synced(c), 'joined');
      const hostile = await rawDocClient(server.url, room, EDITOR);
      await waitFor(() => hostile.synced() && sameDoc(hostile.doc, present.doc), 'hostile synced');
      write(hostile.doc, base);
      const accepted = new Promise((resolve) => setTimeout(() => resolve('still open: accepted'), 3000).unref());
      const closed = await Promise.race([hostile.closed, accepted]);
      if (!hostile.isClosed()) hostile.ws.close();
      assert.deepEqual(closed, { code: 4422, reason: 'invalid-update' });
      check(present, base);
      // A participant who joins later reads the same plan.
      const later = createPlanState(base);
      const l = join(server.url, room, { doc: later });
      await waitFor(() => synced(l) && sameDoc(later.doc, present.doc), 'later joined');
      check(later, base);
      assert.deepEqual(later.plan, present.plan);
      l.leave();
      later.destroy();
    } finally {
      c.leave();
      present.destroy();
    }
  });
}

test('a seed keeps every free-text field plain; an edit to a long name sends only what changed', () => {
  const base = generatePlan(34, 2);
  const id = base.activities[0]!.id;
  base.activities[0]!.name = 'Casuïstiekoverleg '.repeat(15).trim();
  const s = createPlanState(base);
  try {
    const row = () => s.doc.getMap('rows.activities').get(id) as Y.Map<unknown>;
    assert.equal(typeof row().get('name'), 'string', 'the seed is plain');
    assert.equal(
      typeof (s.doc.getMap('rows.targetGroups').get(base.targetGroups[0]!.id) as Y.Map<unknown>).get('characteristics'),
      'string',
    );
    assert.equal(typeof s.doc.getMap('plan').get('region'), 'string');
    const rename = (name: string) => {
      const before = Y.encodeStateVector(s.doc);
      s.apply([{ op: 'update-row', collection: 'activities', id, patch: { name } } as PlanOp]);
      return Y.encodeStateAsUpdate(s.doc, before).byteLength;
    };
    rename(`${base.activities[0]!.name}!`);
    assert.ok(row().get('name') instanceof Y.Text, 'text from the first edit on');
    const old = s.plan.activities[0]!.name;
    const bytes = rename(old.replace('overleg', 'beraad'));
    assert.equal(s.plan.activities[0]!.name, old.replace('overleg', 'beraad'));
    assert.ok(bytes < 60, `one word changed in a ${old.length}-character name: ${bytes} bytes sent`);
    // A code stays one value.
    s.apply([
      { op: 'update-row', collection: 'providers', id: base.providers[0]!.id, patch: { agb: '01234567' } } as PlanOp,
    ]);
    assert.equal((s.doc.getMap('rows.providers').get(base.providers[0]!.id) as Y.Map<unknown>).get('agb'), '01234567');
  } finally {
    s.destroy();
  }
});
