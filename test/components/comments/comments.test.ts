import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpCommentsPanel } from '../../../components/comments/comments-panel.ts';
import type { RpCommentDetail } from '../../../components/shared/events.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { mount, record } from '../planner/dom.ts';
import { edit, freshDb, until } from '../planner/host.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

/* Comment threads on a cell: anchored by row id, so they survive row moves and a reload; text only. */

const panel = (p: RpPlanner): RpCommentsPanel => {
  const el = p.shadowRoot!.querySelector<RpCommentsPanel>('rp-comments-panel');
  if (!el) throw new Error('no comments panel');
  return el;
};
const inPanel = <T extends Element>(p: RpPlanner, selector: string): T | null =>
  panel(p).shadowRoot!.querySelector<T>(selector);

async function post(p: RpPlanner, formSelector: string, text: string): Promise<void> {
  await panel(p).updateComplete;
  const area = inPanel<HTMLTextAreaElement>(p, `${formSelector} textarea`)!;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  inPanel<HTMLButtonElement>(p, `${formSelector} button[type="submit"]`)!.click();
}

describe('comments in the planner', function () {
  this.timeout(60_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('a thread on a cell survives a row move and a reload, shows markup as text, and resolves', async () => {
    const storageName = freshDb();
    const plan = handbookPlan('comments-flow');
    plan.activities = [
      ...plan.activities,
      { ...plan.activities[0]!, id: 'a2', name: 'Tweede activiteit' },
      { ...plan.activities[0]!, id: 'a3', name: 'Derde activiteit' },
    ];
    const p = await mount<RpPlanner>('rp-planner', { storageName, userName: 'Anna', plan } as Partial<RpPlanner>);
    const events = record<RpCommentDetail>(p, 'rp-comment');
    // The cell a person selects in the activities grid is where the comment goes.
    p.shadowRoot!.querySelector('rp-budget-grid')!.dispatchEvent(
      new CustomEvent('rp-select', {
        detail: { section: 'activities', rowId: 'a2', field: 'cost.amount' },
        bubbles: true,
        composed: true,
      }),
    );
    await p.updateComplete;
    await until(() => panel(p).anchor?.rowId === 'a2', 'the anchor');
    await post(p, '.new form', 'Klopt dit bedrag? <img src=x onerror=alert(1)>');
    await until(() => p.comments.length === 1, 'the thread');
    expect(p.comments[0]!.anchor).to.deep.equal({ section: 'activities', rowId: 'a2', column: 'cost.amount' });
    expect(events.map((e) => e.action)).to.deep.equal(['start']);
    await panel(p).updateComplete;
    expect(inPanel(p, 'article img'), 'markup is shown as text').to.equal(null);
    expect(inPanel(p, 'article .text')!.textContent).to.contain('<img src=x');
    expect(inPanel(p, 'article')!.textContent).to.contain('Tweede activiteit');

    await post(p, 'article form', 'Ja, zie de offerte.');
    await until(() => p.comments[0]!.messages.length === 2, 'the reply');

    edit(p, [{ op: 'move-row', collection: 'activities', id: 'a2', index: 2 }]);
    await until(() => p.plan!.activities[2]!.id === 'a2', 'the move');
    expect(p.comments[0]!.anchor.rowId).to.equal('a2');
    expect(p.comments[0]!.orphaned).to.equal(false);
    await expectNoSeriousViolations(panel(p));

    await p.flush();
    p.remove();
    const again = await mount<RpPlanner>('rp-planner', { storageName, plan } as Partial<RpPlanner>);
    await until(() => again.comments.length === 1, 'the thread after a reload');
    expect(again.comments[0]!.messages.map((m) => m.text)).to.deep.equal([
      'Klopt dit bedrag? <img src=x onerror=alert(1)>',
      'Ja, zie de offerte.',
    ]);
    expect(again.plan!.activities[2]!.id).to.equal('a2');

    inPanel<HTMLButtonElement>(again, 'article .actions button:not([type="submit"])')!.click();
    await until(() => again.comments[0]!.resolved, 'resolved');
    await panel(again).updateComplete;
    expect(inPanel(again, 'article'), 'resolved threads leave the open list').to.equal(null);

    edit(again, [{ op: 'remove-row', collection: 'activities', id: 'a2' }]);
    await until(() => again.comments[0]?.orphaned === true, 'orphaned');
    expect(again.comments).to.have.length(1);
  });

  it('fold away with the findings beside the grids', async () => {
    await setViewport({ width: 1400, height: 900 });
    try {
      const p = await mount<RpPlanner>('rp-planner', {
        storage: 'none',
        plan: handbookPlan('comments-fold'),
      } as Partial<RpPlanner>);
      await until(() => p.currentScenario !== '', 'the scenario');
      expect(getComputedStyle(panel(p)).display).to.equal('block');
      const findings = p.shadowRoot!.querySelector('rp-findings') as HTMLElement & { collapsed: boolean };
      findings.collapsed = true;
      await until(() => findings.hasAttribute('collapsed'), 'collapsed');
      expect(getComputedStyle(panel(p)).display).to.equal('none');
      findings.collapsed = false;
      await until(() => getComputedStyle(panel(p)).display === 'block', 'shown again');
    } finally {
      localStorage.removeItem('regioplan.findings-collapsed');
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('refuses an empty or too long comment and keeps the text', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storage: 'none',
      plan: handbookPlan('comments-limit'),
    } as Partial<RpPlanner>);
    await until(() => p.currentScenario !== '', 'the scenario');
    const long = 'x'.repeat(2001);
    await post(p, '.new form', long);
    await panel(p).updateComplete;
    expect(inPanel(p, '.new [role="alert"]')!.textContent).to.contain('2000');
    expect(inPanel<HTMLTextAreaElement>(p, '.new textarea')!.value).to.equal(long);
    expect(p.comments).to.have.length(0);
  });

  it('a focused form field or a chosen finding is where a new comment goes', async () => {
    const plan = handbookPlan('comments-field');
    plan.clauses.controls = '';
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan } as Partial<RpPlanner>);
    await until(() => p.currentScenario !== '', 'the scenario');
    const details = p.shadowRoot!.querySelector('rp-plan-details')!;
    await (details as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    details.shadowRoot!.querySelector<HTMLElement>('[data-section="plan"][data-field="region"]')!.focus();
    await until(() => panel(p).anchor?.column === 'region', 'the field anchor');
    expect(panel(p).anchor).to.deep.equal({ section: 'plan', column: 'region' });
    await panel(p).updateComplete;
    expect(inPanel(p, '#new-title')!.textContent).to.contain('Plan');

    const findings = p.shadowRoot!.querySelector('rp-findings')!;
    await until(() => p.findings.length > 0, 'a finding');
    const finding = p.findings[0]!;
    findings.dispatchEvent(new CustomEvent('rp-focus-finding', { detail: finding, bubbles: true, composed: true }));
    await until(() => panel(p).anchor?.finding === finding.code, 'the finding anchor');
    await post(p, '.new form', 'Wie vult dit in?');
    await until(() => p.comments.length === 1, 'the thread');
    expect(p.comments[0]!.anchor.finding).to.equal(finding.code);
    await panel(p).updateComplete;
    expect(inPanel(p, 'article')!.textContent, 'the thread quotes the finding').to.contain(finding.message.nl);
  });
});
