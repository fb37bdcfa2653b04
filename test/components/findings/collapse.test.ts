import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/findings/findings.ts';
import '../../../components/planner/planner.ts';
import type { RpFindings } from '../../../components/findings/findings.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { $, mount, nextFrame } from '../planner/dom.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

/*
 * Issue #13 item 10: the findings panel collapses to its title and counts (a button, the choice
 * kept), so the grids beside it get the room.
 */

const error: Finding = {
  code: 'split-sum',
  severity: 'error',
  location: { section: 'split', rowId: 'default', domainId: 'zvw' },
  message: { nl: 'De verdeling telt op tot 99 %.', en: 'The split adds up to 99 %.' },
};

const toggle = (el: RpFindings) => $<HTMLButtonElement>(el, 'button.toggle');

describe('rp-findings collapse', () => {
  beforeEach(() => localStorage.removeItem('regioplan.findings-collapsed'));
  afterEach(() => {
    localStorage.removeItem('regioplan.findings-collapsed');
    document.querySelectorAll('rp-findings, rp-planner').forEach((e) => e.remove());
  });

  it('collapses to the title and counts with the heading’s button, by keyboard, and remembers it', async () => {
    const el = await mount<RpFindings>('rp-findings', { findings: [error] });
    const button = toggle(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.textContent).to.contain('Bevindingen');
    expect(button.textContent).to.contain('1');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.collapsed).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#list').hidden).to.equal(true);
    expect(
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="item"]')].some(
        (b) => b.offsetParent !== null,
      ),
    ).to.equal(false);
    await expectNoSeriousViolations(el);
    // A new panel (a reload) starts as the user left it.
    const again = await mount<RpFindings>('rp-findings', { findings: [error] });
    expect(again.collapsed).to.equal(true);
    toggle(again).click();
    await again.updateComplete;
    expect(again.collapsed).to.equal(false);
    expect(localStorage.getItem('regioplan.findings-collapsed')).to.equal('0');
  });

  it('gives its column to the grids in the planner at 1440 px', async () => {
    await setViewport({ width: 1440, height: 900 });
    const planner = await mount<RpPlanner>('rp-planner', {
      storage: 'none',
      plan: handbookPlan(),
    } as Partial<RpPlanner>);
    await nextFrame();
    const budget = $(planner, 'rp-budget-grid');
    const before = budget.getBoundingClientRect().width;
    const findings = $<RpFindings>(planner, 'rp-findings');
    toggle(findings).click();
    await findings.updateComplete;
    await nextFrame();
    const after = budget.getBoundingClientRect().width;
    expect(after - before, 'width gained by the grids').to.be.above(200);
  });
});
