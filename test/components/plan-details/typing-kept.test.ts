import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/plan-details/plan-details.ts';
import '../../../components/target-groups/target-groups.ts';
import type { RpPlanDetails } from '../../../components/plan-details/plan-details.ts';
import type { RpTargetGroups } from '../../../components/target-groups/target-groups.ts';
import type { PlanOp } from '../../../src/model/ops.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { $, mount, record } from '../planner/dom.ts';

/*
 * A field commits on `change` (when it is left). Until then what the user typed lives only in the
 * field. A plan that changes meanwhile for another reason (a workshop peer's edit, another tab, a
 * host's set, the live state taking over) re-renders the section: the field being typed in must keep
 * the typed text, and fields nobody is typing in show the new plan.
 */
describe('typing survives a plan change elsewhere', () => {
  afterEach(() => document.querySelectorAll('rp-plan-details, rp-target-groups').forEach((e) => e.remove()));

  it('plan details: the focused name keeps its typed text, the region shows the new value, and leaving commits the text', async () => {
    const plan = handbookPlan();
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const name = $<HTMLInputElement>(el, '[data-field="name"]');
    name.focus();
    name.select();
    await sendKeys({ type: 'Zorgnetwerk Noord' });

    el.plan = { ...plan, region: 'Regio Oost' };
    await el.updateComplete;
    expect(name.value).to.equal('Zorgnetwerk Noord');
    expect($<HTMLInputElement>(el, '[data-field="region"]').value).to.equal('Regio Oost');

    await sendKeys({ press: 'Tab' });
    expect(edits.at(-1)!.ops).to.deep.equal([{ op: 'set-field', field: 'name', value: 'Zorgnetwerk Noord' }]);
  });

  it('plan details: a focused field the user has not typed in follows the new plan', async () => {
    const plan = handbookPlan();
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan });
    const name = $<HTMLInputElement>(el, '[data-field="name"]');
    name.focus();
    el.plan = { ...plan, name: 'Door een ander hernoemd' };
    await el.updateComplete;
    expect(name.value).to.equal('Door een ander hernoemd');
  });

  it('plan details: a clause being typed keeps its text', async () => {
    const plan = handbookPlan();
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan });
    const clause = $<HTMLTextAreaElement>(el, 'textarea[data-field="clauses.evaluation"]');
    clause.focus();
    clause.select();
    await sendKeys({ type: 'Elk kwartaal' });
    el.plan = { ...plan, region: 'Regio Oost' };
    await el.updateComplete;
    expect(clause.value).to.equal('Elk kwartaal');
  });

  it('target groups: a name being typed keeps its text', async () => {
    const plan = handbookPlan();
    const el = await mount<RpTargetGroups>('rp-target-groups', { plan });
    const name = $<HTMLInputElement>(el, '[data-field="name"]');
    name.focus();
    name.select();
    await sendKeys({ type: 'Mantelzorgers' });
    el.plan = { ...plan, region: 'Regio Oost' };
    await el.updateComplete;
    expect(name.value).to.equal('Mantelzorgers');
  });
});
