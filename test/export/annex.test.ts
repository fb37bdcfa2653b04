import { expect } from 'chai';
import { allocate, payments } from '../../src/engine/index.ts';
import { buildAnnex, exportAllFunderAnnexes, exportScenario, planFingerprint } from '../../src/export/index.ts';
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
      for (const f of a.byFunder)
        after(f.funderId === null ? tx('uncovered', locale) : funders.get(f.funderId)!, f.amount, byFunderAt);
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
      expect(doc).to.contain(`${tx('lead.main-contractor', locale)}: Thuiszorg Zuidoost (AGB 12345678)`);
      expect(doc).to.contain(plan.marketShare.definition);
      expect(doc).to.contain(plan.patientRepresentation);
      expect(doc).to.contain(plan.evaluationMoments[0]!.topic);
      expect(doc).to.contain(plan.activities[0]!.justification!);
      expect(doc).to.contain(tx('vat.main-contractor', locale));
      expect(doc).to.contain(tx('deductibleStatement', locale));
      expect(doc).to.contain(tx('doubleFundingStatement', locale));
      for (const clause of Object.values(plan.clauses)) expect(doc).to.contain(clause);
      expect(doc).to.contain('Scenario B');
      expect(doc).to.contain(locale === 'nl' ? '23 november 2026' : '23 November 2026');
      expect(doc).to.contain(await planFingerprint(plan));
      expect(parts.headers.join('')).not.to.contain(tx('draftMark', locale));
    });

    it('gives each funder its own annex with its share; under a main contractor it pays the lead only', async () => {
      const funder = plan.funders[0]!;
      const { parts, file } = await annex(plan, locale, { funderId: funder.id });
      const doc = lines(parts.document);
      const own = a.byFunder.find((f) => f.funderId === funder.id)!.amount;
      expect(file.fileName).to.contain(funder.name);
      expect(doc.join('\n')).to.contain(funder.name);
      expect(doc).to.include(funder.uzovi);
      expect(doc).to.include(money(own));
      for (const other of plan.funders.slice(1)) expect(doc.join('\n'), other.name).not.to.contain(other.name);
      // Payees: the main contractor alone, per quarter, with its AGB code; amounts from the engine.
      const pay = payments(plan, a).funders.find((f) => f.funderId === funder.id)!;
      expect(pay.payees.map((x) => x.providerId)).to.deep.equal(['p-vv']);
      const q = pay.payees[0]!.periods;
      expect(q).to.have.length(4);
      const per = tx('per.quarter', locale);
      const line =
        locale === 'nl'
          ? `${per} ${money(q[3]!)} aan Thuiszorg Zuidoost (AGB 12345678)`
          : `${money(q[3]!)} ${per} to Thuiszorg Zuidoost (AGB 12345678)`;
      expect(
        doc.some((x) => x.startsWith(line)),
        line,
      ).to.equal(true);
      const start = doc.indexOf(tx('secPayees', locale));
      const end = doc.indexOf(tx('secParts', locale));
      expect(start).to.be.greaterThan(-1);
      expect(end).to.be.greaterThan(start);
      const payees = doc.slice(start, end).join('\n');
      expect(payees).not.to.contain('Huisartsen Eindhoven');
      // Every period of its schedule, and the lead's role by the model.
      for (const x of pay.periods) expect(doc.slice(start)).to.include(money(x));
      expect(doc.slice(start, end)).to.include(tx('lead.main-contractor', locale));
      // What the lead passes on from this money: the GP part, as an onderaannemer.
      const partsText = doc.slice(end, end + 40);
      expect(partsText).to.include('Huisartsen Eindhoven');
      expect(partsText).to.include(tx('role.subcontractor', locale));
      expect(partsText).to.include(money(pay.parts.find((x) => x.providerId === 'p-ha')!.annual));
    });

    it("speaks of an insurer's insured and states the market-share definition", async () => {
      const { parts } = await annex(plan, locale, { funderId: 'f-cz' });
      const doc = parts.document;
      expect(doc).to.contain(tx('share.count.insured', locale, { count: locale === 'nl' ? '6.000' : '6,000' }));
      expect(doc).not.to.match(locale === 'nl' ? /inwoners/ : /inhabitants/);
      expect(doc).to.contain(plan.marketShare.definition);
      expect(doc).to.contain(tx('deductibleStatement', locale));
    });

    it('says per what every amount is: per year, per period, per calendar year or over the term', async () => {
      const when = locale === 'nl' ? /jaar|looptijd|periode/i : /year|term|period/i;
      for (const options of [{}, { funderId: 'f-cz' }, { funderId: 'f-wmo' }]) {
        const doc = await buildAnnex({ plan, scenarioName: 'Scenario B', locale, date: DATE, ...options });
        const tables = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
        for (const t of tables) {
          for (const c of t.columns.filter((x) => x.kind === 'money'))
            expect(`${t.title} / ${c.label}`, 'an amount without its period').to.match(when);
        }
      }
    });

    it('refers to the main agreement and ends with a signature block for each party of the annex', async () => {
      for (const [funderId, parties] of [
        [undefined, ['CZ', 'VGZ', 'Thuiszorg Zuidoost (AGB 12345678)']],
        ['f-cz', ['CZ', 'Thuiszorg Zuidoost (AGB 12345678)']],
      ] as const) {
        const { parts } = await annex(plan, locale, funderId ? { funderId } : {});
        const doc = lines(parts.document);
        // The reference to the main agreement comes before the first section.
        expect(doc.indexOf(tx('mainAgreement', locale))).to.be.within(0, doc.indexOf(tx('secPlan', locale)));
        const at = doc.lastIndexOf(tx('secSignatures', locale));
        expect(at, 'signature section').to.be.greaterThan(doc.indexOf(tx('secClauses', locale)));
        const tail = doc.slice(at);
        // The fingerprint, and once, in plain words, what it is for.
        expect(tail).to.include(`${tx('fingerprint', locale)}: ${await planFingerprint(plan)}`);
        expect(doc.filter((x) => x === tx('fingerprintNote', locale))).to.have.length(1);
        for (const name of parties) {
          const party = tail.findIndex((x) => x.startsWith(`${name} (`));
          expect(party, name).to.be.greaterThan(-1);
          // Name, function, date and signature to fill in, each followed by an empty cell.
          const fields = ['signName', 'signFunction', 'signDate', 'signSignature'] as const;
          fields.forEach((f, i) => {
            expect(tail[party + 1 + 2 * i], f).to.equal(tx(f, locale));
            expect(tail[party + 2 + 2 * i], `${f} empty`).to.equal('');
          });
        }
      }
      // A funder signs its own annex with whom it pays; the other funders do not.
      const own = lines((await annex(plan, locale, { funderId: 'f-cz' })).parts.document);
      const tail = own.slice(own.lastIndexOf(tx('secSignatures', locale)));
      expect(tail.some((x) => x.startsWith(`${plan.funders.find((f) => f.id === 'f-cz')!.name} (`))).to.equal(true);
      expect(tail.join('\n')).not.to.contain('VGZ');
    });

    it("writes a municipality's annex in its own law's words: Wmo 2015 and Jeugdwet, not Zvw", async () => {
      for (const [funderId, word] of [
        ['f-wmo', locale === 'nl' ? 'maatwerkvoorziening' : 'tailored provision'],
        ['f-jw', locale === 'nl' ? 'individuele voorziening voor één jeugdige' : 'individual provision'],
      ] as const) {
        const doc = (await annex(plan, locale, { funderId })).parts.document;
        expect(doc, funderId).to.contain(word);
        expect(doc).to.contain(tx('clauseInvoicing', locale));
        expect(doc).to.contain(tx('doubleFundingStatementMunicipal', locale));
        expect(lines(doc)).not.to.include(tx('clauseDeclaration', locale));
        expect(doc).not.to.match(locale === 'nl' ? /zorgverzekeraar|Vektis/i : /health insurer|Vektis/i);
      }
      // An insurer's annex keeps the Zvw's declaration process.
      const insurer = lines((await annex(plan, locale, { funderId: 'f-cz' })).parts.document);
      expect(insurer).to.include(tx('clauseDeclaration', locale));
    });

    it("speaks of a municipality's own domain: no Zvw title, market share or deductible", async () => {
      const { parts } = await annex(plan, locale, { funderId: 'f-wmo' });
      const doc = parts.document;
      expect(doc).to.contain(tx('socialDomainStatement.wmo', locale, { domain: 'Wmo 2015' }));
      expect(doc).not.to.contain(tx('title.bdss', locale));
      expect(doc).not.to.contain(tx('deductibleStatement', locale));
      expect(doc).not.to.contain(tx('secMarketShare', locale));
      expect(doc).not.to.match(locale === 'nl' ? /verzekerden/ : /insured/);
      expect(doc).not.to.contain('Penvoerder');
    });
  });
}

