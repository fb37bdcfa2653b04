import { expect } from 'chai';
import fc from 'fast-check';
import { applyOps, type Plan, type PlanOp } from '../../src/model/index.ts';
import { createValidator, validate } from '../../src/engine/validate.ts';
import { generatePlan, rng } from '../fixtures/generate.ts';
import { arbitraryPlan } from '../fixtures/arbitrary.ts';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const PERCENTS = ['0', '10', '33.3333', '50', '100', '-5', '150', 'abc', null] as const;
const MONEY = ['0', '1250.00', '-10', '0.005', '99999.99'];

/** One random edit, as the grid, a paste or a peer would make it; valid or not. */
function randomEdit(plan: Plan, r: Rand, n: number): PlanOp[] {
  const a = plan.activities.length ? pick(r, plan.activities) : null;
  const p = plan.providers.length ? pick(r, plan.providers) : null;
  const f = plan.funders.length ? pick(r, plan.funders) : null;
  const g = plan.targetGroups.length ? pick(r, plan.targetGroups) : null;
  const d = pick(r, plan.domains);
  const sector = d.sectors.length ? pick(r, d.sectors).id : null;
  switch (Math.floor(r() * 16)) {
    case 0:
      return a
        ? [
            {
              op: 'update-row',
              collection: 'activities',
              id: a.id,
              patch: { cost: { kind: 'lumpsum', amount: pick(r, MONEY), per: 'quarter' } },
            },
          ]
        : [];
    case 1:
      return a
        ? [
            {
              op: 'update-row',
              collection: 'activities',
              id: a.id,
              patch: { name: r() < 0.5 && plan.activities[0] ? plan.activities[0].name : `Activiteit ${n}` },
            },
          ]
        : [];
    case 2:
      return a
        ? [
            {
              op: 'update-row',
              collection: 'activities',
              id: a.id,
              patch: { targetGroupIds: pick(r, [[], ['nope'], g ? [g.id] : []]) },
            },
          ]
        : [];
    case 3:
      return [
        {
          op: 'set-split',
          rowId: a && r() < 0.6 ? a.id : 'default',
          domainId: d.id,
          sectorId: r() < 0.5 ? sector : null,
          percent: pick(r, PERCENTS),
        },
      ];
    case 4:
      return a ? [{ op: 'update-row', collection: 'activities', id: a.id, patch: { split: null } }] : [];
    case 5:
      return a
        ? [
            {
              op: 'insert-row',
              collection: 'activities',
              row: { ...a, id: r() < 0.2 ? a.id : `new${n}` },
              index: Math.floor(r() * plan.activities.length),
            },
          ]
        : [];
    case 6: {
      const coll = pick(r, ['activities', 'providers', 'funders', 'targetGroups'] as const);
      const row = plan[coll].length ? pick(r, plan[coll] as { id: string }[]) : null;
      return row ? [{ op: 'remove-row', collection: coll, id: row.id }] : [];
    }
    case 7:
      return a
        ? [{ op: 'move-row', collection: 'activities', id: a.id, index: Math.floor(r() * plan.activities.length) }]
        : [];
    case 8:
      return p
        ? [
            {
              op: 'update-row',
              collection: 'providers',
              id: p.id,
              patch: pick(r, [
                { share: pick(r, PERCENTS) },
                { agb: pick(r, ['', '123', '01234567']) },
                { sectorId: sector, domainId: d.id },
              ]),
            },
          ]
        : [];
    case 9:
      return f
        ? [
            {
              op: 'update-row',
              collection: 'funders',
              id: f.id,
              patch: pick(r, [
                { share: null },
                { share: { basis: 'percent', percent: '50' } },
                { share: { basis: 'count', count: '0' } },
                { kind: 'municipality' },
                { uzovi: '12' },
              ]),
            },
          ]
        : [];
    // A rename: only wording changes, so clean rows are reused; findings must still name the new name.
    case 10:
      return [{ op: 'update-row', collection: 'domains', id: d.id, patch: { name: `${d.name}*` } }];
    case 11:
      return [
        {
          op: 'update-row',
          collection: 'domains',
          id: d.id,
          patch: {
            sectors: r() < 0.5 ? d.sectors.slice(1) : [...d.sectors, { id: `s${n}`, name: 'Nieuw', kind: 'gp' }],
          },
        },
      ];
    case 12:
      return g
        ? [
            {
              op: 'update-row',
              collection: 'targetGroups',
              id: g.id,
              patch: r() < 0.5 ? { name: `Groep ${n}` } : { postcodes: ['1000', 'x'] },
            },
          ]
        : [];
    case 13:
      return [
        pick<PlanOp>(r, [
          { op: 'set-field', field: 'otherTitles', value: pick(r, [['oi'], [], ['bdss', 'oi']]) },
          { op: 'set-field', field: 'deductibleCharged', value: r() < 0.5 },
          { op: 'set-field', field: 'paymentTitle', value: pick(r, ['oi', 'bdss', 'other'] as const) },
        ]),
      ];
    case 14:
      return [
        {
          op: 'set-field',
          field: 'period',
          value: pick(r, [
            { start: '2024-01-01', end: '2030-01-01' },
            { start: '2025-01-01', end: '2025-12-31' },
            { start: '2025-02-30', end: '2024-01-01' },
          ]),
        },
      ];
    default:
      return [{ op: 'set-field', field: 'leadProviderId', value: p && r() < 0.7 ? p.id : 'ghost' }];
  }
}

