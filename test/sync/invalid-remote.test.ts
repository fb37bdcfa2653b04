import { expect } from 'chai';
import * as Y from 'yjs';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import type { StateProblem } from '../../src/sync/state.ts';
import { generatePlan, valid } from './helpers.ts';

/** A peer that writes straight into its doc, past every check a well-behaved client makes. */
function hostile(honest: YPlanState, write: (doc: Y.Doc) => void): StateProblem[] {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, honest.encodeState());
  const before = Y.encodeStateVector(peer);
  peer.transact(() => write(peer));
  const problems: StateProblem[] = [];
  const stop = honest.onProblem((p) => problems.push(p));
  expect(() => honest.applyUpdate(Y.encodeStateAsUpdate(peer, before), 'remote')).not.to.throw();
  stop();
  peer.destroy();
  return problems;
}

const row = (doc: Y.Doc, c: string, id: string) => doc.getMap(`rows.${c}`).get(id) as Y.Map<unknown>;

describe('invalid values from a peer', () => {
  let state: YPlanState;
  beforeEach(() => {
    state = createPlanState(generatePlan(21, 4));
  });
  afterEach(() => state.destroy());

  it('keeps the last valid value of a field and says so, in nl and en', () => {
    const before = state.plan;
    const problems = hostile(state, (doc) => {
      row(doc, 'activities', 'a1').set('name', 42);
      row(doc, 'activities', 'a1').set('category', 'client-bound');
      doc.getMap('plan').set('granularity', 'week');
    });
    expect(valid(state.plan)).to.equal(true);
    expect(state.plan.activities[0]!.name).to.equal(before.activities[0]!.name);
    expect(state.plan.activities[0]!.category).to.equal('client-bound', 'the valid part of the change is taken');
    expect(state.plan.granularity).to.equal(before.granularity);
    expect(problems.map((p) => [p.code, p.origin, p.section, p.rowId, p.field])).to.deep.equal([
      ['invalid-value', 'remote', 'plan', undefined, 'granularity'],
      ['invalid-value', 'remote', 'activities', 'a1', 'name'],
    ]);
    expect(problems[1]!.message.nl).to.contain('a1');
    expect(problems[1]!.message.en).to.contain('last valid value');
  });

  it('a shared text where a code, a date or an amount belongs keeps the previous value; text fields take it', () => {
    const before = state.plan;
    const provider = before.providers[0]!.id;
    const problems = hostile(state, (doc) => {
      row(doc, 'providers', provider).set('agb', new Y.Text('12345678'));
      (row(doc, 'activities', 'a1').get('cost') as Y.Map<unknown>).set('amount', new Y.Text('5'));
      doc.getMap('plan').set('marketShareDate', new Y.Text('2025-01-01'));
      row(doc, 'providers', provider).set('contribution', new Y.Text('Casuïstiekoverleg'));
      doc.getMap('plan').set('region', new Y.Text('Zuidoost-Brabant'));
    });
    expect(valid(state.plan)).to.equal(true);
    expect(state.plan.providers[0]!.agb).to.equal(before.providers[0]!.agb);
    expect(state.plan.activities[0]!.cost).to.deep.equal(before.activities[0]!.cost);
    expect(state.plan.marketShareDate).to.equal(before.marketShareDate);
    expect(state.plan.providers[0]!.contribution).to.equal('Casuïstiekoverleg');
    expect(state.plan.region).to.equal('Zuidoost-Brabant');
    expect(problems.map((p) => [p.section, p.field]).sort()).to.deep.equal(
      [
        ['plan', 'marketShareDate'],
        ['activities', 'cost'],
        ['providers', 'agb'],
      ].sort(),
    );
  });

  it('a malformed cost, split cell or share keeps the previous one', () => {
    const before = state.plan;
    hostile(state, (doc) => {
      (row(doc, 'activities', 'a2').get('cost') as Y.Map<unknown>).set('kind', 'gift');
      doc.getMap('defaultSplit').set('d:zvw', { p: 'veel', n: 0 });
      doc.getMap('defaultSplit').set('rommel', 12);
      const f = row(doc, 'funders', before.funders[0]!.id);
      f.set('share', { basis: 'count', count: -1 });
    });
    expect(valid(state.plan)).to.equal(true);
    expect(state.plan.activities[1]!.cost).to.deep.equal(before.activities[1]!.cost);
    expect(state.plan.defaultSplit).to.deep.equal(before.defaultSplit);
    expect(state.plan.funders[0]).to.deep.equal(before.funders[0]);
  });

  it('a new row that is broken is not shown; a row replaced by junk keeps its last valid form', () => {
    const before = state.plan;
    const problems = hostile(state, (doc) => {
      const bad = new Y.Map<unknown>();
      doc.getMap('rows.activities').set('x1', bad);
      bad.set('name', 'zonder kosten');
      doc.getArray('order.activities').push(['x1', 17, 'ghost']);
      doc.getMap('rows.activities').set('a3', 'geen rij');
      doc.getMap('rows.activities').set('__proto__', new Y.Map());
    });
    expect(valid(state.plan)).to.equal(true);
    expect(state.plan.activities.map((a) => a.id)).to.deep.equal(before.activities.map((a) => a.id));
    expect(state.plan.activities[2]).to.deep.equal(before.activities[2]);
    expect(
      problems
        .filter((p) => p.code === 'invalid-row')
        .map((p) => p.rowId)
        .sort(),
    ).to.deep.equal(['__proto__', 'a3', 'x1']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('extra keys a peer adds are ignored, not copied into the plan', () => {
    hostile(state, (doc) => {
      row(doc, 'activities', 'a1').set('evil', '<img onerror=alert(1)>');
      doc.getMap('plan').set('extra', 1);
    });
    expect(valid(state.plan)).to.equal(true);
    expect(Object.keys(state.plan.activities[0]!)).not.to.include('evil');
  });

  it('more rows than the schema allows are cut at the cap, with a message', () => {
    const problems = hostile(state, (doc) => {
      const rows = doc.getMap('rows.domains');
      const order = doc.getArray('order.domains');
      for (let i = 0; i < 70; i++) {
        const d = new Y.Map<unknown>();
        rows.set(`extra${i}`, d);
        d.set('name', `D${i}`);
        d.set('kind', 'other');
        d.set('sectors', []);
        order.push([`extra${i}`]);
      }
    });
    expect(state.plan.domains).to.have.length(60);
    expect(valid(state.plan)).to.equal(true);
    expect(problems.some((p) => p.code === 'too-many-rows' && p.section === 'domains')).to.equal(true);
  });

  it('an unreadable update is refused with a message and changes nothing', () => {
    const before = state.plan;
    const problems: StateProblem[] = [];
    state.onProblem((p) => problems.push(p));
    const garbage = new Uint8Array([1, 200, 3, 255, 255, 255, 255, 255, 255, 255, 255, 9, 9, 9]);
    let ok = true;
    expect(() => {
      ok = state.applyUpdate(garbage, 'tab');
    }).not.to.throw();
    expect(ok).to.equal(false);
    expect(state.plan).to.equal(before);
    expect(problems.map((p) => [p.code, p.origin])).to.deep.equal([['invalid-update', 'tab']]);
    expect(problems[0]!.message.nl).to.match(/tabblad/);
  });

  it('a stored history that lacks plan fields falls back to the given plan', () => {
    const peer = new Y.Doc();
    peer.getMap('plan').set('name', 'Alleen een naam');
    const fallback = generatePlan(22, 0);
    const s = createPlanState(fallback, { updates: [Y.encodeStateAsUpdate(peer)] });
    expect(valid(s.plan)).to.equal(true);
    expect(s.plan.name).to.equal('Alleen een naam');
    expect(s.plan.period).to.deep.equal(fallback.period);
    expect(s.problems.length).to.be.greaterThan(0);
    s.destroy();
  });
});
