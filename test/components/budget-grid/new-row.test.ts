import { expect } from 'chai';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../components/budget-grid/budget-grid.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import { TestOwner, samplePlan, settle, cell } from '../grid/owner.ts';
import { applyOps } from '../../../src/model/ops.ts';

// name, annual, four quarters, target group, category, basis, amount.
const NAME = 0,
  AMOUNT = 9;

async function mount(n = 2) {
  await setViewport({ width: 1900, height: 900 });
  const el = document.createElement('rp-budget-grid') as RpBudgetGrid;
  el.style.setProperty('--rp-grid-height', '400px');
  document.body.append(el);
  const owner = new TestOwner(el, samplePlan(n));
  await settle(el);
  return { el, owner };
}

/** Clicks the middle of an element with the real mouse. */
async function click(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

const status = (el: RpBudgetGrid) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();

describe('rp-budget-grid: a newly added row', () => {
  let el: RpBudgetGrid;
  let owner: TestOwner<RpBudgetGrid>;
  beforeEach(async () => ({ el, owner } = await mount()));
  afterEach(() => el.remove());

  it('can be edited by clicking it and typing (issue #13 bug 1)', async () => {
    await click(el.shadowRoot!.querySelector('button.add')!);
    await settle(el);
    expect(owner.plan.activities).to.have.length(3);
    expect(cell(el, 2, NAME).textContent).to.equal('Nieuwe activiteit');
    await click(cell(el, 2, AMOUNT));
    await sendKeys({ type: '5000' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(owner.plan.activities[2]!.cost).to.deep.equal({ kind: 'lumpsum', amount: '5000', per: 'year' });
    expect(cell(el, 2, AMOUNT).textContent).to.equal('€ 5.000,00');
  });

  it('opens its editor on Enter and on double-click', async () => {
    await click(el.shadowRoot!.querySelector('button.add')!);
    await settle(el);
    await click(cell(el, 2, NAME));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: ' A' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(owner.plan.activities[2]!.name).to.equal('Nieuwe activiteit A');
    const td = cell(el, 2, NAME);
    const r = td.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + 20), Math.round(r.top + r.height / 2)] });
    await sendMouse({ type: 'click', position: [Math.round(r.left + 20), Math.round(r.top + r.height / 2)] });
    await sendKeys({ type: 'B' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(owner.plan.activities[2]!.name).to.contain('B');
    expect(status(el)).to.not.contain('raster');
  });

  it('adds one and removes another without breaking (issue #13 bug 2)', async () => {
    await click(el.shadowRoot!.querySelector('button.add')!);
    await settle(el);
    await click(cell(el, 0, NAME));
    await click(el.shadowRoot!.querySelector('button.remove')!);
    await settle(el);
    expect(owner.plan.activities.map((a) => a.name)).to.deep.equal(['Activiteit 2', 'Nieuwe activiteit']);
    expect(status(el)).to.equal('');
    const names = [...el.shadowRoot!.querySelectorAll('.ht_clone_inline_start td[aria-colindex="1"]')].map(
      (td) => td.textContent,
    );
    expect(names.filter((n) => n === 'Totaal')).to.have.length(1);
    expect(cell(el, 2, NAME).textContent).to.equal('Totaal');
  });

  it('recovers by itself when Handsontable fails to draw, and never shows its internal error', async () => {
    const hot = (el as unknown as { hot: { getCell: (...a: unknown[]) => unknown } }).hot;
    hot.getCell = () => {
      throw new Error('TR was expected to be rendered but is not');
    };
    owner.set(
      applyOps(owner.plan, [
        { op: 'update-row', collection: 'activities', id: 'a1', patch: { name: 'Casemanagement' } },
      ]),
    );
    await settle(el);
    await settle(el);
    expect(status(el)).to.not.contain('TR was expected');
    expect(status(el)).to.equal('');
    expect(cell(el, 0, NAME).textContent).to.equal('Casemanagement');
    const names = [...el.shadowRoot!.querySelectorAll('.ht_clone_inline_start tbody td[aria-colindex="1"]')].map(
      (td) => td.textContent,
    );
    expect(names).to.deep.equal(['Casemanagement', 'Activiteit 2', 'Totaal']);
    // and it still takes edits
    await click(cell(el, 1, AMOUNT));
    await sendKeys({ type: '7' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(owner.plan.activities[1]!.cost).to.deep.equal({ kind: 'lumpsum', amount: '7', per: 'year' });
  });
});
