import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The API reference (docs/API.md, custom-elements.json) is generated from each element's JSDoc.
 * These checks hold that JSDoc to the source: every event an element fires, every part and slot
 * in its templates is documented, nothing documented is missing from the source, and every element
 * names the custom properties it can be themed with.
 */

const COMPONENTS = 'components';

/** Base classes whose templates and events belong to their elements. */
const BASES: Record<string, string[]> = {
  LitElement: [],
  LazyViewElement: ['shared/lazy-view.ts'],
  RpGridElement: ['grid/grid-element.ts'],
  SectionElement: ['shared/section-element.ts', 'shared/field-findings.ts', 'shared/edit-event.ts'],
};

interface Element {
  tag: string;
  file: string;
  doc: string;
  sources: string;
}

function elements(): Element[] {
  const out: Element[] = [];
  for (const dir of readdirSync(COMPONENTS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(COMPONENTS, dir.name))) {
      if (!name.endsWith('.ts') || name.endsWith('.styles.ts')) continue;
      const file = join(COMPONENTS, dir.name, name);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*@customElement\('([a-z-]+)'\)\s*export class \w+ extends (\w+)/g,
      )) {
        const base = m[3]!;
        assert.ok(base in BASES, `${file}: unknown base class ${base}; add its files to BASES`);
        // An element's templates may live beside it in <name>.templates.ts.
        const templates = file.replace(/\.ts$/, '.templates.ts');
        const own = existsSync(templates) ? [text, readFileSync(templates, 'utf8')] : [text];
        const sources = [...own, ...BASES[base]!.map((f) => readFileSync(join(COMPONENTS, f), 'utf8'))].join('\n');
        out.push({ tag: m[2]!, file, doc: m[1]!, sources });
      }
    }
  }
  return out;
}

const tagged = (doc: string, tag: string): string[] =>
  [...doc.matchAll(new RegExp(`@${tag}\\s+(\\S+)\\s+-\\s+\\S`, 'g'))].map((m) => m[1]!);
const unique = (list: string[]) => [...new Set(list)].sort();

const all = elements();
const styleSources = (() => {
  const texts: string[] = [readFileSync(join(COMPONENTS, 'theme', 'theme.css'), 'utf8')];
  for (const dir of readdirSync(COMPONENTS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(COMPONENTS, dir.name))) {
      if (name.endsWith('.ts')) texts.push(readFileSync(join(COMPONENTS, dir.name, name), 'utf8'));
    }
  }
  return texts.join('\n');
})();

test('every element is found with its JSDoc', () => {
  assert.deepEqual(all.map((e) => e.tag).sort(), [
    'rp-budget-grid',
    'rp-comments-panel',
    'rp-compare',
    'rp-compare-moments',
    'rp-export-menu',
    'rp-findings',
    'rp-flow',
    'rp-history-panel',
    'rp-parties',
    'rp-plan-details',
    'rp-planner',
    'rp-planner-compare',
    'rp-scenario-bar',
    'rp-signoff-panel',
    'rp-split-grid',
    'rp-target-groups',
  ]);
});

for (const e of all) {
  test(`${e.tag}: every event it fires is documented with @event`, () => {
    const fired = unique(
      [
        ...e.sources.matchAll(/(?:new CustomEvent(?:<[^>]*>)?\(|\bfire\(|\bemit\((?:\s*this\s*,)?)\s*'(rp-[a-z-]+)'/g),
      ].map((m) => m[1]!),
    );
    const documented = tagged(e.doc, 'event');
    assert.deepEqual(
      fired.filter((name) => !documented.includes(name)),
      [],
      `${e.file}: undocumented events`,
    );
  });

  test(`${e.tag}: parts and slots in its templates and in its JSDoc are the same`, () => {
    const parts = unique([...e.sources.matchAll(/\bpart="([a-z-]+)"/g)].map((m) => m[1]!));
    const slots = unique([...e.sources.matchAll(/<slot(?:\s+name="([a-z-]+)")?/g)].map((m) => m[1] ?? '(default)'));
    assert.deepEqual(unique(tagged(e.doc, 'csspart')), parts, `${e.file}: @csspart`);
    assert.deepEqual(unique(tagged(e.doc, 'slot')), slots, `${e.file}: @slot`);
  });

  test(`${e.tag}: documents the custom properties it is themed with, each one in use`, () => {
    const props = tagged(e.doc, 'cssprop');
    assert.ok(props.length > 0, `${e.file}: no @cssprop`);
    for (const p of props) {
      assert.match(p, /^--rp-[a-z0-9-]+$/, `${e.file}: ${p}`);
      // --rp-flow-color-1 … -6 are read as var(--rp-flow-color-${n}, …).
      const read = p === '--rp-flow-color-1' ? /var\(--rp-flow-color-\$\{/ : new RegExp(`var\\(${p}[,)\\s]`);
      assert.match(styleSources, read, `${e.file}: ${p} is documented but never read`);
    }
  });
}
