import { expect } from 'chai';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { LazyViewController, LazyViewElement, lazyViewStyles, once } from '../../../components/shared/lazy-view.ts';
import type { Locale } from '../../../src/i18n/locale.ts';

/*
 * An element that extends LazyViewElement: whoever awaits its updateComplete finds its view drawn
 * (or, when the code could not load, the message saying so), without waiting any other way.
 */

/** A view whose load waits for `release`, then fails the first `failures` times. */
function gatedView(failures = 0) {
  let calls = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const view = once(async () => {
    calls += 1;
    await gate;
    if (calls <= failures) throw new TypeError('Failed to fetch dynamically imported module');
    return { viewStyles: [css``], done: () => html`<p class="done">ready</p>` };
  });
  return { view, release, calls: () => calls };
}

let n = 0;
function define(view: ReturnType<typeof gatedView>['view']): string {
  const tag = `rp-lazy-element-probe-${++n}`;
  class Probe extends LazyViewElement {
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

const add = (tag: string) => {
  const el = document.createElement(tag) as LazyViewElement;
  el.dataset.probe = '';
  document.body.append(el);
  return el;
};

describe('LazyViewElement: updateComplete waits for the view', () => {
  afterEach(() => document.querySelectorAll('[data-probe]').forEach((e) => e.remove()));

  it('resolves once the view is drawn, however long its code takes', async () => {
    const gated = gatedView();
    const el = add(define(gated.view));
    setTimeout(gated.release, 100);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p.done')?.textContent).to.equal('ready');
    expect(el.shadowRoot!.querySelector('.rp-view-busy')).to.equal(null);
  });

  it('resolves (never rejects) with the failure shown when the code cannot load', async () => {
    const gated = gatedView(1);
    const el = add(define(gated.view));
    setTimeout(gated.release, 50);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('kon niet worden geladen');
    expect(gated.calls()).to.equal(1);
  });

  it('resolves at its first render for an element of a kind already loaded', async () => {
    const gated = gatedView();
    const tag = define(gated.view);
    gated.release();
    await add(tag).updateComplete;
    const second = add(tag);
    await second.updateComplete;
    expect(second.shadowRoot!.querySelector('p.done')).to.not.equal(null);
    expect(gated.calls()).to.equal(1);
  });
});
