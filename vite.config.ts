import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { handsontableCss, handsontableWithoutThemeEngine } from './scripts/handsontable-css.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

type ModuleInfo = { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] };
type ChunkContext = { getModuleInfo(id: string): ModuleInfo | null };
const closures = new Map<string, Set<string>>();
/** Every module `entry` imports statically (and, with `lazy`, also by import()), directly or not. */
function closure(entry: string, ctx: ChunkContext, lazy = false): Set<string> {
  const key = `${entry}:${lazy}`;
  let out = closures.get(key);
  if (out) return out;
  out = new Set<string>();
  const todo = [here(entry)];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    const info = ctx.getModuleInfo(id);
    todo.push(...(info?.importedIds ?? []), ...(lazy ? (info?.dynamicallyImportedIds ?? []) : []));
  }
  closures.set(key, out);
  return out;
}

/*
 * The first load in two chunks instead of a dozen small ones (each compresses on its own, so
 * fewer, larger chunks are smaller: −5 KB gzip): what `regioplan/core` imports statically, with
 * what the elements share with the core's lazily loaded parts (an export's texts), which both
 * entries load; and the elements' own code, which only `regioplan` loads, so the core never loads
 * element code (it runs in Node). Lazily loaded modules keep their own chunks.
 */
const core = (id: string, ctx: ChunkContext) => closure('./src/index.ts', ctx).has(id);
const elements = (id: string, ctx: ChunkContext) => closure('./entry/regioplan.ts', ctx).has(id);
const coreLater = (id: string, ctx: ChunkContext) => closure('./src/index.ts', ctx, true).has(id);
const firstLoadChunks = [
  {
    debugName: 'core-shared',
    name: (id: string, ctx: ChunkContext) =>
      core(id, ctx) || (elements(id, ctx) && coreLater(id, ctx)) ? 'core-shared' : null,
  },
  { debugName: 'elements', name: (id: string, ctx: ChunkContext) => (elements(id, ctx) ? 'elements' : null) },
];

/*
 * One config for the library build, `npm start` (the demo pages) and the test runner.
 * The library: dist/regioplan.js registers every element; exceljs and docx stay in chunks that
 * load only when the user exports, Yjs in chunks that load with the first edit (dynamic import());
 * type declarations and custom-elements.json come from scripts/build.mjs (tsc and cem, which vite
 * does not run).
 */
export default defineConfig({
  root: '.',
  // Handsontable's core CSS and main theme without the rules of plugins the grids never register
  // (first load −8 KB gzip); the library build without its JS theme engine, which the CSS theme
  // replaces (−5 KB gzip, the theme's stylesheet included).
  plugins: [
    handsontableCss(),
    handsontableWithoutThemeEngine(),
    // The module graph of each build is walked afresh.
    { name: 'rp-first-load-chunks', buildStart: () => closures.clear() },
  ],
  server: { host: '127.0.0.1' },
  resolve: {
    alias: [
      // Handsontable ships its core CSS twice: as the .css we adopt into shadow roots and as the
      // string module its own style handler imports. Point ours at theirs so it is bundled once.
      {
        find: /^handsontable\/styles\/handsontable\.min\.css\?inline$/,
        replacement: here('./node_modules/handsontable/styles/handsontableStyles.mjs'),
      },
      // The Vue embedding example compiles a template string at runtime: that needs the full build.
      { find: /^vue$/, replacement: here('./node_modules/vue/dist/vue.esm-bundler.js') },
    ],
  },
  define: {
    // Feature flags the Vue esm-bundler build expects to be defined (only the Vue demo uses Vue).
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  // The worker that reads earlier plans off the page (src/negotiation/plan-at-worker.ts): minified
  // as the chunks are, and found beside the chunk that starts it wherever the site puts dist/.
  worker: { rolldownOptions: { output: { minify: true, comments: { annotation: false } } } },
  experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined) },
  build: {
    // `regioplan` registers the elements; `regioplan/core` is the DOM-free core (Node, workers).
    lib: {
      entry: { regioplan: 'entry/regioplan.ts', core: 'src/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    outDir: 'dist',
    sourcemap: true,
    // Terser compresses the first load better than the default minifier (−2.1 KB gzip, a few seconds
    // more per build); rolldown's minifier then still runs over its output (below).
    minify: 'terser',
    terserOptions: {
      ecma: 2020,
      module: true,
      compress: { passes: 2 },
      format: { comments: false },
    },
    target: 'es2022',
    rollupOptions: {
      output: {
        // Readable names for the lazily loaded export chunks, so the size report can tell them apart.
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: { groups: firstLoadChunks },
        // Lib mode keeps whitespace in ES output (for bundlers' pure annotations); regioplan's files
        // are also served as they are (a script tag, a CDN), so minify them fully.
        minify: true,
        // Nor do they keep the bundlers' pure annotations (−0.5 KB gzip): the entry registers every
        // element, so a site's bundler keeps nearly all of it anyway (its build grows by 0.2 KB).
        comments: { annotation: false },
      },
    },
  },
});
