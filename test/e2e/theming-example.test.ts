import { expect } from 'chai';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { RpPlanner } from '../../components/planner/planner.ts';
import '../../entry/regioplan.ts';
import { themeCss } from '../../components/theme/index.ts';
import { samplePlan } from '../../demo/plans/index.ts';
import embedding from '../../docs/EMBEDDING.md?raw';
import { expectNoSeriousViolations } from '../helpers/axe.ts';

/*
 * The theming example of docs/EMBEDDING.md, as a site would paste it: on top of the shipped theme,
 * in the light and the dark theme, the planner stays within WCAG AA contrast (axe). The example
 * used to set the accent for the light theme only, which left the dark theme's active tab at 2:1;
 * the last test keeps that failure visible, so this check cannot pass by accident.
 */

const example = embedding.match(/<!-- checked: theming -->\n```css\n([\s\S]*?)\n```/)?.[1] ?? '';
const until = async (check: () => boolean, what: string, ms = 15000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('the theming example of the embedding guide', () => {
  let planner: RpPlanner;
  let site: HTMLStyleElement;
  const accent = () => getComputedStyle(planner).getPropertyValue('--rp-color-accent').trim();

  before(async function () {
    this.timeout(60000);
    await setViewport({ width: 1280, height: 900 });
    const theme = document.createElement('style');
    theme.textContent = themeCss;
    site = document.createElement('style');
    // The page itself follows the theme too, as a site with a dark mode does.
    site.textContent = `${example}\nbody { background: var(--rp-color-bg); color: var(--rp-color-text); }`;
    document.head.append(theme, site);
    document.body.innerHTML = '<div class="my-site"><rp-planner storage="none" locale="nl"></rp-planner></div>';
    planner = document.querySelector('rp-planner')!;
    planner.plan = await samplePlan('handbook')!.load();
    await planner.updateComplete;
    await until(() => !!planner.shadowRoot?.querySelector('rp-split-grid'), 'the planner');
  });

  after(async () => {
    document.documentElement.removeAttribute('theme');
    await emulateMedia({ colorScheme: 'light' });
    document.body.replaceChildren();
  });

  it('is in the guide, and sets the accent and its contrast colour for both themes', () => {
    expect(example).to.match(/--rp-color-accent-contrast/);
    expect(example).to.match(/prefers-color-scheme: dark/);
    expect(example).to.match(/\[theme="dark"\]/);
  });

  it('passes axe in the light theme', async () => {
    await emulateMedia({ colorScheme: 'light' });
    expect(accent()).to.equal('#8a1538');
    await expectNoSeriousViolations(planner);
  });

  it('passes axe in the dark theme the visitor prefers', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(accent()).to.equal('#f2a7bb');
    await expectNoSeriousViolations(planner);
  });

  it('passes axe with theme="dark" on the page', async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.documentElement.setAttribute('theme', 'dark');
    expect(accent()).to.equal('#f2a7bb');
    await expectNoSeriousViolations(planner);
    document.documentElement.removeAttribute('theme');
  });

  it('would fail in the dark theme with the accent set for the light theme only (the old example)', async () => {
    const light = site.textContent!;
    site.textContent = `.my-site { --rp-color-accent: #8a1538; }\nbody { background: var(--rp-color-bg); }`;
    await emulateMedia({ colorScheme: 'dark' });
    let failed = false;
    try {
      await expectNoSeriousViolations(planner);
    } catch (e) {
      failed = /color-contrast/.test(String(e));
    }
    site.textContent = light;
    expect(failed, 'axe did not notice a light-only accent on the dark theme').to.equal(true);
  });
});
