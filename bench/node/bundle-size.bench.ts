/*
 * How heavy is regioplan for a page that embeds it? Builds the library afresh (into a scratch
 * folder, so dist/ is left alone), follows the static imports from the entry to find every chunk
 * the browser loads before the elements work, minifies each for real (vite's ES library output
 * keeps whitespace) and gzips it. Peer: Handsontable's own prebuilt dist/handsontable.min.js —
 * the goal is the whole element, lit and grid included, smaller than that file alone.
 * What loads later, by dynamic import(), is reported apart, by what makes it load: the first edit
 * (Yjs: the live state, undo, the stored update log, tabs; also a scenario with a stored log to
 * replay, or a workshop), a collab-url (the collaboration client), an export (exceljs, docx), the
 * first showing of a panel whose templates load on first use (flow, sign-off, comments, export menu,
 * history, comparison).
 */
import { build } from 'vite';
import { transform } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';

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
  const at = (spec: string) => join(dirname(file), spec);
  const eager = [
    ...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g),
  ].map((m) => at(m[1]!));
  const lazy = [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => at(m[1]!));
  return { eager, lazy };
}

/** The source files a chunk was built from (absolute paths), from its source map. */
function sourcesOf(file: string): string[] {
  const map = `${file}.map`;
  if (!existsSync(map)) return [];
  const sources: string[] = JSON.parse(readFileSync(map, 'utf8')).sources ?? [];
  return sources.map((s) => resolve(dirname(map), s));
}

/** Which node_modules packages a chunk carries. */
function packagesIn(file: string): Set<string> {
  return new Set(
    sourcesOf(file)
      .map((s) => s.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1])
      .filter((p): p is string => !!p),
  );
}

rmSync(OUT, { recursive: true, force: true });
await build({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  build: { outDir: OUT, emptyOutDir: true, sourcemap: true },
});

const entry = join(OUT, 'regioplan.js');
const eager = new Set<string>();
const queue = [entry];
while (queue.length > 0) {
  const file = queue.pop()!;
  if (eager.has(file)) continue;
  eager.add(file);
  queue.push(...importsOf(file).eager);
}
const allChunks = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allChunks(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : [],
  );
const lazy = allChunks(OUT).filter((f) => !eager.has(f));

/** A chunk loaded by import(), with what it imports (statically or not) that is not loaded already. */
function closure(root: string, loaded: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const todo = [root];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (out.has(file) || loaded.has(file)) continue;
    out.add(file);
    const { eager: imports, lazy: later } = importsOf(file);
    todo.push(...imports, ...later);
  }
  return out;
}

/*
 * What makes a dynamic import() happen, told by the source module it loads. Chunks shared by two
 * triggers (Yjs: the first edit and a workshop) count for the one listed first.
 */
