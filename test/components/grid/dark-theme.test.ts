import { expect } from 'chai';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import '../../../components/budget-grid/budget-grid.ts';
import { installTheme } from '../../../components/theme/index.ts';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';
import { TestOwner, samplePlan, settle, cell } from './owner.ts';
import { select, typeInto } from './keys.ts';
import { contrast, luminance } from '../../helpers/contrast.ts';

/*
 * The grids follow the theme tokens (components/theme/theme.css): Handsontable's own colours are
 * mapped onto them, so a dark page gets a dark grid, with readable text, marks and editor.
 */

// Split columns of the sample plan (the domains and sectors it uses): name, the domains' sum, Zvw,
// GP care, district nursing, the sum of Zvw's sectors, Wmo, Jw.
const TOTAL = 1,
  ZVW = 2,
  WMO = 6;

function expectDark(el: Element, what: string): void {
  const s = getComputedStyle(el);
  expect(luminance(s.backgroundColor), `${what} background ${s.backgroundColor}`).to.be.below(0.05);
  expect(luminance(s.color), `${what} text ${s.color}`).to.be.above(0.4);
  expect(contrast(s.color, s.backgroundColor), `${what} contrast`).to.be.at.least(4.5);
}

function expectLight(el: Element, what: string): void {
  const s = getComputedStyle(el);
  expect(luminance(s.backgroundColor), `${what} background ${s.backgroundColor}`).to.be.above(0.8);
  expect(luminance(s.color), `${what} text ${s.color}`).to.be.below(0.2);
  expect(contrast(s.color, s.backgroundColor), `${what} contrast`).to.be.at.least(4.5);
}

/** The mark icon a cell shows before its text (grid.styles.ts), or '' when it has none. */
const icon = (td: Element) => getComputedStyle(td, '::before').content.replace(/^none$/, '');

const splitSum = (rowId: string): Finding => ({
  code: 'split-sum',
  severity: 'error',
  location: { section: 'split', rowId },
  message: { nl: 'Som 99 %', en: 'Sum 99 %' },
});
const outOfRange = (rowId: string): Finding => ({
  code: 'percent-range',
  severity: 'error',
  location: { section: 'split', rowId, domainId: 'wmo' },
  message: { nl: 'Te hoog', en: 'Too high' },
});
const outsideDomain = (rowId: string): Finding => ({
  code: 'provider-domain-mismatch',
  severity: 'warning',
  location: { section: 'split', rowId, domainId: 'wmo' },
  message: { nl: 'Let op', en: 'Note' },
});

