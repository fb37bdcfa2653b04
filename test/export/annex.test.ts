import { expect } from 'chai';
import { allocate } from '../../src/engine/index.ts';
import { exportAllFunderAnnexes, exportScenario, planFingerprint } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { Dec } from '../../src/money/decimal.ts';
import { formatMoney } from '../../src/money/format.ts';
import type { Plan } from '../../src/model/index.ts';
import { HOSTILE, erroneousPlan, handbookPlan, hostilePlan } from './fixtures.ts';
import { readDocx } from './read.ts';

const DATE = new Date('2026-11-23T10:00:00Z');

async function annex(plan: Plan, locale: Locale, extra: { draft?: boolean; funderId?: string } = {}) {
  const format = extra.funderId ? 'funder-annex-docx' : 'annex-docx';
  const file = await exportScenario(format, { plan, scenarioName: 'Scenario B', locale, date: DATE, ...extra });
  return { file, parts: await readDocx(file.blob) };
}

/** Lines of the document (one per paragraph, so one per table cell). */
const lines = (text: string) => text.split('\n');

for (const locale of ['nl', 'en'] as const) {
  describe(`contract annex (${locale})`, () => {
    const plan = handbookPlan();
    const a = allocate(plan);
    const money = (d: Dec) => formatMoney(d, locale);

    it('names every party with its AGB or UZOVI code', async () => {
      const { parts } = await annex(plan, locale);
      const doc = lines(parts.document);
      for (const p of plan.providers) {
        expect(doc, p.name).to.include(p.name);
        if (p.agb) expect(doc, p.agb).to.include(p.agb);
      }
      for (const f of plan.funders) {
        expect(doc, f.name).to.include(f.name);
        if (f.uzovi) expect(doc, f.uzovi).to.include(f.uzovi);
      }
      expect(doc).to.include(plan.collaboration);
      expect(doc).to.include(plan.region);
    });

    it('shows every engine amount, formatted for the locale, in its row', async () => {
      const { parts } = await annex(plan, locale);
      const doc = lines(parts.document);
      const after = (label: string, amount: Dec, from = 0) => {
        const at = doc.indexOf(label, from);
        expect(at, label).to.be.greaterThan(-1);
        const found = doc.indexOf(money(amount), at);
        expect(found, `${label} ${money(amount)}`).to.be.greaterThan(at);
        expect(found - at, `${label} amount within its row`).to.be.lessThan(6);
      };
      const providers = new Map(plan.providers.map((p) => [p.id, p.name]));
      const byProviderAt = doc.indexOf(tx('secByProvider', locale));
      for (const p of a.byProvider) after(providers.get(p.providerId!)!, p.amount, byProviderAt);
      const funders = new Map(plan.funders.map((f) => [f.id, f.name]));
      const byFunderAt = doc.indexOf(tx('secByFunder', locale));
      for (const f of a.byFunder) after(funders.get(f.funderId!)!, f.amount, byFunderAt);
      for (const p of a.schedule) after(p.periodId, p.amount);
      for (const x of a.activities) after(plan.activities.find((y) => y.id === x.activityId)!.name, x.annual);
      const domainsAt = doc.indexOf(tx('secSplit', locale));
      for (const d of a.byDomain) after(plan.domains.find((y) => y.id === d.domainId)!.name, d.amount, domainsAt);
      expect(doc.filter((l) => l === money(a.annualTotal)).length).to.be.greaterThan(3);
      // The handbook's own figures, as a person checks them.
      expect(doc).to.include(money(new Dec('250000')));
    });

    it('states target group, payments, model, deductible, double financing and clauses', async () => {
      const { parts } = await annex(plan, locale);
      const doc = parts.document;
      const g = plan.targetGroups[0]!;
      expect(doc).to.contain(g.characteristics);
      expect(doc).to.contain('5611-5658, 5500');
      expect(doc).to.contain(locale === 'nl' ? '1 januari 2025' : '1 January 2025');
      expect(doc).to.contain(tx('model.main-contractor', locale));
      expect(doc).to.contain(`${tx('lead', locale)}: Thuiszorg Zuidoost`);
      expect(doc).to.contain(tx('deductibleStatement', locale));
      expect(doc).to.contain(tx('doubleFundingStatement', locale));
      for (const clause of Object.values(plan.clauses)) expect(doc).to.contain(clause);
      expect(doc).to.contain('Scenario B');
      expect(doc).to.contain(locale === 'nl' ? '23 november 2026' : '23 November 2026');
      expect(doc).to.contain(await planFingerprint(plan));
      expect(parts.headers.join('')).not.to.contain(tx('draftMark', locale));
    });

    it('gives each funder its own annex with its share and payees only', async () => {
      const funder = plan.funders[0]!;
      const { parts, file } = await annex(plan, locale, { funderId: funder.id });
      const doc = lines(parts.document);
      const own = a.byFunder.find((f) => f.funderId === funder.id)!.amount;
      expect(file.fileName).to.contain(funder.name);
      expect(doc.join('\n')).to.contain(funder.name);
      expect(doc).to.include(funder.uzovi);
      expect(doc).to.include(money(own));
      for (const other of plan.funders.slice(1)) expect(doc.join('\n'), other.name).not.to.contain(other.name);
      // Payees: the providers of the funder's domain; their amounts add up to the funder's amount.
      const start = doc.indexOf(tx('secPayees', locale));
      const end = doc.indexOf(tx('secFunderActivities', locale));
      const payees = doc.slice(start, end);
      const zvwProviders = plan.providers.filter((p) => p.domainId === funder.domainId);
      for (const p of zvwProviders) expect(payees).to.include(p.name);
      const sum = payees.filter((l) => l.startsWith('€') || l.startsWith('-€'))
        .slice(0, zvwProviders.length)
        .reduce((s, l) => s.plus(l.replace(/[€\s]/g, '').replace(locale === 'nl' ? /\./g : /,/g, '').replace(',', '.')), new Dec(0));
      expect(sum.toFixed(2)).to.equal(own.toFixed(2));
    });
  });
}