const TRIGGERS = [
  {
    key: 'edit',
    label: 'on the first edit (Yjs: live state, undo, update log, tabs; also a stored log to replay)',
    module: /src\/(sync\/plan-state|store\/live)\.ts$/,
  },
  {
    key: 'collab',
    label: 'when a collab-url is set (collaboration client, after the first-edit chunks)',
    module: /src\/sync\/collab\//,
  },
  { key: 'export', label: 'on export (exceljs, docx)', module: /src\/export\// },
  {
    key: 'panels',
    label:
      'when a panel is first shown (flow diagram, sign-off, comments, export menu, history, comparison: their templates)',
    module: /components\/(flow|signoff|comments|export-menu|history|compare)\/[^/]+\.templates\.ts$/,
  },
] as const;
const roots = [...new Set([...eager, ...lazy].flatMap((f) => importsOf(f).lazy))];
const byTrigger = new Map<string, Set<string>>(TRIGGERS.map((t) => [t.key, new Set<string>()]));
const counted = new Set<string>(eager);
for (const trigger of TRIGGERS) {
  for (const root of roots) {
    if (!sourcesOf(root).some((s) => trigger.module.test(s))) continue;
    for (const file of closure(root, counted)) byTrigger.get(trigger.key)!.add(file);
  }
  for (const file of byTrigger.get(trigger.key)!) counted.add(file);
}
const other = lazy.filter((f) => !counted.has(f));

let eagerRaw = 0;
let eagerMin = 0;
console.log('Loaded with the elements (gzip -9 as shipped; in brackets re-minified by esbuild):');
for (const file of eager) {
  const { raw, min } = await minifiedGzip(file);
  eagerRaw += raw;
  eagerMin += min;
  console.log(`  ${relative(OUT, file).padEnd(40)} ${kb(raw).padStart(10)}   (${kb(min)})`);
}
console.log('Loaded later, by dynamic import():');
const lazyMin = new Map<string, number>();
const groups = [
  ...TRIGGERS.map((t) => ({ key: t.key as string, label: t.label, files: [...byTrigger.get(t.key)!] })),
  { key: 'other', label: 'otherwise', files: other },
];
for (const group of groups) {
  if (group.files.length === 0) continue;
  console.log(`  ${group.label}:`);
  let sum = 0;
  for (const file of group.files) {
    const { min } = await minifiedGzip(file);
    sum += min;
    console.log(`    ${relative(OUT, file).padEnd(38)} ${kb(min).padStart(10)}`);
  }
  lazyMin.set(group.key, sum);
}

/*
 * Where the first load's bytes come from: each eager chunk's minified characters are attributed to
 * the sources its source map names (a package, or a folder of src/ and components/), and its gzip
 * size is shared out in the same proportions. An estimate (gzip does not compress every part
 * alike), to show which parts are worth working on.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Decodes one line of a source map's VLQ mappings into [generated column, source index] pairs. */
function segmentsOf(line: string, state: { source: number }): [number, number][] {
  const out: [number, number][] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0]!;
    if (values.length > 1) state.source += values[1]!;
    out.push([column, values.length > 1 ? state.source : -1]);
  }
  return out;
}
/** A source's group: its package, or the first two folders of the project path. */
function groupOf(source: string): string {
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) return pkg;
  const local = relative(process.cwd(), source).match(/^((?:src|components|entry)\/[^/]+)/)?.[1];
  return local ?? relative(process.cwd(), source);
}
async function shares(files: Iterable<string>): Promise<Map<string, number>> {
  const bytes = new Map<string, number>();
  for (const file of files) {
    if (!existsSync(`${file}.map`)) continue;
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
    const lines = readFileSync(file, 'utf8').split('\n');
    const chars = new Map<string, number>();
    const state = { source: 0 };
    map.mappings.split(';').forEach((mapped, i) => {
      const text = lines[i] ?? '';
      const segments = segmentsOf(mapped, state);
      segments.forEach(([column, source], j) => {
        const end = segments[j + 1]?.[0] ?? text.length;
        const group = source >= 0 ? groupOf(resolve(dirname(file), map.sources[source] ?? '')) : 'unmapped';
        chars.set(group, (chars.get(group) ?? 0) + Math.max(0, end - column));
      });
    });
    const total = [...chars.values()].reduce((a, b) => a + b, 0);
    const gz = gzip(readFileSync(file));
    for (const [group, n] of chars) bytes.set(group, (bytes.get(group) ?? 0) + (gz * n) / Math.max(1, total));
  }
  return bytes;
}
console.log('First load by origin (gzip, shared out by minified characters; an estimate):');
const origins = [...(await shares(eager)).entries()].sort((a, b) => b[1] - a[1]);
for (const [group, n] of origins.slice(0, 24)) console.log(`  ${group.padEnd(40)} ${kb(n).padStart(10)}`);
const rest = origins.slice(24).reduce((a, [, n]) => a + n, 0);
if (rest > 0) console.log(`  ${'the rest'.padEnd(40)} ${kb(rest).padStart(10)}`);

