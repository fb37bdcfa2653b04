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
 * moving and resizing, sorting, checkboxes, autocomplete, date pickers and the others below can
 * never match anything.
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
  // Editors, renderers and plugins that are not registered either: multi-select, autoRowSize,
  // hidden rows and columns, moving cells, header buttons, notifications, loading, and the top and
  // bottom slots (only pagination and the empty-data state fill them).
  'ht-multi-select',
  'has-sort-indicator',
  'htAutoRowSize',
  'HiddenRow',
  'HiddenColumn',
  'ht__moving',
  'has-header-button',
  'ht-notification',
  'ht-loading',
  'ht-slot-top-filled',
  'ht-slot-bottom-filled',
];

/*
 * The main theme's stylesheet (components/grid/hot-theme.styles.ts) declares its variables for
 * `.ht-theme-main` and again for its dark variants; the grids map the colours onto our tokens,
 * which follow the page's theme, and use only the light class, so the dark variants go too.
 */
export const UNUSED_THEME = [...UNUSED, 'ht-theme-main-dark'];

const require = createRequire(import.meta.url);
const MODULE = /[\\/]handsontable[\\/]styles[\\/]handsontableStyles\.mjs$/;
const THEME = /[\\/]handsontable[\\/]styles[\\/]ht-theme-main-no-icons\.min\.css$/;

/** The core CSS with the unused features' rules removed. */
export function prunedHandsontableCss(file = 'handsontable.min.css', names: readonly string[] = UNUSED): string {
  const css = readFileSync(require.resolve(`handsontable/styles/${file}`), 'utf8');
  const unused = new RegExp(names.map((n) => n.replace(/[-_]/g, '\\$&')).join('|'));
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

/**
 * The main theme's CSS without its dark variants and the unused features' rules. Its colours are
 * written as light/dark pairs, `var(--lightningcss-light,A)var(--lightningcss-dark,B)`, of which
 * `.ht-theme-main` always picks A: each pair is replaced by its light colour.
 */
export const prunedThemeCss = (): string =>
  lightOnly(prunedHandsontableCss('ht-theme-main-no-icons.min.css', UNUSED_THEME));

/** `var(--lightningcss-light,A)var(--lightningcss-dark,B)` → `A`, and the two switches dropped. */
export function lightOnly(css: string): string {
  const root = postcss.parse(css);
  root.walkDecls((decl) => {
    if (/^--lightningcss-(light|dark)$/.test(decl.prop)) decl.remove();
    else if (decl.value.includes('--lightningcss-')) decl.value = pickLight(decl.value);
  });
  return root.toString();
}

/** The argument that ends where its bracket closes, starting at `from`. */
function argumentAt(text: string, from: number): { value: string; end: number } {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth-- === 0) return { value: text.slice(from, i), end: i + 1 };
  }
  throw new Error(`Unbalanced brackets in Handsontable's theme: ${text}`);
}

function pickLight(value: string): string {
  const LIGHT = 'var(--lightningcss-light,';
  const DARK = 'var(--lightningcss-dark,';
  let out = '';
  let at = 0;
  for (let i = value.indexOf(LIGHT); i >= 0; i = value.indexOf(LIGHT, at)) {
    const light = argumentAt(value, i + LIGHT.length);
    const rest = value.slice(light.end).trimStart();
    if (!rest.startsWith(DARK))
      throw new Error(`A light colour without its dark pair in Handsontable's theme: ${value}`);
    const dark = argumentAt(rest, DARK.length);
    out += value.slice(at, i) + light.value;
    at = value.length - rest.length + dark.end;
  }
  return out + value.slice(at);
}

/**
 * Serves the pruned core CSS as Handsontable's own string module, which the grids' styles are
 * aliased to, and the pruned theme stylesheet in place of the file (vite then inlines it).
 */
export function handsontableCss(): Plugin {
  let code: string | undefined;
  let theme: string | undefined;
  return {
    name: 'rp-handsontable-css',
    enforce: 'pre',
    load(id: string) {
      const path = id.split('?')[0] ?? id;
      if (THEME.test(path)) return (theme ??= prunedThemeCss());
      if (!MODULE.test(path)) return null;
      code ??= `export default ${JSON.stringify(prunedHandsontableCss())};`;
      return code;
    },
  };
}

/*
 * Handsontable's core imports its JS theme engine (the builder, the manager and the main, classic
 * and horizon themes' tokens, colours and icons) for grids given a theme object or no theme. Ours
 * are given the main theme's class name (components/grid/handsontable.ts), with its stylesheet, so
 * that code never runs; the library build ships these stand-ins instead (first load −10 KB gzip of
 * script, −5 KB with the theme's stylesheet).
 * Each throws if it is ever reached, so a grid built another way fails loudly instead of unstyled.
 */
const ENGINE: Record<string, string> = {
  'themes/engine/builder.mjs':
    'export function createTheme() { unused(); }\nexport class ThemeBuilder { constructor() { unused(); } }',
  'themes/engine/manager.mjs':
    'export function createThemeManager() { unused(); }\nexport class ThemeManager { constructor() { unused(); } }\nexport const isThemeOverrideEmpty = (value) => value === undefined || value === null;',
  'themes/theme/main.mjs': 'export const mainTheme = {};',
  'themes/theme/classic.mjs': 'export const classicTheme = {};',
  'themes/theme/horizon.mjs': 'export const horizonTheme = {};',
};
const UNUSED_FN =
  'function unused() { throw new Error("regioplan ships Handsontable without its theme engine: give the grid the main theme\'s class name (components/grid/handsontable.ts)."); }';

/** The library build's stand-ins for Handsontable's theme engine (see ENGINE). */
export function handsontableWithoutThemeEngine(): Plugin {
  return {
    name: 'rp-handsontable-no-theme-engine',
    enforce: 'pre',
    apply: 'build',
    load(id: string) {
      const path = (id.split('?')[0] ?? id).replace(/\\/g, '/');
      const at = path.lastIndexOf('/handsontable/');
      const stub = at >= 0 ? ENGINE[path.slice(at + '/handsontable/'.length)] : undefined;
      return stub === undefined ? null : `${stub}\n${UNUSED_FN}`;
    },
  };
}
