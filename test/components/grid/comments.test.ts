import { expect } from 'chai';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import '../../../components/budget-grid/budget-grid.ts';
import type { RpSplitGrid } from '../../../components/split-grid/split-grid.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';
import type { CommentRequest } from '../../../components/shared/events.ts';
import type { CommentThreadMark } from '../../../components/grid/grid-source.ts';
import type { CommentAnchor } from '../../../src/model/negotiation.ts';
import { applyOps } from '../../../src/model/ops.ts';
import { TestOwner, samplePlan, settle, cell } from './owner.ts';
import { hotOf, select } from './keys.ts';

// Split columns of the sample plan: name, the domains' sum, Zvw, …; budget: name, annual, …, amount at 9.
const ZVW = 2;
const AMOUNT = 9;

async function mount<E extends RpGridElement>(tag: 'rp-split-grid' | 'rp-budget-grid'): Promise<[E, TestOwner<E>]> {
  await setViewport({ width: 1900, height: 900 });
  const el = document.createElement(tag) as unknown as E;
  el.style.setProperty('--rp-grid-height', '300px');
  document.body.append(el);
  const owner = new TestOwner(el, samplePlan(3));
  await settle(el);
  return [el, owner];
}

const thread = (id: string, anchor: CommentAnchor, extra: Partial<CommentThreadMark> = {}): CommentThreadMark => ({
  id,
  anchor,
  resolved: false,
  orphaned: false,
  ...extra,
});
const mark = (td: HTMLElement) => td.querySelector<HTMLElement>(':scope > .rp-comment');
const onZvw = (rowId: string): CommentAnchor => ({ section: 'split', rowId, column: 'd:zvw' });

/** Counts the cells Handsontable renders while `run` is applied. */
async function cellsRendered(el: RpGridElement, run: () => void): Promise<number> {
  let n = 0;
  const hot = hotOf(el) as unknown as {
    addHook(name: string, fn: () => void): void;
    removeHook(name: string, fn: () => void): void;
  };
  const count = () => n++;
  hot.addHook('afterRenderer', count);
  run();
  await settle(el);
  hot.removeHook('afterRenderer', count);
  return n;
}

function requests(el: RpGridElement): CommentRequest[] {
  const list: CommentRequest[] = [];
  el.addEventListener('rp-comment-request', (e) => list.push((e as CustomEvent<CommentRequest>).detail));
  return list;
}

describe('comment marks in the grids', () => {
  let el: RpGridElement;
  afterEach(async () => {
    el.remove();
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });

  it('marks the anchored cell of an open thread, says "1 opmerking" in its description, and not resolved or orphaned ones', async () => {
    [el] = await mount<RpSplitGrid>('rp-split-grid');
    el.comments = [
      thread('c1', onZvw('a2')),
      thread('c2', onZvw('a1'), { resolved: true }),
      thread('c3', onZvw('a3'), { orphaned: true }),
    ];
    await settle(el);
    const td = cell(el, 2, ZVW);
    expect(mark(td)).to.not.equal(null);
    expect(td.getAttribute('aria-description')).to.equal('1 opmerking.');
    expect(mark(cell(el, 1, ZVW))).to.equal(null);
    expect(mark(cell(el, 3, ZVW))).to.equal(null);
    expect(cell(el, 1, ZVW).getAttribute('aria-description')).to.equal(null);
    el.comments = [thread('c1', onZvw('a2')), thread('c4', onZvw('a2'))];
    el.locale = 'en';
    await settle(el);
    expect(cell(el, 2, ZVW).getAttribute('aria-description')).to.equal('2 comments.');
    // Resolving the last thread takes the mark away.
    el.comments = [];
    await settle(el);
    expect(mark(cell(el, 2, ZVW))).to.equal(null);
    expect(cell(el, 2, ZVW).getAttribute('aria-description')).to.equal(null);
  });

  it('keeps the mark on its row when rows move', async () => {
    let owner: TestOwner<RpBudgetGrid>;
    [el, owner] = await mount<RpBudgetGrid>('rp-budget-grid');
    el.comments = [thread('c1', { section: 'activities', rowId: 'a3', column: 'cost.amount' })];
    await settle(el);
    expect(mark(cell(el, 2, AMOUNT))).to.not.equal(null);
    owner.set(applyOps(owner.plan, [{ op: 'move-row', collection: 'activities', id: 'a3', index: 0 }]));
    await settle(el);
    expect(cell(el, 0, 0).textContent).to.contain('Activiteit 3');
    expect(mark(cell(el, 0, AMOUNT))).to.not.equal(null);
    expect(mark(cell(el, 2, AMOUNT))).to.equal(null);
  });

  it('paints a new mark without rendering the grid', async () => {
    [el] = await mount<RpSplitGrid>('rp-split-grid');
    const rendered = await cellsRendered(el, () => (el.comments = [thread('c1', onZvw('a1'))]));
    expect(rendered).to.equal(0);
    expect(mark(cell(el, 1, ZVW))).to.not.equal(null);
  });

  it('opens the thread from a click on the mark and from Shift+F2 on the selected cell', async () => {
    [el] = await mount<RpSplitGrid>('rp-split-grid');
    const asked = requests(el);
    el.comments = [thread('c1', onZvw('a2'))];
    await settle(el);
    const m = mark(cell(el, 2, ZVW))!;
    const r = m.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: r.right - 2, clientY: r.top + 2 };
    m.dispatchEvent(new MouseEvent('mousedown', at));
    m.dispatchEvent(new MouseEvent('mouseup', at));
    m.dispatchEvent(new MouseEvent('click', at));
    expect(asked).to.deep.equal([{ action: 'open', anchor: onZvw('a2') }]);
    select(el, 1, ZVW);
    await sendKeys({ press: 'Shift+F2' });
    expect(asked[1]).to.deep.equal({ action: 'open', anchor: onZvw('a1') });
  });

  for (const media of [
    { colorScheme: 'light' as const },
    { colorScheme: 'dark' as const },
    { forcedColors: 'active' as const },
  ]) {
    it(`shows the mark as a visible corner shape (${JSON.stringify(media)})`, async () => {
      await emulateMedia(media);
      [el] = await mount<RpSplitGrid>('rp-split-grid');
      el.comments = [thread('c1', onZvw('a1'))];
      await settle(el);
      const td = cell(el, 1, ZVW);
      const m = mark(td)!;
      const style = getComputedStyle(m);
      const box = m.getBoundingClientRect();
      const cellBox = td.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(6);
      // In the top corner at the end of the cell (inside its border).
      expect(box.right).to.be.closeTo(cellBox.right, 1.5);
      expect(box.top).to.be.closeTo(cellBox.top, 1.5);
      expect(style.clipPath).to.contain('polygon');
      expect(style.backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
      // Distinct from the cell's own background.
      expect(style.backgroundColor).to.not.equal(getComputedStyle(td).backgroundColor);
    });
  }
});
