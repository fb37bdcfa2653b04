import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import '../../../components/budget-grid/budget-grid.ts';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';
import { TestOwner, samplePlan, settle } from './owner.ts';
import { shownInSlot, slotted } from '../../helpers/slots.ts';

for (const tag of ['rp-budget-grid', 'rp-split-grid'] as const) {
  describe(`${tag} toolbar slot`, () => {
    let el: RpGridElement;
    async function mount(children: Element[]): Promise<void> {
      await setViewport({ width: 1900, height: 900 });
      el = document.createElement(tag) as RpGridElement;
      el.append(...children);
      document.body.append(el);
      new TestOwner(el, samplePlan(2));
      await settle(el);
    }
    afterEach(() => el.remove());

    it('shows the host’s own button at the end of the toolbar, working', async () => {
      const importButton = slotted('button', 'toolbar', 'Importeren');
      let clicked = 0;
      importButton.addEventListener('click', () => clicked++);
      await mount([importButton]);
      expect(shownInSlot(importButton, 'toolbar')).to.equal(true);
      const toolbar = el.shadowRoot!.querySelector('[part="toolbar"]')!;
      expect(importButton.assignedSlot!.parentElement).to.equal(toolbar);
      const own = [...toolbar.querySelectorAll('button')];
      expect(own.length).to.be.greaterThan(0);
      for (const b of own)
        expect(importButton.getBoundingClientRect().left).to.be.at.least(b.getBoundingClientRect().right);
      importButton.click();
      expect(clicked).to.equal(1);
    });

    it('keeps the toolbar as it was without the host’s content', async () => {
      await mount([]);
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="toolbar"]')!;
      expect(slot.assignedElements()).to.deep.equal([]);
      expect(slot.getClientRects().length).to.equal(0);
    });
  });
}
