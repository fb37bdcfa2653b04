// Browser tests run in Debian's Chromium, compiled by vite exactly as the build compiles them.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { createServer } from 'vite';
import { createHash } from 'node:crypto';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { collabServerPlugin } from './test/sync/collab/collab-server-plugin.mjs';

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const files = process.env.RP_TEST_FILES ? process.env.RP_TEST_FILES.split(',') : ['test/**/*.test.ts', '!test/node/**'];

let vitePromise; // one vite server, even when the first requests arrive together
/** Hands every module request to vite; WTR keeps its own runner pages and websocket. */
function viteMiddleware() {
  return async (ctx, next) => {
    if (ctx.path.startsWith('/__web-dev-server') || ctx.path.startsWith('/__wtr')) return next();
    if (ctx.path === '/' || ctx.path.endsWith('.html')) return next();
    vitePromise ??= createServer({
      configFile: './vite.config.ts',
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom',
      // One dep-optimizer cache per set of test files, so parallel runs never clobber each other's.
      cacheDir: `node_modules/.vite-wtr/${createHash('sha1').update(files.join(',')).digest('hex').slice(0, 10)}`,
      logLevel: process.env.RP_VITE_LOG ?? 'warn',
      plugins: [
        {
          name: 'wtr-runtime',
          resolveId: (id) => (id.startsWith('/__web-dev-server') ? { id, external: true } : null),
        },
      ],
      optimizeDeps: {
        entries: files.filter((f) => !f.startsWith('!')),
        exclude: ['@web/test-runner-commands'],
        // Pre-bundle what the scan can miss, so no re-optimisation (504, "Failed to fetch
        // dynamically imported module") happens in the middle of a run.
        include: [
          'chai',
          'fast-check',
          'decimal.js',
          'zod/mini',
          'lit',
          'lit/decorators.js',
          'idb',
          'yjs',
          'jszip',
          'exceljs',
          'docx',
          'axe-core',
          '@hocuspocus/provider',
        ],
      },
    });
    const vite = await vitePromise;
    const handled = await new Promise((resolve) => {
      ctx.res.once('finish', () => resolve(true));
      vite.middlewares(ctx.req, ctx.res, () => resolve(false));
    });
    if (handled) ctx.respond = false;
    else await next();
  };
}

export default {
  files,
  nodeResolve: false,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  browserStartTimeout: 60000,
  middleware: [viteMiddleware()],
  // Starts the collaboration server on a free loopback port for the browser collaboration tests.
  plugins: [collabServerPlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumFlags },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
