import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { handsontableCss } from './scripts/handsontable-css.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/*
 * One config for the library build, `npm start` (the demo pages) and the test runner.
 * The library: dist/regioplan.js registers every element; exceljs and docx stay in chunks that
 * load only when the user exports, Yjs in chunks that load with the first edit (dynamic import());
 * type declarations and custom-elements.json come from scripts/build.mjs (tsc and cem, which vite
 * does not run).
 */
export default defineConfig({
  root: '.',
  // Handsontable's core CSS without the rules of plugins the grids never register (first load −6 KB gzip).
  plugins: [handsontableCss()],
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
  build: {
    // `regioplan` registers the elements; `regioplan/core` is the DOM-free core (Node, workers).
    lib: {
      entry: { regioplan: 'entry/regioplan.ts', core: 'src/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    outDir: 'dist',
    sourcemap: true,
    minify: true,
    target: 'es2022',
    rollupOptions: {
      output: {
        // Readable names for the lazily loaded export chunks, so the size report can tell them apart.
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Lib mode keeps whitespace in ES output (for bundlers' pure annotations); regioplan's files
        // are also served as they are (a script tag, a CDN), so minify them fully.
        minify: true,
      },
    },
  },
});
