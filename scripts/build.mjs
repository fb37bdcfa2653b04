// `npm run build` (also run by `npm pack`): the library bundle (vite), type declarations (tsc), the
// files shipped beside them (theme, plan schema, sample plans, notices), the custom-elements.json
// manifest (cem) and docs/API.md generated from it. Each step stops the build when it fails.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ensureNodeModules } from './ensure.mjs';

ensureNodeModules();

const run = (label, cmd, args) => {
  console.log(`\n> ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed at: ${label}`);
    process.exit(r.status ?? 1);
  }
};

rmSync('dist', { recursive: true, force: true });
run('bundle (vite)', 'npx', ['vite', 'build']);
run('type declarations (tsc)', 'npx', ['tsc', '-p', 'tsconfig.build.json']);
run('type bundles (rollup-plugin-dts)', process.execPath, ['scripts/bundle-types.mjs']);
run('package assets', process.execPath, ['--import', 'tsx', 'scripts/package-assets.ts']);
run('manifest (cem)', 'npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
run('API reference', process.execPath, ['scripts/build-docs.mjs']);
// After the docs, which name the source files; the shipped manifest names the shipped entry.
run('manifest paths', process.execPath, ['scripts/manifest-paths.mjs']);
