import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import axe from 'axe-core';
import '../../../components/planner/planner.ts';
import type { RpPlanner, RpChangeDetail, RpErrorDetail } from '../../../components/planner/planner.ts';
import type { RpFindings } from '../../../components/findings/findings.ts';
import type { RpPlanDetails } from '../../../components/plan-details/plan-details.ts';
import { handbookPlan } from './handbook-plan.ts';
import { $, hasFocus, mount, nextFrame, record } from './dom.ts';

const details = (p: RpPlanner) => $<RpPlanDetails>(p, 'rp-plan-details');
const findingsPanel = (p: RpPlanner) => $<RpFindings>(p, 'rp-findings');
const detailField = (p: RpPlanner, field: string) => $<HTMLInputElement>(details(p), `[data-field="${field}"]`);
const headings = (p: RpPlanner) =>
  [...p.shadowRoot!.querySelectorAll('section.card > h3')].map((h) => h.textContent!.trim());

async function settle(p: RpPlanner): Promise<void> {
  await p.updateComplete;
  await details(p).updateComplete;
  await findingsPanel(p).updateComplete;
  await nextFrame();
}

async function chord(...keys: string[]): Promise<void> {
  for (const m of keys.slice(0, -1)) await sendKeys({ down: m });
  await sendKeys({ press: keys.at(-1)! });
  for (const m of keys.slice(0, -1).reverse()) await sendKeys({ up: m });
}

/** Checks the deductible box the way a keyboard user does. */
async function toggleDeductible(p: RpPlanner): Promise<void> {
  detailField(p, 'deductibleCharged').focus();
  await sendKeys({ press: 'Space' });
  await settle(p);
}

