import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright';

/*
 * The package as a web developer gets it: `npm pack` (which builds first, through `prepack`), the
 * tarball installed into an empty Vite + TypeScript site, the site type-checked in every module
 * resolution mode (with the React and Vue declarations from docs/EMBEDDING.md), built, and opened in
 * Chromium. Also `regioplan/core` imported by package name in Node, without a DOM.
 */

const ROOT = resolve('.');
// The Chromium flags the browser tests use (the config is plain JS, so typed here).
const { chromiumFlags } = (await import(String('../../web-test-runner.config.mjs'))) as { chromiumFlags: string[] };
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
let work = '';
let site = '';
let tarball = '';

const sh = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r.stdout;
};

/** Bytes under a folder. */
function size(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += size(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'rp-package-'));
  // `npm pack` runs `prepack` (the full build): what is packed always matches the source.
  const out = sh('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  // The build's own output comes first; npm's JSON report is the last top-level array.
  const packed = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1));
  tarball = join(work, packed[0].filename);
  site = join(work, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
  sh('npm', ['install', '--prefer-offline', '--no-save', tarball], site);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the bundle, bundled types, theme, schema, plans, manifest, licence and notices, and no source maps', () => {
  const files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const f of [
    'dist/regioplan.js',
    'dist/core.js',
    'dist/regioplan.d.ts',
    'dist/core.d.ts',
    'dist/theme.css',
    'dist/plan.schema.json',
    'dist/plans/handbook.json',
    'dist/THIRD-PARTY-NOTICES.md',
    'custom-elements.json',
    'LICENSE',
    'README.md',
    'docs/API.md',
    'docs/EMBEDDING.md',
  ]) {
    assert.ok(files.includes(`package/${f}`), `${f} is not in the package`);
  }
  assert.deepEqual(
    files.filter((f) => f.endsWith('.map')),
    [],
    'source maps are shipped',
  );
  const notices = readFileSync(join(site, 'node_modules/regioplan/dist/THIRD-PARTY-NOTICES.md'), 'utf8');
  for (const lib of ['handsontable', 'lit-html', 'yjs', 'exceljs', 'docx', 'decimal.js', 'zod'])
    assert.match(notices, new RegExp(`## ${lib} `), `${lib} missing from the notices`);
  assert.match(notices, /non-commercial-and-evaluation/);
});

test('custom-elements.json names shipped modules and each event with its detail type', () => {
  const pkg = join(site, 'node_modules/regioplan');
  const manifest = JSON.parse(readFileSync(join(pkg, 'custom-elements.json'), 'utf8')) as {
    modules: {
      path: string;
      declarations?: { tagName?: string; events?: { name: string; type?: { text: string } }[] }[];
    }[];
  };
  for (const m of manifest.modules) assert.ok(existsSync(join(pkg, m.path)), `${m.path} is not in the package`);
  const refs = JSON.stringify(manifest).match(/"module":"[^"]+"/g) ?? [];
  for (const ref of new Set(refs))
    assert.ok(existsSync(join(pkg, JSON.parse(`{${ref}}`).module)), `${ref} is not in the package`);
  const events = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.events ?? []);
  assert.ok(events.length > 10);
  for (const e of events) assert.match(e.type?.text ?? '', /^CustomEvent<\w+>$/, `${e.name} has no detail type`);
  assert.ok(manifest.modules.flatMap((m) => m.declarations ?? []).some((d) => d.tagName === 'rp-planner'));
});

