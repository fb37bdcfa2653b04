import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/budget-grid/budget-grid.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { TestOwner, samplePlan, settle } from '../grid/owner.ts';
import { typeInto } from '../grid/keys.ts';

/* Issue #13 item 6: an ambiguous number says how it was read; an amount far out of line is called out. */

// name, annual, four quarters, target group, category, basis, amount.
const AMOUNT = 9;

async function mount(locale: Locale) {
  await setViewport({ width: 1900, height: 900 });
  const el = document.createElement('rp-budget-grid') as RpBudgetGrid;
  el.locale = locale;
  document.body.append(el);
  const owner = new TestOwner(el, samplePlan(3));
  await settle(el);
  return { el, owner };
}

const status = (el: RpBudgetGrid) => el.shadowRoot!.querySelector('[part="status"]')!;

describe('rp-budget-grid: how input was read', () => {
  let el: RpBudgetGrid;
  afterEach(() => el.remove());

  it('en: "12.500" is taken as €12.50 and says so, with the other reading, and that it is far below the rest', async () => {
    let owner;
    ({ el, owner } = await mount('en'));
    await typeInto(el, 0, AMOUNT, '12.500');
    await settle(el);
    expect(owner.plan.activities[0]!.cost).to.deep.include({ amount: '12.5' });
    const text = status(el).textContent!;
    expect(text).to.contain('‘12.500’ read as €12.50; for €12,500.00 type 12500.');
    expect(text).to.contain('€12.50 is far smaller than the other amounts (about €250,000.00)');
    expect(status(el).classList.contains('refused'), 'a note, not a refusal').to.equal(false);
  });

  it('nl: "12.500" is taken as € 12.500 and says so; an unambiguous entry says nothing', async () => {
    let owner;
    ({ el, owner } = await mount('nl'));
    await typeInto(el, 0, AMOUNT, '12.500');
    await settle(el);
    expect(owner.plan.activities[0]!.cost).to.deep.include({ amount: '12500' });
    expect(status(el).textContent).to.contain('‘12.500’ gelezen als € 12.500,00; voor € 12,50 typt u 12,5.');
    await typeInto(el, 1, AMOUNT, '12.500,00');
    await settle(el);
    expect(status(el).textContent!.trim()).to.equal('');
  });
});
