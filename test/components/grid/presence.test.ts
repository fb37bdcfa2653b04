import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import '../../../components/budget-grid/budget-grid.ts';
import type { RpSplitGrid } from '../../../components/split-grid/split-grid.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import type { RpGridElement, RpSelectDetail } from '../../../components/grid/grid-element.ts';
import type { Peer } from '../../../src/sync/collab/presence.ts';
import { PALETTE } from '../../../src/sync/collab/presence.ts';
import { TestOwner, samplePlan, settle, cell } from './owner.ts';
import { hotOf, select } from './keys.ts';
import { sendKeys } from '@web/test-runner-commands';

// Split columns of the sample plan (the domains and sectors it uses): name, the domains' sum, Zvw,
// GP care, district nursing, the sum of Zvw's sectors, Wmo, Jw.
const TOTAL = 1,
  ZVW = 2,
  ZVW_HA = 3,
  WMO = 6;
// Budget columns: name, annual, four quarters, target group, category, basis, amount, per, quantity, rate.
const NAME = 0,
  AMOUNT = 9,
  RATE = 12;

async function mount<E extends RpGridElement>(tag: 'rp-split-grid' | 'rp-budget-grid'): Promise<E> {
  await setViewport({ width: 1900, height: 900 });
  const el = document.createElement(tag) as unknown as E;
  el.style.setProperty('--rp-grid-height', '300px');
  document.body.append(el);
  new TestOwner(el, samplePlan(3));
  await settle(el);
  return el;
}

const anna = (selection: Peer['selection'], extra: Partial<Peer> = {}): Peer => ({
  clientId: 7,
  name: 'Anna',
  color: '#2ca02c',
  selection,
  ...extra,
});
const box = (td: HTMLElement) => td.querySelector<HTMLElement>(':scope > .rp-presence');

/** Counts the cells Handsontable renders while `run` is applied. */
async function cellsRendered(el: RpGridElement, run: () => void): Promise<number> {
  let n = 0;
  const hot = hotOf(el) as unknown as {
    addHook(name: string, fn: () => void): void;
    removeHook(name: string, fn: () => void): void;
  };
  const count = () => n++;
  hot.addHook('afterRenderer', count);
  run();
  await settle(el);
  hot.removeHook('afterRenderer', count);
  return n;
}

