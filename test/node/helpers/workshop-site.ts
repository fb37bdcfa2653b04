import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { createServer as createVite, type Plugin } from 'vite';
import type { TokenTable } from '../../../server/auth.ts';
import { freePort, startServer, type TestServer } from '../collab/helpers.ts';

const { chromiumFlags } = (await import(String('../../../web-test-runner.config.mjs'))) as { chromiumFlags: string[] };

/*
 * A workshop tried as people would: a real collaboration server, a vite dev server with a small page
 * that embeds <rp-planner> (joined to the workshop when ?collab=…&token=…&name=… are given), and
 * browsers that each have a profile of their own (separate IndexedDB).
 */

export const WORKSHOP_PAGE = '/__workshop-test.html';
const PAGE = WORKSHOP_PAGE;
const html = `<!doctype html>
<html lang="nl">
  <head><meta charset="utf-8" /><title>Werksessie</title></head>
  <body>
    <script type="module">
      import '/entry/regioplan.ts';
      const q = new URLSearchParams(location.search);
      const planner = document.createElement('rp-planner');
      planner.setAttribute('locale', 'nl');
      planner.setAttribute('license-key', 'non-commercial-and-evaluation');
      if (q.get('collab')) {
        planner.setAttribute('collab-url', q.get('collab'));
        planner.setAttribute('collab-token', q.get('token'));
        planner.setAttribute('user-name', q.get('name'));
      }
      document.body.append(planner);
      planner.plan = await (await fetch('/demo/plans/handbook.json')).json();
    </script>
  </body>
</html>`;

/** Serves the small page that embeds the planner. */
const pagePlugin = (): Plugin => ({
  name: 'workshop-test-page',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (!req.url?.startsWith(PAGE)) return next();
      void server.transformIndexHtml(PAGE, html).then((out) => {
        res.setHeader('Content-Type', 'text/html');
        res.end(out);
      });
    });
  },
});

export interface WorkshopSite {
  collab: TestServer;
  /** The page's address, e.g. http://127.0.0.1:5xxx/__workshop-test.html */
  page: string;
  /** The site's origin. */
  site: string;
  /** A browser with a profile of its own. */
  browser(name: string): Promise<Page>;
  /** Opens the page on `page` joined to the workshop as `name` with `token`, once connected. */
  join(page: Page, name: string, token: string): Promise<Page>;
  close(): Promise<void>;
}

/** Polls `read` until `ok` holds (what a person waits for in the other browser). */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `tokens`: the collab server's token table (default: the collab tests' tokens). */
export async function startWorkshopSite(options: { tokens?: TokenTable } = {}): Promise<WorkshopSite> {
  const collab = await startServer(options.tokens ? { tokens: options.tokens } : {});
  const port = await freePort();
  const vite = await createVite({
    configFile: resolve('vite.config.ts'),
    root: resolve('.'),
    logLevel: 'error',
    server: { port, strictPort: true, host: '127.0.0.1', hmr: false },
    plugins: [pagePlugin()],
  });
  await vite.listen();
  const site = `http://127.0.0.1:${port}`;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    collab,
    site,
    page: `${site}${PAGE}`,
    async browser(name) {
      const profile = mkdtempSync(join(tmpdir(), `rp-profile-${name}-`));
      profiles.push(profile);
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        args: chromiumFlags,
        viewport: { width: 1440, height: 900 },
      });
      contexts.push(context);
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(60_000);
      return page;
    },
    async join(page, name, token) {
      const q = new URLSearchParams({ collab: collab.url, token, name });
      await page.goto(`${site}${PAGE}?${q}`);
      await page.locator('rp-planner .workshop .pill.connected').waitFor({ timeout: 120_000 });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await vite.close();
      await collab.close();
      for (const p of profiles) rmSync(p, { recursive: true, force: true });
    },
  };
}
