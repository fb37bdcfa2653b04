import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import axe from 'axe-core';
import type { RpPlanner } from '../../components/planner/planner.ts';

/*
 * The demo page, driven as a visitor would: its own markup (demo/index.html) and its own main
 * module, loaded into the test page, with the real sample plans.
 */

const until = async (check: () => boolean, what: string, ms = 10000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('demo page', () => {
  let planner: RpPlanner;
  const startUrl = location.href;

  before(async () => {
    await setViewport({ width: 1280, height: 900 });
    const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
    document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
    await import('../../demo/main.ts');
    planner = document.querySelector<RpPlanner>('rp-planner')!;
    await until(() => planner.plan !== null, 'the first plan');
    await planner.updateComplete;
  });

  after(() => history.replaceState(null, '', startUrl));

  it('opens with the handbook example, consistent, in Dutch', () => {
    expect(planner.plan!.id).to.equal('handboek-voorbeeld');
    expect(planner.findings.filter((f) => f.severity === 'error')).to.deep.equal([]);
    expect(planner.allocation!.annualTotal.toString()).to.equal('250000');
    expect(document.documentElement.lang).to.equal('nl');
    expect(document.querySelector('h1')!.textContent).to.equal('Wie betaalt welk deel? Op de cent.');
    expect(document.querySelector('#sample-title')!.textContent).to.equal('Voorbeeld uit de handleiding');
  });

  it('switches to another sample plan with the picker', async () => {
    const picker = document.querySelector<HTMLSelectElement>('#plan-picker')!;
    expect([...picker.options].map((o) => o.value)).to.deep.equal(['handbook', 'dementia-network', 'equal-partners']);
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => planner.plan?.id === 'dementienetwerk-lindeland', 'the dementia network plan');
    expect(planner.plan!.activities).to.have.length(12);
    expect(new URL(location.href).searchParams.get('plan')).to.equal('dementia-network');
    expect(document.querySelector('#sample-title')!.textContent).to.equal('Dementienetwerk Lindeland');
  });

  it('switches the language of the page and of the planner', async () => {
    const en = document.querySelector<HTMLButtonElement>('#lang-switch [data-lang="en"]')!;
    en.click();
    await planner.updateComplete;
    expect(en.getAttribute('aria-pressed')).to.equal('true');
    expect(document.documentElement.lang).to.equal('en');
    expect(document.querySelector('h1')!.textContent).to.equal('Who pays which share? To the cent.');
    expect(planner.locale).to.equal('en');
    expect(planner.shadowRoot!.querySelector('section.card h3')!.textContent).to.equal('Activities and budget');
    document.querySelector<HTMLButtonElement>('#lang-switch [data-lang="nl"]')!.click();
    await planner.updateComplete;
    expect(planner.shadowRoot!.querySelector('section.card h3')!.textContent).to.equal('Activiteiten en budget');
  });

  it('joins and leaves a workshop with a name, and the planner shows the workshop status', async () => {
    const name = document.querySelector<HTMLInputElement>('#workshop-name')!;
    const join = document.querySelector<HTMLButtonElement>('#workshop-join')!;
    const leave = document.querySelector<HTMLButtonElement>('#workshop-leave')!;
    name.value = '';
    join.click();
    expect(planner.hasAttribute('collab-url')).to.equal(false);
    name.value = 'Anna';
    join.click();
    expect(planner.getAttribute('collab-url')).to.match(/^wss?:\/\//);
    expect(planner.getAttribute('user-name')).to.equal('Anna');
    expect(planner.getAttribute('collab-token')).to.equal('dev-editor');
    expect(leave.hidden).to.equal(false);
    await until(() => planner.shadowRoot!.querySelector('.workshop .pill') !== null, 'the workshop status');
    expect(planner.shadowRoot!.querySelector('.workshop')!.textContent).to.contain('Anna (u)');
    leave.click();
    await planner.updateComplete;
    expect(planner.hasAttribute('collab-url')).to.equal(false);
    expect(planner.shadowRoot!.querySelector('.workshop')).to.equal(null);
    expect(join.hidden).to.equal(false);
  });

  it('shows the scenario bar, the export section and the compare view', async () => {
    // The demo stores each sample with its alternatives (demo/seed-scenarios.ts); an edit is saved to the open one.
    const ops = [{ op: 'set-field', field: 'region', value: 'Regio na de eerste wijziging' }];
    planner
      .shadowRoot!.querySelector('.planner')!
      .dispatchEvent(new CustomEvent('rp-edit', { detail: { ops }, bubbles: true, composed: true }));
    await until(() => planner.currentScenario !== '', 'the stored scenario');
    await planner.updateComplete;
    expect(planner.shadowRoot!.querySelector('rp-scenario-bar')).to.not.equal(null);
    expect(planner.shadowRoot!.querySelector('rp-export-menu')).to.not.equal(null);
    const views = [...planner.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(views).to.deep.equal(['Plan bewerken', 'Geldstromen', 'Vergelijken']);
  });

  it('has no serious or critical accessibility violations outside the grids', async () => {
    const result = await axe.run(document, { resultTypes: ['violations'] });
    // The grids' own checks belong to their tests (components/split-grid, budget-grid); here the page, forms and findings.
    const inGrid = (target: unknown[]) => target.some((t) => /rp-(split|budget)-grid/.test(String(t)));
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.filter((n) => !inGrid(n.target as unknown[])) }))
      .filter((v) => v.nodes.length > 0);
    expect(
      bad.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).to.deep.equal([]);
  });
});
