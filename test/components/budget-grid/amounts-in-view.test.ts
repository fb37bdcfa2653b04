import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/budget-grid/budget-grid.ts';
import '../../../components/split-grid/split-grid.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';
import { TestOwner, samplePlan, settle } from '../grid/owner.ts';

/*
 * Issue #13 item 10: in a planner column about 820 px wide (1280 × 800 beside the findings), the
 * annual budget, the amounts per period and the total stay in view, and no header is cut off.
 */

async function mount<E extends RpGridElement>(tag: 'rp-budget-grid' | 'rp-split-grid', locale: 'nl' | 'en' = 'nl') {
  await setViewport({ width: 1280, height: 800 });
  const el = document.createElement(tag) as unknown as E;
  el.style.width = '820px';
  // The demo's font (a sans-serif, wider than the test page's default serif).
  el.style.fontFamily = 'system-ui, sans-serif';
  el.locale = locale;
  document.body.append(el);
  new TestOwner(el, samplePlan(3));
  await settle(el);
  return el;
}

type Hot = {
  getCell(r: number, c: number, topmost?: boolean): HTMLTableCellElement | null;
  scrollViewportTo(o: object): boolean;
  countCols(): number;
};
const hotOf = (el: RpGridElement) => (el as unknown as { hot: Hot }).hot;
const keys = (el: RpGridElement) =>
  (el as unknown as { grid: { columns: { key: string }[] } }).grid.columns.map((c) => c.key);

/** True when the cell the user sees is inside the grid's visible area. */
function inView(el: RpGridElement, td: HTMLTableCellElement | null): boolean {
  if (!td) return false;
  const box = el.shadowRoot!.querySelector('.grid')!.getBoundingClientRect();
  const r = td.getBoundingClientRect();
  return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
}

describe('amounts in view', () => {
  afterEach(() => document.querySelectorAll('rp-budget-grid, rp-split-grid').forEach((e) => e.remove()));

  it('keeps the annual budget and the total beside the name, with the periods next to them, also when scrolled', async () => {
    const el = await mount<RpBudgetGrid>('rp-budget-grid');
    const hot = hotOf(el);
    const annual = keys(el).indexOf('annual');
    const total = 3;
    expect(annual).to.equal(1);
    expect(hot.getCell(total, annual, true)!.textContent).to.equal('€ 750.000,00');
    expect(inView(el, hot.getCell(total, annual, true)), 'the total').to.equal(true);
    const periods = keys(el).flatMap((k, i) => (k.startsWith('p:') ? [i] : []));
    expect(periods).to.have.length(4);
    for (const c of periods) expect(inView(el, hot.getCell(0, c, true)), `period column ${c}`).to.equal(true);
    hot.scrollViewportTo({ row: 0, col: hot.countCols() - 1 });
    await settle(el);
    expect(inView(el, hot.getCell(total, annual, true)), 'the total after scrolling').to.equal(true);
    expect(inView(el, hot.getCell(0, annual, true)), 'the annual budget after scrolling').to.equal(true);
  });

  for (const tag of ['rp-budget-grid', 'rp-split-grid'] as const)
    for (const locale of ['nl', 'en'] as const)
      it(`${tag} (${locale}): no column header is cut off`, async () => {
        const el = await mount<RpGridElement>(tag, locale);
        const hot = hotOf(el);
        const seen = new Set<string>();
        for (let c = 0; c < hot.countCols(); c += 3) {
          hot.scrollViewportTo({ row: 0, col: c });
          await settle(el);
          for (const span of el.shadowRoot!.querySelectorAll<HTMLElement>('.ht_clone_top thead th .colHeader')) {
            const text = span.textContent!.trim();
            if (!text || seen.has(text)) continue;
            seen.add(text);
            // The text's own box (a range over it) lies within its header cell.
            const range = document.createRange();
            range.selectNodeContents(span);
            const text_ = range.getBoundingClientRect();
            const th = span.closest('th')!.getBoundingClientRect();
            expect(span.scrollWidth, `"${text}" fits its width`).to.be.at.most(span.clientWidth);
            expect(text_.right, `"${text}" fits its width`).to.be.at.most(th.right + 0.5);
            expect(text_.bottom, `"${text}" fits its height`).to.be.at.most(th.bottom + 0.5);
          }
        }
        if (tag === 'rp-budget-grid')
          expect([...seen]).to.include(
            locale === 'nl' ? 'Aantal per jaar (uren, fte, personen)' : 'Quantity per year (hours, FTE, persons)',
          );
      });
});
