import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import axe from 'axe-core';
import '../../components/export-menu/export-menu.ts';
import type { RpExportDetail, RpExportErrorDetail, RpExportMenu } from '../../components/export-menu/export-menu.ts';
import { validate } from '../../src/engine/index.ts';
import { exportAllFunderAnnexes } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import type { Plan } from '../../src/model/index.ts';
import { HOSTILE, erroneousPlan, handbookPlan, hostilePlan } from './fixtures.ts';
import { readDocx } from './read.ts';
import JSZip from 'jszip';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(plan: Plan | null, locale: 'nl' | 'en' = 'nl'): Promise<RpExportMenu> {
  const el = document.createElement('rp-export-menu');
  el.plan = plan;
  el.scenarioName = 'Scenario B';
  el.locale = locale;
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element>(el: RpExportMenu, sel: string) => el.shadowRoot!.querySelector<T>(sel);

function nextEvent<T>(el: HTMLElement, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => el.addEventListener(name, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

async function choose(el: RpExportMenu, id: string, value: string) {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<rp-export-menu>', () => {
  it('speaks the page language and says when no plan is open', async () => {
    const el = await mount(handbookPlan());
    expect($(el, 'h2')!.textContent).to.equal('Exporteren');
    expect($(el, 'label[for=format]')!.textContent).to.equal('Formaat');
    el.locale = 'en';
    await el.updateComplete;
    expect($(el, 'h2')!.textContent).to.equal('Export');
    expect([...el.shadowRoot!.querySelectorAll('#format option')].map((o) => o.textContent)).to.include(
      'Workbook (Excel)',
    );
    const empty = await mount(null);
    expect(empty.shadowRoot!.textContent).to.contain(tx('menuNoPlan', 'nl'));
    expect($(empty, '#download')).to.equal(null);
  });

  it('exports by keyboard alone: choose the workbook, tab to Download, press Enter', async () => {
    const el = await mount(handbookPlan());
    $<HTMLSelectElement>(el, '#format')!.focus();
    // Contract annex, annex per funder, annex for the lead, workbook.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#format')!.value).to.equal('xlsx');
    const exported = nextEvent<RpExportDetail>(el, 'rp-export');
    await sendKeys({ press: 'Tab' }); // draft checkbox
    await sendKeys({ press: 'Tab' }); // Download
    expect(el.shadowRoot!.activeElement?.id).to.equal('download');
    await sendKeys({ press: 'Enter' });
    const { detail } = await exported;
    expect(detail.format).to.equal('xlsx');
    expect(detail.fileName).to.match(/^Dementienetwerk-Zuidoost_Scenario-B_werkmap_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(detail.blob.size).to.be.greaterThan(1000);
  });

  it('shows a progress indicator while exporting, then names the file', async () => {
    const el = await mount(handbookPlan());
    await choose(el, 'format', 'xlsx');
    const exported = nextEvent<RpExportDetail>(el, 'rp-export');
    $<HTMLButtonElement>(el, '#download')!.click();
    await el.updateComplete;
    expect($(el, 'progress'), 'progress while busy').not.to.equal(null);
    expect($(el, '[role=status]')!.textContent).to.contain(tx('menuBusy', 'nl'));
    expect($<HTMLButtonElement>(el, '#download')!.disabled).to.equal(true);
    const { detail } = await exported;
    await el.updateComplete;
    expect($(el, 'progress')).to.equal(null);
    expect($(el, '[role=status]')!.textContent).to.contain(detail.fileName);
  });

  it('refuses while the scenario has errors and lists them; a draft goes through', async () => {
    const plan = erroneousPlan();
    const el = await mount(plan);
    let exported = 0;
    el.addEventListener('rp-export', () => {
      exported++;
    });
    const refused = nextEvent<RpExportErrorDetail>(el, 'rp-export-error');
    $<HTMLButtonElement>(el, '#download')!.click();
    const { detail } = await refused;
    await el.updateComplete;
    expect(detail.error.code).to.equal('has-errors');
    const alert = $(el, '[role=alert]')!;
    const errors = validate(plan).filter((f) => f.severity === 'error');
    for (const f of errors) expect(alert.textContent).to.contain(f.message.nl);
    expect(alert.querySelectorAll('li')).to.have.length(errors.length);
    expect(exported).to.equal(0);

    $<HTMLInputElement>(el, '#draft')!.click();
    await el.updateComplete;
    const draft = nextEvent<RpExportDetail>(el, 'rp-export');
    $<HTMLButtonElement>(el, '#download')!.click();
    const file = (await draft).detail;
    expect(file.fileName).to.contain('bijlage-concept');
    const parts = await readDocx(file.blob);
    expect(parts.headers.join(' ')).to.contain('CONCEPT');
    await el.updateComplete;
    expect($(el, '[role=alert]')).to.equal(null);
  });

  it('offers each funder (names as text) and exports all funders as one zip with one annex each', async () => {
    const plan = hostilePlan();
    const el = await mount(plan);
    await choose(el, 'format', 'funder-annex-docx');
    const options = [...el.shadowRoot!.querySelectorAll('#funder option')].map((o) => o.textContent);
    expect(options).to.have.length(plan.funders.length + 1);
    expect(options.some((o) => o?.startsWith(HOSTILE.plus))).to.equal(true);
    expect(options[0]).to.equal(tx('menuAllFunders', 'nl'));
    const exported: RpExportDetail[] = [];
    el.addEventListener('rp-export', (e) => exported.push((e as CustomEvent<RpExportDetail>).detail));
    const done = nextEvent(el, 'rp-export');
    $<HTMLButtonElement>(el, '#download')!.click();
    await done;
    expect(exported).to.have.length(1);
    expect(exported[0]!.fileName).to.match(/_bijlagen-financiers_\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(await exported[0]!.blob.arrayBuffer());
    const names = Object.keys(zip.files);
    expect(names).to.have.length(plan.funders.length);
    for (const [i, f] of plan.funders.entries()) {
      const doc = await readDocx(new Blob([await zip.file(names[i]!)!.async('arraybuffer')]));
      expect(doc.document, names[i]).to.contain(tx('funderAnnexTitle', 'nl', { funder: f.name }));
    }
  });

  it('tells apart one municipality funding two domains: the option and the file name carry the domain', async () => {
    const base = handbookPlan();
    const plan = {
      ...base,
      funders: base.funders.map((f) => (f.kind === 'municipality' ? { ...f, name: 'Gemeente Eindhoven' } : f)),
    };
    const el = await mount(plan);
    await choose(el, 'format', 'funder-annex-docx');
    const options = [...el.shadowRoot!.querySelectorAll('#funder option')].map((o) => o.textContent!.trim());
    expect(options).to.include('Gemeente Eindhoven (Wmo 2015)');
    expect(options).to.include('Gemeente Eindhoven (Jeugdwet)');
    const files = await exportAllFunderAnnexes({ plan, locale: 'nl', date: new Date('2026-11-23T10:00:00Z') });
    expect(new Set(files.map((f) => f.fileName)).size).to.equal(plan.funders.length);
    expect(files.map((f) => f.fileName).some((n) => n.includes('Jeugdwet'))).to.equal(true);
  });

  it('has no accessibility violations, also while showing a refusal', async () => {
    const el = await mount(erroneousPlan());
    await choose(el, 'format', 'csv');
    const refused = nextEvent<RpExportErrorDetail>(el, 'rp-export-error');
    $<HTMLButtonElement>(el, '#download')!.click();
    await refused;
    await el.updateComplete;
    expect($(el, '[role=alert]')).not.to.equal(null);
    const result = await axe.run(el, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).to.deep.equal([]);
  });

  it('prints the annex from its own document: markup stays text, a draft is marked', async () => {
    const el = await mount(hostilePlan(), 'en');
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    $<HTMLInputElement>(el, '#draft')!.click();
    await el.updateComplete;
    const frame = await el.print();
    expect(frame).not.to.equal(null);
    const doc = frame!.contentDocument!;
    expect(doc.documentElement.lang).to.equal('en');
    expect(doc.querySelector('h1')!.textContent).to.equal(`DRAFT: ${tx('annexTitle', 'en')}: ${HOSTILE.markup}`);
    expect(doc.querySelectorAll('img')).to.have.length(0);
    expect(doc.body.textContent).to.contain(HOSTILE.markup);
    expect(doc.querySelector('.draft-mark')!.textContent).to.equal('DRAFT');
    // Footer and draft mark in the page margins; the user's quotes cannot end the CSS string.
    const pages = [...doc.styleSheets[0]!.cssRules]
      .filter((r) => r.type === CSSRule.PAGE_RULE)
      .map((r) => r.cssText)
      .join('\n');
    expect(pages).to.contain('bottom-left');
    expect(pages).to.contain('top-center');
    expect(pages).to.contain('onerror=\\"window.__pwned=1\\"');
    // Amounts right-aligned in their columns, totals in the table foot.
    expect(doc.querySelectorAll('tfoot td.num').length).to.be.greaterThan(3);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it("prints the lead's annex too", async () => {
    const el = await mount(handbookPlan());
    await choose(el, 'format', 'lead-annex-docx');
    expect($(el, '#print')).not.to.equal(null);
    const frame = await el.print();
    expect(frame).not.to.equal(null);
    const doc = frame!.contentDocument!;
    expect(doc.querySelector('h1')!.textContent).to.contain(
      tx('leadAnnexTitle.main-contractor', 'nl', { lead: 'Thuiszorg Zuidoost' }),
    );
    expect(doc.body.textContent).to.contain(tx('secPassOn', 'nl'));
  });

  it('prints every funder at once, each annex from a new page, and wide tables in parts that fit', async () => {
    const plan = (await import('../../demo/plans/dementia-network.json')).default as unknown as Plan;
    const el = await mount(plan);
    await choose(el, 'format', 'funder-annex-docx');
    expect($(el, '#print'), 'print offered for all funders').not.to.equal(null);
    const frame = await el.print();
    const doc = frame!.contentDocument!;
    const articles = [...doc.querySelectorAll('article.annex')];
    expect(articles).to.have.length(plan.funders.length);
    articles.forEach((a, i) =>
      expect(a.querySelector('h1')!.textContent).to.contain(
        tx('funderAnnexTitle', 'nl', { funder: plan.funders[i]!.name }),
      ),
    );
    const win = frame!.contentWindow!;
    expect(win.getComputedStyle(articles[1]!).breakBefore).to.equal('page');
    expect(win.getComputedStyle(articles[0]!).breakBefore).to.not.equal('page');
    // The lead's annex lists 13 payees per period: printed in parts, no table wider than 8 columns.
    await choose(el, 'format', 'lead-annex-docx');
    const lead = (await el.print())!.contentDocument!;
    const widths = [...lead.querySelectorAll('table')].map((t) => t.querySelectorAll('thead th').length);
    expect(Math.max(...widths)).to.be.at.most(8);
    expect(lead.body.textContent).to.contain('(deel 2 van');
  });

  it('lists the annex agreements where the export is, flags the empty ones and goes to their field', async () => {
    const plan = handbookPlan();
    plan.clauses = { ...plan.clauses, controls: '', quality: '' };
    const el = await mount(plan);
    const items = [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('.clauses li')];
    expect(items.map((li) => li.querySelector('.name')!.textContent)).to.deep.equal([
      tx('clauseDeclaration', 'nl'),
      tx('clauseInformation', 'nl'),
      tx('clauseEvaluation', 'nl'),
      tx('clauseControls', 'nl'),
      tx('clauseQuality', 'nl'),
      tx('doubleFundingMeasures', 'nl'),
    ]);
    // Visible without opening anything.
    expect(items[3]!.getClientRects().length).to.be.greaterThan(0);
    expect(items[3]!.textContent).to.contain(tx('menuClauseEmpty', 'nl'));
    expect(items[4]!.textContent).to.contain(tx('menuClauseOptional', 'nl'));
    expect(items[0]!.querySelector('button')).to.equal(null);
    // The warning is listed before export, and both links lead to the controls field.
    const checks = [...el.shadowRoot!.querySelectorAll('.checks li')].map((li) => li.textContent ?? '');
    const clauseChecks = checks.filter((c) => c.includes('De afspraak over'));
    expect(clauseChecks).to.have.length(1);
    expect(clauseChecks[0]).to.contain('De afspraak over de controlemaatregelen is leeg');
    const focus = nextEvent<{ location: { field?: string } }>(el, 'rp-focus-finding');
    items[3]!.querySelector('button')!.click();
    expect((await focus).detail.location.field).to.equal('clauses.controls');
  });

  it('lists the findings the planner passes before export, errors first', async () => {
    const plan = erroneousPlan();
    const el = await mount(plan);
    const findings = validate(plan);
    el.findings = [...findings].reverse();
    await el.updateComplete;
    const first = el.shadowRoot!.querySelector('.checks li')!;
    expect(first.className).to.equal('error');
    expect(el.shadowRoot!.querySelector('#checks-title')!.textContent).to.contain(
      `${findings.filter((f) => f.severity === 'error').length} fout(en)`,
    );
  });
});
