import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import { handbookPlan } from './handbook-plan.ts';
import { mount } from './dom.ts';
import { edit, freshDb, rename, until } from './host.ts';

/*
 * Every control that changes data, in every element of a readonly planner, is inert (disabled or
 * read-only). What only looks (view tabs, section navigation, findings, export, switching the
 * scenario, picking scenarios to compare, dismissing a message) stays usable.
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;

/** Every form control under `root`, through shadow roots, with the chain of elements it sits in. */
function controls(root: ParentNode, path: string[] = []): { el: Control; path: string[] }[] {
  const out: { el: Control; path: string[] }[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.matches('input, select, textarea, button')) out.push({ el: el as Control, path });
    if (el.shadowRoot) out.push(...controls(el.shadowRoot, [...path, el.localName]));
  }
  return out;
}

/** Controls that change no data. */
const LOOKING = (c: { el: Control; path: string[] }): boolean =>
  c.path.includes('rp-export-menu') ||
  c.path.includes('rp-findings') ||
  c.path.includes('rp-planner-compare') ||
  // Handsontable's own focus catchers and clipboard field; the grid itself is read-only (below).
  c.path.includes('rp-budget-grid') ||
  c.path.includes('rp-split-grid') ||
  !!c.el.closest('.views, .nav, .notice, .refused, [part="toolbar"] slot') ||
  (c.path.at(-1) === 'rp-scenario-bar' && c.el.id === 'scenario');

const inert = (el: Control): boolean => el.disabled || ('readOnly' in el && (el as HTMLInputElement).readOnly);

describe('rp-planner readonly: every control that changes data is inert', function () {
  this.timeout(30_000);
  before(() => setViewport({ width: 1400, height: 900 }));
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('in the forms, the parties, the target groups, the scenario bar and the plan bar', async () => {
    const db = freshDb();
    const first = await mount<RpPlanner>('rp-planner', {
      storageName: db,
      plan: handbookPlan('ro-all'),
    } as Partial<RpPlanner>);
    edit(first, rename('Opgeslagen'));
    await until(() => first.currentScenario !== '', 'the stored scenario');
    await first.flush();
    first.remove();
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: db,
      readonly: true,
      // The plan bar ("Nieuw plan", "Plan openen") is walked too.
      allowNewPlan: true,
      plan: handbookPlan('ro-all'),
    } as Partial<RpPlanner>);
    await until(
      () => !!p.shadowRoot!.querySelector('rp-scenario-bar')?.shadowRoot?.querySelector('option'),
      'the scenario bar',
    );
    await new Promise((r) => setTimeout(r, 100));
    const all = controls(p.shadowRoot!);
    expect(all.length).to.be.greaterThan(20);
    expect(all.filter((c) => c.el.closest('.own-plans')).length, 'the plan bar’s controls').to.equal(3);
    const live = all.filter((c) => !LOOKING(c) && !inert(c.el));
    expect(
      live.map(
        (c) =>
          `${c.path.join(' > ')} ${c.el.localName}${c.el.id ? `#${c.el.id}` : ''} “${(c.el.textContent || (c.el as HTMLInputElement).name || c.el.getAttribute('aria-label') || '').trim().slice(0, 40)}”`,
      ),
    ).to.deep.equal([]);
    for (const grid of ['rp-budget-grid', 'rp-split-grid']) {
      expect((p.shadowRoot!.querySelector(grid) as HTMLElement & { readonly: boolean }).readonly, grid).to.equal(true);
    }
  });
});
