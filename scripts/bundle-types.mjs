// One declaration file per package entry (dist/regioplan.d.ts, dist/core.d.ts), bundled from tsc's
// per-file output by rollup-plugin-dts. Only what the entries export is kept, so a host's
// TypeScript never meets the types of what dist/ bundles inside (Handsontable, Yjs, idb), and the
// files resolve alike under moduleResolution bundler, node16 and nodenext. The types the API names
// from lit, decimal.js and zod are inlined too (respectExternal), so the package needs no
// dependency installed at all: everything it runs is in dist/.
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const bundle = await rollup({
  input: { regioplan: 'dist/types/entry/regioplan.d.ts', core: 'dist/types/src/index.d.ts' },
  plugins: [dts({ respectExternal: true, compilerOptions: { allowImportingTsExtensions: true } })],
  onwarn(warning) {
    // zod's schema internals stay unexported (a host names `Plan`, not `ZodMiniObject`); any
    // other type an entry names but does not export would make a host's declarations unportable.
    const zodOnly =
      /private shared type exports/.test(warning.message) &&
      (warning.message.match(/re-export: (.*?)\. /)?.[1] ?? '')
        .split(', ')
        .every((n) => /^(\$strip|Zod\w+|output|input)$/.test(n));
    if (zodOnly) return;
    throw new Error(warning.message);
  },
});
await bundle.write({
  dir: 'dist',
  format: 'es',
  entryFileNames: '[name].d.ts',
  chunkFileNames: 'chunks/[name]-[hash].d.ts',
});
await bundle.close();
