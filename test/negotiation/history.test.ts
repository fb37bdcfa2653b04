import { expect } from 'chai';
import * as Y from 'yjs';
import { handbookPlan } from '../fixtures/handbook.ts';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import {
  collectable,
  cellHistory,
  compactHistory,
  HISTORY_RULE,
  readPoints,
  recordPoint,
  restoreCellOp,
  restorePointOps,
  timeline,
  timelineSteps,
  cellHistorySteps,
} from '../../src/negotiation/history.ts';
import { keepHistory } from '../../src/negotiation/history-keep.ts';
import { attribute, personOf, USERS_ROOT } from '../../src/negotiation/history-users.ts';
import type { CellPlace } from '../../src/negotiation/anchor.ts';

const DAY = 86_400_000;

/** Two browsers with the same scenario, each update passed straight to the other. */
function pair(): [YPlanState, YPlanState] {
  const plan = handbookPlan();
  // As the store opens stored scenarios (store/live.ts).
  const a = createPlanState(plan, { gcFilter: collectable });
  const b = createPlanState(plan, { gcFilter: collectable, updates: [a.encodeState()] });
  const peer = { peer: true };
  a.onUpdate((u, _o, raw) => raw !== peer && b.applyUpdate(u, peer));
  b.onUpdate((u, _o, raw) => raw !== peer && a.applyUpdate(u, peer));
  return [a, b];
}

const amount = (s: YPlanState, id: string): unknown =>
  (s.plan.activities.find((x) => x.id === id)?.cost as { amount?: string }).amount;
const setAmount = (s: YPlanState, id: string, value: string) => {
  const row = s.plan.activities.find((x) => x.id === id)!;
  s.apply([
    { op: 'update-row', collection: 'activities', id, patch: { cost: { ...row.cost, amount: value } as never } },
  ]);
};
const costPlace: CellPlace = { section: 'activities', rowId: 'lumpsum', field: 'cost' };

