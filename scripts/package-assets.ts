/*
 * The files the package ships beside the bundle (run by scripts/build.mjs after vite):
 * dist/theme.css, dist/plan.schema.json (zod's own JSON Schema of the plan), dist/plans/*.json
 * (the sample plans) and dist/THIRD-PARTY-NOTICES.md (every library the bundle carries, with its
 * licence, read from the source maps so the list cannot drift from what is really bundled).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod/mini';
import { Plan } from '../src/model/plan.ts';

const DIST = 'dist';

copyFileSync('components/theme/theme.css', join(DIST, 'theme.css'));

const schema = z.toJSONSchema(Plan, { io: 'input', unrepresentable: 'any' });
writeFileSync(join(DIST, 'plan.schema.json'), `${JSON.stringify({ title: 'regioplan plan', ...schema }, null, 2)}\n`);

mkdirSync(join(DIST, 'plans'), { recursive: true });
for (const file of readdirSync('demo/plans').filter((f) => f.endsWith('.json'))) {
  copyFileSync(join('demo/plans', file), join(DIST, 'plans', file));
}

/** Every node_modules package named in a source map under dist/. */
function bundledPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const maps = readdirSync(DIST, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js.map'));
  for (const map of maps) {
    const sources: string[] = JSON.parse(readFileSync(join(DIST, map), 'utf8')).sources ?? [];
    for (const source of sources) {
      const abs = resolve(dirname(join(DIST, map)), source);
      const m = abs.match(/^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\//);
      if (m) found.set(m[2]!, m[1]!);
    }
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const licenceFile = (dir: string) => readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));

const sections = [...bundledPackages()].map(([name, dir]) => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
  const file = licenceFile(dir);
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : '(no licence file in the package)';
  return `## ${name} ${pkg.version}\n\nLicence: ${pkg.license ?? 'see below'}\n\n\`\`\`\n${text}\n\`\`\`\n`;
});

writeFileSync(
  join(DIST, 'THIRD-PARTY-NOTICES.md'),
  `# Third-party notices

regioplan is MIT licensed (LICENSE). Its bundle (dist/) carries the libraries below, each under its
own licence.

**Handsontable is not open source.** It is free only for non-commercial use and evaluation, which is
what the default licence key \`non-commercial-and-evaluation\` declares. Commercial use of regioplan's
grids needs a commercial Handsontable licence; pass its key in the \`license-key\` attribute
(\`licenseKey\` property) of \`<rp-planner>\` and of the grid elements.

${sections.join('\n')}`,
);

if (!existsSync(join(DIST, 'THIRD-PARTY-NOTICES.md'))) process.exit(1);
console.log(
  `package assets: theme.css, plan.schema.json, ${readdirSync(join(DIST, 'plans')).length} plans, notices for ${sections.length} libraries`,
);