describe('contract annex: the execution model decides who is paid', () => {
  const base = handbookPlan();
  it('equal partners: the insurer pays each Zvw provider its own part; no lead is named', async () => {
    const plan: Plan = {
      ...base,
      executionModel: 'equal-partners',
      leadProviderId: null,
      providers: base.providers.map((p) => ({ ...p, role: 'partner' as const })),
    };
    const a = allocate(plan);
    const pay = payments(plan, a).funders.find((f) => f.funderId === 'f-cz')!;
    const { parts } = await annex(plan, 'nl', { funderId: 'f-cz', draft: true });
    const doc = lines(parts.document);
    expect(pay.payees.map((x) => x.providerId)).to.have.members(['p-vv', 'p-ha']);
    const to = (id: string) => pay.payees.find((x) => x.providerId === id)!.periods[3]!;
    expect(
      doc.some((x) =>
        x.startsWith(`per kwartaal ${formatMoney(to('p-vv'), 'nl')} aan Thuiszorg Zuidoost (AGB 12345678)`),
      ),
    ).to.equal(true);
    expect(
      doc.some((x) =>
        x.startsWith(`per kwartaal ${formatMoney(to('p-ha'), 'nl')} aan Huisartsen Eindhoven (AGB 01234567)`),
      ),
    ).to.equal(true);
    expect(parts.document).not.to.contain(tx('lead.main-contractor', 'nl'));
    expect(parts.document).not.to.contain(tx('role.subcontractor', 'nl'));
    expect(parts.document).to.contain(tx('vat.equal-partners', 'nl'));
    expect(parts.document).not.to.contain(tx('secPassOn', 'nl'));
  });

  it('cashier: the funder pays the cashier, who is named as such', async () => {
    // A welfare organisation as cashier of Zvw money: the rules object (a draft), the annex still names it.
    const plan: Plan = {
      ...base,
      executionModel: 'cashier',
      leadProviderId: 'p-wmo',
      providers: base.providers.map((p) => ({
        ...p,
        role: p.id === 'p-wmo' ? ('cashier' as const) : ('partner' as const),
      })),
    };
    const { parts } = await annex(plan, 'nl', { funderId: 'f-cz', draft: true });
    expect(parts.document).to.contain(tx('payees.cashier', 'nl', { lead: 'Welzijn Eindhoven' }));
    expect(parts.document).to.contain(tx('vat.cashier', 'nl'));
    const all = await annex(plan, 'nl', { draft: true });
    expect(all.parts.document).to.contain(`${tx('lead.cashier', 'nl')}: Welzijn Eindhoven`);
    expect(all.parts.document).to.contain(tx('secPassOn', 'nl'));
  });

  it('the plan annex lists the part no contracting insurer covers, and what the lead passes on', async () => {
    const a = allocate(base);
    const uncovered = a.byFunder.find((f) => f.funderId === null && f.domainId === 'zvw');
    expect(uncovered, 'the fixture leaves part of the Zvw uncovered').not.to.equal(undefined);
    const { parts } = await annex(base, 'nl');
    const doc = lines(parts.document);
    expect(parts.document).to.contain(
      `${tx('uncovered', 'nl')} (Zvw): ${formatMoney(uncovered!.amount, 'nl')} per jaar`,
    );
    const p = payments(base, a);
    const at = doc.indexOf(tx('secPassOn', 'nl'));
    expect(at).to.be.greaterThan(-1);
    for (const x of p.passOn) expect(doc.slice(at)).to.include(formatMoney(x.annual, 'nl'));
    expect(parts.document).not.to.contain('Penvoerder');
    expect(parts.document).not.to.match(/handboek/i);
  });
});

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

