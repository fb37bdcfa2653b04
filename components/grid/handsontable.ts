/*
 * The single entry to Handsontable. Only the modules the grids use are registered, which keeps
 * the embedded element at roughly half the size of the full build (ARCHITECTURE.md).
 */
import Handsontable from 'handsontable/base';
import { registerPlugin } from 'handsontable/plugins/registry';
import { CopyPaste } from 'handsontable/plugins/copyPaste';
import { NestedHeaders } from 'handsontable/plugins/nestedHeaders';
import { registerCellType } from 'handsontable/cellTypes/registry';
import { SelectCellType } from 'handsontable/cellTypes/selectType';
import type { GridSettings, HotInstance } from 'handsontable/base';
import { gridSanitizer } from './sanitizer.ts';
import { moveTreegridInward } from './treegrid.ts';
import { HOT_THEME } from './hot-theme.styles.ts';

registerPlugin(CopyPaste);
registerPlugin(NestedHeaders);
registerCellType(SelectCellType);

export type { HotInstance };
export { textRenderer } from 'handsontable/renderers/textRenderer';

/** Settings our grids pass beyond what GridSettings' type lists (both exist at runtime in 18.1). */
export interface HostSettings extends GridSettings {
  licenseKey: string;
}

/*
 * Accessibility: the grids run with `ariaTags: true`. Handsontable then gives every rendered row
 * and cell (in the main table and in its clones for fixed rows/columns) role, aria-rowindex and
 * aria-colindex, so a screen reader reads one grid, not several tables; with `ariaTags: false` the
 * clones would be read as extra tables. It makes its root element the treegrid, which also holds a
 * focusable scroll holder and the editor's text area; treegrid.ts moves the treegrid inward so it
 * owns only the rows. Our own side: cells have accessible names and descriptions
 * (grid-element.ts), the editors are labelled, and the region and status are named.
 */

/**
 * Creates a Handsontable instance inside `container` (which lives in a shadow root). The core CSS
 * is adopted by the element's own styles, so nothing is injected into the host page's head; the
 * portal (screen-reader announcer, editors that portal) is moved into the same shadow root so that
 * it is styled and does not leak into the page.
 */
export function createHot(container: HTMLElement, settings: HostSettings): HotInstance {
  const hot = new Handsontable(container, {
    ...settings,
    sanitizer: gridSanitizer,
    // The main theme by its class name: its stylesheet is adopted with the core CSS
    // (hot-theme.styles.ts), so Handsontable's theme engine never runs (and is not bundled).
    ...({ theme: HOT_THEME, injectCoreCss: false } as object),
  } as GridSettings);
  const root = container.getRootNode();
  if (hot.rootPortalElement && root instanceof ShadowRoot) root.append(hot.rootPortalElement);
  moveTreegridInward(hot);
  return hot;
}
