// `npm run bench [-- filter…]`: every bench/node/*.bench.ts under Node (tsx), then every
// bench/browser/*.bench.ts in headless Debian Chromium, compiled by vite as the build compiles it.
// A bench prints its own figures (console.log); this script prints a header per bench and
// forwards the output. Filters (substrings of the path) pick benches; exit code 1 if one failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNodeModules, ensureDebian, CHROMIUM } from './ensure.mjs';

ensureNodeModules();

const filters = process.argv.slice(2);
const list = (dir) =>
  (existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.bench.ts'))
        .sort()
        .map((f) => join(dir, f))
    : []
  ).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const nodeBenches = list('bench/node');
const browserBenches = list('bench/browser');
const failed = [];
const header = (file, where) => console.log(`\n=== ${file} (${where}) ${'='.repeat(Math.max(0, 60 - file.length))}`);

for (const file of nodeBenches) {
  header(file, 'node');
  const r = spawnSync('node', ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(file);
}

if (browserBenches.length > 0) {
  ensureDebian([CHROMIUM]);
  await runBrowserBenches(browserBenches);
}

if (nodeBenches.length + browserBenches.length === 0) console.log('No benchmarks match.');
if (failed.length > 0) console.log(`\nFailed: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);

async function runBrowserBenches(files) {
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright');
  const { chromiumFlags } = await import('../web-test-runner.config.mjs');

  // Each bench runs in a page of its own; the page imports the module and reports when it settled.
  const pagePlugin = {
    name: 'rp-bench-page',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname !== '/__bench') return next();
        const module = JSON.stringify(`/${url.searchParams.get('file') ?? ''}`);
        res.setHeader('content-type', 'text/html');
        res.end(`<!doctype html><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"><script type="module">
          import(${module}).then(async (m) => { if (typeof m.default === 'function') await m.default(); window.__benchDone = 'ok'; })
            .catch((e) => { console.error(String(e && e.stack || e)); window.__benchDone = 'failed'; });
        </script>`);
      });
    },
  };
  const server = await createServer({
    configFile: './vite.config.ts',
    // Own dependency cache: other vite processes (tests, dev servers) must not re-optimize under us.
    cacheDir: 'node_modules/.vite-bench',
    server: { host: '127.0.0.1', port: 0, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'warn',
    plugins: [pagePlugin],
    optimizeDeps: { entries: files },
  });
  await server.listen();
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  try {
    for (const file of files) {
      header(file, 'chromium');
      const ok = await runPage(browser, `${base}/__bench?file=${encodeURIComponent(file)}`);
      if (!ok) failed.push(file);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runPage(browser, url, retry = true) {
  const page = await browser.newPage();
  const lines = [];
  page.on('console', (msg) => {
    lines.push(msg.text());
    console.log(msg.text());
  });
  page.on('pageerror', (err) => console.log(`page error: ${err.message}`));
  try {
    await page.goto(url);
    const result = await page.waitForFunction(() => window.__benchDone, null, { timeout: 15 * 60_000, polling: 200 });
    const status = await result.jsonValue();
    // vite may find a dependency late and re-optimize, which fails the first import: once more.
    if (status === 'failed' && retry && lines.some((l) => l.includes('dynamically imported module'))) {
      await page.close();
      console.log('(dependencies were re-optimized; running again)');
      return runPage(browser, url, false);
    }
    return status === 'ok';
  } catch (e) {
    console.log(`bench did not finish: ${e.message}`);
    return false;
  } finally {
    if (!page.isClosed()) await page.close();
  }
}