describe('incremental validation (createValidator)', () => {
  it('equals validate() after every one of many random edits, on valid and messy plans', () => {
    const plans = fc.sample(arbitraryPlan({ maxActivities: 12 }), { numRuns: 25, seed: 20251 });
    plans.forEach((start, k) => {
      const r = rng(1000 + k);
      const validator = createValidator();
      let plan = start;
      expect(validator(plan)).to.deep.equal(validate(plan));
      for (let n = 0; n < 40; n++) {
        plan = applyOps(plan, randomEdit(plan, r, n));
        expect(validator(plan), `plan ${k}, edit ${n}`).to.deep.equal(validate(plan));
      }
    });
  });

  it('follows undo (an older snapshot comes back) and a switch to another plan', () => {
    const validator = createValidator();
    const a = generatePlan(3, 30);
    const broken = applyOps(a, [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '1' }]);
    expect(validator(a)).to.deep.equal([]);
    expect(validator(broken)).to.deep.equal(validate(broken)).and.to.have.length.greaterThan(0);
    expect(validator(a)).to.deep.equal([]);
    const other = generatePlan(4, 10);
    other.activities[0]!.targetGroupIds = ['gone'];
    expect(validator(other)).to.deep.equal(validate(other)).and.to.have.length(1);
  });

  it('re-checks rows that had findings when a name changes, so messages show the new name', () => {
    const plan = generatePlan(5, 10);
    const zvwSector = plan.domains[0]!.sectors[0]!;
    const validator = createValidator();
    const broken = applyOps(plan, [
      { op: 'set-split', rowId: plan.activities[0]!.id, domainId: 'zvw', sectorId: zvwSector.id, percent: '150' },
    ]);
    const before = validator(broken).find((f) => f.code === 'percent-range')!;
    expect(before.message.nl).to.contain(zvwSector.name);
    const renamed = applyOps(broken, [
      {
        op: 'update-row',
        collection: 'domains',
        id: 'zvw',
        patch: { sectors: [{ ...zvwSector, name: 'Eerstelijn' }, ...plan.domains[0]!.sectors.slice(1)] },
      },
    ]);
    const after = validator(renamed).find((f) => f.code === 'percent-range')!;
    expect(after.message.nl).to.contain('Zvw – Eerstelijn');
  });
});
