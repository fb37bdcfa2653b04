import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import type { RpSplitGrid } from '../../../components/split-grid/split-grid.ts';
import { applyOps } from '../../../src/model/ops.ts';
import { TestOwner, samplePlan, settle, cell } from '../grid/owner.ts';
import { hotOf, paste, select } from '../grid/keys.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

/*
 * Issue #13 item 9: domain shares (of the total) and sector shares (of their domain) told apart at
 * a glance, only the domains and sectors the plan uses, a domain-only view for pasting a row of
 * domain shares, and no paste that leaves a row above 100 % without a word.
 */

async function mount(width = 1280) {
  await setViewport({ width, height: 800 });
  const el = document.createElement('rp-split-grid') as RpSplitGrid;
  document.body.append(el);
  const owner = new TestOwner(el, samplePlan(2));
  await settle(el);
  return { el, owner };
}

const keys = (el: RpSplitGrid) =>
  (el as unknown as { grid: { columns: { key: string }[] } }).grid.columns.map((c) => c.key);
const col = (el: RpSplitGrid, key: string) => keys(el).indexOf(key);
const button = (el: RpSplitGrid, cls: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button.${cls}`)!;
const status = (el: RpSplitGrid) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
const headerTexts = (el: RpSplitGrid) =>
  [...el.shadowRoot!.querySelectorAll('.ht_master thead th')].map((th) => th.textContent!.trim());

describe('rp-split-grid columns', () => {
  let el: RpSplitGrid;
  let owner: TestOwner<RpSplitGrid>;
  beforeEach(async () => ({ el, owner } = await mount()));
  afterEach(() => el.remove());

  it('shows only the domains and sectors the plan uses, the others one click away', async () => {
    // The sample split: Zvw 70 % (GP care and district nursing 50 % each), Wmo 10 %, Jw 20 %.
    expect(keys(el)).to.deep.equal([
      'name',
      'total',
      'd:zvw',
      's:zvw:zvw-ha',
      's:zvw:zvw-vv',
      'S:zvw',
      'd:wmo',
      'd:jw',
    ]);
    // Wmo is in view without scrolling at 1280 px.
    const wmo = cell(el, 0, col(el, 'd:wmo')).getBoundingClientRect();
    expect(wmo.right).to.be.below(el.getBoundingClientRect().right);
    const all = button(el, 'all-domains');
    expect(all.textContent!.trim()).to.match(/^Toon alle domeinen \(\+\d+\)$/);
    expect(all.getAttribute('aria-pressed')).to.equal('false');
    all.click();
    await settle(el);
    expect(all.getAttribute('aria-pressed')).to.equal('true');
    expect(keys(el)).to.include.members(['d:wlz', 'd:wpg', 's:zvw:zvw-ggz']);
    all.click();
    await settle(el);
    expect(keys(el)).to.not.include('d:wlz');
  });

  it('tells domain shares (of the total) from sector shares (of the domain), with both sums in each row', async () => {
    const headers = headerTexts(el);
    expect(headers).to.include.members(['Zvw', '% van totaal', 'Huisartsenzorg', 'Sectoren samen', 'Domeinen samen']);
    expect(cell(el, 0, col(el, 'total')).textContent).to.equal('100 %');
    expect(cell(el, 0, col(el, 'S:zvw')).textContent).to.equal('100 %');
    expect(cell(el, 0, col(el, 's:zvw:zvw-ha')).getAttribute('aria-label')).to.contain('% van Zvw');
    owner.set(
      applyOps(owner.plan, [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-ha', percent: '40' }]),
    );
    await settle(el);
    expect(cell(el, 0, col(el, 'S:zvw')).textContent).to.equal('90 % (-10 %)');
    expect(cell(el, 0, col(el, 'total')).textContent).to.equal('100 %');
    el.locale = 'en';
    await settle(el);
    expect(headerTexts(el)).to.include.members(['% of total', 'Sectors together', 'Domains together']);
  });

  it('keeps a column in view when its last share is cleared', async () => {
    select(el, 0, col(el, 'd:wmo'));
    await sendKeys({ press: 'Delete' });
    await settle(el);
    expect(owner.plan.defaultSplit.domains.find((d) => d.domainId === 'wmo')).to.equal(undefined);
    expect(keys(el)).to.include('d:wmo');
  });

  it('domain-only view: "60 %⇥40 %" pasted from a spreadsheet fills the domain shares and the grid says the row is at 120 %', async () => {
    const only = button(el, 'domains-only');
    only.click();
    await settle(el);
    expect(only.getAttribute('aria-pressed')).to.equal('true');
    expect(keys(el)).to.deep.equal(['name', 'total', 'd:zvw', 'd:wmo', 'd:jw']);
    select(el, 0, col(el, 'd:zvw'));
    paste(el, { 'text/plain': '60 %\t40 %\r\n' });
    await settle(el);
    expect(owner.edits.at(-1)).to.deep.equal([
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '60' },
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '40' },
    ]);
    expect(status(el)).to.contain('120 %');
  });

  it('a single pasted share that takes a row above 100 % is said at the grid, for domains and for sectors', async () => {
    select(el, 0, col(el, 'd:wmo'));
    paste(el, { 'text/plain': '30' });
    await settle(el);
    expect(status(el)).to.contain('120 %');
    owner.set(samplePlan(2));
    await settle(el);
    select(el, 0, col(el, 's:zvw:zvw-ha'));
    paste(el, { 'text/plain': '70 %\t50 %' });
    await settle(el);
    expect(status(el)).to.contain('Zvw');
    expect(status(el)).to.contain('120 %');
  });

  it('a finding about sector shares brings the sectors back from the domain-only view', async () => {
    owner.set(
      applyOps(owner.plan, [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: 'zvw-vv', percent: '40' }]),
    );
    button(el, 'domains-only').click();
    await settle(el);
    const finding = el.findings.find((f) => f.code === 'split-sum' && f.location.field === 'sectors')!;
    expect(el.focusCell(finding.location)).to.equal(true);
    expect(el.domainsOnly).to.equal(false);
    const [, c] = hotOf(el).getSelectedLast()!;
    expect(keys(el)[c!]).to.equal('s:zvw:zvw-ha');
  });

  it('the column toggles are named buttons in a group, reachable by Tab, and axe finds nothing', async () => {
    const group = button(el, 'domains-only').closest('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Kolommen');
    button(el, 'domains-only').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'all-domains'));
    await expectNoSeriousViolations(el);
  });
});
