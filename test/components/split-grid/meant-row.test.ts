import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import type { RpSplitGrid } from '../../../components/split-grid/split-grid.ts';
import { applyOps } from '../../../src/model/ops.ts';
import { TestOwner, samplePlan, settle, cell } from '../grid/owner.ts';
import { chord, hotOf, paste, select } from '../grid/keys.ts';

/*
 * Issue #13 item 9: balancing the row the user means, findings about sector shares on the sector
 * cells, and a row of shares pasted from a spreadsheet onto the domain shares.
 */

// With all domains shown: name, the domains' sum, Zvw, its five sectors and their sum, Wmo, Jw, Wlz, Wpg, Overig.
const ZVW = 2,
  ZVW_HA = 3,
  ZVW_VV = 4,
  ZVW_SUM = 8,
  WMO = 9,
  JW = 10;

async function mount() {
  await setViewport({ width: 1900, height: 900 });
  const el = document.createElement('rp-split-grid') as RpSplitGrid;
  el.allDomains = true;
  document.body.append(el);
  const owner = new TestOwner(el, samplePlan(3));
  await settle(el);
  return { el, owner };
}

const status = (el: RpSplitGrid) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
const balanceButton = (el: RpSplitGrid) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.balance')!;

describe('rp-split-grid: the row the user means', () => {
  let el: RpSplitGrid;
  let owner: TestOwner<RpSplitGrid>;
  beforeEach(async () => ({ el, owner } = await mount()));
  afterEach(() => el.remove());

  it('"Aanvullen tot 100 %" balances the flagged row when the selected one adds up, and says which it changed', async () => {
    // Activiteit 2 gets its own split at 105 % (Wmo 15 %); the default split stays at 100 %.
    owner.set(applyOps(owner.plan, [{ op: 'set-split', rowId: 'a2', domainId: 'wmo', sectorId: null, percent: '15' }]));
    await settle(el);
    select(el, 0, JW);
    balanceButton(el).click();
    await settle(el);
    expect(owner.edits.at(-1)).to.deep.equal([
      { op: 'set-split', rowId: 'a2', domainId: 'zvw', sectorId: null, percent: '65' },
    ]);
    expect(owner.plan.defaultSplit.domains.find((d) => d.domainId === 'jw')!.percent).to.equal('20');
    expect(status(el)).to.contain('Activiteit 2 aangevuld tot 100 %: Zvw 70 % → 65 %.');
  });

  it('balances the selected row when it is off, in the selected share', async () => {
    owner.set(
      applyOps(owner.plan, [
        { op: 'set-split', rowId: 'a2', domainId: 'wmo', sectorId: null, percent: '15' },
        { op: 'set-split', rowId: 'a3', domainId: 'wmo', sectorId: null, percent: '5' },
      ]),
    );
    await settle(el);
    select(el, 3, JW);
    balanceButton(el).click();
    await settle(el);
    expect(owner.edits.at(-1)).to.deep.equal([
      { op: 'set-split', rowId: 'a3', domainId: 'jw', sectorId: null, percent: '25' },
    ]);
    expect(status(el)).to.contain('Activiteit 3');
  });

  it('says there is nothing to balance when every row adds up', async () => {
    select(el, 1, WMO);
    balanceButton(el).click();
    await settle(el);
    expect(owner.edits).to.have.length(0);
    expect(status(el)).to.contain('Alle rijen tellen al op tot 100 %');
  });

  it('marks and focuses the sector shares for a finding about them, not the domain share', async () => {
    owner.set(
      applyOps(owner.plan, [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv', percent: '40' }]),
    );
    await settle(el);
    const finding = el.findings.find((f) => f.code === 'split-sum' && f.location.field === 'sectors');
    expect(finding, 'a sector-sum finding').to.not.equal(undefined);
    expect(cell(el, 0, ZVW).getAttribute('data-rp-mark')).to.equal(null);
    expect(cell(el, 0, ZVW_HA).getAttribute('data-rp-mark')).to.equal('error');
    expect(cell(el, 0, ZVW_VV).getAttribute('data-rp-mark')).to.equal('error');
    expect(cell(el, 0, ZVW_SUM).getAttribute('data-rp-mark')).to.equal('error');
    expect(cell(el, 0, ZVW_SUM).textContent).to.contain('90 %');
    expect(el.focusCell(finding!.location)).to.equal(true);
    const [r, c, r2, c2] = hotOf(el).getSelectedLast()!;
    expect([r, c, r2, c2]).to.deep.equal([0, ZVW_HA, 0, ZVW_SUM]);
  });

  it('fills the domain shares with "60 %⇥40 %" pasted onto a domain share, and says the row is off', async () => {
    select(el, 0, ZVW);
    paste(el, { 'text/plain': '60 %\t40 %\r\n' });
    await settle(el);
    expect(owner.edits).to.have.length(1);
    expect(owner.edits[0]).to.deep.equal([
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '60' },
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '40' },
    ]);
    expect(cell(el, 0, ZVW_HA).textContent).to.equal('50 %');
    // Jw keeps its 20 %: the row is at 120 %, and the grid says so at once.
    expect(status(el)).to.contain('120 %');
  });

  it('Alt+B balances without opening the cell editor, and Ctrl+Z right after reaches undo', async () => {
    owner.set(
      applyOps(owner.plan, [{ op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '15' }]),
    );
    await settle(el);
    select(el, 0, WMO);
    await chord('Alt', 'b');
    await settle(el);
    expect(owner.edits.at(-1)).to.deep.equal([
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '10' },
    ]);
    const editor = (
      el as unknown as { hot: { getActiveEditor(): { isOpened(): boolean } | undefined } }
    ).hot.getActiveEditor();
    expect(!!editor?.isOpened(), 'no editor opened by the "b"').to.equal(false);
    await chord('Control', 'z');
    expect(owner.undos).to.equal(1);
  });
});
