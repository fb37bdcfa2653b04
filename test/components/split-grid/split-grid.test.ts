import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import type { RpSplitGrid } from '../../../components/split-grid/split-grid.ts';
import { applyOps } from '../../../src/model/ops.ts';
import { formatMoney } from '../../../src/money/format.ts';
import { TestOwner, samplePlan, settle, cell } from '../grid/owner.ts';
import { chord, copyText, hotOf, paste, select, typeInto } from '../grid/keys.ts';

// Columns with every domain of the catalogue shown (all-domains): name, the domains' sum, Zvw, its
// five sectors and their sum, Wmo, Jw, Wlz, Wpg, Overig. The name and the domains' sum are frozen
// at the start. The euro view has no sector sums and ends with the unassigned rest.
const TOTAL = 1,
  ZVW = 2,
  ZVW_HA = 3,
  ZVW_VV = 4,
  WMO = 9,
  JW = 10,
  WLZ = 11,
  WPG = 12,
  EURO_WMO = 8,
  EURO_JW = 9,
  UNASSIGNED = 13;

async function mount(n = 3, name?: (i: number) => string) {
  await setViewport({ width: 1900, height: 900 });
  const el = document.createElement('rp-split-grid') as RpSplitGrid;
  el.style.setProperty('--rp-grid-height', '300px');
  el.allDomains = true;
  document.body.append(el);
  const owner = new TestOwner(el, samplePlan(n, name));
  await settle(el);
  return { el, owner };
}

const columnKeys = (el: RpSplitGrid) =>
  (el as unknown as { grid: { columns: { key: string }[] } }).grid.columns.map((c) => c.key);

const status = (el: RpSplitGrid) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();

