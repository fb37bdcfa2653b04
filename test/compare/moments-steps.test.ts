import { expect } from 'chai';
import { handbookPlan } from '../fixtures/handbook.ts';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import { collectable, HISTORY_RULE, recordPoint, timeline } from '../../src/negotiation/history.ts';
import { historyMoments, momentSteps } from '../../src/negotiation/moments-steps.ts';
import { inSteps } from '../../src/negotiation/history-steps.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 4, 9, 0);

let edits = 0;
const edit = (s: YPlanState) =>
  s.apply([{ op: 'update-row', collection: 'activities', id: 'lumpsum', patch: { name: `Naam ${++edits}` } }]);

/**
 * The start; Anna twice within groupMs (one entry), then once more after groupMs (another); Bert
 * within a minute of her (his own entry); a named version by Bert; Bert right after it (a version
 * stands alone); Carla.
 */
function history() {
  const s = createPlanState(handbookPlan(), { gcFilter: collectable });
  recordPoint(s.doc, 'Anna', T0, { start: true, plan: s.plan });
  const steps: [string, number, string?][] = [
    ['Anna', 1],
    ['Anna', 3],
    ['Anna', 3 + HISTORY_RULE.groupMs / MIN + 1],
    ['Bert', 12],
    ['Bert', 13, 'Voorstel'],
    ['Bert', 14],
    ['Carla', 40],
  ];
  for (const [by, min, name] of steps) {
    edit(s);
    recordPoint(s.doc, by, T0 + min * MIN, { plan: s.plan, ...(name ? { name } : {}) });
  }
  return s;
}

/** What the pickers need of each timeline entry. */
const asMoments = (s: YPlanState, limit?: number) =>
  timeline(s.doc, limit).map((e) => ({
    key: e.id,
    kind: e.kind,
    by: e.by,
    at: e.at,
    ...(e.name ? { name: e.name } : {}),
  }));

describe('the moments the compare view lists', () => {
  it('are the timeline’s entries, grouped as the timeline groups them, newest first', () => {
    const s = history();
    const moments = historyMoments(s.doc);
    expect(moments.map((m) => [m.kind, m.by, m.name ?? ''])).to.deep.equal([
      ['edits', 'Carla', ''],
      ['edits', 'Bert', ''],
      ['version', 'Bert', 'Voorstel'],
      ['edits', 'Bert', ''],
      ['edits', 'Anna', ''],
      ['edits', 'Anna', ''],
      ['start', '', ''],
    ]);
    expect(moments).to.deep.equal(asMoments(s));
  });

  it('stop at the limit, as the timeline does', () => {
    const s = history();
    for (const limit of [1, 3, 6, 7, 8])
      expect(historyMoments(s.doc, limit), `limit ${limit}`).to.deep.equal(asMoments(s, limit));
  });

  it('come one entry a step, so that a reader can let the page run between steps', async () => {
    const s = history();
    const steps = momentSteps(s.doc);
    const first = steps.next();
    expect(first.value, 'the newest, before the others are walked').to.deep.equal(historyMoments(s.doc, 1)[0]);
    const rest = await inSteps(steps);
    expect([first.value, ...rest]).to.deep.equal(historyMoments(s.doc));
  });

  it('are none for a document without points', () => {
    expect(historyMoments(createPlanState(handbookPlan(), { gcFilter: collectable }).doc)).to.deep.equal([]);
  });
});
