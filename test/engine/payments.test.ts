import { expect } from 'chai';
import fc from 'fast-check';
import { allocate, fillTable, payments, splitCents, type Payments, type PaymentLine } from '../../src/engine/index.ts';
import { Dec } from '../../src/money/decimal.ts';
import type { Plan } from '../../src/model/plan.ts';
import handbookJson from '../../demo/plans/handbook.json';
import { arbitraryPlan } from '../fixtures/arbitrary.ts';

// Not parsed: the sample's schema may move ahead of this test; allocate reads the fields it needs.
const handbook = (): Plan => structuredClone(handbookJson) as unknown as Plan;
const total = (xs: readonly Dec[]) => xs.reduce((s, x) => s.plus(x), new Dec(0));
const s = (d: Dec) => d.toFixed(2);

/** The first sum that does not hold, as a sentence; null when every level adds up exactly. */
function brokenPayments(p: Payments, planTotal: Dec, schedule: Dec[]): string | null {
  const n = p.periods.length;
  if (n === 0 && !planTotal.isZero()) return 'plan total without periods';
  if (!total(p.funders.map((f) => f.amount)).eq(n === 0 ? 0 : planTotal))
    return `Σ funders ${total(p.funders.map((f) => f.amount))} ≠ ${planTotal}`;
  for (let k = 0; k < n; k++) {
    const col = total(p.funders.map((f) => f.periods[k]!));
    if (!col.eq(schedule[k]!)) return `period ${k}: Σ funders ${col} ≠ schedule ${schedule[k]}`;
  }
  const lines = (f: Payments['funders'][number], name: string, ls: PaymentLine[]): string | null => {
    if (!total(ls.map((l) => l.amount)).eq(f.amount))
      return `${f.funderId} ${name}: Σ ${total(ls.map((l) => l.amount))} ≠ ${f.amount}`;
    if (!total(ls.map((l) => l.annual)).eq(f.annual)) return `${f.funderId} ${name}: Σ annual ≠ ${f.annual}`;
    for (const l of ls) {
      if (l.periods.length !== n) return `${f.funderId} ${name} ${l.providerId}: ${l.periods.length} periods`;
      if (!total(l.periods).eq(l.amount)) return `${f.funderId} ${name} ${l.providerId}: Σ periods ≠ ${l.amount}`;
      if (l.periods.some((x) => x.decimalPlaces() > 2)) return 'sub-cent amount';
    }
    for (let k = 0; k < n; k++) {
      const col = total(ls.map((l) => l.periods[k]!));
      if (!col.eq(f.periods[k]!)) return `${f.funderId} ${name} period ${k}: ${col} ≠ ${f.periods[k]}`;
    }
    return null;
  };
  for (const f of p.funders) {
    if (!total(f.periods).eq(f.amount)) return `${f.funderId}: Σ periods ≠ amount`;
    const broken = lines(f, 'payees', f.payees) ?? lines(f, 'parts', f.parts);
    if (broken) return broken;
    if (p.leadId !== null && (f.payees.length !== 1 || f.payees[0]!.providerId !== p.leadId))
      return `${f.funderId}: not paid to the lead`;
  }
  if (p.leadId !== null) {
    const passed = total(p.passOn.map((l) => l.amount));
    const notLead = total(
      p.funders
        .filter((f) => f.funderId !== null)
        .flatMap((f) => f.parts.filter((x) => x.providerId !== p.leadId).map((x) => x.amount)),
    );
    if (!passed.eq(notLead)) return `pass-on ${passed} ≠ ${notLead}`;
  }
  return null;
}

