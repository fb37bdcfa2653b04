import { expect } from 'chai';
import '../../../components/flow/flow.ts';
import type { RpFlow } from '../../../components/flow/flow.ts';
import { allocate } from '../../../src/engine/allocate.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { notDrawn, shownInSlot, slotted } from '../../helpers/slots.ts';

describe('rp-flow empty slot', () => {
  afterEach(() => document.querySelectorAll('rp-flow').forEach((e) => e.remove()));

  it('shows the host’s message while there are no amounts, then the diagram', async () => {
    const el = document.createElement('rp-flow') as RpFlow;
    const hint = slotted('p', 'empty', 'Vul eerst de begroting in.');
    el.append(hint);
    document.body.append(el);
    await el.updateComplete;
    expect(shownInSlot(hint, 'empty')).to.equal(true);
    expect(notDrawn(el.shadowRoot!.querySelector('p.empty')!)).to.equal(true);
    const plan = handbookPlan();
    Object.assign(el, { plan, allocation: allocate(plan) });
    await el.updateComplete;
    expect(notDrawn(hint)).to.equal(true);
    expect(el.shadowRoot!.querySelector('svg[part="diagram"]')).to.not.equal(null);
  });

  it('shows the built-in message without the host’s content', async () => {
    const el = document.createElement('rp-flow') as RpFlow;
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p.empty')!.textContent).to.contain('Nog geen bedragen');
    expect(notDrawn(el.shadowRoot!.querySelector('p.empty')!)).to.equal(false);
  });
});