describe('rp-split-grid', () => {
  let el: RpSplitGrid;
  let owner: TestOwner<RpSplitGrid>;
  beforeEach(async () => ({ el, owner } = await mount()));
  afterEach(() => el.remove());

  it('shows the default split and each activity as rows with nested domain → sector headers', () => {
    expect(cell(el, 0, 0).textContent).to.equal('Standaardverdeling');
    expect(cell(el, 0, ZVW).textContent).to.equal('70 %');
    expect(cell(el, 0, ZVW_VV).textContent).to.equal('50 %');
    expect(cell(el, 0, TOTAL).textContent).to.equal('100 %');
    expect(cell(el, 1, 0).textContent).to.contain('volgt standaardverdeling');
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.include.members(['Zvw', 'Huisartsenzorg', 'Wmo 2015', 'Domeinen samen']);
    // Nothing of Handsontable lands in the host page: no core CSS in the head, no portal in the body.
    expect([...document.head.querySelectorAll('style')].some((s) => s.textContent!.includes('.handsontable'))).to.equal(
      false,
    );
    expect(document.body.querySelector(':scope > .ht-portal')).to.equal(null);
  });

  it('gives cells accessible names of row and column', () => {
    const label = cell(el, 0, ZVW_HA).getAttribute('aria-label')!;
    expect(label).to.contain('Standaardverdeling');
    expect(label).to.contain('Zvw – Huisartsenzorg');
    expect(label).to.contain('50 %');
  });

  it('keeps each row’s total and its mark in view beside the name while the grid scrolls sideways', async () => {
    el.style.width = '560px';
    await settle(el);
    await typeInto(el, 0, WPG, '5'); // far right: the default split now sums to 105 %
    await settle(el);
    const grid = el.shadowRoot!.querySelector('[part="grid"]')!.getBoundingClientRect();
    // What a person sees at the total's place: the frozen copy of the cell, inside the grid's box.
    const td = hotOf(el).getCell(0, TOTAL, true)!;
    const box = td.getBoundingClientRect();
    expect(box.left).to.be.at.least(grid.left);
    expect(box.right).to.be.at.most(grid.right);
    const seen = el.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('td');
    expect(seen, 'the total is drawn on top, not hidden under a scrolled column').to.equal(td);
    expect(td.textContent).to.contain('105 %');
    expect(td.getAttribute('data-rp-mark')).to.equal('error');
  });

  it('typing a split that sums to 99 % emits the op, marks the total cell, and the fix removes the mark', async () => {
    await typeInto(el, 0, ZVW, '69');
    await settle(el);
    expect(owner.edits).to.deep.equal([
      [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '69' }],
    ]);
    const total = cell(el, 0, TOTAL);
    expect(total.textContent).to.contain('99 %').and.contain('-1 %');
    expect(total.getAttribute('data-rp-mark')).to.equal('error');
    expect(total.getAttribute('aria-description')).to.match(/99/);
    expect(getComputedStyle(total, '::before').content).to.contain('⚠');
    // The total is a read-only cell: its mark's colours must still win over the read-only grey.
    expect(getComputedStyle(total).color).to.equal('rgb(179, 38, 30)');
    expect(getComputedStyle(total).backgroundColor).to.equal('rgb(253, 231, 229)');
    // The same finding reaches the keyboard user: selecting the cell puts its message in the status line.
    select(el, 0, TOTAL);
    await settle(el);
    expect(status(el)).to.match(/99/);

    owner.set(
      applyOps(owner.plan, [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '70' }]),
    );
    await settle(el);
    expect(cell(el, 0, TOTAL).getAttribute('data-rp-mark')).to.not.equal('error');
    expect(cell(el, 0, TOTAL).hasAttribute('aria-description')).to.equal(false);
    expect(cell(el, 0, TOTAL).textContent).to.equal('100 %');
  });

  it('an edit of the default split shows in every activity that follows it, without re-rendering the other cells', async () => {
    const hot = hotOf(el) as unknown as {
      addHook(name: string, fn: () => void): void;
      removeHook(name: string, fn: () => void): void;
    };
    let rendered = 0;
    const count = () => rendered++;
    hot.addHook('afterRenderer', count);
    const untouched = cell(el, 2, WMO);
    const changes = new MutationObserver(() => {});
    changes.observe(untouched, { subtree: true, childList: true, attributes: true, characterData: true });
    await typeInto(el, 0, ZVW, '60');
    await settle(el);
    hot.removeHook('afterRenderer', count);
    expect(cell(el, 0, ZVW).textContent).to.equal('60 %');
    for (const row of [1, 2, 3]) {
      expect(cell(el, row, ZVW).textContent).to.equal('60 %');
      expect(cell(el, row, ZVW).getAttribute('aria-label')).to.contain('60 %');
      expect(cell(el, row, TOTAL).textContent).to.contain('90 %');
    }
    expect(cell(el, 0, TOTAL).getAttribute('data-rp-mark')).to.equal('error');
    // Handsontable rendered no cell: the grid painted the changed ones, and left the rest alone.
    expect(rendered).to.equal(0);
    expect(changes.takeRecords()).to.have.length(0);
    changes.disconnect();
    expect(cell(el, 2, WMO)).to.equal(untouched);
    expect(untouched.textContent).to.equal('10 %');
  });

  it('reads nl input such as 12,5 and creates an activity override', async () => {
    await typeInto(el, 1, WMO, '12,5');
    await settle(el);
    expect(owner.edits[0]).to.deep.equal([
      { op: 'set-split', rowId: 'a1', domainId: 'wmo', sectorId: null, percent: '12.5' },
    ]);
    expect(owner.plan.activities[0]!.split).to.not.equal(null);
    expect(cell(el, 1, WMO).textContent).to.equal('12,5 %');
    expect(cell(el, 1, 0).textContent).to.not.contain('volgt standaardverdeling');
  });

  it('reads en input when the locale is en', async () => {
    el.locale = 'en';
    await settle(el);
    await typeInto(el, 0, WMO, '12.5');
    expect(owner.edits[0]![0]).to.include({ percent: '12.5' });
  });

  it('refuses unreadable input in the cell with a message and keeps the old value', async () => {
    await typeInto(el, 0, WMO, '12,x');
    await settle(el);
    expect(owner.edits).to.have.length(0);
    expect(cell(el, 0, WMO).textContent).to.equal('10 %');
    expect(cell(el, 0, WMO).hasAttribute('data-rp-refused')).to.equal(true);
    expect(status(el)).to.contain('12,x').and.contain('oude waarde');
    el.locale = 'en';
    await settle(el);
    select(el, 0, WMO);
    await settle(el);
    expect(status(el)).to.contain('not a percentage');
  });

  it('pastes a 3×4 range in nl format as one rp-edit with 12 ops', async () => {
    // Copied from a spreadsheet: tab between cells, CRLF after every row (the last one too).
    await copyText('10,5\t19,5\t0\t0\r\n20\t10\t0\t0\r\n5,25\t24,75\t0\t0\r\n');
    select(el, 0, WMO);
    await chord('Control', 'v');
    await settle(el);
    expect(owner.edits).to.have.length(1);
    const ops = owner.edits[0]!;
    expect(ops).to.have.length(12);
    expect(ops[0]).to.deep.equal({
      op: 'set-split',
      rowId: 'default',
      domainId: 'wmo',
      sectorId: null,
      percent: '10.5',
    });
    expect(ops[1]).to.deep.equal({
      op: 'set-split',
      rowId: 'default',
      domainId: 'jw',
      sectorId: null,
      percent: '19.5',
    });
    expect(ops[8]).to.deep.equal({ op: 'set-split', rowId: 'a2', domainId: 'wmo', sectorId: null, percent: '5.25' });
    expect(ops[11]).to.deep.equal({ op: 'set-split', rowId: 'a2', domainId: 'wpg', sectorId: null, percent: '0' });
    expect(cell(el, 2, JW).textContent).to.equal('24,75 %');
    expect(cell(el, 1, WLZ).textContent).to.equal('0 %');
  });

  it('Ctrl+Z and Ctrl+Y / Ctrl+Shift+Z dispatch rp-undo and rp-redo', async () => {
    select(el, 0, ZVW);
    await chord('Control', 'z');
    await chord('Control', 'y');
    await chord('Control', 'Shift', 'Z');
    expect(owner.undos).to.equal(1);
    expect(owner.redos).to.equal(2);
    expect(owner.edits).to.have.length(0);
  });

  it('balance fills the chosen cell so the row is exactly 100 %, by button and by Alt+B', async () => {
    await typeInto(el, 0, ZVW, '33,3333');
    await settle(el);
    select(el, 0, JW);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.balance')!.click();
    await settle(el);
    expect(owner.edits.at(-1)).to.deep.equal([
      { op: 'set-split', rowId: 'default', domainId: 'jw', sectorId: null, percent: '56.6667' },
    ]);
    expect(cell(el, 0, TOTAL).textContent).to.equal('100 %');
    expect(cell(el, 0, TOTAL).getAttribute('data-rp-mark')).to.not.equal('error');

    await typeInto(el, 1, ZVW_HA, '30');
    await settle(el);
    select(el, 1, ZVW_VV);
    await chord('Alt', 'b');
    await settle(el);
    expect(owner.edits.at(-1)).to.deep.equal([
      { op: 'set-split', rowId: 'a1', domainId: 'zvw', sectorId: 'zvw-vv', percent: '70' },
    ]);
  });

  it('reset puts an activity back on the default split', async () => {
    await typeInto(el, 1, WMO, '20');
    await settle(el);
    select(el, 1, WMO);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.reset')!.click();
    await settle(el);
    expect(owner.edits.at(-1)).to.deep.equal([
      { op: 'update-row', collection: 'activities', id: 'a1', patch: { split: null } },
    ]);
    expect(cell(el, 1, WMO).textContent).to.equal('10 %');
  });

  it('Ctrl+D fills the top cell down the selection as one edit', async () => {
    await typeInto(el, 1, WMO, '15');
    await settle(el);
    select(el, 1, WMO, 3, WMO);
    await chord('Control', 'd');
    await settle(el);
    expect(owner.edits).to.have.length(2);
    expect(owner.edits[1]).to.deep.equal(
      ['a2', 'a3'].map((rowId) => ({ op: 'set-split', rowId, domainId: 'wmo', sectorId: null, percent: '15' })),
    );
    expect(cell(el, 3, WMO).textContent).to.equal('15 %');
  });

  it('keyboard: arrows, Tab, F2, Escape and Enter move and edit', async () => {
    select(el, 0, WMO);
    await sendKeys({ press: 'ArrowRight' });
    expect(hotOf(el).getSelectedLast()!.slice(0, 2)).to.deep.equal([0, JW]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(hotOf(el).getSelectedLast()!.slice(0, 2)).to.deep.equal([1, WLZ]);
    await sendKeys({ press: 'F2' });
    await sendKeys({ type: '5' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(owner.edits).to.have.length(0);
    await sendKeys({ press: 'F2' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '7' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(owner.edits).to.deep.equal([
      [{ op: 'set-split', rowId: 'a1', domainId: 'wlz', sectorId: null, percent: '7' }],
    ]);
  });

  it('euro view shows the engine amounts to the cent and is read-only', async () => {
    owner.set(
      applyOps(owner.plan, [
        {
          op: 'update-row',
          collection: 'activities',
          id: 'a2',
          patch: { cost: { kind: 'lumpsum', amount: '100000', per: 'year' } },
        },
        { op: 'set-split', rowId: 'a2', domainId: 'wmo', sectorId: null, percent: '33.3333' },
        { op: 'set-split', rowId: 'a2', domainId: 'jw', sectorId: null, percent: '33.3333' },
        { op: 'set-split', rowId: 'a2', domainId: 'zvw', sectorId: null, percent: '33.3334' },
      ]),
    );
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.view-toggle button')[1]!.click();
    await settle(el);
    expect(el.view).to.equal('euro');
    const alloc = el.allocation!;
    const a2 = alloc.activities.find((a) => a.activityId === 'a2')!;
    const amount = (domainId: string) => formatMoney(a2.domains.find((d) => d.domainId === domainId)!.amount, 'nl');
    expect(cell(el, 1, EURO_WMO).textContent).to.equal(amount('wmo'));
    expect(cell(el, 1, EURO_JW).textContent).to.equal(amount('jw'));
    expect(cell(el, 1, ZVW).textContent).to.equal(amount('zvw'));
    expect(cell(el, 1, TOTAL).textContent).to.equal('€ 100.000,00');
    // A row at 99 % shows the engine's unassigned rest, so the row still adds up to its total.
    owner.set(applyOps(owner.plan, [{ op: 'set-split', rowId: 'a3', domainId: 'zvw', sectorId: null, percent: '69' }]));
    await settle(el);
    expect(cell(el, 2, UNASSIGNED).textContent).to.equal('€ 2.500,00');
    expect(cell(el, 0, EURO_WMO).textContent).to.equal('€ 25.000,00');
    const last = el.allocation!.activities.length;
    expect(cell(el, last, EURO_WMO).textContent).to.equal(
      formatMoney(el.allocation!.byDomain.find((d) => d.domainId === 'wmo')!.amount, 'nl'),
    );
    expect(cell(el, last, TOTAL).textContent).to.equal(formatMoney(el.allocation!.annualTotal, 'nl'));
    await typeInto(el, 1, EURO_WMO, '5');
    expect(owner.edits).to.have.length(0);
  });

  it('focusCell selects the cell a finding points at', async () => {
    await typeInto(el, 2, ZVW, '60');
    await settle(el);
    const f = el.findings.find((x) => x.location.section === 'split' && x.location.rowId === 'a2')!;
    expect(el.focusCell(f.location)).to.equal(true);
    expect(hotOf(el).getSelectedLast()!.slice(0, 2)).to.deep.equal([2, TOTAL]);
    expect(el.focusCell({ section: 'providers', rowId: 'x' })).to.equal(false);
  });

  it('is read-only with the readonly attribute', async () => {
    el.setAttribute('readonly', '');
    await settle(el);
    await typeInto(el, 0, WMO, '50');
    await settle(el);
    expect(owner.edits).to.have.length(0);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button.balance')!.disabled).to.equal(true);
  });

  it('rebuilds after being moved in the DOM', async () => {
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el);
    await settle(el);
    expect(cell(el, 0, ZVW).textContent).to.equal('70 %');
    other.remove();
  });
});

describe('rp-split-grid with markup in names', () => {
  it('shows names as text, never as HTML, and drops pasted HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const { el, owner } = await mount(2, () => evil);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(cell(el, 1, 0).textContent).to.contain(evil);
    select(el, 1, WMO);
    paste(el, { 'text/plain': '15', 'text/html': `<table><tr><td>${evil}</td></tr></table>` });
    await settle(el);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(document.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(owner.edits[0]).to.deep.equal([
      { op: 'set-split', rowId: 'a1', domainId: 'wmo', sectorId: null, percent: '15' },
    ]);
    el.remove();
  });
});

describe('rp-split-grid with the handbook example', () => {
  it('shows the handbook amounts in the euro view: Wmo € 25.000, Jw € 50.000, Zvw € 175.000, V&V and GP € 87.500', async () => {
    const { Plan } = await import('../../../src/model/plan.ts');
    const handbook = Plan.parse((await import('../../../demo/plans/handbook.json')).default);
    const el = document.createElement('rp-split-grid') as RpSplitGrid;
    el.view = 'euro';
    document.body.append(el);
    const owner = new TestOwner(el, handbook);
    await settle(el);
    expect(owner.plan.activities).to.have.length(1);
    expect(el.findings.filter((f) => f.location.section === 'split')).to.deep.equal([]);
    const total = 1; // the totals row below the one activity
    // Only the domains and sectors the handbook plan uses: Zvw with GP care and district nursing, Wmo, Jw.
    expect(columnKeys(el)).to.deep.equal([
      'name',
      'total',
      'd:zvw',
      's:zvw:zvw-ha',
      's:zvw:zvw-vv',
      'd:wmo',
      'd:jw',
      'unassigned',
    ]);
    const at = (key: string) => columnKeys(el).indexOf(key);
    expect(cell(el, total, at('d:wmo')).textContent).to.equal('€ 25.000,00');
    expect(cell(el, total, at('d:jw')).textContent).to.equal('€ 50.000,00');
    expect(cell(el, total, at('d:zvw')).textContent).to.equal('€ 175.000,00');
    expect(cell(el, total, at('s:zvw:zvw-ha')).textContent).to.equal('€ 87.500,00');
    expect(cell(el, total, at('s:zvw:zvw-vv')).textContent).to.equal('€ 87.500,00');
    el.remove();
  });
});