describe('presence in the grids', () => {
  let el: RpGridElement;
  afterEach(() => el.remove());

  it('outlines a participant’s cell in their colour, with their name as a tag and an accessible description', async () => {
    el = await mount<RpSplitGrid>('rp-split-grid');
    el.presence = [anna({ section: 'split', rowId: 'a1', domainId: 'zvw' })];
    await settle(el);
    const td = cell(el, 1, ZVW);
    expect(box(td)!.dataset.names).to.equal('Anna');
    expect(getComputedStyle(box(td)!).borderTopColor).to.equal('rgb(44, 160, 44)');
    expect(getComputedStyle(box(td)!, '::after').content).to.equal('"Anna"');
    expect(td.getAttribute('aria-description')).to.equal('Anna bewerkt deze cel.');
    // The cell's own name stays its value: the tag is not part of its text.
    expect(td.getAttribute('aria-label')).to.not.contain('Anna');
    expect(box(cell(el, 1, ZVW_HA))).to.equal(null);
    el.locale = 'en';
    await settle(el);
    expect(cell(el, 1, ZVW).getAttribute('aria-description')).to.equal('Anna is editing this cell.');
  });

  it('moves the outline without re-rendering the grid, and clears it when the participant leaves', async () => {
    el = await mount<RpSplitGrid>('rp-split-grid');
    el.presence = [anna({ section: 'split', rowId: 'a1', domainId: 'zvw' })];
    await settle(el);
    const moved = await cellsRendered(el, () => {
      el.presence = [anna({ section: 'split', rowId: 'a2', domainId: 'zvw', sectorId: 'zvw-ha' })];
    });
    expect(moved).to.equal(0);
    expect(box(cell(el, 1, ZVW))).to.equal(null);
    expect(cell(el, 1, ZVW).hasAttribute('aria-description')).to.equal(false);
    expect(box(cell(el, 2, ZVW_HA))!.dataset.names).to.equal('Anna');
    expect(await cellsRendered(el, () => (el.presence = []))).to.equal(0);
    expect(box(cell(el, 2, ZVW_HA))).to.equal(null);
    // The row total (a split-sum finding's cell) and a second participant on the same cell.
    el.presence = [
      anna({ section: 'split', rowId: 'default' }),
      { clientId: 9, name: '', color: '#1f77b4', selection: { section: 'split', rowId: 'default' } },
    ];
    await settle(el);
    expect(box(cell(el, 0, TOTAL))!.dataset.names).to.equal('Anna, Deelnemer');
  });

  it('repaints only the affected cells when just the findings change (a remote edit elsewhere)', async () => {
    el = await mount<RpSplitGrid>('rp-split-grid');
    const finding = {
      code: 'split-sum' as const,
      severity: 'error' as const,
      location: { section: 'split' as const, rowId: 'a2' },
      message: { nl: 'Som 99 %', en: 'Sum 99 %' },
    };
    expect(await cellsRendered(el, () => (el.findings = [finding]))).to.equal(0);
    expect(cell(el, 2, TOTAL).getAttribute('data-rp-mark')).to.equal('error');
    expect(cell(el, 2, TOTAL).getAttribute('aria-description')).to.equal('Fout: Som 99 %');
    expect(await cellsRendered(el, () => (el.findings = []))).to.equal(0);
    expect(cell(el, 2, TOTAL).getAttribute('data-rp-mark')).to.not.equal('error');
    expect(cell(el, 2, TOTAL).hasAttribute('aria-description')).to.equal(false);
  });

  it('keeps the outline through a re-render and an edit elsewhere', async () => {
    el = await mount<RpSplitGrid>('rp-split-grid');
    el.presence = [anna({ section: 'split', rowId: 'a2', domainId: 'wmo' })];
    await settle(el);
    (hotOf(el) as unknown as { render(): void }).render();
    await settle(el);
    expect(box(cell(el, 2, WMO))!.dataset.names).to.equal('Anna');
  });

  it('shows names with markup as text and refuses colours that are not plain CSS colours', async () => {
    el = await mount<RpSplitGrid>('rp-split-grid');
    const name = '<img src=x onerror="window.__pwned=1">';
    for (const color of [
      'red; background: url(https://example.invalid/x)',
      'var(--rp-grid-accent)',
      'url(x)',
      'inherit',
      42 as unknown as string,
    ]) {
      el.presence = [anna({ section: 'split', rowId: 'a1', domainId: 'zvw' }, { name, color, clientId: 3 })];
      await settle(el);
      const b = box(cell(el, 1, ZVW))!;
      expect(b.dataset.names).to.equal(name);
      expect(b.style.getPropertyValue('--rp-presence-color'), String(color)).to.equal(PALETTE[3]);
    }
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    el.presence = [anna({ section: 'split', rowId: 'a1', domainId: 'zvw' }, { color: 'rebeccapurple' })];
    await settle(el);
    expect(box(cell(el, 1, ZVW))!.style.getPropertyValue('--rp-presence-color')).to.equal('rebeccapurple');
  });

  it('ignores malformed presence without throwing into the page', async () => {
    el = await mount<RpSplitGrid>('rp-split-grid');
    el.presence = [
      null,
      { clientId: 1 },
      anna({ section: 'split', rowId: 'nope', domainId: 'zvw' }),
      anna({ section: 'activities', rowId: 'a1', field: 'name' }),
    ] as unknown as Peer[];
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('.rp-presence').length).to.equal(0);
    el.presence = 'x' as unknown as Peer[];
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('.rp-presence').length).to.equal(0);
  });

  it('sends rp-select with the selected cell in the findings’ location vocabulary (split grid)', async () => {
    el = await mount<RpSplitGrid>('rp-split-grid');
    const seen: RpSelectDetail[] = [];
    el.addEventListener('rp-select', (e) => seen.push((e as CustomEvent<RpSelectDetail>).detail));
    select(el, 1, ZVW);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    select(el, 1, ZVW); // the same cell again sends nothing
    select(el, 0, TOTAL);
    select(el, 2, NAME);
    await settle(el);
    expect(seen).to.deep.equal([
      { section: 'split', rowId: 'a1', domainId: 'zvw' },
      { section: 'split', rowId: 'a1', domainId: 'zvw', sectorId: 'zvw-ha' },
      { section: 'split', rowId: 'a1', domainId: 'zvw' },
      { section: 'split', rowId: 'default' },
      { section: 'split', rowId: 'a2', field: 'name' },
    ]);
    // What one grid sends, another participant's grid shows on the same cell.
    el.presence = seen.map((selection, i) => anna(selection, { clientId: i, name: `P${i}` }));
    await settle(el);
    expect(box(cell(el, 1, ZVW))!.dataset.names).to.equal('P0, P2');
    expect(box(cell(el, 1, ZVW_HA))!.dataset.names).to.equal('P1');
    expect(box(cell(el, 0, TOTAL))!.dataset.names).to.equal('P3');
    expect(box(cell(el, 2, NAME))!.dataset.names).to.equal('P4');
  });

  it('sends rp-select and shows presence in the budget grid, with the cost basis’ own field names', async () => {
    el = await mount<RpBudgetGrid>('rp-budget-grid');
    const seen: RpSelectDetail[] = [];
    el.addEventListener('rp-select', (e) => seen.push((e as CustomEvent<RpSelectDetail>).detail));
    select(el, 0, NAME);
    select(el, 1, AMOUNT);
    select(el, 1, RATE);
    await settle(el);
    expect(seen).to.deep.equal([
      { section: 'activities', rowId: 'a1', field: 'name' },
      { section: 'activities', rowId: 'a2', field: 'cost.amount' },
      { section: 'activities', rowId: 'a2', field: 'cost.rate' },
    ]);
    el.presence = [anna({ section: 'activities', rowId: 'a3', field: 'cost.amount' })];
    await settle(el);
    expect(box(cell(el, 2, AMOUNT))!.dataset.names).to.equal('Anna');
    expect(cell(el, 2, AMOUNT).getAttribute('aria-description')).to.equal('Anna bewerkt deze cel.');
  });
});