describe('contract annex: the handleiding example (demo plan)', () => {
  it('gives Wmo € 25.000, Jeugdwet € 50.000, Zvw € 175.000, V&V and GP € 87.500 each, and each insurer its own share', async () => {
    const { Plan: PlanSchema } = await import('../../src/model/index.ts');
    const plan = PlanSchema.parse((await import('../../demo/plans/handbook.json')).default);
    const { parts } = await annex(plan, 'nl');
    const doc = lines(parts.document);
    for (const x of ['€ 25.000,00', '€ 50.000,00', '€ 175.000,00', '€ 87.500,00']) expect(doc, x).to.include(x);
    const a = allocate(plan);
    const kustland = a.byFunder.find((f) => f.funderId === 'f-zv-1')!.amount;
    const haven = a.byFunder.find((f) => f.funderId === 'f-zv-2')!.amount;
    // 41.250 and 18.730 of 59.980 insured: the whole Zvw part, split by their own counts.
    expect(kustland.plus(haven).toFixed(2)).to.equal('175000.00');
    expect(kustland.minus(new Dec('175000').times(41250).div(59980)).abs().lt('0.01'), kustland.toFixed(2)).to.equal(
      true,
    );
    // The insurer's annex states its own amount, its count and the area total.
    const kz = lines((await annex(plan, 'nl', { funderId: 'f-zv-1' })).parts.document);
    expect(kz).to.include(formatMoney(kustland, 'nl'));
    expect(kz).to.include('41.250');
    expect(kz).to.include('59.980');
    const wmo = await annex(plan, 'nl', { funderId: 'f-wmo' });
    expect(lines(wmo.parts.document)).to.include('per kwartaal € 6.250,00 aan Thuiszorg Havenstad (AGB 07991001)');
    const jw = await annex(plan, 'nl', { funderId: 'f-jw' });
    expect(lines(jw.parts.document)).to.include('per kwartaal € 12.500,00 aan Thuiszorg Havenstad (AGB 07991001)');
  });
});

