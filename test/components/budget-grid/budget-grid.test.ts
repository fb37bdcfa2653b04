import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/budget-grid/budget-grid.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import { applyOps } from '../../../src/model/ops.ts';
import { formatMoney } from '../../../src/money/format.ts';
import { TestOwner, samplePlan, settle, cell } from '../grid/owner.ts';
import { paste, select, typeInto } from '../grid/keys.ts';

// name and annual budget (frozen), the four quarters, target group, category, basis, amount, per,
// quantity, rate, then the agreement columns.
const NAME = 0,
  ANNUAL = 1,
  Q1 = 2,
  TG = 6,
  CATEGORY = 7,
  KIND = 8,
  AMOUNT = 9,
  QUANTITY = 11,
  RATE = 12;

async function mount(n = 3, name?: (i: number) => string) {
  await setViewport({ width: 1900, height: 900 });
  const el = document.createElement('rp-budget-grid') as RpBudgetGrid;
  el.style.setProperty('--rp-grid-height', '300px');
  document.body.append(el);
  const plan = samplePlan(n, name);
  const owner = new TestOwner(el, {
    ...plan,
    targetGroups: [
      {
        id: 'tg1',
        name: 'Mensen met dementie',
        characteristics: 'x',
        postcodes: ['5611'],
        estimatedSize: 100,
        referenceDate: null,
      },
    ],
  });
  await settle(el);
  return { el, owner };
}

const status = (el: RpBudgetGrid) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();

