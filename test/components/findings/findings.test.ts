import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/findings/findings.ts';
import type { RpFindings } from '../../../components/findings/findings.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { $, mount, record } from '../planner/dom.ts';

const warning: Finding = {
  code: 'reference-missing',
  severity: 'warning',
  location: { section: 'activities', rowId: 'a1', field: 'targetGroupIds' },
  message: { nl: 'Activiteit zonder doelgroep.', en: 'Activity without target group.' },
};
const error1: Finding = {
  code: 'split-sum',
  severity: 'error',
  location: { section: 'split', rowId: 'default', domainId: 'zvw' },
  message: { nl: 'De verdeling telt op tot 99 %.', en: 'The split adds up to 99 %.' },
};
const error2: Finding = {
  code: 'code-invalid',
  severity: 'error',
  location: { section: 'providers', rowId: 'p-ha', field: 'agb' },
  message: { nl: 'AGB-code klopt niet.', en: 'AGB code is wrong.' },
};

const live = (el: RpFindings) => $(el, '[aria-live="polite"]');

describe('rp-findings', () => {
  afterEach(() => document.querySelectorAll('rp-findings').forEach((e) => e.remove()));

  it('groups findings by severity, errors first, with counts and where each points', async () => {
    const el = await mount<RpFindings>('rp-findings', { findings: [warning, error1, error2], plan: handbookPlan() });
    const headings = [...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent!.trim());
    expect(headings).to.deep.equal(['Fouten (2)', 'Waarschuwingen (1)']);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="item"]')];
    expect(buttons.map((b) => b.querySelector('.message')!.textContent)).to.deep.equal([
      'De verdeling telt op tot 99 %.',
      'AGB-code klopt niet.',
      'Activiteit zonder doelgroep.',
    ]);
    expect(buttons[0]!.querySelector('.where')!.textContent).to.equal('Verdeling · standaardverdeling · Zvw');
    expect(buttons[1]!.querySelector('.where')!.textContent).to.equal('Aanbieders · Huisartsen Oost');
    el.locale = 'en';
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.deep.equal([
      'Errors (2)',
      'Warnings (1)',
    ]);
    expect(buttons[2]!.querySelector('.message')!.textContent).to.equal('Activity without target group.');
  });

  it('fires rp-focus-finding with the chosen finding, by click and by keyboard', async () => {
    const el = await mount<RpFindings>('rp-findings', { findings: [warning, error1] });
    const chosen = record<Finding>(document, 'rp-focus-finding');
    const buttons = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="item"]');
    buttons[1]!.click();
    buttons[0]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.deep.equal([warning, error1]);
  });

  it('announces count changes politely, not the first render', async () => {
    const el = await mount<RpFindings>('rp-findings', { findings: [error1] });
    expect(live(el).textContent!.trim()).to.equal('');
    el.findings = [error1, error2, warning];
    await el.updateComplete;
    expect(live(el).textContent!.trim()).to.equal('2 fouten en 1 waarschuwing.');
    el.findings = [error2, error1, warning];
    await el.updateComplete;
    expect(live(el).textContent!.trim()).to.equal('2 fouten en 1 waarschuwing.');
    el.findings = [];
    await el.updateComplete;
    expect(live(el).textContent!.trim()).to.equal('Geen bevindingen meer.');
    expect(el.shadowRoot!.querySelector('.ok')!.textContent).to.contain('Geen bevindingen');
  });

  it('shows finding text with markup as text', async () => {
    const evil: Finding = { ...error1, message: { nl: '<img src=x onerror="window.pwned=1">', en: 'x' } };
    const el = await mount<RpFindings>('rp-findings', { findings: [evil] });
    expect(el.shadowRoot!.querySelector('.message')!.textContent).to.equal('<img src=x onerror="window.pwned=1">');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
