import { expect } from 'chai';
import '../../../components/compare/compare.ts';
import type { RpCompare } from '../../../components/compare/compare.ts';
import { generatePlan } from '../../fixtures/generate.ts';
import { notDrawn, shownInSlot, slotted } from '../../helpers/slots.ts';

describe('rp-compare empty slot', () => {
  afterEach(() => document.querySelectorAll('rp-compare').forEach((e) => e.remove()));

  it('shows the host’s message until two scenarios are given, then the comparison', async () => {
    const el = document.createElement('rp-compare') as RpCompare;
    const hint = slotted('p', 'empty', 'Kies links twee scenario’s.');
    el.append(hint);
    document.body.append(el);
    await el.updateComplete;
    expect(shownInSlot(hint, 'empty')).to.equal(true);
    expect(notDrawn(el.shadowRoot!.querySelector('p.message')!)).to.equal(true);
    const plan = generatePlan(3, 4);
    el.scenarios = [
      { name: 'A', plan },
      { name: 'B', plan },
    ];
    await el.updateComplete;
    expect(notDrawn(hint)).to.equal(true);
    expect(el.shadowRoot!.querySelector('table')).to.not.equal(null);
  });

  it('shows the built-in message without the host’s content', async () => {
    const el = document.createElement('rp-compare') as RpCompare;
    document.body.append(el);
    await el.updateComplete;
    expect(notDrawn(el.shadowRoot!.querySelector('p.message')!)).to.equal(false);
  });
});
