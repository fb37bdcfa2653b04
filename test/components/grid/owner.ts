import type { Plan } from '../../../src/model/plan.ts';
import { newPlan } from '../../../src/model/plan.ts';
import { applyOps, type PlanOp } from '../../../src/model/ops.ts';
import type { Activity } from '../../../src/model/activities.ts';
import { allocate, validate } from '../../../src/engine/index.ts';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';

/**
 * Plays the owner the grids expect: applies each rp-edit's ops to the plan with applyOps, then
 * sets the new plan, its allocation and findings back. Records every event for assertions.
 */
export class TestOwner<E extends RpGridElement> {
  edits: PlanOp[][] = [];
  undos = 0;
  redos = 0;
  applying = true;

  constructor(
    readonly el: E,
    public plan: Plan,
  ) {
    el.addEventListener('rp-edit', (e) => {
      const ops = (e as CustomEvent<{ ops: PlanOp[] }>).detail.ops;
      this.edits.push(ops);
      if (this.applying) this.set(applyOps(this.plan, ops));
    });
    el.addEventListener('rp-undo', () => this.undos++);
    el.addEventListener('rp-redo', () => this.redos++);
    this.set(plan);
  }

  set(plan: Plan): void {
    this.plan = plan;
    this.el.plan = plan;
    this.el.allocation = allocate(plan);
    this.el.findings = validate(plan);
  }
}

/** A plan with the default catalogue, the handbook's default split and `n` lumpsum activities. */
export function samplePlan(n = 3, name = (i: number) => `Activiteit ${i + 1}`): Plan {
  const plan = newPlan('p1', 'Testplan');
  const activities: Activity[] = Array.from({ length: n }, (_, i) => ({
    id: `a${i + 1}`,
    name: name(i),
    targetGroupIds: [],
    cost: { kind: 'lumpsum', amount: '250000', per: 'year' },
    category: 'general',
    split: null,
  }));
  return {
    ...plan,
    activities,
    defaultSplit: {
      domains: [
        { domainId: 'wmo', percent: '10' },
        { domainId: 'jw', percent: '20' },
        { domainId: 'zvw', percent: '70' },
      ],
      sectors: [
        { domainId: 'zvw', sectorId: 'zvw-vv', percent: '50' },
        { domainId: 'zvw', sectorId: 'zvw-ha', percent: '50' },
      ],
    },
  };
}

export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Waits for lit's update and one frame, so Handsontable has painted. */
export async function settle(el: RpGridElement): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
}

/**
 * The grid cell element at visual row/column inside the element's shadow root: the one the user
 * sees, also for a frozen column that only the frozen part of the grid draws.
 */
export function cell(el: RpGridElement, row: number, col: number): HTMLTableCellElement {
  const hot = (
    el as unknown as { hot: { getCell(r: number, c: number, topmost?: boolean): HTMLTableCellElement | null } }
  ).hot;
  const td = hot.getCell(row, col) ?? hot.getCell(row, col, true);
  if (!td) throw new Error(`no cell at ${row},${col}`);
  return td;
}
