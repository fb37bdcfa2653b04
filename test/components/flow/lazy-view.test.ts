import { expect } from 'chai';
import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { LazyViewController, lazyViewStyles, once } from '../../../components/shared/lazy-view.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import '../../../components/flow/flow.ts';
import type { RpFlow } from '../../../components/flow/flow.ts';
import { allocate } from '../../../src/engine/allocate.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { mount } from '../planner/dom.ts';

/*
 * The flow diagram, the sign-off panel and the comments panel load their rendering code on their
 * first connection: meanwhile a busy line, after a failed load a message and a button to try again.
 */

/** A view module that fails to load the first `failures` times, then loads. */
function flakyView(failures: number) {
  let calls = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const view = once(async () => {
    calls += 1;
    await gate;
    if (calls <= failures) throw new TypeError('Failed to fetch dynamically imported module');
    return { viewStyles: [css`p.done { color: rgb(0, 128, 0); }`], done: () => html`<p class="done">ready</p>` };
  });
  return { view, release, calls: () => calls };
}

let n = 0;
function defineLazy(view: ReturnType<typeof flakyView>['view']): string {
  const tag = `rp-lazy-probe-${++n}`;
  class Probe extends LitElement {
    static override styles = [lazyViewStyles];
    @property() locale: Locale = 'nl';
    private readonly ctl = new LazyViewController(this, view);
    protected override render(): unknown {
      return this.ctl.render((m) => m.done());
    }
  }
  customElements.define(tag, Probe);
  return tag;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('elements that load their rendering code on first connection', () => {
  afterEach(() => document.querySelectorAll('[data-probe], rp-flow').forEach((e) => e.remove()));

  it('say they are loading until the code is there, then render with its styles', async () => {
    const flaky = flakyView(0);
    const el = document.createElement(defineLazy(flaky.view)) as LitElement;
    el.dataset.probe = '';
    document.body.append(el);
    await settle();
    await el.updateComplete;
    const busy = el.shadowRoot!.querySelector('[role="status"]');
    expect(busy?.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.equal('Laden…');
    flaky.release();
    await settle();
    await el.updateComplete;
    const done = el.shadowRoot!.querySelector('p.done')!;
    expect(done.textContent).to.equal('ready');
    expect(getComputedStyle(done).color).to.equal('rgb(0, 128, 0)');
  });

  it('say in the host language that loading failed, and load on "try again"', async () => {
    const flaky = flakyView(1);
    const el = document.createElement(defineLazy(flaky.view)) as LitElement & { locale: Locale };
    el.dataset.probe = '';
    el.locale = 'en';
    document.body.append(el);
    flaky.release();
    await settle();
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('could not be loaded');
    el.locale = 'nl';
    await el.updateComplete;
    expect(text(el)).to.contain('kon niet worden geladen');
    el.shadowRoot!.querySelector('button')!.click();
    await settle();
    await el.updateComplete;
    expect(flaky.calls()).to.equal(2);
    expect(el.shadowRoot!.querySelector('p.done')?.textContent).to.equal('ready');
  });

  it('a second element of the kind renders at once, without a busy line', async () => {
    const flaky = flakyView(0);
    const tag = defineLazy(flaky.view);
    flaky.release();
    const first = document.createElement(tag) as LitElement;
    first.dataset.probe = '';
    document.body.append(first);
    await settle();
    await first.updateComplete;
    const second = document.createElement(tag) as LitElement;
    second.dataset.probe = '';
    document.body.append(second);
    // The first render already shows the view.
    await second.updateComplete;
    expect(second.shadowRoot!.querySelector('p.done')).to.exist;
    expect(flaky.calls()).to.equal(1);
  });

  it('rp-flow: updateComplete waits for the diagram, so a host finds it drawn', async () => {
    const plan = handbookPlan();
    const el = await mount<RpFlow>('rp-flow', { allocation: allocate(plan), plan });
    expect(el.shadowRoot!.querySelectorAll('path.link').length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('.rp-view-busy')).to.equal(null);
  });
});