test('installing the tarball adds nothing but the package: the bundle carries what runs, the bundled types what they name', () => {
  const lock = JSON.parse(readFileSync(join(site, 'node_modules/.package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  const installed = Object.keys(lock.packages)
    .map((p) => p.replace(/^.*node_modules\//, ''))
    .sort();
  const bytes = size(join(site, 'node_modules'));
  console.log(
    `installed: ${installed.length} packages, ${(bytes / 1024 / 1024).toFixed(1)} MiB: ${installed.join(', ')}`,
  );
  assert.deepEqual(
    installed,
    ['regioplan'],
    'dist/ bundles every library the elements run; nothing is installed a second time',
  );
});

test('regioplan/core runs in Node by the package name: the handbook example allocated and its annex written', async () => {
  const script = join(site, 'core.mjs');
  writeFileSync(
    script,
    `
    import { allocate, formatMoney, exportScenario, upgradePlan } from 'regioplan/core';
    import { readFileSync } from 'node:fs';
    const plan = JSON.parse(readFileSync(new URL('./node_modules/regioplan/dist/plans/handbook.json', import.meta.url), 'utf8'));
    const a = allocate(plan);
    const domains = Object.fromEntries(a.byDomain.map((d) => [d.domainId, formatMoney(d.amount, 'nl')]));
    const file = await exportScenario('annex-docx', { plan, scenarioName: 'Basis', date: new Date('2025-01-15') });
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    console.log(JSON.stringify({ total: formatMoney(a.annualTotal, 'nl'), domains, name: file.fileName, zip: bytes[0] === 0x50 && bytes[1] === 0x4b, size: bytes.length, dom: typeof HTMLElement }));
  `,
  );
  const r = spawnSync(process.execPath, [script], { cwd: site, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
  assert.equal(out.dom, 'undefined');
  assert.equal(out.total, '€ 250.000,00');
  assert.deepEqual(Object.values(out.domains).sort(), ['€ 175.000,00', '€ 25.000,00', '€ 50.000,00']);
  assert.ok(out.zip && out.size > 5000 && out.name.endsWith('.docx'), JSON.stringify(out));
});

/** The fenced blocks of docs/EMBEDDING.md marked `<!-- typecheck: NAME -->` on the line before. */
function docBlocks(): Map<string, string> {
  const md = readFileSync('docs/EMBEDDING.md', 'utf8');
  const blocks = new Map<string, string>();
  for (const m of md.matchAll(/<!-- typecheck: ([\w.-]+) -->\n```\w*\n([\s\S]*?)\n```/g)) blocks.set(m[1]!, m[2]!);
  return blocks;
}

const HOST = `
import { RpPlanner, RpFlow, installTheme, themeCss, type Plan, type RpChangeDetail } from 'regioplan';
import { allocate, formatMoney, type Allocation } from 'regioplan/core';
installTheme();
const planner = document.querySelector('rp-planner');
if (planner instanceof RpPlanner && themeCss.length > 0) {
  planner.addEventListener('rp-change', (e) => { const d: RpChangeDetail = e.detail; console.log(d.plan.name, d.findings.length); });
  planner.addEventListener('rp-saved', (e) => console.log(e.detail));
  planner.addEventListener('rp-error', (e) => console.log(e.detail));
  planner.addEventListener('rp-store-error', (e) => console.log(e.detail));
  planner.addEventListener('rp-export', (e) => console.log(e.detail));
  const flow: RpFlow = document.createElement('rp-flow');
  flow.addEventListener('rp-flow-select', (e) => console.log(e.detail));
  const plan: Plan | null = planner.plan;
  if (plan) { const a: Allocation = allocate(plan); console.log(formatMoney(a.annualTotal, 'nl')); }
}
`;

for (const mode of ['bundler', 'node16', 'nodenext'] as const) {
  for (const skipLibCheck of [false, true]) {
    test(`a strict TypeScript host type-checks (moduleResolution ${mode}, skipLibCheck ${skipLibCheck}), with the React and Vue declarations of the docs`, () => {
      const dir = join(site, `tc-${mode}-${skipLibCheck}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      const blocks = docBlocks();
      assert.ok(
        blocks.has('react') && blocks.has('vue'),
        'docs/EMBEDDING.md lacks the marked React and Vue declarations',
      );
      writeFileSync(join(dir, 'host.ts'), HOST);
      writeFileSync(join(dir, 'react.tsx'), blocks.get('react')!);
      writeFileSync(join(dir, 'vue.ts'), blocks.get('vue')!);
      // React's and Vue's types come from the project's own node_modules, as a site would have them.
      for (const pkg of ['@types/react', 'vue', 'csstype']) {
        const link = join(site, 'node_modules', pkg);
        if (!existsSync(link)) {
          mkdirSync(join(link, '..'), { recursive: true });
          symlinkSync(join(ROOT, 'node_modules', pkg), link);
        }
      }
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'es2022',
            module: mode === 'bundler' ? 'esnext' : mode,
            moduleResolution: mode,
            strict: true,
            noEmit: true,
            skipLibCheck,
            jsx: 'react-jsx',
            lib: ['es2022', 'dom', 'dom.iterable'],
            types: [],
          },
          files: ['host.ts', 'react.tsx', 'vue.ts'],
        }),
      );
      const r = spawnSync(bin('tsc'), ['-p', dir], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout + r.stderr);
    });
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

test('the site builds with Vite and, in Chromium, the planner renders, an edit fires rp-change and the theme applies', async () => {
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Regioplan</title></head>
<body><main><rp-planner locale="nl" storage="none"></rp-planner></main><script type="module" src="/main.ts"></script></body></html>`,
  );
  writeFileSync(
    join(site, 'main.ts'),
    `
import 'regioplan/theme.css';
import { RpPlanner } from 'regioplan';
import type { Plan } from 'regioplan/core';
import handbook from 'regioplan/plans/handbook.json';
const planner = document.querySelector('rp-planner')!;
const w = window as unknown as { changes: string[]; ready: boolean; isPlanner: boolean };
w.changes = [];
planner.addEventListener('rp-change', (e) => w.changes.push(e.detail.plan.name));
planner.plan = handbook as Plan;
w.isPlanner = planner instanceof RpPlanner;
w.ready = true;
`,
  );
  writeFileSync(
    join(site, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        resolveJsonModule: true,
        lib: ['es2022', 'dom', 'dom.iterable'],
        types: [],
      },
      files: ['main.ts'],
    }),
  );
  const tc = spawnSync(bin('tsc'), ['-p', site], { encoding: 'utf8' });
  assert.equal(tc.status, 0, tc.stdout + tc.stderr);
  sh(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--configLoader', 'runner'],
    site,
  );

  const root = join(site, 'dist');
  const server: Server = createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = existsSync(path) && statSync(path).isFile() ? path : join(root, 'index.html');
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    assert.equal(await page.evaluate(() => (window as unknown as { isPlanner: boolean }).isPlanner), true);
    // Rendered: the split grid shows the handbook's domains.
    await page
      .locator('rp-split-grid')
      .getByText('Wmo 2015')
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 30000 });
    // An edit the user makes reaches the page's handler.
    const before = await page.evaluate(() => (window as unknown as { changes: string[] }).changes.length);
    const name = page.getByLabel('Naam van het plan');
    await name.fill('Ons regioplan');
    // The field commits when the user leaves it, as a person does with Tab.
    await name.press('Tab');
    await page.waitForFunction((n) => (window as unknown as { changes: string[] }).changes.length > n, before);
    const last = await page.evaluate(() => (window as unknown as { changes: string[] }).changes.at(-1));
    assert.equal(last, 'Ons regioplan');
    // The shipped theme's tokens apply (not the elements' built-in fallbacks).
    const accent = await page.evaluate(() =>
      getComputedStyle(document.querySelector('rp-planner')!).getPropertyValue('--rp-color-accent').trim(),
    );
    assert.equal(accent, '#0b5cad');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
