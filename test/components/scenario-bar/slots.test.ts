import { expect } from 'chai';
import '../../../components/scenario-bar/scenario-bar.ts';
import type { RpScenarioBar } from '../../../components/scenario-bar/scenario-bar.ts';
import { shownInSlot, slotted } from '../../helpers/slots.ts';

describe('rp-scenario-bar actions slot', () => {
  afterEach(() => document.querySelectorAll('rp-scenario-bar').forEach((e) => e.remove()));

  it('shows the host’s button in the bar after the bar’s own buttons', async () => {
    const bar = document.createElement('rp-scenario-bar') as RpScenarioBar;
    const share = slotted('button', 'actions', 'Delen');
    bar.append(share);
    document.body.append(bar);
    await bar.updateComplete;
    expect(shownInSlot(share, 'actions')).to.equal(true);
    expect(share.assignedSlot!.parentElement).to.equal(bar.shadowRoot!.querySelector('.bar'));
    const own = [...bar.shadowRoot!.querySelectorAll('.bar > button')];
    expect(own.length).to.be.greaterThan(0);
    expect(share.assignedSlot!.previousElementSibling).to.equal(own.at(-1));
  });

  it('adds nothing without the host’s content', async () => {
    const bar = document.createElement('rp-scenario-bar') as RpScenarioBar;
    document.body.append(bar);
    await bar.updateComplete;
    const slot = bar.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="actions"]')!;
    expect(slot.assignedElements()).to.deep.equal([]);
    expect(slot.getClientRects().length).to.equal(0);
  });
});
