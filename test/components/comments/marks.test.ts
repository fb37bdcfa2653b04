import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpCommentsPanel } from '../../../components/comments/comments-panel.ts';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { deepActive, mount } from '../planner/dom.ts';
import { edit, freshDb, until } from '../planner/host.ts';

/* A comment thread's mark on its cell in the planner's grid, and the way from the mark to the thread. */

const panel = (p: RpPlanner) => p.shadowRoot!.querySelector<RpCommentsPanel>('rp-comments-panel')!;
const budget = (p: RpPlanner) => p.shadowRoot!.querySelector<RpGridElement>('rp-budget-grid')!;
type Hot = {
  getCell(r: number, c: number, topmost?: boolean): HTMLTableCellElement | null;
  selectCell(r: number, c: number): boolean;
  listen(): void;
  propToCol(prop: string): number;
};
const hot = (g: RpGridElement) => (g as unknown as { hot: Hot }).hot;
/** The budget grid's column index of the amount. */
const amountCol = (p: RpPlanner): number =>
  (budget(p) as unknown as { grid: { colIndex: Map<string, number> } }).grid.colIndex.get('cost.amount')!;
/** The budget grid's amount cell of the activity at `row`, scrolled into view. */
function amountCell(p: RpPlanner, row: number): HTMLTableCellElement {
  const h = hot(budget(p)) as Hot & { scrollViewportTo(o: { row: number; col: number }): void };
  budget(p).scrollIntoView({ block: 'center' });
  const col = amountCol(p);
  const td = h.getCell(row, col) ?? h.getCell(row, col, true);
  if (!td) h.scrollViewportTo({ row, col });
  return td!;
}
/** The comment mark on the amount cell of the activity at `row` (null also while the cell is not drawn). */
const markAt = (p: RpPlanner, row: number) => {
  const td = amountCell(p, row);
  return td ? markOn(td) : null;
};
const markOn = (td: HTMLElement) => td.querySelector<HTMLElement>(':scope > .rp-comment');

describe('comment marks in the planner', function () {
  this.timeout(60_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('marks the cell of an open thread, keeps the mark on its row when rows move, and opens the thread from the mark or Shift+F2', async () => {
    await setViewport({ width: 1440, height: 900 });
    const plan = handbookPlan('comment-marks');
    plan.activities = [
      ...plan.activities,
      { ...plan.activities[0]!, id: 'a2', name: 'Tweede activiteit' },
      { ...plan.activities[0]!, id: 'a3', name: 'Derde activiteit' },
    ];
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: freshDb(),
      userName: 'Anna',
      plan,
    } as Partial<RpPlanner>);
    await until(() => !!budget(p) && !!hot(budget(p)), 'the grid');
    const first = plan.activities[0]!.id;
    p.shadowRoot!.querySelector('rp-budget-grid')!.dispatchEvent(
      new CustomEvent('rp-select', {
        detail: { section: 'activities', rowId: 'a2', field: 'cost.amount' },
        bubbles: true,
        composed: true,
      }),
    );
    await until(() => panel(p).anchor?.rowId === 'a2', 'the anchor');
    await panel(p).updateComplete;
    const area = panel(p).shadowRoot!.querySelector<HTMLTextAreaElement>('.new textarea')!;
    area.value = 'Klopt dit bedrag?';
    panel(p).shadowRoot!.querySelector<HTMLButtonElement>('.new button[type="submit"]')!.click();
    await until(() => p.comments.length === 1, 'the thread');

    await until(() => !!markAt(p, 1), 'the mark on a2');
    expect(amountCell(p, 1).getAttribute('aria-description')).to.contain('1 opmerking');
    expect(markAt(p, 0)).to.equal(null);

    edit(p, [{ op: 'move-row', collection: 'activities', id: 'a2', index: 0 }]);
    await until(() => p.plan!.activities[0]!.id === 'a2', 'the move');
    await until(() => !!markAt(p, 0), 'the mark after the move');
    expect(markAt(p, 1), `${first} has no thread`).to.equal(null);

    // A click on the mark: focus goes to the thread's reply box in the panel.
    const m = markAt(p, 0)!;
    m.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const threadId = p.comments[0]!.id;
    await until(
      () => deepActive()?.closest('article')?.getAttribute('aria-labelledby') === `th-${threadId}`,
      'focus in the thread',
    );

    // Shift+F2 on a cell without a thread: the new comment box, now about that cell.
    hot(budget(p)).listen();
    hot(budget(p)).selectCell(2, amountCol(p));
    await sendKeys({ press: 'Shift+F2' });
    await until(() => deepActive()?.closest('section.new') != null, 'focus in the new comment box');
    expect(panel(p).anchor).to.deep.equal({ section: 'activities', rowId: 'a3', column: 'cost.amount' });

    // A resolved thread leaves no mark.
    panel(p).shadowRoot!.querySelector<HTMLButtonElement>('article > .actions > button')!.click();
    await until(() => p.comments[0]!.resolved, 'resolved');
    await until(() => !markAt(p, 0), 'the mark gone');
  });
});

describe('comments in the planner’s workbook', function () {
  this.timeout(60_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('exportScenario("xlsx", { comments: true }) adds the comments sheet with the open scenario’s threads', async () => {
    const plan = handbookPlan('comment-workbook');
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: freshDb(),
      userName: 'Anna',
      plan,
    } as Partial<RpPlanner>);
    p.shadowRoot!.querySelector('rp-budget-grid')!.dispatchEvent(
      new CustomEvent('rp-select', {
        detail: { section: 'activities', rowId: plan.activities[0]!.id, field: 'cost.amount' },
        bubbles: true,
        composed: true,
      }),
    );
    await until(() => panel(p).anchor?.rowId === plan.activities[0]!.id, 'the anchor');
    await panel(p).updateComplete;
    panel(p).shadowRoot!.querySelector<HTMLTextAreaElement>('.new textarea')!.value = '=HYPERLINK("x") klopt dit?';
    panel(p).shadowRoot!.querySelector<HTMLButtonElement>('.new button[type="submit"]')!.click();
    await until(() => p.comments.length === 1, 'the thread');
    const { readWorkbook } = await import('../../export/read.ts');
    const plain = await readWorkbook(await p.exportScenario('xlsx'));
    expect(plain.getWorksheet('Opmerkingen')).to.equal(undefined);
    const wb = await readWorkbook(await p.exportScenario('xlsx', { comments: true }));
    const ws = wb.getWorksheet('Opmerkingen')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts).to.include(`'=HYPERLINK("x") klopt dit?`);
    expect(texts).to.include('Anna');
  });
});
