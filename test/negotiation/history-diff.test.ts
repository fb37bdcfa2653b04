import { expect } from 'chai';
import { handbookPlan } from '../fixtures/handbook.ts';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import { collectable, recordPoint } from '../../src/negotiation/history.ts';
import { historyMoments, planAt } from '../../src/negotiation/history-diff.ts';
import { compare } from '../../src/compare/compare.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 4, 9, 0);

const activity = (s: YPlanState) => s.plan.activities.find((x) => x.id === 'lumpsum')!;
const set = (s: YPlanState, patch: Record<string, unknown>) =>
  s.apply([{ op: 'update-row', collection: 'activities', id: 'lumpsum', patch: patch as never }]);

/** Three moments: the start; then a new amount and a new name (Bert); then the name back (Carla). */
function threePoints() {
  const s = createPlanState(handbookPlan(), { gcFilter: collectable });
  const p1 = recordPoint(s.doc, 'Anna', T0, { start: true, plan: s.plan })!;
  set(s, { cost: { ...activity(s).cost, amount: '300000.00' } });
  set(s, { name: 'Tijdelijke naam' });
  const p2 = recordPoint(s.doc, 'Bert', T0 + 10 * MIN, { plan: s.plan })!;
  set(s, { name: 'Samenwerking dementie' });
  const p3 = recordPoint(s.doc, 'Carla', T0 + 20 * MIN, { name: 'Voorstel', plan: s.plan })!;
  set(s, { cost: { ...activity(s).cost, amount: '1.00' } });
  return { s, p1, p2, p3 };
}

describe('history diff: the plan at any point, for the compare view', () => {
  it('gives each point the plan as it was then, whatever came after', () => {
    const { s, p1, p2, p3 } = threePoints();
    const amount = (key: string) => (planAt(s.doc, key)!.activities[0]!.cost as { amount: string }).amount;
    expect([p1, p2, p3].map((p) => amount(p.key))).to.deep.equal(['250000.00', '300000.00', '300000.00']);
    expect(planAt(s.doc, p2.key)!.activities[0]!.name).to.equal('Tijdelijke naam');
    expect(planAt(s.doc, p3.key)!.activities[0]!.name).to.equal('Samenwerking dementie');
    expect((activity(s).cost as { amount: string }).amount, 'the plan now is untouched').to.equal('1.00');
  });

  it('gives null for a key that is no point of the document', () => {
    const { s } = threePoints();
    expect(planAt(s.doc, 'p:1:1')).to.equal(null);
    expect(planAt(s.doc, 'nonsense')).to.equal(null);
  });

  it('lists the moments newest first: who, when, named versions by name, the start', () => {
    const { s, p1, p2, p3 } = threePoints();
    expect(historyMoments(s.doc)).to.deep.equal([
      { key: p3.key, kind: 'version', by: 'Carla', at: T0 + 20 * MIN, name: 'Voorstel' },
      { key: p2.key, kind: 'edits', by: 'Bert', at: T0 + 10 * MIN },
      { key: p1.key, kind: 'start', by: '', at: T0 },
    ]);
  });

  it('compares two points as two scenarios: a change made and undone between them is no difference', () => {
    const { s, p1, p3 } = threePoints();
    const c = compare(planAt(s.doc, p1.key)!, planAt(s.doc, p3.key)!);
    expect(c.inputs.map((d) => [d.rowId, d.field, d.a, d.b])).to.deep.equal([
      ['lumpsum', 'cost.amount', '250000.00', '300000.00'],
    ]);
    const annual = c.results.totals.find((r) => r.key === 'annual')!;
    expect([annual.a.toFixed(2), annual.b.toFixed(2)]).to.deep.equal(['250000.00', '300000.00']);
  });
});