describe('contract annex: payment sentences', () => {
  it('names the periods whose amount differs from the usual one (the cent the largest remainder hands out)', async () => {
    // € 100.000,01 per year over four quarters: € 25.000,01 once, € 25.000,00 three times.
    const base = handbookPlan();
    const plan: Plan = {
      ...base,
      activities: [{ ...base.activities[0]!, cost: { kind: 'lumpsum', amount: '100000.01', per: 'year' } }],
      funders: base.funders.filter((f) => f.id !== 'f-jw'),
      defaultSplit: { domains: [{ domainId: 'wmo', percent: '100' }], sectors: [] },
    };
    const { parts } = await annex(plan, 'nl', { funderId: 'f-wmo', draft: true });
    expect(lines(parts.document)).to.include(
      'per kwartaal € 25.000,00 aan Thuiszorg Zuidoost (AGB 12345678); 2025-Q1: € 25.000,01',
    );
  });
});

describe('contract annex: a plan over two calendar years', () => {
  it("shows each year's funder amounts under that year's market shares, and the insurer's amount per calendar year", async () => {
    const base = handbookPlan();
    const plan: Plan = {
      ...base,
      period: { start: '2025-01-01', end: '2026-12-31' },
      marketShare: {
        ...base.marketShare,
        laterYears: [
          {
            year: 2026,
            referenceDate: '2025-12-31',
            insuredTotal: '10000',
            counts: [
              { funderId: 'f-cz', count: '5000' },
              { funderId: 'f-vgz', count: '5000' },
            ],
          },
        ],
      },
    };
    const a = allocate(plan);
    const y2026 = a.byFunderYear.find((y) => y.year === 2026)!;
    const cz2026 = y2026.funders.find((f) => f.funderId === 'f-cz')!.amount;
    const { parts } = await annex(plan, 'nl', { draft: true });
    const doc = lines(parts.document);
    const at = doc.indexOf(tx('secByFunderYear', 'nl'));
    expect(at).to.be.greaterThan(-1);
    expect(doc.slice(at)).to.include(formatMoney(cz2026, 'nl'));
    const cz = lines((await annex(plan, 'nl', { funderId: 'f-cz', draft: true })).parts.document);
    const p = payments(plan, a).funders.find((f) => f.funderId === 'f-cz')!;
    const in2026 = p.periods.slice(4).reduce((s, x) => s.plus(x), new Dec(0));
    const yearsAt = cz.indexOf(tx('secFunderYears', 'nl'));
    expect(yearsAt).to.be.greaterThan(-1);
    expect(cz.slice(yearsAt, yearsAt + 12)).to.include(formatMoney(in2026, 'nl'));
    expect(in2026.toFixed(2)).to.equal(cz2026.toFixed(2));
    expect(cz).to.include(tx('yourCountYear', 'nl', { year: 2026 }));
  });
});