describe('payments: who is paid, per execution model', () => {
  it('main contractor: every funder pays the lead its whole amount, per quarter', () => {
    const plan = handbook();
    const a = allocate(plan);
    const p = payments(plan, a);
    expect(p.leadId).to.equal('p-vv');
    for (const f of p.funders.filter((x) => x.funderId !== null)) {
      expect(f.payees.map((x) => x.providerId)).to.deep.equal(['p-vv']);
      expect(f.payees[0]!.periods).to.have.length(4);
    }
    const wmo = p.funders.find((f) => f.funderId === 'f-wmo')!;
    expect(s(wmo.amount)).to.equal('25000.00');
    expect(wmo.payees[0]!.periods.map(s)).to.deep.equal(['6250.00', '6250.00', '6250.00', '6250.00']);
    // The lead passes on to each other provider its part: GP care, Wmo and Jeugdwet parts.
    const passOn = new Map(p.passOn.map((l) => [l.providerId, s(l.annual)]));
    expect(passOn.get('p-ha')).to.equal('87500.00');
    expect(passOn.get('p-wmo')).to.equal('25000.00');
    expect(passOn.get('p-jw')).to.equal('50000.00');
    expect(passOn.has('p-vv')).to.equal(false);
    expect(
      brokenPayments(
        p,
        a.planTotal,
        a.schedule.map((x) => x.amount),
      ),
    ).to.equal(null);
  });

  it('cashier: the cashier receives everything and distributes it', () => {
    const plan = { ...handbook(), executionModel: 'cashier' as const, leadProviderId: 'p-wmo' };
    const p = payments(plan, allocate(plan));
    expect(p.funders.every((f) => f.payees.length === 1 && f.payees[0]!.providerId === 'p-wmo')).to.equal(true);
    expect(p.passOn.map((l) => l.providerId)).to.have.members(['p-vv', 'p-ha', 'p-jw']);
  });

  it('equal partners: each provider is paid its own part by each funder; no pass-on', () => {
    const plan = { ...handbook(), executionModel: 'equal-partners' as const, leadProviderId: null };
    const a = allocate(plan);
    const p = payments(plan, a);
    expect(p.leadId).to.equal(null);
    expect(p.passOn).to.deep.equal([]);
    for (const f of p.funders) {
      const domainProviders = a.byProvider.filter((x) => x.domainId === f.domainId).map((x) => x.providerId);
      expect(f.payees.map((x) => x.providerId)).to.deep.equal(domainProviders);
      expect(f.payees).to.deep.equal(f.parts);
    }
    const zvwPayees = p.funders.filter((f) => f.domainId === 'zvw').flatMap((f) => f.payees);
    const toVv = total(zvwPayees.filter((x) => x.providerId === 'p-vv').map((x) => x.annual));
    expect(s(toVv)).to.equal('87500.00');
  });

  it('a lead id no provider has: funders pay the providers directly', () => {
    const plan = { ...handbook(), leadProviderId: 'gone' };
    const p = payments(plan, allocate(plan));
    expect(p.leadId).to.equal(null);
    expect(p.funders.find((f) => f.funderId === 'f-wmo')!.payees.map((x) => x.providerId)).to.deep.equal(['p-wmo']);
  });

  it("a later calendar year pays by that year's market shares (insured switch on 1 January)", () => {
    const base = handbook();
    const plan: Plan = {
      ...base,
      period: { start: '2025-01-01', end: '2026-12-31' },
      marketShare: {
        ...base.marketShare,
        laterYears: [
          {
            year: 2026,
            referenceDate: '2025-12-31',
            insuredTotal: '60000',
            counts: [
              { funderId: 'f-zv-1', count: '30000' },
              { funderId: 'f-zv-2', count: '30000' },
            ],
          },
        ],
      },
    };
    const a = allocate(plan);
    const p = payments(plan, a);
    const kustland = p.funders.find((f) => f.funderId === 'f-zv-1')!;
    expect(p.periods.map((x) => x.periodId)).to.have.length(8);
    // 2026: half of € 175.000 per year, a quarter of it each quarter.
    expect(kustland.periods.slice(4).map(s)).to.deep.equal(['21875.00', '21875.00', '21875.00', '21875.00']);
    // 2025: 41.250 of 59.980 insured.
    expect(s(total(kustland.periods.slice(0, 4)))).to.equal(s(a.byFunder.find((f) => f.funderId === 'f-zv-1')!.amount));
    expect(
      brokenPayments(
        p,
        a.planTotal,
        a.schedule.map((x) => x.amount),
      ),
    ).to.equal(null);
  });

  it('a part period at the start pays less in that period, to the cent', () => {
    const plan = { ...handbook(), period: { start: '2025-02-15', end: '2025-12-31' }, granularity: 'month' as const };
    const a = allocate(plan);
    const p = payments(plan, a);
    expect(p.periods[0]!.periodId).to.equal('2025-02');
    expect(
      brokenPayments(
        p,
        a.planTotal,
        a.schedule.map((x) => x.amount),
      ),
    ).to.equal(null);
    const wmo = p.funders.find((f) => f.funderId === 'f-wmo')!.payees[0]!;
    expect(wmo.periods[0]!.lt(wmo.periods[1]!)).to.equal(true);
  });
});

describe('payments: splitting to the cent', () => {
  it('splitCents follows the largest-remainder rule and handles any signs', () => {
    expect(splitCents(10000000n, [1n, 1n, 1n])).to.deep.equal([3333334n, 3333333n, 3333333n]);
    expect(splitCents(-100n, [1n, 1n, 1n]).reduce((a, b) => a + b, 0n)).to.equal(-100n);
    expect(splitCents(100n, [5n, -3n]).reduce((a, b) => a + b, 0n)).to.equal(100n);
    expect(splitCents(7n, [0n, 0n])).to.deep.equal([4n, 3n]);
  });

  it('fillTable: rows and columns both add up, for random tables', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.bigInt({ min: 1n, max: 400000n }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }),
        (rows, weights, mix) => {
          const totalRows = rows.reduce((a, b) => a + b, 0n);
          const cols = splitCents(
            totalRows,
            weights.map((w, k) => w + BigInt(mix[k]!)),
          );
          const t = fillTable(rows, cols, weights);
          rows.forEach((r, i) => expect(t[i]!.reduce((a, b) => a + b, 0n)).to.equal(r));
          cols.forEach((c, k) => expect(t.reduce((a, row) => a + row[k]!, 0n)).to.equal(c));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('payments: properties over random plans', function () {
  this.timeout(120_000);
  for (const model of ['main-contractor', 'cashier', 'equal-partners'] as const) {
    it(`${model}: per funder, per payee and per period every level sums exactly`, () => {
      fc.assert(
        fc.property(arbitraryPlan({ maxActivities: 4 }), fc.nat(10), (raw, pick) => {
          const lead = raw.providers.length ? raw.providers[pick % raw.providers.length]!.id : null;
          const plan = { ...raw, executionModel: model, leadProviderId: model === 'equal-partners' ? null : lead };
          const a = allocate(plan);
          const broken = brokenPayments(
            payments(plan, a),
            a.planTotal,
            a.schedule.map((x) => x.amount),
          );
          if (broken) throw new Error(broken);
        }),
        { numRuns: 500 },
      );
    });
  }
});
