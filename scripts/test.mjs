// `npm test`: install what is missing, then run every browser test in Chromium and every Node test.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNodeModules, ensureDebian, CHROMIUM, REDIS, OFFICE } from './ensure.mjs';

ensureNodeModules();
// Chromium for browser tests, redis-server for the scale-out test, LibreOffice for the office check.
ensureDebian([CHROMIUM, REDIS, OFFICE]);

// Types are part of the contract between folders: a type error fails the run like a test.
console.log('[regioplan] typecheck (tsc --noEmit)…');
const tsc = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { stdio: 'inherit' });
// Style is part of the contract too: ESLint (typescript-eslint, lit and wc) and Prettier, as `npm run lint`.
console.log('[regioplan] lint (eslint, prettier --check)…');
const lint = spawnSync('npm', ['run', '--silent', 'lint'], { stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'rp-test-'));
const summaryFile = join(dir, 'browser.json');
const totals = { passed: 0, failed: 0, skipped: 0 };

const browser = spawnSync('npx', ['wtr'], {
  stdio: 'inherit',
  env: { ...process.env, RP_SUMMARY_FILE: summaryFile },
});
if (existsSync(summaryFile)) {
  const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
  totals.passed += s.passed;
  totals.failed += s.failed;
  totals.skipped += s.skipped;
}
if (browser.status !== 0 && totals.failed === 0) totals.failed += 1; // the runner itself failed

// Node 20's test runner takes no globs: list the files ourselves.
const nodeFiles = readdirSync('test/node', { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test/node', f))
  .sort();
const nodeTests = spawnSync(
  'node',
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-force-exit', '--test-timeout=120000', ...nodeFiles],
  {
    encoding: 'utf8',
    env: process.env,
  },
);
process.stdout.write(nodeTests.stdout ?? '');
process.stderr.write(nodeTests.stderr ?? '');
const count = (name) => Number((nodeTests.stdout ?? '').match(new RegExp(`^ℹ ${name} (\\d+)`, 'm'))?.[1] ?? 0);
totals.passed += count('pass');
totals.failed += count('fail');
totals.skipped += count('skipped');
if (nodeTests.status !== 0 && count('fail') === 0) totals.failed += 1;

if (tsc.status === 0) totals.passed += 1;
else {
  totals.failed += 1;
  console.log('typecheck: failed');
}
if (lint.status === 0) totals.passed += 1;
else {
  totals.failed += 1;
  console.log('lint: failed (npm run lint; npm run format fixes the layout)');
}

rmSync(dir, { recursive: true, force: true });
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
