import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/target-groups/target-groups.ts';
import type { RpTargetGroups } from '../../../components/target-groups/target-groups.ts';
import { parsePostcodes, formatPostcodes } from '../../../components/target-groups/postcodes.ts';
import { readWholeNumber } from '../../../components/target-groups/whole-number.ts';
import type { PlanOp } from '../../../src/model/ops.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { $, hasFocus, mount, record } from '../planner/dom.ts';

const control = (el: RpTargetGroups, row: string, field: string) =>
  $<HTMLInputElement>(el, `[data-row="${row}"][data-field="${field}"]`);

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
}

describe('postcode text', () => {
  it('reads PC4 codes and ranges separated by commas, semicolons, spaces or lines', () => {
    expect(parsePostcodes('5611, 5612-5658')).to.deep.equal(['5611', '5612-5658']);
    expect(parsePostcodes(' 5611;5612 - 5658\n5700 – 5710,,')).to.deep.equal(['5611', '5612-5658', '5700-5710']);
    expect(parsePostcodes('')).to.deep.equal([]);
    // Wrong entries are kept as typed, so the engine can point at them.
    expect(parsePostcodes('56a1, 12')).to.deep.equal(['56a1', '12']);
    expect(formatPostcodes(['5611', '5612-5658'])).to.equal('5611, 5612-5658');
  });

  it('reads whole numbers with the locale’s grouping and refuses anything else', () => {
    expect(readWholeNumber('1.250', 'nl')).to.equal(1250);
    expect(readWholeNumber('1,250', 'en')).to.equal(1250);
    expect(readWholeNumber('1250', 'en')).to.equal(1250);
    expect(readWholeNumber('  ', 'nl')).to.equal(null);
    expect(readWholeNumber('1,5', 'nl')).to.equal(undefined);
    expect(readWholeNumber('-3', 'nl')).to.equal(undefined);
    expect(readWholeNumber('12.50', 'nl')).to.equal(undefined);
  });
});