const heavy = ['exceljs', 'docx', 'jszip'];
const crdt = ['yjs', 'lib0', '@hocuspocus/provider'];
for (const file of eager) {
  const found = [...packagesIn(file)];
  const exports = found.filter((p) => heavy.includes(p));
  if (exports.length > 0)
    console.log(
      `WARNING: ${exports.join(', ')} in eagerly loaded ${relative(OUT, file)} — an export module is imported statically`,
    );
  const live = found.filter((p) => crdt.includes(p));
  if (live.length > 0)
    console.log(
      `WARNING: ${live.join(', ')} in eagerly loaded ${relative(OUT, file)} — the live state (src/sync) is imported statically`,
    );
}

/*
 * What a site's bundler makes of the same entry: a page that imports dist/regioplan.js, built by
 * vite (its own minify), measured the same way. The shipped files (script tag, CDN) should be as
 * small, within 2 %.
 */
const SITE = 'node_modules/.cache/rp-bundle-site';
rmSync(SITE, { recursive: true, force: true });
mkdirSync(SITE, { recursive: true });
// Keeps every export (as the shipped entry does), so the two differ only in how they are minified.
writeFileSync(
  join(SITE, 'main.js'),
  `import * as rp from ${JSON.stringify(resolve(entry))};\nglobalThis.regioplan = rp;\n`,
);
writeFileSync(join(SITE, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
await build({
  root: SITE,
  configFile: false,
  logLevel: 'warn',
  build: { outDir: 'out', emptyOutDir: true, minify: true, target: 'es2022', modulePreload: false },
});
const siteOut = join(SITE, 'out', 'assets');
const siteEntry = readdirSync(siteOut).find((f) => /^index-.*\.js$/.test(f))!;
const siteEager = new Set<string>();
const siteQueue = [join(siteOut, siteEntry)];
while (siteQueue.length > 0) {
  const file = siteQueue.pop()!;
  if (siteEager.has(file)) continue;
  siteEager.add(file);
  siteQueue.push(...importsOf(file).eager);
}
let bundled = 0;
for (const file of siteEager) bundled += gzip(readFileSync(file));
rmSync(SITE, { recursive: true, force: true });

const peer = gzip(readFileSync(PEER));
// The shipped files are what a script tag or CDN serves: they are the figure, esbuild's re-minify a check.
const ratio = eagerRaw / peer;
console.log('');
const edit = lazyMin.get('edit') ?? 0;
console.log(
  `element bundle (all eager chunks)   ${kb(eagerRaw)} gzip as shipped in dist/ (what a script tag or CDN serves; re-minified by esbuild: ${kb(eagerMin)})`,
);
const shippedVsBundler = eagerRaw / bundled;
console.log(
  `a site's bundler (vite) of the same  ${kb(bundled)} gzip   shipped / bundler ${shippedVsBundler.toFixed(3)} (goal within 2 %: ${Math.abs(shippedVsBundler - 1) <= 0.02 ? 'met' : 'NOT met'})`,
);
console.log(
  `+ after the first edit (Yjs)        ${kb(edit)} gzip   (element and first edit together: ${kb(eagerRaw + edit)})`,
);
console.log(`+ with a collab-url (collaboration) ${kb(lazyMin.get('collab') ?? 0)} gzip`);
console.log(`+ on export (exceljs, docx)         ${kb(lazyMin.get('export') ?? 0)} gzip`);
console.log(`+ panels' templates on first show   ${kb(lazyMin.get('panels') ?? 0)} gzip`);
if (other.length > 0) console.log(`other lazy chunks                   ${kb(lazyMin.get('other') ?? 0)} gzip`);
console.log(`peer: handsontable.min.js            ${kb(peer)} gzip`);
console.log(`ratio element / peer                 ${ratio.toFixed(3)}`);
console.log(
  `goal (whole element smaller than handsontable.min.js alone): ${ratio < 1 ? 'met' : `NOT met, ${kb(eagerRaw - peer)} over`}`,
);
rmSync(OUT, { recursive: true, force: true });
