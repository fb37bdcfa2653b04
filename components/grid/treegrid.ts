/*
 * With `ariaTags` Handsontable 18.1 makes its root element the treegrid. That root also holds the
 * main table's scroll holder (focusable: tabindex=-1) and the editor's text area, and a treegrid
 * may own only rows and row groups: a screen reader meets a stray focusable node and a text box in
 * the middle of the grid, and axe reports aria-required-children. So the treegrid moves inward,
 * onto the element that holds the main table (inside the holder), which also owns, through
 * aria-owns, the tables of the clones that draw the fixed rows and columns. The accessibility tree then has the same rows and cells as
 * before, in the same order, with nothing else among them; the DOM, focus and keys are untouched.
 *
 * Handsontable writes these attributes on the root at start and again whenever the data is
 * replaced (row and column count); an observer on just those attributes of the root moves them
 * again. Nothing here runs per render, per cell or per edit. The clones are created once with the
 * instance, so their ids and the aria-owns list are set once.
 */
import type { HotInstance } from 'handsontable/base';

const GRID_ATTRIBUTES = ['role', 'aria-rowcount', 'aria-colcount', 'aria-multiselectable'];

export function moveTreegridInward(hot: HotInstance): void {
  const root = hot.rootElement;
  const grid = (hot as unknown as { table?: HTMLTableElement }).table?.parentElement;
  if (!grid || root.getAttribute('role') !== 'treegrid') return;
  const clones = [...root.querySelectorAll<HTMLTableElement>(':scope > [class*="ht_clone_"] table.htCore')];
  clones.forEach((table, i) => {
    table.id ||= `${root.id}-clone-${i}`;
  });
  grid.setAttribute('aria-owns', clones.map((table) => table.id).join(' '));
  const move = () => {
    for (const name of GRID_ATTRIBUTES) {
      const value = root.getAttribute(name);
      if (value === null) continue;
      grid.setAttribute(name, value);
      root.removeAttribute(name);
    }
  };
  move();
  const observer = new MutationObserver(move);
  observer.observe(root, { attributes: true, attributeFilter: GRID_ATTRIBUTES });
  hot.addHook('afterDestroy', () => observer.disconnect());
}
