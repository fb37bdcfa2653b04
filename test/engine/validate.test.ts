import { expect } from 'chai';
import { applyOps, Finding, Plan } from '../../src/model/index.ts';
import { validate } from '../../src/engine/validate.ts';
import { generatePlan } from '../fixtures/generate.ts';
import dementia from '../../demo/plans/dementia-network.json';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
};

describe('validate', () => {
  it('gives no findings for generated valid plans of every shape', () => {
    for (let seed = 1; seed <= 40; seed++) {
      expect(
        validate(generatePlan(seed, 25)).map((f) => f.message.en),
        `seed ${seed}`,
      ).to.deep.equal([]);
    }
  });

  it('orders findings by section, then by row position, then by rule, the same every time', () => {
    const plan = applyOps(Plan.parse(structuredClone(dementia)), [
      {
        op: 'update-row',
        collection: 'activities',
        id: 'a-kassier',
        patch: { cost: { kind: 'lumpsum', amount: '-1', per: 'month' } },
      },
      { op: 'update-row', collection: 'activities', id: 'a-coordinatie', patch: { targetGroupIds: [] } },
      { op: 'set-split', rowId: 'a-ggz', domainId: 'wmo', sectorId: null, percent: '30' },
      { op: 'set-split', rowId: 'default', domainId: 'wpg', sectorId: null, percent: '4' },
      { op: 'set-field', field: 'deductibleCharged', value: true },
      { op: 'update-row', collection: 'providers', id: 'p-ggd', patch: { share: '-1' } },
    ]);
    const found = validate(plan);
    expect(found.map((f) => [f.location.section, f.location.rowId, f.code])).to.deep.equal([
      ['plan', undefined, 'deductible-charged'],
      ['providers', 'p-ggd', 'split-sum'],
      ['providers', 'p-ggd', 'percent-range'],
      ['activities', 'a-coordinatie', 'reference-missing'],
      ['activities', 'a-kassier', 'amount-invalid'],
      ['split', 'default', 'split-sum'],
      ['split', 'a-ggz', 'split-sum'],
    ]);
    expect(validate(plan)).to.deep.equal(found);
  });

  it('leaves the plan untouched (works on a frozen snapshot)', () => {
    const plan = deepFreeze(
      applyOps(generatePlan(9, 20), [
        { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '5' },
      ]),
    );
    expect(validate(plan).length).to.be.greaterThan(0);
  });

  it('turns bad input into findings, never an exception', () => {
    const plan = generatePlan(11, 5) as unknown as Record<string, unknown> & Plan;
    const a = plan.activities[0]!;
    Object.assign(a, { cost: { kind: 'fte', fte: '1e3', yearlyCost: ' 100' }, name: '' });
    plan.defaultSplit.domains.push({ domainId: 'zvw', percent: '' });
    plan.providers[0]!.share = 'NaN';
    plan.funders[0]!.share = { basis: 'count', count: '-0' };
    plan.targetGroups[0]!.postcodes = ['<script>', '9999-1000', ''];
    plan.period = { start: '', end: '9999-99-99' };
    const found = validate(plan);
    for (const f of found) expect(() => Finding.parse(f)).to.not.throw();
    const codes = new Set(found.map((f) => f.code));
    for (const code of [
      'amount-invalid',
      'percent-range',
      'duplicate',
      'market-share-sum',
      'postcode-invalid',
      'period-invalid',
    ] as const) {
      expect(codes.has(code), code).to.equal(true);
    }
    // A nameless row is named by its row number, never by its internal id.
    const row = plan.activities.indexOf(a) + 1;
    const message = found.find((f) => f.code === 'amount-invalid')!.message;
    expect(message.nl).to.contain(`Activiteit zonder naam (rij ${row})`);
    expect(message.en).to.contain(`Activity without a name (row ${row})`);
    expect(message.nl).to.not.contain(a.id);
  });

  it('keeps messages short when a pasted name is huge', () => {
    const plan = generatePlan(12, 3);
    plan.activities[0]!.name = 'x'.repeat(50_000);
    plan.activities[0]!.cost = { kind: 'hours', hours: '-1', rate: '1' };
    const [f] = validate(plan);
    expect(() => Finding.parse(f)).to.not.throw();
    expect(f!.message.nl.length).to.be.lessThan(200);
    expect(f!.message.nl).to.contain('…');
  });
});