describe('rp-planner', () => {
  before(() => setViewport({ width: 1400, height: 900 }));
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('takes a plan and exposes it with the engine’s findings and allocation', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan() });
    expect(p.plan!.name).to.equal('Dementienetwerk Voorbeeldregio');
    expect(p.findings).to.deep.equal([]);
    expect(p.allocation!.annualTotal.toString()).to.equal('250000');
    expect(p.locale).to.equal('nl');
    expect(p.licenseKey).to.equal('non-commercial-and-evaluation');
    expect($(p, '.toolbar').textContent).to.contain('€ 250.000,00');
    expect(headings(p)).to.deep.equal([
      'Activiteiten en budget',
      'Verdeling over domeinen en sectoren',
      'Partijen',
      'Doelgroepen',
      'Plangegevens',
      'Exporteren',
    ]);
  });

  it('passes locale, readonly and the licence key to every section and grid', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan() });
    p.setAttribute('locale', 'en');
    p.setAttribute('readonly', '');
    p.setAttribute('license-key', 'my-key');
    await settle(p);
    for (const tag of ['rp-plan-details', 'rp-target-groups', 'rp-parties', 'rp-split-grid', 'rp-budget-grid']) {
      const child = $<HTMLElement & { locale: string; readonly: boolean }>(p, tag);
      expect([tag, child.locale, child.readonly]).to.deep.equal([tag, 'en', true]);
    }
    expect($<HTMLElement & { licenseKey: string }>(p, 'rp-split-grid').licenseKey).to.equal('my-key');
    expect($<HTMLElement & { licenseKey: string }>(p, 'rp-budget-grid').licenseKey).to.equal('my-key');
    expect(detailField(p, 'name').readOnly).to.equal(true);
    expect(p.shadowRoot!.querySelector('button.undo')).to.equal(null);
  });

  it('switches language at runtime and re-renders every text', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan() });
    p.locale = 'en';
    await settle(p);
    expect(headings(p)).to.deep.equal([
      'Activities and budget',
      'Split across domains and sectors',
      'Parties',
      'Target groups',
      'Plan details',
      'Export',
    ]);
    expect($(p, '.toolbar').textContent).to.contain('€250,000.00').and.contain('Undo');
    expect(findingsPanel(p).shadowRoot!.querySelector('h2')!.textContent).to.contain('Findings');
    expect($(details(p), `label[for="${detailField(p, 'name').id}"]`).textContent).to.equal('Plan name');
    p.setAttribute('locale', 'nl');
    await settle(p);
    expect(headings(p).at(-2)).to.equal('Plangegevens');
  });

  it('refuses an invalid plan with a visible message and an rp-error event, never a throw', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan() });
    const errors = record<RpErrorDetail>(p, 'rp-error');
    const bad = { ...handbookPlan(), name: 42, activities: 'none' };
    expect(() => {
      p.plan = bad;
    }).to.not.throw();
    expect(() => {
      p.plan = null;
    }).to.not.throw();
    expect(() => {
      p.plan = JSON.parse('{"__proto__": {"polluted": 1}}');
    }).to.not.throw();
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    await settle(p);
    expect(errors).to.have.length(3);
    expect(errors[0]!.code).to.equal('plan-invalid');
    expect(errors[0]!.issues!.join(' ')).to.contain('name');
    const alert = $(p, '[role="alert"]');
    expect(alert.textContent).to.contain('Dit plan kan niet worden geladen');
    // The previous plan stays, complete and editable.
    expect(p.plan!.name).to.equal('Dementienetwerk Voorbeeldregio');
    expect(detailField(p, 'name').value).to.equal('Dementienetwerk Voorbeeldregio');
    p.locale = 'en';
    await settle(p);
    expect($(p, '[role="alert"]').textContent).to.contain('This plan cannot be loaded');
    p.plan = handbookPlan('other');
    await settle(p);
    expect(p.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('an edit in the details form becomes a change with new findings, marked on the field and listed', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan() });
    const changes = record<RpChangeDetail>(document, 'rp-change');
    const leaked = record(document, 'rp-edit');
    await toggleDeductible(p);
    expect(changes).to.have.length(1);
    expect(changes[0]!.plan.deductibleCharged).to.equal(true);
    expect(changes[0]!.findings.map((f) => f.code)).to.deep.equal(['deductible-charged']);
    expect(p.plan!.deductibleCharged).to.equal(true);
    expect(p.findings.map((f) => f.code)).to.deep.equal(['deductible-charged']);
    expect(detailField(p, 'deductibleCharged').getAttribute('aria-invalid')).to.equal('true');
    const items = findingsPanel(p).shadowRoot!.querySelectorAll('button[part="item"]');
    expect(items).to.have.length(1);
    expect(items[0]!.textContent).to.contain('eigen risico');
    // The section's own edit event stays inside the planner; hosts listen to rp-change.
    expect(leaked).to.have.length(0);
  });

  it('choosing a finding moves focus to its field', async () => {
    const plan = { ...handbookPlan(), executionModel: 'cashier' as const };
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan });
    await settle(p);
    expect(p.findings.map((f) => f.code)).to.deep.equal(['lead-missing']);
    const button = findingsPanel(p).shadowRoot!.querySelector<HTMLButtonElement>('button[part="item"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(hasFocus(detailField(p, 'leadProviderId'))).to.equal(true);
  });

  it('undoes and redoes by keyboard and by the buttons', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan() });
    const changes = record<RpChangeDetail>(p, 'rp-change');
    const undo = $<HTMLButtonElement>(p, 'button.undo');
    expect(undo.disabled).to.equal(true);
    await toggleDeductible(p);
    expect(undo.disabled).to.equal(false);
    await chord('Control', 'z');
    await settle(p);
    expect(p.plan!.deductibleCharged).to.equal(false);
    expect(p.findings).to.deep.equal([]);
    expect(detailField(p, 'deductibleCharged').checked).to.equal(false);
    await chord('Control', 'y');
    await settle(p);
    expect(p.plan!.deductibleCharged).to.equal(true);
    undo.click();
    await settle(p);
    expect(p.plan!.deductibleCharged).to.equal(false);
    $<HTMLButtonElement>(p, 'button.redo').click();
    await settle(p);
    expect(p.plan!.deductibleCharged).to.equal(true);
    expect(changes.map((c) => c.plan.deductibleCharged)).to.deep.equal([true, false, true, false, true]);
  });

  it('keeps two planners on one page independent', async () => {
    const a = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan('a') });
    const b = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan('b') });
    const changesB = record<RpChangeDetail>(b, 'rp-change');
    await toggleDeductible(a);
    expect(a.plan!.deductibleCharged).to.equal(true);
    expect(b.plan!.deductibleCharged).to.equal(false);
    expect(b.findings).to.deep.equal([]);
    expect(changesB).to.have.length(0);
    await toggleDeductible(b);
    // Undo in b undoes b's edit only.
    await chord('Control', 'z');
    await settle(a);
    await settle(b);
    expect(b.plan!.deductibleCharged).to.equal(false);
    expect(a.plan!.deductibleCharged).to.equal(true);
    expect(a.findings.map((f) => f.code)).to.deep.equal(['deductible-charged']);
    b.locale = 'en';
    await settle(b);
    expect(headings(a).at(-1)).to.equal('Exporteren');
    expect(headings(b).at(-1)).to.equal('Export');
  });

  it('a split typed to 99 % in the split grid shows up in the findings; undo and the fix clear it', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan() });
    const grid = $<HTMLElement & { focusCell(l: object): boolean; updateComplete: Promise<unknown> }>(
      p,
      'rp-split-grid',
    );
    await grid.updateComplete;
    await nextFrame();
    const zvw = { section: 'split', rowId: 'default', domainId: 'zvw' };
    const typeZvw = async (text: string) => {
      expect(grid.focusCell(zvw)).to.equal(true);
      await sendKeys({ type: text });
      await sendKeys({ press: 'Enter' });
      await settle(p);
    };
    const listed = () =>
      [...findingsPanel(p).shadowRoot!.querySelectorAll('button[part="item"]')].map((b) => b.textContent!);

    await typeZvw('69');
    expect(p.plan!.defaultSplit.domains.find((d) => d.domainId === 'zvw')!.percent).to.equal('69');
    expect(p.findings.map((f) => f.code)).to.include('split-sum');
    expect(listed().join(' ')).to.contain('99');
    expect($(p, '.status').textContent!.trim()).to.equal('1 fout');

    // Ctrl+Z in the grid reaches the planner's undo (the grid emits rp-undo).
    grid.focusCell(zvw);
    await chord('Control', 'z');
    await settle(p);
    expect(p.plan!.defaultSplit.domains.find((d) => d.domainId === 'zvw')!.percent).to.equal('70');
    expect(p.findings).to.deep.equal([]);
    expect(listed()).to.deep.equal([]);

    await chord('Control', 'y');
    await settle(p);
    expect(p.findings.map((f) => f.code)).to.include('split-sum');

    await typeZvw('70');
    expect(p.findings).to.deep.equal([]);
    expect(findingsPanel(p).shadowRoot!.querySelector('.ok')).to.not.equal(null);
  });

  it('shows findings at once and the new amounts after the paint, never amounts of an older plan', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan() });
    const grid = $<
      HTMLElement & {
        focusCell(l: object): boolean;
        allocation: RpPlanner['allocation'];
        updateComplete: Promise<unknown>;
      }
    >(p, 'rp-split-grid');
    await grid.updateComplete;
    await nextFrame();
    const zvwAmount = (a: RpPlanner['allocation']) => a?.byDomain.find((d) => d.domainId === 'zvw')?.amount.toString();
    expect(zvwAmount(grid.allocation)).to.equal('175000');

    expect(grid.focusCell({ section: 'split', rowId: 'default', domainId: 'zvw' })).to.equal(true);
    await sendKeys({ type: '69' });
    await sendKeys({ press: 'Enter' });
    await p.updateComplete;
    // The finding is there in the same task as the edit.
    expect(p.findings.map((f) => f.code)).to.include('split-sum');
    // Whoever asks for the allocation gets the new plan's amounts, even before they are painted.
    expect(zvwAmount(p.allocation)).to.equal('172500');
    // The grid gets them within a few frames.
    for (let i = 0; i < 30 && zvwAmount(grid.allocation) !== '172500'; i++) await nextFrame();
    expect(zvwAmount(grid.allocation)).to.equal('172500');
    expect($(p, '.toolbar').textContent).to.contain('€ 250.000,00');
  });

  it('has no serious or critical accessibility violations in its forms and findings, with findings shown', async () => {
    const plan = handbookPlan();
    const broken = {
      ...plan,
      executionModel: 'cashier' as const,
      deductibleCharged: true,
      providers: plan.providers.map((pr) => (pr.id === 'p-ha' ? { ...pr, agb: '12' } : pr)),
      targetGroups: plan.targetGroups.map((g) => ({ ...g, postcodes: ['12', '5611'] })),
    };
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: broken });
    await settle(p);
    expect(p.findings.length).to.be.greaterThan(3);
    expect(p.shadowRoot!.querySelector('rp-parties')!.shadowRoot!.querySelector('[aria-invalid="true"]')).to.not.equal(
      null,
    );
    const nav = [...p.shadowRoot!.querySelectorAll('.nav button')].map((b) =>
      b.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(nav).to.include('Partijen 1, 1 bevinding');
    const result = await axe.run(p, { resultTypes: ['violations'] });
    // The grids are checked in their own tests.
    const inGrid = (target: unknown[]) => target.some((t) => /rp-(split|budget)-grid/.test(String(t)));
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.filter((n) => !inGrid(n.target as unknown[])).map((n) => `${v.id}: ${n.target.join(' ')}`),
      );
    expect(bad).to.deep.equal([]);
  });

  it('ignores edits while readonly', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: handbookPlan(), readonly: true });
    details(p).dispatchEvent(
      new CustomEvent('rp-edit', {
        detail: { ops: [{ op: 'set-field', field: 'name', value: 'x' }] },
        bubbles: true,
        composed: true,
      }),
    );
    await chord('Control', 'z');
    await settle(p);
    expect(p.plan!.name).to.equal('Dementienetwerk Voorbeeldregio');
  });
});
