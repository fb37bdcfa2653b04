import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/budget-grid/budget-grid.ts';
import '../../../components/findings/findings.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import type { RpFindings } from '../../../components/findings/findings.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { TestOwner, samplePlan, settle, cell } from '../grid/owner.ts';
import { select } from '../grid/keys.ts';

/*
 * Issue #13 item 7: a row just added shows no findings until the user leaves it or tries to export.
 */

const NAME = 0;

const NEW_ROW_FINDING = (rowId: string): Finding => ({
  code: 'reference-missing',
  severity: 'error',
  location: { section: 'activities', rowId, field: 'name' },
  message: { nl: 'Nieuwe regel zonder naam', en: 'New row without a name' },
});

describe('rp-budget-grid and rp-findings: a row just added', () => {
  let el: RpBudgetGrid;
  let panel: RpFindings;
  let owner: TestOwner<RpBudgetGrid>;
  beforeEach(async () => {
    await setViewport({ width: 1900, height: 900 });
    el = document.createElement('rp-budget-grid') as RpBudgetGrid;
    panel = document.createElement('rp-findings') as RpFindings;
    document.body.append(el, panel);
    owner = new TestOwner(el, samplePlan(2));
    await settle(el);
  });
  afterEach(() => {
    el.remove();
    panel.remove();
  });

  /** The engine's findings plus one about the new row (as a provider without AGB code would have). */
  const withFinding = async (rowId: string) => {
    const findings = [...el.findings, NEW_ROW_FINDING(rowId)];
    el.findings = findings;
    panel.findings = findings;
    await settle(el);
    await panel.updateComplete;
  };
  const panelText = () => panel.shadowRoot!.textContent!;

  it('shows them once the user moves to another row', async () => {
    select(el, 0, NAME);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
    await settle(el);
    const id = owner.plan.activities[1]!.id;
    await withFinding(id);
    expect(cell(el, 1, NAME).getAttribute('data-rp-mark'), 'no mark on the new row yet').to.equal(null);
    expect(panelText()).to.not.contain('Nieuwe regel zonder naam');
    select(el, 0, NAME);
    await settle(el);
    await panel.updateComplete;
    expect(cell(el, 1, NAME).getAttribute('data-rp-mark')).to.equal('error');
    expect(panelText()).to.contain('Nieuwe regel zonder naam');
  });

  it('shows them when an export is tried', async () => {
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
    await settle(el);
    const id = owner.plan.activities[2]!.id;
    await withFinding(id);
    expect(cell(el, 2, NAME).getAttribute('data-rp-mark')).to.equal(null);
    document.dispatchEvent(new CustomEvent('rp-export-error', { detail: {}, bubbles: true, composed: true }));
    await settle(el);
    await panel.updateComplete;
    expect(cell(el, 2, NAME).getAttribute('data-rp-mark')).to.equal('error');
    expect(panelText()).to.contain('Nieuwe regel zonder naam');
  });
});