describe('rp-target-groups', () => {
  afterEach(() => document.querySelectorAll('rp-target-groups').forEach((e) => e.remove()));

  it('edits postcodes typed as text into a list of entries', async () => {
    const el = await mount<RpTargetGroups>('rp-target-groups', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const postcodes = control(el, 'tg1', 'postcodes');
    expect(postcodes.value).to.equal('5611, 5612-5658');
    await typeInto(postcodes, '5611, 5612 - 5658; 5700');
    expect(edits).to.deep.equal([
      {
        ops: [
          {
            op: 'update-row',
            collection: 'targetGroups',
            id: 'tg1',
            patch: { postcodes: ['5611', '5612-5658', '5700'] },
          },
        ],
      },
    ]);
  });

  it('refuses an unreadable size with a visible message and keeps the old value', async () => {
    const el = await mount<RpTargetGroups>('rp-target-groups', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const size = control(el, 'tg1', 'estimatedSize');
    expect(size.value).to.equal('1.200');
    await typeInto(size, 'veel');
    await el.updateComplete;
    expect(edits).to.have.length(0);
    expect(size.getAttribute('aria-invalid')).to.equal('true');
    const mark = $(el, `#${size.getAttribute('aria-describedby')}`);
    expect(mark.textContent).to.contain('“veel” is geen heel getal');
    el.locale = 'en';
    await el.updateComplete;
    expect(mark.textContent).to.contain('“veel” is not a whole number');
    await typeInto(size, '2,500');
    await el.updateComplete;
    expect(edits).to.deep.equal([
      { ops: [{ op: 'update-row', collection: 'targetGroups', id: 'tg1', patch: { estimatedSize: 2500 } }] },
    ]);
    expect(size.getAttribute('aria-invalid')).to.equal('false');
  });

  it('stores a reference date typed as 31122025 as 31 December 2025; an incomplete one is refused at the field (issue #13 bug 5)', async () => {
    const el = await mount<RpTargetGroups>('rp-target-groups', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const date = control(el, 'tg1', 'referenceDate');
    expect(date.value).to.equal('01-01-2025');
    await typeInto(date, '31122025');
    expect(edits).to.deep.equal([
      { ops: [{ op: 'update-row', collection: 'targetGroups', id: 'tg1', patch: { referenceDate: '2025-12-31' } }] },
    ]);
    await typeInto(date, '31-12-25');
    await el.updateComplete;
    expect(edits).to.have.length(1);
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${date.getAttribute('aria-describedby')}`).textContent).to.contain(
      '‘31-12-25’ is geen volledige datum',
    );
    expect(date.value).to.equal('31-12-25');
  });

  it('adds a group (focusing its name) and removes one', async () => {
    const el = await mount<RpTargetGroups>('rp-target-groups', { plan: handbookPlan() });
    const edits = record<{ ops: PlanOp[] }>(el, 'rp-edit');
    const add = [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Doelgroep toevoegen'),
    )!;
    add.click();
    const insert = edits[0]!.ops[0] as Extract<PlanOp, { op: 'insert-row' }>;
    expect(insert.op).to.equal('insert-row');
    expect(insert.collection).to.equal('targetGroups');
    expect(insert.row).to.include({ name: '', characteristics: '', estimatedSize: null });
    expect(insert.row.id).to.match(/^tg-[a-z0-9]+$/);
    // The owner applies the op and hands the new plan back; the new name field gets focus.
    const plan = handbookPlan();
    el.plan = { ...plan, targetGroups: [...plan.targetGroups, insert.row as never] };
    await el.updateComplete;
    await el.updateComplete;
    expect(hasFocus(control(el, insert.row.id, 'name'))).to.equal(true);
    const remove = [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('“Mensen met dementie” verwijderen'),
    )!;
    remove.click();
    expect(edits[1]!.ops).to.deep.equal([{ op: 'remove-row', collection: 'targetGroups', id: 'tg1' }]);
  });

  it('marks the postcode field that has a finding, and section-wide findings above the list', async () => {
    const findings: Finding[] = [
      {
        code: 'postcode-invalid',
        severity: 'error',
        location: { section: 'targetGroups', rowId: 'tg1', field: 'postcodes' },
        message: { nl: 'Postcode 12 is geen PC4.', en: 'Postcode 12 is not a PC4.' },
      },
    ];
    const el = await mount<RpTargetGroups>('rp-target-groups', { plan: handbookPlan(), findings });
    const postcodes = control(el, 'tg1', 'postcodes');
    expect(postcodes.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = postcodes.getAttribute('aria-describedby')!.split(' ');
    // The hint and the finding both describe the field.
    expect(describedBy).to.have.length(2);
    expect(describedBy.map((id) => $(el, `#${id}`).textContent).join(' ')).to.contain('Postcode 12 is geen PC4.');
    expect(control(el, 'tg1', 'name').getAttribute('aria-invalid')).to.equal('false');

    el.plan = { ...handbookPlan(), targetGroups: [] };
    el.findings = [
      {
        code: 'target-group-incomplete',
        severity: 'error',
        location: { section: 'targetGroups' },
        message: { nl: 'Geen doelgroep.', en: 'No target group.' },
      },
    ];
    await el.updateComplete;
    expect($(el, '.section-marks').textContent).to.contain('Geen doelgroep.');
  });

  it('shows markup in a name as text', async () => {
    const plan = handbookPlan();
    plan.targetGroups[0]!.name = '<img src=x onerror="window.pwned=1">';
    const el = await mount<RpTargetGroups>('rp-target-groups', { plan });
    expect($(el, 'legend').textContent).to.equal('<img src=x onerror="window.pwned=1">');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('in readonly mode offers no add or remove', async () => {
    const el = await mount<RpTargetGroups>('rp-target-groups', { plan: handbookPlan(), readonly: true });
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect(control(el, 'tg1', 'postcodes').readOnly).to.equal(true);
  });
});
