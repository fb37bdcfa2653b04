import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import { handbookPlan } from './handbook-plan.ts';
import { $ } from './dom.ts';
import { notDrawn, shownInSlot, slotted } from '../../helpers/slots.ts';

/** A planner with the host's own children, before or after its plan. */
async function mount(children: Element[], withPlan = true): Promise<RpPlanner> {
  const p = document.createElement('rp-planner');
  p.storage = 'none';
  p.append(...children);
  if (withPlan) p.plan = handbookPlan();
  document.body.append(p);
  await p.updateComplete;
  return p;
}

describe('rp-planner slots', () => {
  before(() => setViewport({ width: 1400, height: 900 }));
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('shows the host’s introduction above the planner and its buttons in the toolbar after undo and redo', async () => {
    const intro = slotted('h2', 'intro', 'Begroting regio Oost 2026');
    const help = slotted('button', 'actions', 'Hulp');
    let clicked = 0;
    help.addEventListener('click', () => clicked++);
    const p = await mount([intro, help]);
    expect(shownInSlot(intro, 'intro')).to.equal(true);
    expect(shownInSlot(help, 'actions')).to.equal(true);
    expect(intro.getBoundingClientRect().bottom).to.be.at.most($(p, '.toolbar').getBoundingClientRect().top);
    expect(help.assignedSlot!.closest('[part="toolbar"]')).to.equal($(p, '.toolbar'));
    const redo = $(p, '.toolbar .redo');
    expect(help.getBoundingClientRect().left).to.be.at.least(redo.getBoundingClientRect().right);
    help.click();
    expect(clicked).to.equal(1);
  });

  it('shows the host’s own message while no plan is set, and the planner once it is', async () => {
    const loading = slotted('p', 'empty', 'Uw plan wordt geladen…');
    const p = await mount([loading], false);
    expect(shownInSlot(loading, 'empty')).to.equal(true);
    expect(notDrawn($(p, 'p.empty'))).to.equal(true);
    p.plan = handbookPlan();
    await p.updateComplete;
    expect(notDrawn(loading)).to.equal(true);
    expect($(p, '.toolbar h2').textContent).to.equal('Dementienetwerk Voorbeeldregio');
  });

  it('looks as before without the host’s content', async () => {
    const p = await mount([], false);
    expect($(p, 'p.empty').textContent).to.equal('Nog geen plan geladen.');
    expect(notDrawn($(p, 'p.empty'))).to.equal(false);
  });
});
