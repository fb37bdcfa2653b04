import { expect } from 'chai';
import { samplePlans } from '../../demo/plans/index.ts';
import { validate } from '../../src/engine/validate.ts';
import { allocate } from '../../src/engine/allocate.ts';
import type { Plan } from '../../src/model/index.ts';

const load = (id: string): Promise<Plan> => samplePlans.find((p) => p.id === id)!.load();
const percentOf = (plan: Plan, domainId: string, sectorId?: string) =>
  sectorId
    ? plan.defaultSplit.sectors.find((s) => s.domainId === domainId && s.sectorId === sectorId)?.percent
    : plan.defaultSplit.domains.find((d) => d.domainId === domainId)?.percent;

describe('sample plans', () => {
  it('are listed with titles and descriptions in nl and en', () => {
    expect(samplePlans.map((p) => p.id)).to.deep.equal(['handbook', 'dementia-network', 'equal-partners']);
    for (const p of samplePlans) {
      for (const text of [p.title, p.description]) {
        expect(text.nl).to.not.equal('');
        expect(text.en).to.not.equal('');
        expect(text.nl).to.not.equal(text.en);
      }
    }
  });

  for (const sample of samplePlans) {
    it(`${sample.id}: parses with the plan schema and gives no finding at all`, async () => {
      const plan = await sample.load();
      expect(validate(plan).map((f) => `${f.code}: ${f.message.en}`)).to.deep.equal([]);
      expect(plan.paymentTitle).to.equal('bdss');
      expect(plan.period.start >= '2024-05-01' && plan.period.end < '2029-05-01').to.equal(true);
      // Every Zvw insurer's market share is of a given total of insured in the area: nothing uncovered.
      expect(plan.marketShare.insuredTotal).to.not.equal(null);
      expect(plan.marketShare.definition.length).to.be.greaterThan(40);
      expect(allocate(plan).byFunder.filter((f) => f.funderId === null)).to.deep.equal([]);
    });
  }

  it('handbook: € 250.000 a year; Wmo 10 %, Jw 20 %, Zvw 70 %; V&V 50 %, GP care 50 %', async () => {
    const plan = await load('handbook');
    expect(plan.activities.map((a) => a.cost)).to.deep.equal([{ kind: 'lumpsum', amount: '250000.00', per: 'year' }]);
    expect([percentOf(plan, 'wmo'), percentOf(plan, 'jw'), percentOf(plan, 'zvw')]).to.deep.equal(['10', '20', '70']);
    expect([percentOf(plan, 'zvw', 'zvw-vv'), percentOf(plan, 'zvw', 'zvw-ha')]).to.deep.equal(['50', '50']);
    // A party for every domain and sector the split uses, and more than one insurer with market shares.
    for (const [d, s] of [
      ['wmo', null],
      ['jw', null],
      ['zvw', 'zvw-vv'],
      ['zvw', 'zvw-ha'],
    ] as const) {
      expect(
        plan.providers.some((p) => p.domainId === d && p.sectorId === s),
        `${d}/${s}`,
      ).to.equal(true);
    }
    expect(plan.funders.filter((f) => f.kind === 'insurer' && f.share !== null)).to.have.length.greaterThan(1);
    // The handbook's own figures (DOMAIN.md): Wmo € 25.000, Jw € 50.000, Zvw € 175.000; V&V and GP € 87.500 each.
    const result = allocate(plan);
    const byDomain = Object.fromEntries(result.byDomain.map((d) => [d.domainId, d.amount.toFixed(2)]));
    expect(byDomain).to.deep.equal({ wmo: '25000.00', jw: '50000.00', zvw: '175000.00' });
    const bySector = result.bySector.filter((s) => s.domainId === 'zvw').map((s) => [s.sectorId, s.amount.toFixed(2)]);
    expect(bySector).to.have.deep.members([
      ['zvw-vv', '87500.00'],
      ['zvw-ha', '87500.00'],
    ]);
  });

  it('dementia network: about 14 partners, several municipalities, insurers by insured count, varied activities', async () => {
    const plan = await load('dementia-network');
    expect(plan.providers).to.have.length(14);
    const sectors = new Set(plan.providers.map((p) => p.sectorId ?? p.domainId));
    for (const s of ['zvw-vv', 'zvw-ggz', 'zvw-msz', 'zvw-ha', 'wmo']) expect(sectors.has(s), s).to.equal(true);
    const insurers = plan.funders.filter((f) => f.kind === 'insurer');
    expect(insurers.length).to.be.within(2, 3);
    expect(insurers.every((f) => f.share?.basis === 'count')).to.equal(true);
    expect(plan.marketShareDate).to.not.equal(null);
    expect(new Set(plan.funders.filter((f) => f.kind === 'municipality').map((f) => f.name)).size).to.be.greaterThan(2);
    expect(plan.activities.length).to.be.within(8, 15);
    expect(new Set(plan.activities.map((a) => a.cost.kind))).to.deep.equal(
      new Set(['lumpsum', 'hours', 'fte', 'persons']),
    );
    expect(plan.activities.filter((a) => a.split !== null).length).to.be.greaterThan(2);
    for (const text of Object.values(plan.clauses)) expect(text.length).to.be.greaterThan(40);
  });

  it('show every execution model: main contractor, cashier, equal partners', async () => {
    const models = await Promise.all(samplePlans.map(async (p) => (await p.load()).executionModel));
    expect(models).to.deep.equal(['main-contractor', 'cashier', 'equal-partners']);
  });

  it('handbook: the two insurers cover the whole area (41.250 + 18.730 = 59.980) and pay their own shares', async () => {
    const plan = await load('handbook');
    expect(plan.marketShare.insuredTotal).to.equal('59980');
    const zvw = allocate(plan)
      .byFunder.filter((f) => f.domainId === 'zvw')
      .map((f) => [f.funderId, f.amount.toFixed(2)]);
    expect(zvw).to.deep.equal([
      ['f-zv-1', '120352.62'],
      ['f-zv-2', '54647.38'],
    ]);
  });

  it('equal partners: no lead, every provider paid its own part, each activity with its §4 justification', async () => {
    const plan = await load('equal-partners');
    expect(plan.leadProviderId).to.equal(null);
    expect(plan.providers.every((p) => p.role === 'partner')).to.equal(true);
    expect(allocate(plan).byProvider.every((p) => p.providerId !== null && p.amount.greaterThan(0))).to.equal(true);
    for (const a of plan.activities) expect((a.justification ?? '').length, a.id).to.be.greaterThan(40);
  });
});
