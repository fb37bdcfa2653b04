/*
 * How heavy is regioplan for a page that embeds it? Builds the library afresh (into a scratch
 * folder, so dist/ is left alone), follows the static imports from the entry to find every chunk
 * the browser loads before the elements work, minifies each for real (vite's ES library output
 * keeps whitespace) and gzips it. Peer: Handsontable's own prebuilt dist/handsontable.min.js —
 * the goal is the whole element, lit and grid included, smaller than that file alone.
 * The lazily loaded export chunks (exceljs, docx) are reported apart: they load on export only.
 */
import { build } from 'vite';
import { transform } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';

const OUT = 'node_modules/.cache/rp-bundle-size';
const PEER = 'node_modules/handsontable/dist/handsontable.min.js';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gzip = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;

async function minifiedGzip(file: string): Promise<{ raw: number; min: number }> {
  const code = readFileSync(file, 'utf8');
  const out = await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
  return { raw: gzip(code), min: gzip(out.code) };
}

/** Static and dynamic relative imports of an emitted chunk. */
function importsOf(file: string): { eager: string[]; lazy: string[] } {
  const code = readFileSync(file, 'utf8');
  const resolve = (spec: string) => join(dirname(file), spec);
  const eager = [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(m[1]!));
  const lazy = [...code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolve(m[1]!));
  return { eager, lazy };
}

/** Which node_modules packages a chunk carries, from its source map. */
function packagesIn(file: string): Set<string> {
  const map = `${file}.map`;
  if (!existsSync(map)) return new Set();
  const sources: string[] = JSON.parse(readFileSync(map, 'utf8')).sources ?? [];
  return new Set(sources.map((s) => s.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1]).filter((p): p is string => !!p));
}

rmSync(OUT, { recursive: true, force: true });
await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, sourcemap: true } });

const entry = join(OUT, 'regioplan.js');
const eager = new Set<string>();
const queue = [entry];
while (queue.length > 0) {
  const file = queue.pop()!;
  if (eager.has(file)) continue;
  eager.add(file);
  queue.push(...importsOf(file).eager);
}
const allChunks = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((d) => (d.isDirectory() ? allChunks(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : []));
const lazy = allChunks(OUT).filter((f) => !eager.has(f));

let eagerRaw = 0;
let eagerMin = 0;
console.log('Loaded with the elements (minified with esbuild, gzip -9):');
for (const file of eager) {
  const { raw, min } = await minifiedGzip(file);
  eagerRaw += raw;
  eagerMin += min;
  console.log(`  ${relative(OUT, file).padEnd(40)} ${kb(min).padStart(10)}   (vite output as emitted: ${kb(raw)})`);
}
console.log('Loaded later, by dynamic import() (exports; collaboration when a collab-url is set):');
let lazyMin = 0;
for (const file of lazy) {
  const { min } = await minifiedGzip(file);
  lazyMin += min;
  console.log(`  ${relative(OUT, file).padEnd(40)} ${kb(min).padStart(10)}`);
}

const heavy = ['exceljs', 'docx', 'jszip'];
for (const file of eager) {
  const found = [...packagesIn(file)].filter((p) => heavy.includes(p));
  if (found.length > 0) console.log(`WARNING: ${found.join(', ')} in eagerly loaded ${relative(OUT, file)} — an export module is imported statically`);
}

const peer = gzip(readFileSync(PEER));
const ratio = eagerMin / peer;
console.log('');
console.log(`element bundle (all eager chunks)   ${kb(eagerMin)} gzip   (as emitted by vite: ${kb(eagerRaw)})`);
console.log(`lazy chunks (export, collaboration) ${kb(lazyMin)} gzip`);
console.log(`peer: handsontable.min.js            ${kb(peer)} gzip`);
console.log(`ratio element / peer                 ${ratio.toFixed(3)}`);
console.log(`goal (whole element smaller than handsontable.min.js alone): ${ratio < 1 ? 'met' : `NOT met, ${kb(eagerMin - peer)} over`}`);
rmSync(OUT, { recursive: true, force: true });
