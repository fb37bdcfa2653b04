import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/parties/parties.ts';
import type { RpParties } from '../../../components/parties/parties.ts';
import type { PlanOp } from '../../../src/model/ops.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { $, hasFocus, mount, record } from '../planner/dom.ts';

const control = <T extends HTMLElement = HTMLInputElement>(
  el: RpParties,
  section: string,
  row: string,
  field: string,
) => $<T>(el, `[data-section="${section}"][data-row="${row}"][data-field="${field}"]`);

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
}

describe('rp-parties', () => {
  afterEach(() => document.querySelectorAll('rp-parties').forEach((e) => e.remove()));

  it('lists providers and funders with accessible names per cell', async () => {
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan() });
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(4 + 3);
    expect(control(el, 'providers', 'p-vv', 'agb').getAttribute('aria-label')).to.equal('AGB-code, Thuiszorg West');
    expect(control<HTMLSelectElement>(el, 'providers', 'p-vv', 'sectorId').value).to.equal('zvw-vv');
    expect(control<HTMLSelectElement>(el, 'providers', 'p-wmo', 'sectorId').disabled).to.equal(true);
    expect(control(el, 'funders', 'f-vgz', 'share').value).to.equal('100');
    el.locale = 'en';
    await el.updateComplete;
    expect(control(el, 'providers', 'p-vv', 'agb').getAttribute('aria-label')).to.equal('AGB code, Thuiszorg West');
  });

  it('reads a typed share in the locale’s format into a canonical percentage', async () => {
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    await typeInto(control(el, 'providers', 'p-vv', 'share'), '12,5');
    expect(edits.at(-1)!.ops).to.deep.equal([
      { op: 'update-row', collection: 'providers', id: 'p-vv', patch: { share: '12.5' } },
    ]);
    el.locale = 'en';
    await el.updateComplete;
    await typeInto(control(el, 'providers', 'p-ha', 'share'), '87.5%');
    expect(edits.at(-1)!.ops).to.deep.equal([
      { op: 'update-row', collection: 'providers', id: 'p-ha', patch: { share: '87.5' } },
    ]);
  });

  it('refuses an unreadable share with a message and sends nothing', async () => {
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const share = control(el, 'funders', 'f-vgz', 'share');
    await typeInto(share, 'twaalf');
    await el.updateComplete;
    expect(edits).to.have.length(0);
    expect(share.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${share.getAttribute('aria-describedby')}`).textContent).to.contain('twaalf');
    // What the user typed stays in the field beside the message about it; the plan keeps 100 %.
    expect(share.value).to.equal('twaalf');
  });

  it('keeps refused text in an empty share field, and an emptied field clears its message', async () => {
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const share = control(el, 'providers', 'p-vv', 'share');
    await typeInto(share, 'tien');
    await el.updateComplete;
    expect(share.value).to.equal('tien');
    expect(share.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.textContent).to.contain('is geen percentage');
    share.focus();
    share.select();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(share.value).to.equal('');
    expect(share.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.textContent).not.to.contain('is geen percentage');
    // The plan had no share and still has none: nothing to send.
    expect(edits).to.have.length(0);
  });

  it('clears a refused funder share when its basis is set to none', async () => {
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan() });
    const share = control(el, 'funders', 'f-vgz', 'share');
    await typeInto(share, 'veel');
    await el.updateComplete;
    expect(share.getAttribute('aria-invalid')).to.equal('true');
    const plan = handbookPlan();
    plan.funders[0]!.share = null;
    const basis = control<HTMLSelectElement>(el, 'funders', 'f-vgz', 'shareBasis');
    basis.value = 'none';
    basis.dispatchEvent(new Event('change'));
    el.plan = plan;
    await el.updateComplete;
    expect(share.value).to.equal('');
    expect(share.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.textContent).not.to.contain('is geen percentage');
  });

  it('moving a provider to another domain also picks a sector of that domain', async () => {
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const domain = control<HTMLSelectElement>(el, 'providers', 'p-wmo', 'domainId');
    domain.value = 'zvw';
    domain.dispatchEvent(new Event('change'));
    expect(edits[0]!.ops).to.deep.equal([
      { op: 'update-row', collection: 'providers', id: 'p-wmo', patch: { domainId: 'zvw', sectorId: 'zvw-ha' } },
    ]);
  });

  it('switches a funder’s market share between count and percentage', async () => {
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const basis = control<HTMLSelectElement>(el, 'funders', 'f-gem', 'shareBasis');
    expect(control(el, 'funders', 'f-gem', 'share').disabled).to.equal(true);
    basis.value = 'count';
    basis.dispatchEvent(new Event('change'));
    expect(edits[0]!.ops).to.deep.equal([
      { op: 'update-row', collection: 'funders', id: 'f-gem', patch: { share: { basis: 'count', count: '0' } } },
    ]);
    const plan = handbookPlan();
    plan.funders[1]!.share = { basis: 'count', count: '0' };
    el.plan = plan;
    await el.updateComplete;
    await typeInto(control(el, 'funders', 'f-gem', 'share'), '45.000');
    expect(edits.at(-1)!.ops).to.deep.equal([
      { op: 'update-row', collection: 'funders', id: 'f-gem', patch: { share: { basis: 'count', count: '45000' } } },
    ]);
  });

  it('names roles by the execution model and share bases by who pays (insured for an insurer, inhabitants for a municipality)', async () => {
    const plan = { ...handbookPlan(), executionModel: 'main-contractor' as const };
    const el = await mount<RpParties>('rp-parties', { plan });
    const options = (row: string, field: string, section = 'providers') =>
      [...control<HTMLSelectElement>(el, section, row, field).options].map((o) => o.textContent!.trim());
    expect(options('p-wmo', 'role')).to.deep.equal(['Hoofdaannemer', 'Kassier', 'Onderaannemer']);
    el.plan = { ...plan, executionModel: 'cashier' };
    await el.updateComplete;
    expect(options('p-wmo', 'role')).to.deep.equal(['Hoofdaannemer', 'Kassier', 'Partner']);
    expect(options('f-vgz', 'shareBasis', 'funders')).to.deep.equal([
      'Niet opgegeven',
      'Aantal verzekerden in het verzorgingsgebied',
      '% van alle verzekerden in het verzorgingsgebied',
    ]);
    expect(options('f-gem', 'shareBasis', 'funders')).to.deep.equal([
      'Niet opgegeven',
      'Aantal inwoners',
      'Percentage',
    ]);
  });

  it('adds and removes rows', async () => {
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    buttons.find((b) => b.textContent!.includes('Aanbieder toevoegen'))!.click();
    const op = edits[0]!.ops[0] as Extract<PlanOp, { op: 'insert-row' }>;
    expect(op.collection).to.equal('providers');
    expect(op.row).to.include({ name: '', domainId: 'zvw', sectorId: 'zvw-ha', role: 'partner', share: null });
    buttons.find((b) => b.getAttribute('aria-label') === '“Zorgverzekeraar A” verwijderen')!.click();
    expect(edits[1]!.ops).to.deep.equal([{ op: 'remove-row', collection: 'funders', id: 'f-vgz' }]);
  });

  it('marks the cell a finding points at, and findings about all funders above the table', async () => {
    const findings: Finding[] = [
      {
        code: 'code-invalid',
        severity: 'error',
        location: { section: 'providers', rowId: 'p-ha', field: 'agb' },
        message: { nl: 'AGB-code klopt niet.', en: 'AGB code is wrong.' },
      },
      {
        code: 'zvw-without-insurer',
        severity: 'error',
        location: { section: 'funders', domainId: 'zvw' },
        message: { nl: 'Zvw heeft geen verzekeraar.', en: 'Zvw has no insurer.' },
      },
    ];
    const el = await mount<RpParties>('rp-parties', { plan: handbookPlan(), findings });
    const agb = control(el, 'providers', 'p-ha', 'agb');
    expect(agb.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${agb.getAttribute('aria-describedby')}`).textContent).to.contain('AGB-code klopt niet.');
    expect(control(el, 'providers', 'p-vv', 'agb').getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '.section-marks').textContent).to.contain('Zvw heeft geen verzekeraar.');
    expect(el.focusField({ section: 'providers', rowId: 'p-ha', field: 'agb' })).to.equal(true);
    expect(hasFocus(agb)).to.equal(true);
  });

  it('shows markup in names as text', async () => {
    const plan = handbookPlan();
    plan.providers[0]!.name = '<b>vet</b><img src=x>';
    const el = await mount<RpParties>('rp-parties', { plan });
    expect(control(el, 'providers', 'p-vv', 'name').value).to.equal('<b>vet</b><img src=x>');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
  });
});
