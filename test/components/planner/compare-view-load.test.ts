import { expect } from 'chai';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import { handbookPlan } from './handbook-plan.ts';
import { $, mount } from './dom.ts';

/*
 * The planner's compare view (its scenario picker and the timeline of moments) is not part of the
 * first load: it loads when the view is first chosen, and says it is loading meanwhile. What a page
 * has loaded is read from the browser's resource timing entries.
 */

const until = async (check: () => boolean, what: string, ms = 10_000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

performance.setResourceTimingBufferSize(100_000);
const loaded = (pattern: RegExp): boolean => performance.getEntriesByType('resource').some((e) => pattern.test(e.name));
const PANEL = /\/components\/planner\/compare-panel\.ts/;

const viewButton = (p: RpPlanner, label: string) =>
  [...p.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')].find((b) => b.textContent!.trim() === label)!;

describe('rp-planner compare view, loaded on first use', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('loads the compare panel only when the view is chosen, saying it is loading until then', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: `rp-compare-load-${Date.now()}`,
      plan: handbookPlan('compare-load'),
    } as Partial<RpPlanner>);
    await until(() => p.scenarioStore !== null, 'the store');
    // An edit stores the plan: the compare view then works on the store's scenarios.
    $(p, 'rp-plan-details').dispatchEvent(
      new CustomEvent('rp-edit', {
        detail: { ops: [{ op: 'set-field', field: 'name', value: 'Vergelijken later' }] },
        bubbles: true,
        composed: true,
      }),
    );
    await until(() => p.currentScenario !== '', 'the stored scenario');
    await p.updateComplete;
    expect(loaded(PANEL), 'not in the first load').to.equal(false);
    expect(customElements.get('rp-planner-compare')).to.equal(undefined);

    viewButton(p, 'Vergelijken').click();
    await p.updateComplete;
    const section = p.shadowRoot!.querySelector('section.compare')!;
    expect(section.textContent).to.contain('Scenario’s laden…');
    await until(() => customElements.get('rp-planner-compare') !== undefined, 'the panel');
    expect(loaded(PANEL)).to.equal(true);
    const panel = p.shadowRoot!.querySelector('rp-planner-compare')!;
    await until(() => !!panel.shadowRoot?.querySelector('fieldset, input, p'), 'the panel rendered');
    await p.updateComplete;
    // The planner's own loading line is gone once the panel is there; the panel took its properties.
    expect(section.querySelector(':scope > p[role="status"]')).to.equal(null);
    expect((panel as unknown as { store: unknown }).store).to.equal(p.scenarioStore);
  });
});
