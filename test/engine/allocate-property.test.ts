import { expect } from 'chai';
import fc from 'fast-check';
import { allocate, createAllocator } from '../../src/engine/allocate.ts';
import { applyOps, type PlanOp } from '../../src/model/ops.ts';
import type { Plan } from '../../src/model/plan.ts';
import { arbitraryPlan } from '../fixtures/arbitrary.ts';
import { allocationText, brokenSum } from '../fixtures/allocation-checks.ts';
import { generatePlan } from '../fixtures/generate.ts';

/** A random edit of a plan, as the grid would make it, built from a few random numbers. */
function randomOp(plan: Plan, kind: number, i: number, v: number): PlanOp {
  const act = plan.activities.length ? plan.activities[i % plan.activities.length]! : null;
  const domainId = plan.domains[i % plan.domains.length]!.id;
  const percents = ['0', '10', '33.3333', '50', '100', '-5', '120'];
  switch (kind) {
    case 0:
      return act
        ? {
            op: 'update-row',
            collection: 'activities',
            id: act.id,
            patch: { cost: { kind: 'lumpsum', amount: `${v}.${v % 100}`, per: 'month' } },
          }
        : { op: 'set-field', field: 'granularity', value: 'month' };
    case 1:
      return { op: 'set-split', rowId: 'default', domainId, sectorId: null, percent: percents[v % percents.length]! };
    case 2:
      return act
        ? {
            op: 'set-split',
            rowId: act.id,
            domainId: 'zvw',
            sectorId: 'zvw-ha',
            percent: percents[v % percents.length]!,
          }
        : { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv', percent: '40' };
    case 3:
      return act
        ? {
            op: 'insert-row',
            collection: 'activities',
            row: { ...act, id: `n${v}` },
            index: i % (plan.activities.length + 1),
          }
        : { op: 'set-field', field: 'name', value: 'x' };
    case 4:
      return act
        ? { op: 'remove-row', collection: 'activities', id: act.id }
        : { op: 'set-field', field: 'name', value: 'y' };
    case 5:
      return act
        ? { op: 'move-row', collection: 'activities', id: act.id, index: v % 5 }
        : { op: 'set-field', field: 'name', value: 'z' };
    case 6: {
      const p = plan.providers[i % Math.max(1, plan.providers.length)];
      return p
        ? {
            op: 'update-row',
            collection: 'providers',
            id: p.id,
            patch: { share: v % 2 ? null : percents[v % percents.length]! },
          }
        : { op: 'set-field', field: 'granularity', value: 'year' };
    }
    case 7: {
      const f = plan.funders[i % Math.max(1, plan.funders.length)];
      return f
        ? { op: 'remove-row', collection: 'funders', id: f.id }
        : { op: 'set-field', field: 'granularity', value: 'quarter' };
    }
    case 8:
      return {
        op: 'set-field',
        field: 'period',
        value: v % 2 ? { start: '2025-02-10', end: '2026-03-31' } : { start: '2025-01-01', end: '2025-12-31' },
      };
    case 9:
      return act
        ? { op: 'update-row', collection: 'activities', id: act.id, patch: { split: null } }
        : { op: 'set-field', field: 'region', value: 'r' };
    default:
      return act
        ? { op: 'update-row', collection: 'activities', id: act.id, patch: { name: `renamed ${v}` } }
        : { op: 'set-field', field: 'region', value: 's' };
  }
}

const edits = fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.nat(50), fc.nat(100_000)), {
  minLength: 1,
  maxLength: 8,
});

describe('allocate: properties over random plans', function () {
  this.timeout(120_000);

  it('adds up to the cent at every level, for 10,000 random plans (valid and messy)', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxActivities: 4 }), (plan) => {
        const broken = brokenSum(allocate(plan));
        if (broken) throw new Error(broken);
      }),
      { numRuns: 10_000 },
    );
  });

  it('is deterministic: the same plan gives the same allocation', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxActivities: 4 }), (plan) => {
        return allocationText(allocate(plan)) === allocationText(allocate(structuredClone(plan)));
      }),
      { numRuns: 1_000 },
    );
  });

  it('the incremental allocator equals a fresh allocation after random edits (1,000 plans × up to 8 edits)', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxActivities: 5 }), edits, (start, ops) => {
        const incremental = createAllocator();
        let plan = start;
        incremental(plan);
        for (const [kind, i, v] of ops) {
          plan = applyOps(plan, [randomOp(plan, kind, i, v)]);
          const got = allocationText(incremental(plan));
          const want = allocationText(allocate(plan));
          if (got !== want) throw new Error(`after op ${kind}: incremental differs from fresh`);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('equals a fresh allocation after default-split edits of a realistic plan, at and above 100 %, of domains and sectors', () => {
    const incremental = createAllocator();
    let plan = generatePlan(3, 150);
    incremental(plan);
    const zvw = plan.defaultSplit.sectors.find((s) => s.domainId === 'zvw')!;
    const edits: PlanOp[] = [
      // Below 100 %: the other domains keep their cents, the rest goes to the unassigned line.
      { op: 'set-split', rowId: 'default', domainId: 'jw', sectorId: null, percent: '10' },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: zvw.sectorId, percent: '1' },
      // Above 100 %: every domain scales down.
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '90' },
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '0' },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: zvw.sectorId, percent: zvw.percent },
    ];
    for (const op of edits) {
      plan = applyOps(plan, [op]);
      expect(allocationText(incremental(plan)), JSON.stringify(op)).to.equal(allocationText(allocate(plan)));
    }
  });

  it('counts an activity object that occurs twice twice, and once again after one is removed', () => {
    fc.assert(
      fc.property(arbitraryPlan({ maxActivities: 3, messy: false }), (start) => {
        fc.pre(start.activities.length > 0);
        const incremental = createAllocator();
        incremental(start);
        const twice = { ...start, activities: [...start.activities, start.activities[0]!] };
        expect(allocationText(incremental(twice))).to.equal(allocationText(allocate(twice)));
        expect(allocationText(incremental(start))).to.equal(allocationText(allocate(start)));
      }),
      { numRuns: 200 },
    );
  });
});
