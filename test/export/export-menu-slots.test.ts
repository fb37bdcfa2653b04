import { expect } from 'chai';
import '../../components/export-menu/export-menu.ts';
import type { RpExportMenu } from '../../components/export-menu/export-menu.ts';
import { handbookPlan } from '../components/planner/handbook-plan.ts';
import { shownInSlot, slotted } from '../helpers/slots.ts';

describe('rp-export-menu actions slot', () => {
  afterEach(() => document.querySelectorAll('rp-export-menu').forEach((e) => e.remove()));

  it('shows the host’s button after Download and Print, working', async () => {
    const menu = document.createElement('rp-export-menu') as RpExportMenu;
    const send = slotted('button', 'actions', 'Naar het financiersportaal');
    let clicked = 0;
    send.addEventListener('click', () => clicked++);
    menu.append(send);
    menu.plan = handbookPlan();
    document.body.append(menu);
    await menu.updateComplete;
    expect(shownInSlot(send, 'actions')).to.equal(true);
    const actions = menu.shadowRoot!.querySelector('.actions')!;
    expect(send.assignedSlot!.parentElement).to.equal(actions);
    expect([...actions.querySelectorAll('button')].map((b) => b.id)).to.deep.equal(['download', 'print']);
    send.click();
    expect(clicked).to.equal(1);
  });
});
