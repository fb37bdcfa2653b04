// docs/API.md from custom-elements.json: one section per element with its attributes,
// properties, events, CSS custom properties, parts and slots. Run after `cem analyze`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const cell = (s) =>
  String(s ?? '')
    .replace(/\r?\n+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (s) => (s ? `\`${String(s).replace(/\s+/g, ' ').trim()}\`` : '');
/** The first sentence of a description, for the overview table. */
const firstSentence = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .match(/^.*?[.!?](?=\s|$)/)?.[0] ?? String(s ?? '');
const none = (what) => `No ${what}.\n\n`;
/*
 * The analyzer also lists `new CustomEvent(type, …)` built from a variable, as an event named after
 * the variable; the real names of those events are in the JSDoc (@event), which it lists as well.
 */
const events = (e) => (e.events ?? []).filter((v) => v.description || v.name?.startsWith('rp-'));
const table = (head, rows) =>
  rows.length === 0
    ? ''
    : `| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |\n${rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n')}\n\n`;

const elements = manifest.modules
  .flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })))
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

let out = `# regioplan API reference

Generated from \`custom-elements.json\` by \`scripts/build-docs.mjs\` — do not edit by hand; change
the elements' JSDoc and run \`npm run build\`. How to embed the elements: [EMBEDDING.md](EMBEDDING.md).

| Element | Summary |
| --- | --- |
${elements.map((e) => `| [\`<${e.tagName}>\`](#${e.tagName}) | ${cell(e.summary ?? firstSentence(e.description))} |`).join('\n')}

`;

for (const e of elements) {
  const publicFields = (e.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_'),
  );
  const attributes = (e.attributes ?? []).map((a) => [
    code(a.name),
    code(a.fieldName),
    code(a.type?.text),
    code(a.default),
    a.description,
  ]);
  const properties = publicFields
    .filter((m) => !m.attribute && !(m.readonly && m.default === undefined && !m.type))
    .map((m) => [code(m.name), code(m.type?.text), m.description]);
  const methods = (e.members ?? [])
    .filter(
      (m) =>
        m.kind === 'method' &&
        !m.static &&
        (m.privacy ?? 'public') === 'public' &&
        ![
          'render',
          'connectedCallback',
          'disconnectedCallback',
          'firstUpdated',
          'updated',
          'willUpdate',
          'update',
          'createRenderRoot',
        ].includes(m.name),
    )
    .map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), m.description]);
  out += `## <a id="${e.tagName}"></a>\`<${e.tagName}>\`\n\n\`${e.name}\` in \`${e.path}\`${e.superclass?.name && e.superclass.name !== 'LitElement' ? `, extends \`${e.superclass.name}\`` : ''}.\n\n`;
  if (e.description) out += `${e.description.trim()}\n\n`;
  if (attributes.length)
    out += `### Attributes\n\n${table(['Attribute', 'Property', 'Type', 'Default', 'Description'], attributes)}`;
  if (properties.length)
    out += `### Properties (JavaScript only)\n\n${table(['Property', 'Type', 'Description'], properties)}`;
  if (methods.length) out += `### Methods\n\n${table(['Method', 'Description'], methods)}`;
  // Events, CSS properties, parts and slots are always listed, so "none" is said, not left out.
  out += `### Events\n\n${
    table(
      ['Event', 'Description'],
      events(e).map((v) => [code(v.name), v.description]),
    ) || none('events')
  }`;
  out += `### CSS custom properties\n\n${
    table(
      ['Property', 'Description'],
      (e.cssProperties ?? []).map((v) => [code(v.name), v.description]),
    ) || none('CSS custom properties')
  }`;
  out += `### CSS parts\n\n${
    table(
      ['Part', 'Description'],
      (e.cssParts ?? []).map((v) => [code(v.name), v.description]),
    ) || none('parts')
  }`;
  out += `### Slots\n\n${
    table(
      ['Slot', 'Description'],
      (e.slots ?? []).map((v) => [v.name ? code(v.name) : '(default)', v.description]),
    ) || none('slots')
  }`;
}

mkdirSync('docs', { recursive: true });
writeFileSync('docs/API.md', out);
console.log(`docs/API.md: ${elements.length} elements`);