describe('grids in the dark theme', () => {
  let wrapper: HTMLDivElement;
  let el: RpGridElement;

  async function mount(
    tag: 'rp-split-grid' | 'rp-budget-grid',
    theme: 'dark' | 'light' | null = 'dark',
  ): Promise<RpGridElement> {
    await setViewport({ width: 1900, height: 900 });
    wrapper = document.createElement('div');
    if (theme) wrapper.setAttribute('theme', theme);
    el = document.createElement(tag) as RpGridElement;
    el.style.setProperty('--rp-grid-height', '300px');
    wrapper.append(el);
    document.body.append(wrapper);
    new TestOwner(el, samplePlan(3));
    await settle(el);
    return el;
  }

  beforeEach(() => installTheme());
  afterEach(async () => {
    wrapper.remove();
    document.getElementById('rp-theme')?.remove();
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });

  it('renders cells, headers, read-only and total rows dark with light text', async () => {
    await mount('rp-split-grid');
    const root = el.shadowRoot!;
    expectDark(cell(el, 1, ZVW), 'an editable cell');
    expectDark(cell(el, 1, 0), 'a read-only row name');
    expectDark(cell(el, 0, TOTAL), 'a row total');
    for (const th of root.querySelectorAll('thead th')) expectDark(th, `header ${th.textContent}`);
    expectDark(el, 'the element (toolbar and status line)');
    for (const button of root.querySelectorAll('.toolbar button:not([aria-pressed="true"])')) {
      expect(contrast(getComputedStyle(button).color, getComputedStyle(button).backgroundColor)).to.be.at.least(4.5);
    }
  });

  it('shows the budget grid’s totals row dark as well', async () => {
    await mount('rp-budget-grid');
    // samplePlan(3): three activities, then the totals row.
    expect(cell(el, 3, 0).textContent).to.equal('Totaal');
    expectDark(cell(el, 3, 0), 'the totals row');
    expectDark(cell(el, 3, 8), 'the annual total');
    expectDark(cell(el, 0, 0), 'an activity name');
  });

  it('types into a dark editor and marks the selected cell in the accent colour', async () => {
    await mount('rp-split-grid');
    select(el, 1, ZVW);
    await sendKeys({ press: 'F2' });
    await settle(el);
    const editor = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea.handsontableInput')!;
    expectDark(editor, 'the cell editor');
    await sendKeys({ press: 'Escape' });
    const border = el.shadowRoot!.querySelector('.wtBorder.current')!;
    // theme.css: --rp-color-accent in the dark theme.
    expect(getComputedStyle(border).backgroundColor).to.equal('rgb(108, 178, 255)');
  });

  it('keeps error, warning and refused marks readable on the dark background', async () => {
    await mount('rp-split-grid');
    await typeInto(el, 0, ZVW, 'abc');
    el.findings = [outOfRange('a2'), outsideDomain('a1')];
    await settle(el);
    const error = cell(el, 2, WMO);
    const warning = cell(el, 1, WMO);
    expect(icon(error)).to.contain('⚠');
    expect(icon(warning)).to.contain('△');
    // The error's own background (--rp-color-error-bg of the dark theme), not the row's.
    expect(getComputedStyle(error).backgroundColor).to.equal('rgb(59, 22, 20)');
    expect(contrast(getComputedStyle(error).color, getComputedStyle(error).backgroundColor)).to.be.at.least(4.5);
    expectDark(warning, 'a warning cell');
    expectDark(cell(el, 0, ZVW), 'a refused cell');
  });

  it('has no serious or critical axe violations, colour contrast included', async () => {
    for (const tag of ['rp-split-grid', 'rp-budget-grid'] as const) {
      await mount(tag);
      await typeInto(el, 0, tag === 'rp-split-grid' ? 2 : 1, 'abc'); // refused: a status message and a dashed cell (the split grid's first editable column is 2)
      await settle(el);
      el.presence = [
        {
          clientId: 5,
          name: 'Anna',
          color: '#d62728',
          selection:
            tag === 'rp-split-grid'
              ? { section: 'split', rowId: 'a1', domainId: 'zvw' }
              : { section: 'activities', rowId: 'a1', field: 'name' },
        },
      ];
      if (tag === 'rp-split-grid') el.findings = [splitSum('a2'), outsideDomain('a1')];
      select(el, 1, 2);
      await settle(el);
      await expectNoSeriousViolations(el);
      wrapper.remove();
    }
  });

  it('follows the visitor’s dark preference, and stays light where the page says theme="light"', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    await mount('rp-split-grid', null);
    expectDark(cell(el, 1, ZVW), 'a cell under a dark system preference');
    await expectNoSeriousViolations(el);
    wrapper.setAttribute('theme', 'light');
    await settle(el);
    expectLight(cell(el, 1, ZVW), 'a cell in a light wrapper');
    expectLight(el.shadowRoot!.querySelector('thead th')!, 'a header in a light wrapper');
  });

  it('switches with the page: theme="dark" set after the grid was built', async () => {
    await mount('rp-split-grid', 'light');
    expectLight(cell(el, 1, ZVW), 'a cell before the switch');
    wrapper.setAttribute('theme', 'dark');
    await settle(el);
    expectDark(cell(el, 1, ZVW), 'a cell after the switch');
  });

  it('stays light without the theme file, even when the visitor prefers dark', async () => {
    document.getElementById('rp-theme')?.remove();
    await emulateMedia({ colorScheme: 'dark' });
    await mount('rp-split-grid', null);
    expectLight(cell(el, 1, ZVW), 'a cell');
    expectLight(el.shadowRoot!.querySelector('thead th')!, 'a header');
  });

  it('uses the host page’s font', async () => {
    await mount('rp-split-grid');
    wrapper.style.fontFamily = 'Georgia, serif';
    expect(getComputedStyle(cell(el, 1, ZVW)).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(el.shadowRoot!.querySelector('thead th')!).fontFamily).to.equal('Georgia, serif');
  });
});

describe('grids in forced colours (high contrast)', () => {
  let el: RpGridElement;
  afterEach(async () => {
    el.remove();
    await emulateMedia({ forcedColors: 'none' });
  });

  it('keeps marks as frames, the current cell’s border and the pressed view button', async () => {
    await setViewport({ width: 1900, height: 900 });
    el = document.createElement('rp-split-grid') as RpGridElement;
    el.style.setProperty('--rp-grid-height', '300px');
    document.body.append(el);
    new TestOwner(el, samplePlan(3));
    await settle(el);
    await typeInto(el, 0, ZVW, 'abc');
    el.findings = [splitSum('a2'), outsideDomain('a1')];
    select(el, 1, 2);
    await emulateMedia({ forcedColors: 'active' });
    await settle(el);
    const style = (td: Element) => getComputedStyle(td);
    expect(style(cell(el, 2, TOTAL)).outlineStyle, 'error').to.equal('solid');
    expect(style(cell(el, 1, WMO)).outlineStyle, 'warning').to.equal('dotted');
    expect(style(cell(el, 0, ZVW)).outlineStyle, 'refused').to.equal('dashed');
    expect(icon(cell(el, 2, TOTAL)), 'error icon').to.contain('⚠');
    expect(icon(cell(el, 1, WMO)), 'warning icon').to.contain('△');
    const canvas = style(cell(el, 2, 2)).backgroundColor;
    const border = el.shadowRoot!.querySelector('.wtBorder.current')!;
    expect(style(border).backgroundColor, 'current cell border').to.not.equal(canvas);
    const pressed = el.shadowRoot!.querySelector('.toolbar button[aria-pressed="true"]')!;
    const unpressed = el.shadowRoot!.querySelector('.toolbar button[aria-pressed="false"]')!;
    expect(style(pressed).backgroundColor).to.not.equal(style(unpressed).backgroundColor);
  });
});
