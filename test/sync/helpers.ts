import { generatePlan, rng } from '../fixtures/generate.ts';
import { Plan, type Activity, type PlanOp } from '../../src/model/index.ts';
import type { YPlanState } from '../../src/sync/plan-state.ts';
import type { ChangeOrigin } from '../../src/sync/state.ts';

export { generatePlan, rng };

export const activity = (id: string, over: Partial<Activity> = {}): Activity => ({
  id,
  name: `Activiteit ${id}`,
  targetGroupIds: [],
  cost: { kind: 'lumpsum', amount: '1000', per: 'year' },
  category: 'general',
  split: null,
  ...over,
});

/** Updates a state produced, held back until delivered: lets two states edit "at the same time". */
export function outbox(state: YPlanState): { updates: Uint8Array[]; stop: () => void } {
  const box = { updates: [] as Uint8Array[], stop: () => {} };
  box.stop = state.onUpdate((u, origin) => {
    if (origin !== 'remote') box.updates.push(u);
  });
  return box;
}

export function deliver(updates: Uint8Array[], to: YPlanState, origin: ChangeOrigin = 'remote'): void {
  for (const u of updates.splice(0)) to.applyUpdate(u, origin);
}

/** Exchanges everything both states have (what a provider's sync step does). */
export function exchange(a: YPlanState, b: YPlanState): void {
  b.applyUpdate(a.encodeDiff(b.encodeStateVector()), 'remote');
  a.applyUpdate(b.encodeDiff(a.encodeStateVector()), 'remote');
}

export const valid = (plan: unknown) => Plan.safeParse(plan).success;

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

let fresh = 0;

/** A random, valid op against `plan` (ids that exist, sometimes ones that do not). */
export function randomOp(r: Rand, plan: Plan): PlanOp {
  const acts = plan.activities;
  const someActivity = () => (acts.length && r() < 0.95 ? pick(r, acts).id : 'nope');
  const percent = () => (r() < 0.15 ? null : pick(r, ['0', '10', '25.5', '33.3333', '50', '100']));
  const domain = () => pick(r, plan.domains);
  switch (int(r, 0, 13)) {
    case 0:
      return { op: 'set-field', field: 'name', value: `Plan ${int(r, 0, 99)}` };
    case 1:
      return {
        op: 'set-field',
        field: 'period',
        value: { start: '2025-01-01', end: pick(r, ['2025-12-31', '2026-06-30']) },
      };
    case 2:
      return {
        op: 'set-field',
        field: 'clauses',
        value: { ...plan.clauses, [pick(r, ['quality', 'evaluation'])]: `t${int(r, 0, 9)}` },
      };
    case 3:
      return {
        op: 'insert-row',
        collection: 'activities',
        row: activity(`n${++fresh}`),
        index: r() < 0.5 ? undefined : int(r, -3, acts.length + 2),
      };
    case 4:
      return { op: 'remove-row', collection: 'activities', id: someActivity() };
    case 5:
      return { op: 'move-row', collection: 'activities', id: someActivity(), index: int(r, -2, acts.length + 1) };
    case 6:
      return {
        op: 'update-row',
        collection: 'activities',
        id: someActivity(),
        patch: { name: `naam ${int(r, 0, 99)}` },
      };
    case 7:
      return {
        op: 'update-row',
        collection: 'activities',
        id: someActivity(),
        patch: {
          cost:
            r() < 0.5
              ? { kind: 'lumpsum', amount: String(int(r, 1, 9999)), per: 'month' }
              : { kind: 'hours', hours: String(int(r, 1, 99)), rate: '80' },
        },
      };
    case 8:
      return {
        op: 'update-row',
        collection: 'activities',
        id: someActivity(),
        patch: { split: r() < 0.5 ? null : { domains: [{ domainId: 'wmo', percent: '100' }], sectors: [] } },
      };
    case 9: {
      const d = domain();
      const sector = d.sectors.length && r() < 0.5 ? pick(r, d.sectors).id : null;
      return {
        op: 'set-split',
        rowId: r() < 0.3 ? 'default' : someActivity(),
        domainId: d.id,
        sectorId: sector,
        percent: percent(),
      };
    }
    case 10:
      return plan.providers.length
        ? {
            op: 'update-row',
            collection: 'providers',
            id: pick(r, plan.providers).id,
            patch: { share: r() < 0.3 ? null : String(int(r, 0, 100)) },
          }
        : { op: 'set-field', field: 'region', value: 'Oost' };
    case 12:
      return {
        op: 'update-row',
        collection: 'activities',
        id: someActivity(),
        patch: { id: `r${++fresh}`, name: 'hernoemd' },
      };
    case 13:
      return plan.providers.length && r() < 0.5
        ? { op: 'remove-row', collection: 'providers', id: pick(r, plan.providers).id }
        : {
            op: 'insert-row',
            collection: 'providers',
            index: int(r, 0, plan.providers.length),
            row: {
              id: `pn${++fresh}`,
              name: 'Nieuwe aanbieder',
              agb: '',
              domainId: 'wmo',
              sectorId: null,
              role: 'partner',
              contribution: '',
              share: null,
            },
          };
    default:
      return plan.funders.length
        ? {
            op: 'update-row',
            collection: 'funders',
            id: pick(r, plan.funders).id,
            patch: {
              share:
                r() < 0.5 ? { basis: 'percent', percent: '40' } : { basis: 'count', count: String(int(r, 1, 5000)) },
            },
          }
        : { op: 'set-field', field: 'granularity', value: 'month' };
  }
}
