import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/budget-grid/budget-grid.ts';
import '../../../components/split-grid/split-grid.ts';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';
import { TestOwner, samplePlan, settle } from './owner.ts';
import { hotOf } from './keys.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

/*
 * WCAG 2.1.1 and 2.4.7: a grid is reached with Tab, shows which cell has focus, takes arrows and
 * typing there, and is left with Tab or Shift+Tab (issue #13 bug 3).
 */

function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

for (const tag of ['rp-budget-grid', 'rp-split-grid'] as const) {
  describe(`${tag} by keyboard`, () => {
    let el: RpGridElement;
    let before: HTMLButtonElement;
    let after: HTMLButtonElement;
    let owner: TestOwner<RpGridElement>;
    beforeEach(async () => {
      await setViewport({ width: 1600, height: 900 });
      before = Object.assign(document.createElement('button'), { textContent: 'voor' });
      after = Object.assign(document.createElement('button'), { textContent: 'na' });
      el = document.createElement(tag) as RpGridElement;
      el.style.setProperty('--rp-grid-height', '300px');
      document.body.append(before, el, after);
      owner = new TestOwner(el, samplePlan(3));
      await settle(el);
    });
    afterEach(() => {
      el.remove();
      before.remove();
      after.remove();
    });

    /** Tabs forward from `before` until focus reaches a grid cell (or gives up); the stops on the way. */
    async function tabIntoGrid(): Promise<string[]> {
      before.focus();
      const stops: string[] = [];
      for (let i = 0; i < 12; i++) {
        await sendKeys({ press: 'Tab' });
        await settle(el);
        const a = deepActive();
        stops.push(a ? `${a.localName}.${(a as HTMLElement).className}` : 'none');
        if (a === after || hotOf(el).getSelectedLast()) break;
      }
      return stops;
    }

    it('Tab from the toolbar enters the grid on a selected cell with a visible frame', async () => {
      const stops = await tabIntoGrid();
      const sel = hotOf(el).getSelectedLast();
      expect(sel, `Tab stops: ${stops.join(' → ')}`).to.not.equal(undefined);
      const [r, c] = sel as number[];
      const focused = deepActive();
      // The cell itself has focus (in the main table or, for a frozen column, in its overlay).
      expect(
        focused === hotOf(el).getCell(r!, c!) || focused === hotOf(el).getCell(r!, c!, true),
        `focus on ${focused?.localName}`,
      ).to.equal(true);
      // A visible focus indicator: Handsontable's selection frame around the cell (drawn in the
      // frozen columns' overlay for a frozen cell).
      const frame = [
        ...el.shadowRoot!.querySelectorAll<HTMLElement>(
          '.ht_master .wtBorder.current, .ht_clone_inline_start .wtBorder.current',
        ),
      ].filter((b) => b.offsetWidth > 0 || b.offsetHeight > 0);
      expect(frame.length, 'a drawn focus frame').to.be.greaterThan(0);
      // No invisible stop on the way: each stop before the grid is a visible control.
      expect(
        stops.every((s) => !s.includes('htFocusCatcher')),
        stops.join(' → '),
      ).to.equal(true);
    });

    it('takes arrows and typing in the entered cell, and Tab at the end leaves the grid', async () => {
      await tabIntoGrid();
      await sendKeys({ press: 'ArrowDown' });
      const sel = hotOf(el).getSelectedLast()!;
      expect(sel[0]).to.equal(1);
      await sendKeys({ type: '7' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(owner.edits, 'typing in the entered cell is an edit').to.have.length(1);
      // Leaving: Shift+Tab moves left cell by cell and, on the first column, back to the controls
      // above the grid (the toolbar, or the split grid's column choices under it).
      let back: Element | null = null;
      for (let i = 0; i < 30; i++) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        back = deepActive();
        if (back?.localName !== 'td') break;
      }
      expect(
        back &&
          (el.shadowRoot!.querySelector('[part="toolbar"]')!.contains(back) ||
            !!el.shadowRoot!.querySelector('.columns')?.contains(back)),
        `after Shift+Tab: ${back?.localName}`,
      ).to.equal(true);
      // Tab moves right cell by cell and, on the last column, on to the next control in the page.
      await tabIntoGrid();
      const seen: string[] = [];
      let left = false;
      for (let i = 0; i < 40 && !left; i++) {
        await sendKeys({ press: 'Tab' });
        const a = deepActive();
        seen.push(`${a?.localName}${a?.getAttribute('aria-colindex') ?? ''}`);
        left = a === after;
      }
      expect(left, `Tab leaves the grid to the next control: ${seen.join(' ')}`).to.equal(true);
    });

    it('stays clean for axe with a cell focused by keyboard', async () => {
      await tabIntoGrid();
      await expectNoSeriousViolations(el);
    });
  });
}
