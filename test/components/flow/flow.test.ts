import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/flow/flow.ts';
import type { RpFlow, FlowSelectDetail } from '../../../components/flow/flow.ts';
import { allocate } from '../../../src/engine/allocate.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { mount, record, hasFocus } from '../planner/dom.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

const plan = handbookPlan();
const allocation = allocate(plan);
const rows = (el: RpFlow) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
  );
const links = (el: RpFlow) => [...el.shadowRoot!.querySelectorAll<SVGPathElement>('path.link')];

describe('rp-flow', () => {
  afterEach(() => document.querySelectorAll('rp-flow').forEach((e) => e.remove()));

  it('lists every flow with its amount in a table: funders → domains → sectors → providers', async () => {
    const el = await mount<RpFlow>('rp-flow', { allocation, plan });
    const table = rows(el);
    expect(table).to.deep.include(['Zorgverzekeraar A', 'Zvw', '€ 175.000,00']);
    expect(table).to.deep.include(['Zvw', 'Wijkverpleging (V&V)', '€ 87.500,00']);
    expect(table).to.deep.include(['Wijkverpleging (V&V)', 'Thuiszorg West', '€ 87.500,00']);
    expect(table).to.deep.include(['Gemeente Voorbeeld', 'Wmo 2015', '€ 25.000,00']);
    // Each column's flows together carry the whole annual budget, to the cent.
    const funderFlows = allocation.byFunder.filter((f) => f.amount.gt(0)).length;
    expect(links(el)).to.have.length(table.length);
    expect(table.length).to.be.greaterThan(funderFlows);
  });

  it('draws bands proportional to the amounts', async () => {
    const el = await mount<RpFlow>('rp-flow', { allocation, plan });
    const band = (label: string) =>
      links(el)
        .find((p) => p.getAttribute('aria-label')!.startsWith(label))!
        .getBBox().height;
    const zvw = band('Zorgverzekeraar A naar Zvw');
    const wmo = band('Gemeente Voorbeeld naar Wmo 2015');
    expect(zvw / wmo).to.be.closeTo(7, 0.3); // € 175.000 against € 25.000
  });

  it('gives the diagram and each flow an accessible name, and switches language', async () => {
    const el = await mount<RpFlow>('rp-flow', { allocation, plan });
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.contain('financiers');
    expect(links(el).map((p) => p.getAttribute('aria-label'))).to.include('Zvw naar Huisartsenzorg: € 87.500,00');
    el.locale = 'en';
    await el.updateComplete;
    expect(links(el).map((p) => p.getAttribute('aria-label'))).to.include('Zvw to Huisartsenzorg: €87,500.00');
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.equal('Money flows per year');
  });

  it('selects a flow by click and by keyboard and tells the host which rows are behind it', async () => {
    const el = await mount<RpFlow>('rp-flow', { allocation, plan });
    const seen = record<FlowSelectDetail>(document, 'rp-flow-select');
    const find = (label: string) => links(el).find((p) => p.getAttribute('aria-label')!.startsWith(label))!;
    find('Zorgverzekeraar A naar Zvw').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await el.updateComplete;
    expect(seen).to.deep.equal([{ funderId: 'f-vgz', domainId: 'zvw' }]);
    expect(find('Zorgverzekeraar A naar Zvw').getAttribute('aria-pressed')).to.equal('true');
    expect(find('Zorgverzekeraar A naar Zvw').classList.contains('selected')).to.equal(true);

    const target = find('Huisartsenzorg naar Huisartsen Oost');
    target.focus();
    expect(hasFocus(target)).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(seen[1]).to.deep.equal({ domainId: 'zvw', sectorId: 'zvw-ha', providerId: 'p-ha' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(seen).to.have.length(3);
    expect(find('Zorgverzekeraar A naar Zvw').getAttribute('aria-pressed')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Geselecteerd');
  });

  it('shows the Zvw part no contracting insurer covers as a node of its own', async () => {
    const partial = handbookPlan();
    partial.funders = partial.funders.map((f) =>
      f.id === 'f-vgz' ? { ...f, share: { basis: 'percent' as const, percent: '60' } } : f,
    );
    const a = allocate(partial);
    const uncovered = a.byFunder.find((f) => f.funderId === null && f.domainId === 'zvw')!;
    expect(uncovered.amount.toFixed(2)).to.equal('70000.00');
    const el = await mount<RpFlow>('rp-flow', { allocation: a, plan: partial });
    const table = rows(el);
    expect(table).to.deep.include(['Niet gedekt door een gecontracteerde zorgverzekeraar', 'Zvw', '€ 70.000,00']);
    expect(table).to.deep.include(['Zorgverzekeraar A', 'Zvw', '€ 105.000,00']);
    expect(table.flat()).not.to.include('Nog geen financier');
    el.locale = 'en';
    await el.updateComplete;
    expect(rows(el).map((r) => r[0])).to.include('Not covered by a contracting insurer');
  });

  it('follows a main contractor: every funder pays the lead, which passes each provider its part', async () => {
    const lead = handbookPlan();
    lead.executionModel = 'main-contractor';
    lead.leadProviderId = 'p-vv';
    const el = await mount<RpFlow>('rp-flow', { allocation: allocate(lead), plan: lead });
    const table = rows(el);
    const hoofd = 'Thuiszorg West (Hoofdaannemer)';
    expect(table).to.deep.include(['Zorgverzekeraar A', hoofd, '€ 175.000,00']);
    expect(table).to.deep.include(['Gemeente Voorbeeld', hoofd, '€ 25.000,00']);
    expect(table).to.deep.include(['Gemeente Voorbeeld', hoofd, '€ 50.000,00']);
    expect(table).to.deep.include([hoofd, 'Huisartsen Oost', '€ 87.500,00']);
    expect(table).to.deep.include([hoofd, 'Welzijn Centrum', '€ 25.000,00']);
    expect(table).to.deep.include([hoofd, 'Jeugdteam', '€ 50.000,00']);
    // The lead is one organisation, one node: its own part stays with it, a row of the table, not a band.
    expect(table).to.deep.include([hoofd, 'eigen deel (blijft bij Thuiszorg West)', '€ 87.500,00']);
    expect(table.filter((r) => r[1] === 'Thuiszorg West')).to.deep.equal([]);
    // No funder pays a provider or a domain directly.
    expect(table.filter((r) => r[0] === 'Zorgverzekeraar A').map((r) => r[1])).to.deep.equal([hoofd]);
    const headings = [...el.shadowRoot!.querySelectorAll('text.heading')].map((x) => x.textContent);
    expect(headings).to.deep.equal(['Financiers', 'Hoofdaannemer', 'Aanbieders']);
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.contain('hoofdaannemer');
  });

  it('under a main contractor, the part no insurer covers reaches neither the lead nor a provider', async () => {
    const partial = handbookPlan();
    partial.executionModel = 'main-contractor';
    partial.leadProviderId = 'p-vv';
    partial.funders = partial.funders.map((f) =>
      f.id === 'f-vgz' ? { ...f, share: { basis: 'percent' as const, percent: '60' } } : f,
    );
    const el = await mount<RpFlow>('rp-flow', { allocation: allocate(partial), plan: partial });
    const table = rows(el);
    const hoofd = 'Thuiszorg West (Hoofdaannemer)';
    const uncovered = 'Niet gedekt door een gecontracteerde zorgverzekeraar';
    expect(table).to.deep.include([uncovered, 'niemand (wordt niet betaald)', '€ 70.000,00']);
    expect(table.filter((r) => r[0] === uncovered)).to.have.length(1);
    expect(table).to.deep.include(['Zorgverzekeraar A', hoofd, '€ 105.000,00']);
    // The Zvw providers are passed on only what the insurer pays: 105.000 of the 175.000.
    const zvwParts = table.filter(
      (r) => r[0] === hoofd && ['Huisartsen Oost', 'eigen deel (blijft bij Thuiszorg West)'].includes(r[1]!),
    );
    const cents = zvwParts.map((r) => Number(r[2]!.replace(/[^0-9]/g, ''))).reduce((x, y) => x + y, 0);
    expect(cents).to.equal(10_500_000);
  });

  it('draws one node per organisation, each label inside the diagram', async () => {
    for (const model of ['equal-partners', 'main-contractor'] as const) {
      const p = handbookPlan();
      p.executionModel = model;
      p.leadProviderId = model === 'main-contractor' ? 'p-vv' : null;
      const el = await mount<RpFlow>('rp-flow', { allocation: allocate(p), plan: p });
      await el.updateComplete;
      const labels = [...el.shadowRoot!.querySelectorAll<SVGTextElement>('text.label')];
      const names = labels.map((t) => t.textContent!.trim());
      // Gemeente Voorbeeld pays Wmo and Jeugdwet: one node with two bands.
      expect(
        names.filter((n) => n === 'Gemeente Voorbeeld'),
        model,
      ).to.have.length(1);
      expect(
        names.filter((n) => n.startsWith('Thuiszorg West')),
        model,
      ).to.have.length(1);
      expect(new Set(names).size, model).to.equal(names.length);
      // A domain without sectors is not drawn a second time as "no sector".
      expect(
        names.some((n) => n.includes('Geen sector')),
        model,
      ).to.equal(false);
      const box = el.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
      for (const t of labels) {
        const r = t.getBoundingClientRect();
        expect(r.left, t.textContent!).to.be.at.least(box.left - 0.5);
        expect(r.right, t.textContent!).to.be.at.most(box.right + 0.5);
      }
      el.remove();
    }
  });

  it('shows names with markup as text', async () => {
    const hostile = handbookPlan();
    hostile.providers[0]!.name = '<img src=x onerror="window.__flowXss=1">Thuiszorg';
    const el = await mount<RpFlow>('rp-flow', { allocation: allocate(hostile), plan: hostile });
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(rows(el).flat()).to.include('<img src=x onerror="window.__flowXss=1">Thuiszorg');
  });

  it('toggles the table into view and says when there is nothing to draw', async () => {
    const el = await mount<RpFlow>('rp-flow', { allocation, plan });
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
    expect(el.shadowRoot!.querySelector('table')!.classList.contains('visually-hidden')).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.querySelector('table')!.getBoundingClientRect().height).to.be.greaterThan(50);
    el.allocation = null;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Nog geen bedragen');
  });

  it('has no serious or critical axe violations, in light and dark theme', async () => {
    const el = await mount<RpFlow>('rp-flow', { allocation, plan, showTable: true });
    await expectNoSeriousViolations(el);
    document.documentElement.setAttribute('theme', 'dark');
    const { installTheme } = await import('../../../components/theme/index.ts');
    installTheme();
    try {
      await expectNoSeriousViolations(el);
    } finally {
      document.documentElement.removeAttribute('theme');
      document.getElementById('rp-theme')?.remove();
    }
  });
});
