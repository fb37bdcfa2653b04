// custom-elements.json as shipped: cem describes the source files (components/**/*.ts), which the
// package does not contain. Tools that read the manifest (editors, Storybook, linters) must find
// the module a host imports, so every class is described as part of dist/regioplan.js.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = 'custom-elements.json';
const ENTRY = 'dist/regioplan.js';
const manifest = JSON.parse(readFileSync(FILE, 'utf8'));

/** Every `module` reference to a source file now names the shipped entry. */
const repoint = (value) => {
  if (Array.isArray(value)) return value.map(repoint);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'module' && typeof v === 'string' && /\.ts$/.test(v) ? ENTRY : repoint(v),
      ]),
    );
  }
  return value;
};

/*
 * cem types every `@event` as a bare CustomEvent; the detail types live in one place,
 * components/shared/events.ts (`RpEventDetails`), and the package exports them by these names.
 */
const eventsSource = readFileSync('components/shared/events.ts', 'utf8');
const detailMap = eventsSource.match(/interface RpEventDetails \{([\s\S]*?)\n\}/)?.[1] ?? '';
const details = new Map([...detailMap.matchAll(/'(rp-[a-z-]+)': ([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
if (details.size === 0) throw new Error('RpEventDetails not found in components/shared/events.ts');

const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.kind === 'class');
for (const d of declarations) {
  // cem also lists a generic `emit(type, …)` helper's variable as an event named "type": drop it.
  if (d.events) d.events = d.events.filter((e) => e.name.startsWith('rp-'));
  for (const event of d.events ?? []) {
    const detail = details.get(event.name);
    if (!detail) throw new Error(`${d.name} documents ${event.name}, which RpEventDetails does not list`);
    event.type = { text: `CustomEvent<${detail}>` };
  }
}
const names = declarations.map((d) => d.name);
const duplicate = names.find((n, i) => names.indexOf(n) !== i);
if (duplicate) throw new Error(`two classes named ${duplicate}: the merged manifest would be ambiguous`);
const exports = manifest.modules.flatMap((m) => m.exports ?? []).filter((e) => names.includes(e.declaration?.name));

manifest.modules = [
  { kind: 'javascript-module', path: ENTRY, declarations: repoint(declarations), exports: repoint(exports) },
];
writeFileSync(FILE, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`custom-elements.json: ${declarations.length} classes in ${ENTRY}`);
