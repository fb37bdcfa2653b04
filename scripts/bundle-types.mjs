// One declaration file per package entry (dist/regioplan.d.ts, dist/core.d.ts), bundled from tsc's
// per-file output by rollup-plugin-dts. Only what the entries export is kept, so a host's
// TypeScript never meets the types of what dist/ bundles inside (Handsontable, Yjs, idb), and the
// files resolve alike under moduleResolution bundler, node16 and nodenext.
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const bundle = await rollup({
  input: { regioplan: 'dist/types/entry/regioplan.d.ts', core: 'dist/types/src/index.d.ts' },
  plugins: [dts({ compilerOptions: { allowImportingTsExtensions: true } })],
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  onwarn(warning) {
    // A type an entry names but does not export would make a host's declarations unportable.
    throw new Error(warning.message);
  },
});
await bundle.write({ dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' });
await bundle.close();