describe("the lead's annex (main contractor, cashier)", () => {
  it('lists what the lead receives from each funder and what it passes on to each subcontractor, per period', async () => {
    const plan = handbookPlan();
    const a = allocate(plan);
    const p = payments(plan, a);
    const file = await exportScenario('lead-annex-docx', {
      plan,
      locale: 'nl',
      date: DATE,
      scenarioName: 'Scenario B',
    });
    expect(file.fileName).to.contain('hoofdaannemer');
    const doc = lines((await readDocx(file.blob)).document);
    expect(doc[0]).to.equal(
      `${tx('leadAnnexTitle.main-contractor', 'nl', { lead: 'Thuiszorg Zuidoost' })}: ${plan.name}`,
    );
    const received = doc.indexOf(tx('secReceived', 'nl'));
    const passOn = doc.indexOf(tx('secPassOn', 'nl'));
    const own = doc.indexOf(tx('secOwnPart', 'nl'));
    expect(received).to.be.greaterThan(-1);
    expect(passOn).to.be.greaterThan(received);
    expect(own).to.be.greaterThan(passOn);
    for (const f of p.funders.filter((x) => x.funderId !== null)) {
      expect(doc.slice(received, passOn)).to.include(formatMoney(f.annual, 'nl'));
    }
    for (const x of p.passOn) {
      expect(doc.slice(passOn, own)).to.include(formatMoney(x.annual, 'nl'));
      expect(doc.slice(passOn, own)).to.include(formatMoney(x.periods[0]!, 'nl'));
    }
    expect(doc.slice(passOn, own).join('\n')).to.contain(tx('role.subcontractor', 'nl'));
    // Received − passed on = the lead's own part, to the cent.
    const receivedTotal = p.funders.filter((x) => x.funderId !== null).reduce((s, x) => s.plus(x.amount), new Dec(0));
    const passed = p.passOn.reduce((s, x) => s.plus(x.amount), new Dec(0));
    expect(doc.slice(own).join('\n')).to.contain(
      tx('ownPartLine', 'nl', {
        received: formatMoney(receivedTotal, 'nl'),
        passed: formatMoney(passed, 'nl'),
        own: formatMoney(receivedTotal.minus(passed), 'nl'),
      }),
    );
    // The lead's own part is its share of what the listed funders pay.
    const ownParts = p.funders
      .filter((x) => x.funderId !== null)
      .flatMap((f) => f.parts.filter((x) => x.providerId === 'p-vv'))
      .reduce((s, x) => s.plus(x.amount), new Dec(0));
    expect(receivedTotal.minus(passed).toFixed(2)).to.equal(ownParts.toFixed(2));
    expect(doc.join('\n')).to.contain(tx('vat.main-contractor', 'nl'));
  });

  it('is refused, with a message, when funders pay the providers directly', async () => {
    const plan: Plan = { ...handbookPlan(), executionModel: 'equal-partners', leadProviderId: null };
    try {
      await exportScenario('lead-annex-docx', { plan, locale: 'nl', draft: true });
      expect.fail('no refusal');
    } catch (e) {
      expect((e as { code: string }).code).to.equal('no-lead');
      expect((e as { messages: { nl: string } }).messages.nl).to.contain('hoofdaannemer');
    }
  });
});
