import { expect } from 'chai';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { RpPlanner } from '../../components/planner/planner.ts';
import { expectNoSeriousViolations } from '../helpers/axe.ts';
import { luminance } from '../helpers/contrast.ts';

/*
 * The demo page's theme switch, with the page's own stylesheet: the page and the planner (its
 * grids included) turn dark together, the choice is in the URL, and the page stays accessible.
 */

const until = async (check: () => boolean, what: string, ms = 10000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

const background = (el: Element) => luminance(getComputedStyle(el).backgroundColor);

describe('demo page theme switch', () => {
  let planner: RpPlanner;
  const startUrl = location.href;
  const button = (theme: string) => document.querySelector<HTMLButtonElement>(`#theme-switch [data-theme="${theme}"]`)!;
  const firstCell = () =>
    planner.shadowRoot!.querySelector('rp-budget-grid')!.shadowRoot!.querySelector('.ht_master tbody td')!;

  before(async () => {
    await setViewport({ width: 1280, height: 900 });
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
    await until(
      () =>
        planner.shadowRoot!.querySelector('rp-budget-grid')?.shadowRoot?.querySelector('.ht_master tbody td') != null,
      'the budget grid',
    );
  });

  after(async () => {
    history.replaceState(null, '', startUrl);
    document.documentElement.removeAttribute('theme');
    await emulateMedia({ colorScheme: 'light' });
  });

  it('follows the system by default, light here', () => {
    expect(button('auto').getAttribute('aria-pressed')).to.equal('true');
    expect(document.documentElement.hasAttribute('theme')).to.equal(false);
    expect(background(document.documentElement)).to.be.above(0.8);
    expect(background(firstCell())).to.be.above(0.8);
  });

  it('turns the page, the planner and its grids dark, and links the choice', async () => {
    button('dark').click();
    await frame();
    expect(button('dark').getAttribute('aria-pressed')).to.equal('true');
    expect(button('auto').getAttribute('aria-pressed')).to.equal('false');
    expect(document.documentElement.getAttribute('theme')).to.equal('dark');
    expect(new URL(location.href).searchParams.get('theme')).to.equal('dark');
    expect(background(document.documentElement)).to.be.below(0.05);
    expect(background(document.querySelector('.site-header')!)).to.be.below(0.05);
    expect(background(planner.shadowRoot!.querySelector('section.card')!)).to.be.below(0.05);
    expect(background(firstCell())).to.be.below(0.05);
    expect(luminance(getComputedStyle(firstCell()).color)).to.be.above(0.4);
  });

  it('has no serious or critical accessibility violations in the dark theme, grids included', async () => {
    await expectNoSeriousViolations(document);
  });

  it('goes back to the system’s choice, dark when the visitor prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    button('auto').click();
    await frame();
    expect(document.documentElement.hasAttribute('theme')).to.equal(false);
    expect(new URL(location.href).searchParams.has('theme')).to.equal(false);
    expect(background(document.documentElement)).to.be.below(0.05);
    expect(background(firstCell())).to.be.below(0.05);
    button('light').click();
    await frame();
    expect(background(document.documentElement)).to.be.above(0.8);
    expect(background(firstCell())).to.be.above(0.8);
  });
});