describe('contract annex: marks and safety', () => {
  it('marks a draft on every page header and in the title', async () => {
    const { parts, file } = await annex(erroneousPlan(), 'nl', { draft: true });
    expect(file.fileName).to.contain('bijlage-concept');
    expect(parts.headers.length).to.be.greaterThan(0);
    for (const h of parts.headers) expect(h).to.contain('CONCEPT');
    expect(parts.document.split('\n')[0]).to.match(/^CONCEPT: /);
    for (const f of parts.footers) expect(f).to.contain('CONCEPT');
    const en = await annex(erroneousPlan(), 'en', { draft: true });
    for (const h of en.parts.headers) expect(h).to.contain('DRAFT');
  });

  it('keeps markup and formula-like names as plain text', async () => {
    const plan = hostilePlan();
    const file = await exportScenario('annex-docx', { plan, locale: 'nl', date: DATE });
    const { document } = await readDocx(file.blob);
    for (const name of [HOSTILE.markup, HOSTILE.cmd, HOSTILE.plus, HOSTILE.at]) expect(document).to.contain(name);
    expect(file.fileName).not.to.match(/[<>"&=/\\]/);
  });

  it('exports one annex per funder', async () => {
    const plan = handbookPlan();
    const files = await exportAllFunderAnnexes({ plan, locale: 'nl', date: DATE });
    expect(files.map((f) => f.fileName)).to.have.length(plan.funders.length);
    expect(new Set(files.map((f) => f.fileName)).size).to.equal(plan.funders.length);
    const texts = await Promise.all(files.map(async (f) => (await readDocx(f.blob)).document));
    plan.funders.forEach((f, i) => expect(texts[i]).to.contain(tx('funderAnnexTitle', 'nl', { funder: f.name })));
  });
});
