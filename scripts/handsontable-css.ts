// Vite plugin (imported by vite.config.ts only): Handsontable's core CSS without the rules of features regioplan never registers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import postcss from 'postcss';
import type { Plugin } from 'vite';

/*
 * Handsontable ships one core stylesheet for every plugin, cell type and editor it has (160 KB, 17 KB
 * gzip), and the grids adopt it into their shadow roots (components/grid/grid.styles.ts). The grids
 * register only CopyPaste, NestedHeaders and the text and select editors (components/grid/
 * handsontable.ts), so the rules for menus, filters, pagination, comments, row nesting, column
 * moving and resizing, sorting, checkboxes, autocomplete and date pickers can never match anything.
 * A rule goes only when every one of its selectors names such a feature; the licence header, the
 * licence notice and dialog styles and everything shared stay. Whoever registers another plugin
 * takes its name out of UNUSED.
 */
export const UNUSED = [
  'htDropdownMenu',
  'htContextMenu',
  'htFilters',
  'htUIMultipleSelect',
  'htUISelect',
  'htUIInput',
  'htUIClearAll',
  'htUISelectAll',
  'htUIButton',
  'htUIRadio',
  'htUILabel',
  'ht-pagination',
  'ht-page-size',
  'htComment',
  'htCollapseButton',
  'collapsibleIndicator',
  'ht_nesting',
  'htManualColumnMove',
  'manualColumnMover',
  'manualColumnResizer',
  'manualRowResizer',
  'manualRowMover',
  'ht__manual',
  'htCheckboxRendererInput',
  'htCheckboxRendererLabel',
  'htAutocomplete',
  'autocompleteEditor',
  'htDatepicker',
  'pika-',
  'htPasswordEditor',
  'columnSorting',
  'sortAction',
  'htSearchResult',
  'ht-empty-data-state',
];

const require = createRequire(import.meta.url);
const MODULE = /[\\/]handsontable[\\/]styles[\\/]handsontableStyles\.mjs$/;

/** The core CSS with the unused features' rules removed. */
export function prunedHandsontableCss(): string {
  const css = readFileSync(require.resolve('handsontable/styles/handsontable.min.css'), 'utf8');
  const unused = new RegExp(UNUSED.map((n) => n.replace(/[-_]/g, '\\$&')).join('|'));
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    const keep = rule.selectors.filter((s) => !unused.test(s));
    if (keep.length === 0) rule.remove();
    else if (keep.length < rule.selectors.length) rule.selectors = keep;
  });
  root.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
  return root.toString();
}

/** Serves the pruned CSS as Handsontable's own string module, which the grids' styles are aliased to. */
export function handsontableCss(): Plugin {
  let code: string | undefined;
  return {
    name: 'rp-handsontable-css',
    enforce: 'pre',
    load(id: string) {
      if (!MODULE.test(id.split('?')[0] ?? id)) return null;
      code ??= `export default ${JSON.stringify(prunedHandsontableCss())};`;
      return code;
    },
  };
}
