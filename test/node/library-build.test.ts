import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/*
 * What a web team gets from `npm run build`: dist/regioplan.js that registers every element, type
 * declarations their TypeScript accepts, custom-elements.json, and docs/API.md in step with the
 * elements' JSDoc. The first load must stay free of what only editing, workshops or exports need.
 */

let apiBefore = '';

before(() => {
  apiBefore = readFileSync('docs/API.md', 'utf8');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `npm run build failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
});

/** Every tag registered with @customElement in components/. */
function registeredTags(): string[] {
  const tags: string[] = [];
  for (const file of readdirSync('components', { recursive: true }).map(String)) {
    if (!file.endsWith('.ts')) continue;
    for (const m of readFileSync(join('components', file), 'utf8').matchAll(/@customElement\('([a-z-]+)'\)/g))
      tags.push(m[1]!);
  }
  return tags.sort();
}

test('the manifest describes every element, with a description', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { declarations?: { tagName?: string; description?: string }[] }[];
  };
  const declared = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  assert.deepEqual(declared.map((d) => d.tagName).sort(), registeredTags());
  for (const d of declared) assert.ok((d.description ?? '').length > 40, `${d.tagName} has no description`);
});

test('docs/API.md as committed is what the elements’ JSDoc generates', () => {
  assert.equal(
    readFileSync('docs/API.md', 'utf8'),
    apiBefore,
    'docs/API.md was stale: `npm run build` regenerated it; commit it',
  );
});

/**
 * The chunks a page loads before `entry` works: the entry and what it imports statically; with
 * `later`, also every chunk it can load afterwards (by import()).
 */
function firstLoad(entry: string, later = false): Set<string> {
  const eager = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (eager.has(file)) continue;
    eager.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g))
      queue.push(resolve(dirname(file), m[1]!));
    if (later)
      for (const m of code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g))
        queue.push(resolve(dirname(file), m[1]!));
  }
  return eager;
}

/** The source files the chunks were built from (from their source maps). */
const sourcesOf = (files: Iterable<string>): string[] =>
  [...files].flatMap((file) =>
    existsSync(`${file}.map`) ? ((JSON.parse(readFileSync(`${file}.map`, 'utf8')).sources ?? []) as string[]) : [],
  );

/** The tags of the elements `regioplan` exports (components/index.ts): a host may place any of them. */
function exportedTags(): string[] {
  const index = readFileSync('components/index.ts', 'utf8');
  const files = [...index.matchAll(/from '\.\/([\w/-]+\.ts)'/g)].map((m) => join('components', m[1]!));
  return files.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/@customElement\('([a-z-]+)'\)/g)].map((m) => m[1]!),
  );
}

const tagIn = (source: string, tag: string) => [`"${tag}"`, `'${tag}'`, `\`${tag}\``].some((q) => source.includes(q));

test('the bundle registers every element and loads Yjs, zod classic and the export libraries only on demand', () => {
  const eager = firstLoad('dist/regioplan.js');
  const firstSource = [...eager].map((f) => readFileSync(f, 'utf8')).join('\n');
  const allSource = readdirSync('dist', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join('dist', f), 'utf8'))
    .join('\n');
  // Every element is in the package; those a host places are registered by the first load, the
  // planner's own views (e.g. its compare view) may load when they are first shown.
  for (const tag of registeredTags()) assert.ok(tagIn(allSource, tag), `${tag} is not in the bundle`);
  const exported = exportedTags();
  assert.ok(exported.includes('rp-planner') && exported.length >= 10, `exported: ${exported.join(', ')}`);
  for (const tag of exported) assert.ok(tagIn(firstSource, tag), `${tag} is not registered by the first load`);
  const packages = new Set<string>();
  for (const s of sourcesOf(eager)) {
    const m = s.match(/node_modules\/((?:@[^/]+\/)?[^/]+)(\/v4\/classic)?/);
    if (m) packages.add(m[1]! + (m[2] ?? ''));
  }
  assert.ok(packages.has('handsontable') && packages.has('lit-html'), `eager packages: ${[...packages].join(', ')}`);
  for (const lazy of ['yjs', 'lib0', 'exceljs', 'docx', 'jszip', '@hocuspocus/provider', 'zod/v4/classic']) {
    assert.ok(!packages.has(lazy), `${lazy} is in the first load`);
  }
});

test('the grids ship Handsontable’s CSS theme, not its JS theme engine and token tables', () => {
  const sources = sourcesOf(firstLoad('dist/regioplan.js'));
  assert.ok(
    sources.some((s) => s.includes('node_modules/handsontable/core.mjs')),
    'Handsontable is not in the first load',
  );
  const engine = sources.filter((s) => /handsontable\/themes\/(static\/|engine\/utils\/)/.test(s));
  assert.deepEqual(engine, [], 'the theme engine’s tokens and helpers are bundled');
  // Its stand-ins say what to do should anything reach them.
  assert.match(
    [...firstLoad('dist/regioplan.js')].map((f) => readFileSync(f, 'utf8')).join('\n'),
    /without its theme engine/,
  );
});

test('regioplan/core loads none of the elements, not even on export (it runs in Node and in workers)', () => {
  const sources = sourcesOf(firstLoad('dist/core.js', true));
  assert.ok(
    sources.some((s) => s.includes('src/export/run.ts')),
    'the exporters are among what the core loads',
  );
  assert.ok(
    sources.some((s) => s.includes('src/engine/')),
    `core sources: ${sources.length}`,
  );
  const dom = sources.filter((s) =>
    /\/components\/|node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+|handsontable)\//.test(s),
  );
  assert.deepEqual(dom, [], 'regioplan/core imports element code');
});

test('a TypeScript host type-checks against the published declarations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-consumer-'));
  try {
    const types = resolve('dist/regioplan.js');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          strict: true,
          noEmit: true,
          lib: ['es2022', 'dom', 'dom.iterable'],
          types: [],
        },
        files: ['host.ts'],
      }),
    );
    writeFileSync(
      join(dir, 'host.ts'),
      `
      import { allocate, createPlanState, type Plan } from ${JSON.stringify(types)};
      const planner = document.createElement('rp-planner');
      planner.locale = 'en';
      planner.readonly = true;
      declare const plan: Plan;
      planner.plan = plan;
      const state = createPlanState(plan);
      state.apply([{ op: 'set-field', field: 'name', value: 'Regioplan' }]);
      const total: string = allocate(plan).annualTotal.toFixed(2);
      // @ts-expect-error: the element's locale is 'nl' or 'en'
      planner.locale = 'de';
      export { total };
    `,
    );
    const r = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', dir], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
