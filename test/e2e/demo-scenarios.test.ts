import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { RpPlanner } from '../../components/planner/planner.ts';
import { DB_NAME } from '../../components/planner/storage.ts';
import { samplePlans } from '../../demo/plans/index.ts';
import { sampleScenarios } from '../../demo/plans/scenarios.ts';
import { compare } from '../../src/compare/index.ts';
import { validate } from '../../src/engine/validate.ts';

/*
 * The demo as a first-time visitor meets it: each sample plan comes with alternatives, so the
 * compare view shows differences at once; the planner starts high on a 1440×900 screen; picking
 * another sample leaves focus on the picker.
 */

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 15000): Promise<void> => {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** The element that has focus, looking into shadow roots. */
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

describe('demo sample scenarios', () => {
  for (const sample of samplePlans) {
    it(`${sample.id}: two alternatives, free of errors, each differing from the sample`, async () => {
      const plan = await sample.load();
      const variants = sampleScenarios(sample.id, plan);
      expect(variants).to.have.length(2);
      for (const v of variants) {
        expect(v.name.nl).to.not.equal(v.name.en);
        expect(
          validate(v.plan)
            .filter((f) => f.severity === 'error')
            .map((f) => f.message.en),
          v.name.en,
        ).to.deep.equal([]);
        const diff = compare(plan, v.plan);
        expect(JSON.stringify(diff), v.name.en).to.not.equal(JSON.stringify(compare(plan, plan)));
      }
    });
  }
});

describe('demo page on a first visit', () => {
  let planner: RpPlanner;
  const startUrl = location.href;

  before(async () => {
    // A first visit: nothing stored yet in this browser.
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    });
    for (const key of Object.keys(localStorage)) if (key.startsWith('rp-published:')) localStorage.removeItem(key);
    history.replaceState(null, '', `${location.pathname}?plan=handbook&lang=nl`);
    await setViewport({ width: 1440, height: 900 });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/demo/demo.css';
    const loaded = new Promise((r) => css.addEventListener('load', r));
    document.head.append(css);
    await loaded;
    const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
    document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
    await import('../../demo/main.ts');
    planner = document.querySelector<RpPlanner>('rp-planner')!;
    await until(() => planner.plan !== null, 'the first plan');
    await planner.updateComplete;
  });

  after(() => history.replaceState(null, '', startUrl));

  it('stores the sample with its two alternatives, and compare picks two that differ', async () => {
    await until(async () => ((await planner.scenarioStore?.list()) ?? []).length === 3, 'three scenarios');
    const names = (await planner.scenarioStore!.list()).map((s) => s.name);
    expect(names).to.deep.equal(['Basisscenario', 'Variant: Zvw 60 %, Wmo 20 %', 'Variant: lumpsum € 300.000']);
    await until(() => planner.currentScenario !== '', 'the base scenario opened');
    const compareButton = [...planner.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')].find(
      (b) => b.textContent!.trim() === 'Vergelijken',
    )!;
    compareButton.click();
    await planner.updateComplete;
    const panel = () => planner.shadowRoot!.querySelector('rp-planner-compare');
    await until(
      () => (panel()?.shadowRoot?.querySelectorAll('input[type=checkbox]:checked').length ?? 0) === 2,
      'two picked',
    );
    const view = () => panel()!.shadowRoot!.querySelector('rp-compare');
    await until(() => !!view()?.shadowRoot?.textContent?.includes('60'), 'the differences');
    expect(view()!.shadowRoot!.textContent).to.contain('Variant: Zvw 60 %, Wmo 20 %');
    const edit = [...planner.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')][0]!;
    edit.click();
    await planner.updateComplete;
  });

  it('starts the planner in the upper third of a 1440×900 screen', () => {
    window.scrollTo(0, 0);
    const top = planner.getBoundingClientRect().top;
    expect(top).to.be.lessThan(300);
  });

  it('leaves focus on the picker when another sample is picked by keyboard', async () => {
    const picker = document.querySelector<HTMLSelectElement>('#plan-picker')!;
    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => planner.plan?.id === 'dementienetwerk-lindeland', 'the dementia network');
    await until(
      () =>
        planner.shadowRoot!.querySelector('rp-budget-grid')?.shadowRoot?.querySelector('.ht_master tbody td') != null,
      'the grid',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(deepActive()).to.equal(picker);
    expect(document.activeElement).to.equal(picker);
  });
});