describe('history with attribution', () => {
  it('names the person who made each edit, in both browsers', () => {
    const [a, b] = pair();
    attribute(a.doc, 'Anna (zorgverzekeraar)');
    attribute(b.doc, 'Bert (gemeente)');
    recordPoint(a.doc, 'Anna (zorgverzekeraar)', 1_000);
    setAmount(a, 'lumpsum', '260000.00');
    recordPoint(a.doc, 'Anna (zorgverzekeraar)', 2_000);
    setAmount(b, 'lumpsum', '270000.00');
    recordPoint(b.doc, 'Bert (gemeente)', 3_000);

    expect(personOf(b.doc, a.doc.clientID)).to.equal('Anna (zorgverzekeraar)');
    expect(personOf(a.doc, b.doc.clientID)).to.equal('Bert (gemeente)');
    const values = cellHistory(a.doc, costPlace).map((e) => [e.by, (e.value as { amount: string }).amount]);
    expect(values).to.deep.equal([
      ['Bert (gemeente)', '270000.00'],
      ['Anna (zorgverzekeraar)', '260000.00'],
      ['Anna (zorgverzekeraar)', '250000.00'],
    ]);
    const entries = timeline(b.doc);
    expect(entries.map((e) => e.by)).to.deep.equal(['Bert (gemeente)', 'Anna (zorgverzekeraar)']);
    expect(entries[0]!.changes).to.deep.include(costPlace);
  });

  it('starts with the scenario before its first edit, then records the edits by the person', () => {
    const [a] = pair();
    attribute(a.doc, 'Anna');
    const stop = keepHistory(a.doc, () => a.plan);
    setAmount(a, 'lumpsum', '3.00');
    setAmount(a, 'lumpsum', '4.00');
    // Leaving the scenario records the burst at once (else after a pause).
    stop();
    const entries = timeline(a.doc);
    expect(entries.map((e) => [e.kind, e.by])).to.deep.equal([
      ['edits', 'Anna'],
      ['start', ''],
    ]);
    expect(cellHistory(a.doc, { ...costPlace, field: 'cost.amount' }).map((e) => [e.value, !!e.start])).to.deep.equal([
      ['4.00', false],
      ['250000.00', true],
    ]);
    // A row's whole value goes back too.
    a.apply([restoreCellOp(a.doc, a.plan, { section: 'activities', rowId: 'lumpsum' }, entries[1]!.id)!]);
    expect(amount(a, 'lumpsum')).to.equal('250000.00');
  });

  it('does not give a state whose content a workshop server collected: nothing is restored from it', () => {
    const [a] = pair();
    const stop = keepHistory(a.doc, () => a.plan);
    setAmount(a, 'lumpsum', '3.00');
    stop();
    const start = timeline(a.doc).find((e) => e.kind === 'start')!.id;
    expect(restorePointOps(a.doc, a.plan, start), 'here the start is readable').to.not.equal(null);
    // The server's room document collects deleted content; a browser joining late gets it so.
    const server = new Y.Doc();
    Y.applyUpdate(server, a.encodeState());
    const late = createPlanState(handbookPlan(), { gcFilter: collectable, updates: [Y.encodeStateAsUpdate(server)] });
    expect(amount(late, 'lumpsum')).to.equal('3.00');
    expect(restorePointOps(late.doc, late.plan, start)).to.equal(null);
    expect(cellHistory(late.doc, costPlace).map((e) => e.id)).to.not.include(start);
  });

  it('keeps each edit with its person when another person takes over the same browser', () => {
    const [a] = pair();
    attribute(a.doc, 'Anna');
    const stop = keepHistory(a.doc, () => a.plan);
    setAmount(a, 'lumpsum', '3.00');
    recordPoint(a.doc, 'Anna'); // what the planner records when its user-name changes
    attribute(a.doc, 'Bert');
    setAmount(a, 'lumpsum', '4.00');
    stop();
    expect(timeline(a.doc).map((e) => [e.kind, e.by])).to.deep.equal([
      ['edits', 'Bert'],
      ['edits', 'Anna'],
      ['start', ''],
    ]);
    expect(cellHistory(a.doc, { ...costPlace, field: 'cost.amount' }).map((e) => [e.by, e.value])).to.deep.equal([
      ['Bert', '4.00'],
      ['Anna', '3.00'],
      ['', '250000.00'],
    ]);
  });

  it('puts an earlier value back as one edit that one undo takes back', () => {
    const [a] = pair();
    attribute(a.doc, 'Anna');
    recordPoint(a.doc, 'Anna', 1_000);
    const first = readPoints(a.doc)[0]!.key;
    setAmount(a, 'lumpsum', '1.00');
    setAmount(a, 'lumpsum', '2.00');
    recordPoint(a.doc, 'Anna', 2_000);

    a.apply([restoreCellOp(a.doc, a.plan, costPlace, first)!]);
    expect(amount(a, 'lumpsum')).to.equal('250000.00');
    a.undo();
    expect(amount(a, 'lumpsum')).to.equal('2.00');

    a.apply(restorePointOps(a.doc, a.plan, first)!);
    expect(amount(a, 'lumpsum')).to.equal('250000.00');
    a.undo();
    expect(amount(a, 'lumpsum')).to.equal('2.00');
  });

  it('keeps the history across a reload from the stored updates', () => {
    const [a] = pair();
    attribute(a.doc, 'Anna');
    recordPoint(a.doc, 'Anna', 1_000);
    setAmount(a, 'lumpsum', '5.00');
    recordPoint(a.doc, 'Anna', 2_000);
    const again = createPlanState(handbookPlan(), { gcFilter: collectable, updates: [a.encodeState()] });
    expect(cellHistory(again.doc, costPlace).map((e) => [e.by, (e.value as { amount: string }).amount])).to.deep.equal([
      ['Anna', '5.00'],
      ['Anna', '250000.00'],
    ]);
  });

  it('compacts points older than the detail window to one a day, keeping recent ones', () => {
    const [a] = pair();
    const now = 400 * DAY;
    // Three points on each of two old days, then three within the detail window.
    const times = [10, 10.1, 10.2, 11, 11.1, 11.2].map((d) => d * DAY);
    times.push(now - DAY, now - DAY + 1000, now - 1000);
    times.forEach((at, i) => {
      setAmount(a, 'lumpsum', `${i + 1}.00`);
      recordPoint(a.doc, 'Anna', at);
    });
    // A named version on an old day is kept whole.
    setAmount(a, 'lumpsum', '77.00');
    recordPoint(a.doc, 'Anna', 10.05 * DAY, { name: 'Voorstel werkgroep' });
    // With the default rule nine points are all kept; with room for three, the rule thins.
    expect(compactHistory(a.doc, now)).to.equal(0);
    const size = a.encodeState().length;
    expect(compactHistory(a.doc, now, { ...HISTORY_RULE, detailPoints: 3, dailyDays: 400 })).to.equal(4);
    // The thinned points leave the document: it gets smaller.
    expect(a.encodeState().length).to.be.lessThan(size - 2 * readPoints(a.doc)[0]!.snap.length);
    const kept = readPoints(a.doc).map((p) => p.at);
    expect(kept).to.deep.equal([10.05 * DAY, 10.2 * DAY, 11.2 * DAY, now - DAY, now - DAY + 1000, now - 1000]);
    expect(timeline(a.doc).find((e) => e.kind === 'version')?.name).to.equal('Voorstel werkgroep');
    // The kept points still give their plans.
    expect(cellHistory(a.doc, costPlace)).to.have.length(6);
  });

  it('ignores malformed people from a peer: edits, attribution and history go on', () => {
    const [a, b] = pair();
    attribute(a.doc, 'Anna');
    // A hostile peer writes junk where PermanentUserData expects people.
    const hostile = new Y.Doc();
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(b.doc));
    const users = hostile.getMap(USERS_ROOT);
    const junk = new Y.Map();
    junk.set('ids', new Y.Array());
    junk.set('ds', new Y.Array());
    hostile.transact(() => {
      users.set('Mallory', 'not a person');
      users.set('Eve', junk);
      users.set('Anna', 42);
    });
    (junk.get('ds') as Y.Array<unknown>).push([new Uint8Array([255, 255, 255, 255, 255, 1, 2])]);
    (junk.get('ids') as Y.Array<unknown>).push(['not a client id']);
    const update = Y.encodeStateAsUpdate(hostile, b.encodeStateVector());
    expect(b.applyUpdate(update, { peer: 'hostile' })).to.equal(true);
    expect(a.problems.filter((p) => p.code === 'invalid-update')).to.deep.equal([]);

    attribute(b.doc, 'Bert');
    setAmount(b, 'lumpsum', '9.00');
    recordPoint(b.doc, 'Bert', 5_000);
    expect(amount(a, 'lumpsum')).to.equal('9.00');
    expect(personOf(a.doc, b.doc.clientID)).to.equal('Bert');
    expect(timeline(a.doc)[0]!.by).to.equal('Bert');
  });

  it('reads a cell’s history one point at a time, newest first, with the same entries as at once', () => {
    const [a] = pair();
    attribute(a.doc, 'Anna');
    recordPoint(a.doc, 'Anna', 1_000);
    const values = ['1.00', '2.00', '2.00', '3.00'];
    values.forEach((v, i) => {
      setAmount(a, 'lumpsum', v);
      // An edit elsewhere in between: its points are not read for this cell.
      a.apply([{ op: 'set-field', field: 'name', value: `Plan ${i}` }]);
      recordPoint(a.doc, 'Anna', 2_000 + i * 1_000);
      a.apply([{ op: 'set-field', field: 'region', value: `Regio ${i}` }]);
      recordPoint(a.doc, 'Anna', 2_500 + i * 1_000);
    });
    const place = { ...costPlace, field: 'cost.amount' };
    const steps = [...cellHistorySteps(a.doc, place)];
    const listed = steps.filter((e) => e !== undefined);
    expect(listed).to.deep.equal(cellHistory(a.doc, place));
    expect(listed.map((e) => e.value)).to.deep.equal(['3.00', '2.00', '1.00', '250000.00']);
    // The run of 2.00 is listed at its first point.
    expect(listed[1]!.at).to.equal(3_000);
    // One step per point that touched the cell (and the first), not one per point.
    expect(steps.length).to.equal(values.length + 1);
    // The newest entry comes after reading two points (the second says where its run began).
    const it = cellHistorySteps(a.doc, place);
    expect(it.next().value).to.equal(undefined);
    expect((it.next().value as { value: unknown }).value).to.equal('3.00');
  });

  it('gives the timeline one entry at a time, and names a row that was only removed', () => {
    const [a] = pair();
    attribute(a.doc, 'Anna');
    recordPoint(a.doc, 'Anna', 1_000);
    setAmount(a, 'lumpsum', '1.00');
    recordPoint(a.doc, 'Anna', 2_000);
    a.apply([{ op: 'remove-row', collection: 'activities', id: 'lumpsum' }]);
    recordPoint(a.doc, 'Anna', HISTORY_RULE.groupMs * 3);
    const it = timelineSteps(a.doc);
    const newest = it.next().value!;
    expect(newest.changes).to.deep.equal([{ section: 'activities', rowId: 'lumpsum' }]);
    expect([newest, ...it]).to.deep.equal(timeline(a.doc));
  });

  it('names a person with their first edit: opening a scenario only to look at it writes nothing', () => {
    const [a, b] = pair();
    const updates: Uint8Array[] = [];
    a.onUpdate((u) => updates.push(u));
    attribute(a.doc, 'Anna');
    expect(updates, 'nothing written on opening').to.deep.equal([]);
    expect(personOf(b.doc, a.doc.clientID)).to.equal(null);
    setAmount(a, 'lumpsum', '7.00');
    // The name goes with the edit, in the same update.
    expect(updates).to.have.length(1);
    expect(personOf(b.doc, a.doc.clientID)).to.equal('Anna');
    expect(amount(b, 'lumpsum')).to.equal('7.00');
  });

  it('drops a value that shows at no point kept once its points are compacted, and every kept point still reads back', () => {
    const [a] = pair();
    const now = 400 * DAY;
    setAmount(a, 'lumpsum', '4444.44');
    recordPoint(a.doc, 'Anna', 10 * DAY);
    setAmount(a, 'lumpsum', '1.00');
    recordPoint(a.doc, 'Anna', 10.5 * DAY);
    setAmount(a, 'lumpsum', '2.00');
    recordPoint(a.doc, 'Anna', 11 * DAY);
    setAmount(a, 'lumpsum', '3.00');
    recordPoint(a.doc, 'Anna', now - 1000);
    // A later session (its undo steps no longer hold the earlier edits) compacts the history.
    const again = createPlanState(handbookPlan(), { gcFilter: collectable, updates: [a.encodeState()] });
    const text = (s: YPlanState) => new TextDecoder().decode(s.encodeState());
    expect(text(again)).to.contain('4444.44');
    expect(compactHistory(again.doc, now, { ...HISTORY_RULE, detailPoints: 1, dailyDays: 400 })).to.equal(1);
    // The value shown only at the dropped point is gone from what is stored; the others stay.
    expect(text(again)).to.not.contain('4444.44');
    expect(cellHistory(again.doc, { ...costPlace, field: 'cost.amount' }).map((e) => e.value)).to.deep.equal([
      '3.00',
      '2.00',
      '1.00',
    ]);
    for (const p of readPoints(again.doc)) expect(restorePointOps(again.doc, again.plan, p.key)).to.not.equal(null);
  });
});
