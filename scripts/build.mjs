// `npm run build`: the library bundle (vite), type declarations (tsc), the custom-elements.json
// manifest (cem) and docs/API.md generated from it. Each step stops the build when it fails.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
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
// package.json "types" names dist/types/index.d.ts; tsc mirrors the source tree under it.
writeFileSync('dist/types/index.d.ts', "export * from './src/index.ts';\n");
run('manifest (cem)', 'npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
run('API reference', process.execPath, ['scripts/build-docs.mjs']);
