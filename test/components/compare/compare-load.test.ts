import { expect } from 'chai';
import '../../../components/compare/compare.ts';
import type { RpCompare } from '../../../components/compare/compare.ts';
import { generatePlan } from '../../fixtures/generate.ts';

/*
 * <rp-compare> loads its rendering code and comparison model on its first connection: meanwhile a
 * busy line, then the comparison; its attributes and properties work as before.
 */

function twoPlans() {
  const a = generatePlan(7, 25);
  const b = structuredClone(a);
  const [d0, d1] = b.defaultSplit.domains;
  if (!d0 || !d1) throw new Error('fixture needs two split domains');
  [d0.percent, d1.percent] = [d1.percent, d0.percent];
  return [
    { name: 'A', plan: a },
    { name: 'B', plan: b },
  ];
}

describe('<rp-compare> on its first connection', () => {
  afterEach(() => document.querySelectorAll('rp-compare').forEach((e) => e.remove()));

  it('says it is loading, then shows the comparison with the caption and heading it was given', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<rp-compare locale="en" heading="Then and now" chart-caption="Where it goes"></rp-compare>',
    );
    const el = document.querySelector('rp-compare') as RpCompare;
    el.scenarios = twoPlans();
    await new Promise<void>((r) => queueMicrotask(r));
    const busy = el.shadowRoot!.querySelector('[role="status"][aria-busy="true"]');
    const table = el.shadowRoot!.querySelector('table');
    // Either still loading (the busy line, in the host's language) or already there.
    if (busy) expect(busy.textContent).to.equal('Loading…');
    else expect(table).to.not.equal(null);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Then and now');
    expect(el.shadowRoot!.querySelector('figcaption')!.textContent).to.equal('Where it goes');
    expect(el.shadowRoot!.querySelector('svg[part="chart"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
  });

  it('reflects differences-only when the user ticks the box, and shows fewer rows', async () => {
    const el = document.createElement('rp-compare') as RpCompare;
    el.scenarios = twoPlans();
    document.body.append(el);
    await el.updateComplete;
    const rows = () => el.shadowRoot!.querySelectorAll('table[data-section] tbody tr').length;
    const all = rows();
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box.click();
    await el.updateComplete;
    expect(el.hasAttribute('differences-only')).to.equal(true);
    expect(rows()).to.be.lessThan(all);
    el.removeAttribute('differences-only');
    await el.updateComplete;
    expect(el.differencesOnly).to.equal(false);
    expect(rows()).to.equal(all);
  });

  it('works the comparison out again when the scenarios change', async () => {
    const el = document.createElement('rp-compare') as RpCompare;
    const [a, b] = twoPlans();
    el.scenarios = [a!, a!];
    el.differencesOnly = true;
    document.body.append(el);
    await el.updateComplete;
    const changed = () => el.shadowRoot!.querySelectorAll('tr.changed').length;
    expect(changed()).to.equal(0);
    el.scenarios = [a!, b!];
    await el.updateComplete;
    expect(changed()).to.be.greaterThan(0);
  });
});
