import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import type { RpSplitGrid } from '../../../components/split-grid/split-grid.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { $, deepActive, mount, record } from '../planner/dom.ts';
import type { RpExportMenu } from '../../../components/export-menu/export-menu.ts';
import { settle } from '../grid/owner.ts';

/*
 * Issue #13, done when: a plan built by keyboard alone — add an activity, type its name and
 * amount, set its split, fix the finding that leaves (balance), undo, redo, export — without the mouse.
 */

const until = async (check: () => boolean, what: string, ms = 5000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const press = async (key: string, times = 1) => {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
};

/** Tabs until `reached()` holds (at most `max` times); the stops on the way, for the message. */
async function tabUntil(reached: () => boolean, what: string, max = 80): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < max && !reached(); i++) {
    await press('Tab');
    const a = deepActive();
    stops.push(`${a?.localName}${a?.textContent ? `(${a.textContent.trim().slice(0, 16)})` : ''}`);
  }
  if (!reached()) throw new Error(`Tab never reached ${what}: ${stops.join(' → ')}`);
}

describe('a plan built by keyboard alone (grids)', function () {
  this.timeout(60_000);

  it('adds an activity, types its name and amount, splits and balances it, undoes, redoes and exports', async () => {
    await setViewport({ width: 1440, height: 900 });
    const p = await mount<RpPlanner>('rp-planner', {
      storage: 'none',
      plan: handbookPlan('keyboard-plan'),
    } as Partial<RpPlanner>);
    await until(() => !!p.shadowRoot!.querySelector('rp-budget-grid'), 'the grids');
    const budget = $<RpBudgetGrid>(p, 'rp-budget-grid');
    const split = $<RpSplitGrid>(p, 'rp-split-grid');
    await settle(budget);
    await settle(split);
    const add = budget.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!;
    const inBudgetGrid = () => deepActive()?.localName === 'td' && budget.shadowRoot!.contains(deepActive());
    const inSplitGrid = () => deepActive()?.localName === 'td' && split.shadowRoot!.contains(deepActive());

    (document.activeElement as HTMLElement | null)?.blur();
    await tabUntil(() => deepActive() === add, '"Activiteit toevoegen"');
    await press('Enter');
    await until(() => budget.plan!.activities.length === 2, 'the new activity');
    expect(deepActive() === add, 'focus stays on the button').to.equal(true);

    // Into the grid: it lands on the new row, selected when it was added.
    await tabUntil(inBudgetGrid, 'the activities grid');
    await settle(budget);
    expect(budget.shadowRoot!.querySelector('.ht_clone_inline_start td.current')?.textContent).to.equal(
      'Nieuwe activiteit',
    );
    await sendKeys({ type: 'Casemanagement' });
    await press('Enter');
    await until(() => budget.plan!.activities[1]!.name === 'Casemanagement', 'the name');
    await press('ArrowUp');
    const amount = (budget as unknown as { grid: { columns: { key: string }[] } }).grid.columns.findIndex(
      (c) => c.key === 'cost.amount',
    );
    await press('ArrowRight', amount); // from the name to the amount
    await sendKeys({ type: '12.500,00' });
    await press('Enter');
    await until(() => (budget.plan!.activities[1]!.cost as { amount?: string }).amount === '12500', 'the amount');

    // On to the split grid: the new activity's Wmo share at 30 % makes its row 120 %.
    await tabUntil(inSplitGrid, 'the split grid');
    await settle(split);
    const id = budget.plan!.activities[1]!.id;
    const row = 2; // default split, Netwerkcoördinatie, Casemanagement
    const hot = (
      split as unknown as {
        hot: { selectCell(r: number, c: number): void; getSelectedLast(): number[]; propToCol(p: number): number };
      }
    ).hot;
    const [r0] = hot.getSelectedLast();
    await press(row > r0! ? 'ArrowDown' : 'ArrowUp', Math.abs(row - r0!));
    // To the Wmo share, with the arrow keys only.
    const wmo = (split as unknown as { grid: { columns: { key: string }[] } }).grid.columns.findIndex(
      (c) => c.key === 'd:wmo',
    );
    expect(wmo).to.be.greaterThan(1);
    const [, c0] = hot.getSelectedLast();
    await press(wmo > c0! ? 'ArrowRight' : 'ArrowLeft', Math.abs(wmo - c0!));
    await sendKeys({ type: '30' });
    await press('Enter');
    await until(
      () => split.plan!.activities[1]!.split?.domains.find((d) => d.domainId === 'wmo')?.percent === '30',
      'the share',
    );
    // Back on the share typed (Enter moved down when there was a row below).
    const [r1, c1] = hot.getSelectedLast();
    if (r1! !== row) await press(r1! > row ? 'ArrowUp' : 'ArrowDown', Math.abs(r1! - row));
    if (c1! !== wmo) await press(c1! > wmo ? 'ArrowLeft' : 'ArrowRight', Math.abs(c1! - wmo));
    // Alt+B balances the row the user is on, in the share selected.
    await sendKeys({ down: 'Alt' });
    await press('b');
    await sendKeys({ up: 'Alt' });
    await until(
      () => split.plan!.activities[1]!.split?.domains.find((d) => d.domainId === 'wmo')?.percent === '10',
      'the balance',
    );
    expect(split.findings.some((f) => f.code === 'split-sum' && f.location.rowId === id)).to.equal(false);
    // Ctrl+Z undoes the balance.
    await sendKeys({ down: 'Control' });
    await press('z');
    await sendKeys({ up: 'Control' });
    await until(
      () => split.plan!.activities[1]!.split?.domains.find((d) => d.domainId === 'wmo')?.percent === '30',
      'the undo',
    );
    // Ctrl+Y puts the balance back, so the plan is free of errors again.
    await sendKeys({ down: 'Control' });
    await press('y');
    await sendKeys({ up: 'Control' });
    await until(
      () => split.plan!.activities[1]!.split?.domains.find((d) => d.domainId === 'wmo')?.percent === '10',
      'the redo',
    );
    // Export: Tab on to the export menu's download button (the contract annex is the default) and press Enter.
    const exported = record<{ format: string; fileName: string }>(p, 'rp-export');
    const menu = $<RpExportMenu>(p, 'rp-export-menu');
    const download = () => {
      const a = deepActive();
      return a?.localName === 'button' && !!menu.shadowRoot?.contains(a) && a.textContent!.trim() === 'Downloaden';
    };
    await tabUntil(download, 'the export menu\'s "Downloaden"', 200);
    await press('Enter');
    await until(() => exported.length === 1, 'the export', 20_000);
    expect(exported[0]!.format).to.equal('annex-docx');
    expect(exported[0]!.fileName).to.match(/\.docx$/);
    p.remove();
  });
});