describe('rp-budget-grid', () => {
  let el: RpBudgetGrid;
  let owner: TestOwner<RpBudgetGrid>;
  beforeEach(async () => ({ el, owner } = await mount()));
  afterEach(() => el.remove());

  it('shows each activity with its inputs, the engine amounts per year and per period, and a totals row', () => {
    const alloc = el.allocation!;
    expect(cell(el, 0, NAME).textContent).to.equal('Activiteit 1');
    expect(cell(el, 0, KIND).textContent).to.equal('Lumpsum');
    expect(cell(el, 0, AMOUNT).textContent).to.equal('€ 250.000,00');
    expect(cell(el, 0, ANNUAL).textContent).to.equal(formatMoney(alloc.activities[0]!.annual, 'nl'));
    expect(cell(el, 0, Q1).textContent).to.equal(formatMoney(alloc.activities[0]!.schedule[0]!.amount, 'nl'));
    expect(cell(el, 3, NAME).textContent).to.equal('Totaal');
    expect(cell(el, 3, ANNUAL).textContent).to.equal('€ 750.000,00');
    expect(cell(el, 3, Q1).textContent).to.equal(formatMoney(alloc.schedule[0]!.amount, 'nl'));
    expect(cell(el, 0, QUANTITY).getAttribute('data-rp')?.split(' ').includes('na')).to.equal(true);
  });

  it('turns a typed nl amount into an update-row op with the cost patch', async () => {
    await typeInto(el, 1, AMOUNT, '1.234,56');
    await settle(el);
    expect(owner.edits).to.deep.equal([
      [
        {
          op: 'update-row',
          collection: 'activities',
          id: 'a2',
          patch: { cost: { kind: 'lumpsum', amount: '1234.56', per: 'year' } },
        },
      ],
    ]);
    expect(cell(el, 1, AMOUNT).textContent).to.equal('€ 1.234,56');
    expect(cell(el, 1, ANNUAL).textContent).to.equal('€ 1.234,56');
    expect(cell(el, 3, ANNUAL).textContent).to.equal('€ 501.234,56');
  });

  it('refuses an unreadable amount with a message and keeps the old value', async () => {
    await typeInto(el, 0, AMOUNT, 'veel geld');
    await settle(el);
    expect(owner.edits).to.have.length(0);
    expect(cell(el, 0, AMOUNT).textContent).to.equal('€ 250.000,00');
    expect(cell(el, 0, AMOUNT).hasAttribute('data-rp-refused')).to.equal(true);
    expect(status(el)).to.contain('veel geld');
  });

  it('shows nothing but its label and amounts in the totals row, and ends the grid at its last row', () => {
    const total = 3;
    expect(cell(el, total, NAME).textContent).to.equal('Totaal');
    for (const col of [TG, CATEGORY, KIND, AMOUNT, QUANTITY, RATE])
      expect(cell(el, total, col).textContent, `column ${col}`).to.equal('');
    expect(cell(el, total, ANNUAL).textContent).to.equal(formatMoney(el.allocation!.annualTotal, 'nl'));
    // No empty area down to --rp-grid-height below a short plan: at most the scroll bar's room.
    const grid = el.shadowRoot!.querySelector('[part="grid"]')!.getBoundingClientRect();
    const last = cell(el, total, NAME).getBoundingClientRect();
    expect(grid.bottom - last.bottom).to.be.within(0, 16);
  });

  it('switches the cost basis and reads hours × rate pasted from a spreadsheet as one edit', async () => {
    select(el, 0, KIND);
    paste(el, { 'text/plain': 'Uren × tarief\t\t\t120\t€ 85,50\r\n' });
    await settle(el);
    expect(owner.edits).to.have.length(1);
    expect(owner.edits[0]).to.deep.equal([
      {
        op: 'update-row',
        collection: 'activities',
        id: 'a1',
        patch: { cost: { kind: 'hours', hours: '120', rate: '85.5' } },
      },
    ]);
    expect(cell(el, 0, ANNUAL).textContent).to.equal('€ 10.260,00');
  });

  it('picks a target group and category by their names', async () => {
    select(el, 0, TG);
    paste(el, { 'text/plain': 'Mensen met dementie\tCliëntgebonden' });
    await settle(el);
    expect(owner.edits[0]).to.deep.equal([
      {
        op: 'update-row',
        collection: 'activities',
        id: 'a1',
        patch: { targetGroupIds: ['tg1'], category: 'client-bound' },
      },
    ]);
    expect(cell(el, 0, TG).textContent).to.equal('Mensen met dementie');
    expect(cell(el, 0, CATEGORY).textContent).to.equal('Cliëntgebonden');
  });

  it('adds and removes rows through ops', async () => {
    select(el, 0, NAME);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
    await settle(el);
    const insert = owner.edits[0]![0] as { op: string; index: number };
    expect(insert).to.include({ op: 'insert-row', index: 1 });
    expect(cell(el, 1, NAME).textContent).to.equal('Nieuwe activiteit');
    select(el, 1, NAME);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.remove')!.click();
    await settle(el);
    expect(owner.plan.activities.map((a) => a.id)).to.deep.equal(['a1', 'a2', 'a3']);
  });

  it('marks an activity cell a finding points at and clears it when fixed', async () => {
    owner.set(
      applyOps(owner.plan, [
        { op: 'update-row', collection: 'activities', id: 'a1', patch: { targetGroupIds: ['missing'] } },
      ]),
    );
    await settle(el);
    const f = el.findings.find((x) => x.location.section === 'activities' && x.location.rowId === 'a1');
    expect(f, 'a finding about a1').to.not.equal(undefined);
    const td = cell(el, 0, TG);
    expect(td.hasAttribute('data-rp-mark')).to.equal(true);
    expect(td.getAttribute('aria-description')).to.contain(f!.message.nl);
    owner.set(
      applyOps(owner.plan, [
        { op: 'update-row', collection: 'activities', id: 'a1', patch: { targetGroupIds: ['tg1'] } },
      ]),
    );
    await settle(el);
    expect(cell(el, 0, TG).getAttribute('data-rp-mark')).to.not.equal('error');
  });

  it('shows names with markup as text', async () => {
    el.remove();
    ({ el, owner } = await mount(1, () => '<img src=x onerror="window.__pwned2=1">'));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(cell(el, 0, NAME).textContent).to.equal('<img src=x onerror="window.__pwned2=1">');
    expect((window as { __pwned2?: number }).__pwned2).to.equal(undefined);
  });
});

describe('rp-budget-grid inapplicable cells', () => {
  it('refuses a quantity typed for a lumpsum with a message', async () => {
    const { el, owner } = await mount(1);
    await typeInto(el, 0, QUANTITY, '12');
    await settle(el);
    expect(owner.edits).to.have.length(0);
    expect(status(el)).to.contain('niet van toepassing');
    el.remove();
  });
});
