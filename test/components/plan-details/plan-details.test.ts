import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/plan-details/plan-details.ts';
import type { RpPlanDetails } from '../../../components/plan-details/plan-details.ts';
import type { PlanOp } from '../../../src/model/ops.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { $, hasFocus, mount, record } from '../planner/dom.ts';

const field = (el: RpPlanDetails, name: string) => $<HTMLInputElement>(el, `[data-field="${name}"]`);
const labelOf = (el: RpPlanDetails, control: HTMLElement) => $(el, `label[for="${control.id}"]`).textContent!.trim();

describe('rp-plan-details', () => {
  afterEach(() => document.querySelectorAll('rp-plan-details').forEach((e) => e.remove()));

  it('shows the plan with labelled fields, in nl by default and in en on request', async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan() });
    expect(field(el, 'name').value).to.equal('Dementienetwerk Voorbeeldregio');
    expect(field(el, 'period.start').value).to.equal('01-01-2025');
    expect((field(el, 'granularity') as unknown as HTMLSelectElement).value).to.equal('quarter');
    expect(labelOf(el, field(el, 'name'))).to.equal('Naam van het plan');
    el.locale = 'en';
    await el.updateComplete;
    expect(labelOf(el, field(el, 'name'))).to.equal('Plan name');
    expect(labelOf(el, field(el, 'granularity'))).to.equal('Payment per');
  });

  it('turns a typed name into one set-field op when the field is left', async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const input = field(el, 'name');
    input.focus();
    input.select();
    await sendKeys({ type: 'Zorgnetwerk Noord' });
    expect(edits).to.have.length(0);
    await sendKeys({ press: 'Tab' });
    expect(edits).to.deep.equal([{ ops: [{ op: 'set-field', field: 'name', value: 'Zorgnetwerk Noord' }] }]);
  });

  it('sets the deductible flag and the execution model by keyboard', async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    field(el, 'deductibleCharged').focus();
    await sendKeys({ press: 'Space' });
    expect(edits.at(-1)!.ops).to.deep.equal([{ op: 'set-field', field: 'deductibleCharged', value: true }]);
    const model = field(el, 'executionModel') as unknown as HTMLSelectElement;
    model.focus();
    await sendKeys({ press: 'ArrowUp' });
    expect(edits.at(-1)!.ops).to.deep.equal([{ op: 'set-field', field: 'executionModel', value: 'cashier' }]);
  });

  it('keeps the other period date when one changes', async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const end = field(el, 'period.end');
    end.value = '2026-06-30';
    end.dispatchEvent(new Event('change'));
    expect(edits[0]!.ops).to.deep.equal([
      { op: 'set-field', field: 'period', value: { start: '2025-01-01', end: '2026-06-30' } },
    ]);
  });

  it('marks a field with a finding: aria-invalid, described by a visible text with icon and severity', async () => {
    const finding: Finding = {
      code: 'deductible-charged',
      severity: 'error',
      location: { section: 'plan', field: 'deductibleCharged' },
      message: { nl: 'Geen eigen risico bij deze betaaltitel.', en: 'No deductible for this payment title.' },
    };
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan(), findings: [finding] });
    const box = field(el, 'deductibleCharged');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    const mark = $(el, `#${box.getAttribute('aria-describedby')}`);
    expect(mark.textContent).to.contain('Fout').and.to.contain('Geen eigen risico bij deze betaaltitel.');
    expect(mark.querySelector('svg')).to.not.equal(null);
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('false');
    el.findings = [];
    await el.updateComplete;
    expect(box.getAttribute('aria-invalid')).to.equal('false');
    expect(box.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('in readonly mode shows values but emits nothing', async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan(), readonly: true });
    const edits = record(el, 'rp-edit');
    const name = field(el, 'name');
    expect(name.readOnly).to.equal(true);
    expect((field(el, 'paymentTitle') as unknown as HTMLSelectElement).disabled).to.equal(true);
    name.focus();
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Tab' });
    expect(edits).to.have.length(0);
    expect(name.value).to.equal('Dementienetwerk Voorbeeldregio');
  });

  it('shows the clauses open, not in a collapsed section, and focuses a field by finding location', async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan() });
    expect(el.shadowRoot!.querySelector('details')).to.equal(null);
    const clause = field(el, 'clauses.quality');
    expect(clause.getClientRects().length, 'the clause is rendered visibly').to.be.greaterThan(0);
    expect(el.focusField({ section: 'plan', field: 'clauses.quality' })).to.equal(true);
    expect(hasFocus(field(el, 'clauses.quality'))).to.equal(true);
    expect(el.focusField({ section: 'plan', field: 'period' })).to.equal(true);
    expect(hasFocus(field(el, 'period.start'))).to.equal(true);
  });

  it('shows names with markup as text', async () => {
    const plan = {
      ...handbookPlan(),
      executionModel: 'cashier' as const,
      providers: [{ ...handbookPlan().providers[0]!, name: '<img src=x onerror="window.pwned=1">' }],
    };
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan });
    const option = [...$<HTMLSelectElement>(el, '[data-field="leadProviderId"]').options].at(-1)!;
    expect(option.textContent).to.equal('<img src=x onerror="window.pwned=1">');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  describe('dates typed by keyboard (issue #13 bug 5)', () => {
    const typeInto = async (input: HTMLInputElement, text: string) => {
      input.focus();
      input.select();
      await sendKeys({ type: text });
      await sendKeys({ press: 'Tab' });
    };

    it('stores 31122025 typed into the reference date as 31 December 2025 and shows it as typed by a person', async () => {
      const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan() });
      const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
      const date = field(el, 'marketShareDate');
      await typeInto(date, '31122025');
      expect(edits.map((e) => e.ops)).to.deep.equal([
        [{ op: 'set-field', field: 'marketShareDate', value: '2025-12-31' }],
      ]);
      el.plan = { ...el.plan!, marketShareDate: '2025-12-31' };
      await el.updateComplete;
      expect(date.value).to.equal('31-12-2025');
      expect(date.getAttribute('aria-invalid')).to.equal('false');
    });

    it('stores nothing for an incomplete or impossible date and says why at the field, in plain words', async () => {
      const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan() });
      const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
      const errors = record(el, 'rp-error');
      const date = field(el, 'marketShareDate');
      await typeInto(date, '3112202');
      expect(edits).to.have.length(0);
      expect(errors).to.have.length(0);
      expect(date.getAttribute('aria-invalid')).to.equal('true');
      const mark = $(el, `#${date.getAttribute('aria-describedby')!.split(' ').at(-1)}`);
      expect(mark.textContent).to.contain('‘3112202’ is geen volledige datum: typ dag, maand en jaar');
      expect(date.value, 'the typed text stays to be corrected').to.equal('3112202');
      await typeInto(date, '31-04-2025');
      expect(edits).to.have.length(0);
      expect($(el, `#${date.getAttribute('aria-describedby')!.split(' ').at(-1)}`).textContent).to.contain(
        '31 april 2025 bestaat niet: april heeft 30 dagen',
      );
      el.locale = 'en';
      await el.updateComplete;
      expect($(el, `#${date.getAttribute('aria-describedby')!.split(' ').at(-1)}`).textContent).to.contain(
        'April has 30 days',
      );
      await typeInto(date, '2025-12-31');
      expect(edits.map((e) => e.ops)).to.deep.equal([
        [{ op: 'set-field', field: 'marketShareDate', value: '2025-12-31' }],
      ]);
      expect(date.getAttribute('aria-invalid')).to.equal('false');
    });
  });

  it('names the lead by the execution model, and hides it for equal partners', async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', {
      plan: { ...handbookPlan(), executionModel: 'main-contractor' },
    });
    expect(labelOf(el, field(el, 'leadProviderId'))).to.equal('Hoofdaannemer');
    el.plan = { ...el.plan!, executionModel: 'cashier' };
    await el.updateComplete;
    expect(labelOf(el, field(el, 'leadProviderId'))).to.equal('Kassier');
    el.plan = { ...el.plan!, executionModel: 'equal-partners', leadProviderId: null };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-field="leadProviderId"]')).to.equal(null);
  });

  it("edits the area total, the agreed market-share definition and a later year's counts", async () => {
    const plan = { ...handbookPlan(), period: { start: '2025-01-01', end: '2026-12-31' } };
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const total = field(el, 'marketShare.insuredTotal');
    total.value = '59.980';
    total.dispatchEvent(new Event('change'));
    expect(edits.at(-1)!.ops).to.deep.equal([
      { op: 'set-field', field: 'marketShare', value: { definition: '', insuredTotal: '59980', laterYears: [] } },
    ]);
    const date = field(el, 'marketShare.laterYears.2026.referenceDate');
    expect(labelOf(el, date)).to.equal('Peildatum 2026');
    date.value = '31-12-2025';
    date.dispatchEvent(new Event('change'));
    expect(edits.at(-1)!.ops).to.deep.equal([
      {
        op: 'set-field',
        field: 'marketShare',
        value: {
          definition: '',
          insuredTotal: null,
          laterYears: [{ year: 2026, referenceDate: '2025-12-31', insuredTotal: null, counts: [] }],
        },
      },
    ]);
  });

  it("adds an evaluation moment and records the patients' representation", async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const add = [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Evaluatiemoment toevoegen'),
    )!;
    add.click();
    expect(edits.at(-1)!.ops).to.deep.equal([
      { op: 'set-field', field: 'evaluationMoments', value: [{ date: null, topic: '' }] },
    ]);
    const rep = field(el, 'patientRepresentation') as unknown as HTMLTextAreaElement;
    rep.value = 'De cliëntenraad leest mee.';
    rep.dispatchEvent(new Event('change'));
    expect(edits.at(-1)!.ops).to.deep.equal([
      { op: 'set-field', field: 'patientRepresentation', value: 'De cliëntenraad leest mee.' },
    ]);
  });
});
