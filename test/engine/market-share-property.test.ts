import fc from 'fast-check';
import { allocate } from '../../src/engine/allocate.ts';
import { Dec } from '../../src/money/decimal.ts';
import type { FunderAmount } from '../../src/model/allocation.ts';
import type { Plan } from '../../src/model/plan.ts';
import { arbitraryPlan } from '../fixtures/arbitrary.ts';
import { brokenSum } from '../fixtures/allocation-checks.ts';

/*
 * Market shares over random plans (valid and messy) with random area totals and later years:
 * per funder every level sums exactly, and for the Zvw part what is covered plus what is not
 * equals the Zvw part, to the cent, in every calendar year.
 */

const sum = (lines: readonly { amount: Dec }[]) => lines.reduce((s, l) => s.plus(l.amount), new Dec(0));

const withMarketShares = arbitraryPlan({ maxActivities: 4 }).chain((plan) =>
  fc
    .record({
      total: fc.option(fc.integer({ min: 0, max: 500_000 }).map(String), { nil: null }),
      later: fc.array(
        fc.record({
          offset: fc.integer({ min: 1, max: 2 }),
          total: fc.option(fc.integer({ min: 0, max: 500_000 }).map(String), { nil: null }),
          counts: fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 5 }),
        }),
        { maxLength: 2 },
      ),
    })
    .map(({ total, later }): Plan => {
      const startYear = Number(plan.period.start.slice(0, 4)) || 2025;
      const zvwFunders = plan.funders.filter((f) => f.domainId === 'zvw');
      const laterYears = [...new Map(later.map((y) => [startYear + y.offset, y])).entries()].map(([year, y]) => ({
        year,
        referenceDate: null,
        insuredTotal: y.total,
        counts: y.counts
          .slice(0, zvwFunders.length)
          .map((count, i) => ({ funderId: zvwFunders[i]!.id, count: String(count) })),
      }));
      return { ...plan, marketShare: { definition: '', insuredTotal: total, laterYears } };
    }),
);

describe('allocate: market shares, properties', function () {
  this.timeout(120_000);

  it('sums exactly at every level per funder, and covered + uncovered = the Zvw part in every year', () => {
    fc.assert(
      fc.property(withMarketShares, (plan) => {
        const r = allocate(plan);
        const broken = brokenSum(r);
        if (broken) throw new Error(broken);
        for (const year of r.byFunderYear) {
          if (!sum(year.funders).eq(r.annualTotal))
            throw new Error(`${year.year}: funders ${sum(year.funders)} ≠ ${r.annualTotal}`);
          for (const d of r.byDomain) {
            const lines: FunderAmount[] = year.funders.filter((f) => f.domainId === d.domainId);
            const covered = sum(lines.filter((f) => f.funderId !== null));
            const uncovered = sum(lines.filter((f) => f.funderId === null));
            if (!covered.plus(uncovered).eq(d.amount))
              throw new Error(`${year.year}/${d.domainId}: ${covered} + ${uncovered} ≠ ${d.amount}`);
            for (const f of lines) if (f.amount.decimalPlaces() > 2) throw new Error(`${f.funderId}: not whole cents`);
          }
        }
        // Per funder: its annual lines over all activities add up to its total.
        for (const f of r.byFunder) {
          const fromActivities = r.activities.reduce(
            (s, a) => s.plus(sum(a.funders.filter((x) => x.domainId === f.domainId && x.funderId === f.funderId))),
            new Dec(0),
          );
          if (!fromActivities.eq(f.amount))
            throw new Error(`${f.domainId}/${f.funderId}: ${fromActivities} ≠ ${f.amount}`);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("removing an insurer never changes another insurer's amount when the area total is given", () => {
    fc.assert(
      fc.property(withMarketShares, fc.nat(), (plan, pick) => {
        const insurers = plan.funders.filter((f) => f.domainId === 'zvw' && f.share?.basis === 'count');
        if (insurers.length < 2 || plan.funders.some((f) => f.domainId === 'zvw' && f.share?.basis !== 'count')) return;
        const total = insurers.reduce(
          (n, f) => n + BigInt((f.share as { count: string }).count.replace(/\D/g, '') || '0'),
          0n,
        );
        const withTotal = { ...plan, marketShare: { ...plan.marketShare, insuredTotal: String(total + 1000n) } };
        const gone = insurers[pick % insurers.length]!;
        const before = allocate(withTotal).byFunder;
        const after = allocate({ ...withTotal, funders: withTotal.funders.filter((f) => f !== gone) }).byFunder;
        for (const f of insurers) {
          if (f === gone) continue;
          const a = before.find((x) => x.funderId === f.id && x.domainId === 'zvw')?.amount;
          const b = after.find((x) => x.funderId === f.id && x.domainId === 'zvw')?.amount;
          // Only the cent the largest remainder assigns may move, once per activity (each is apportioned on its own).
          const slack = new Dec('0.01').times(plan.activities.length);
          if (a && b && a.minus(b).abs().greaterThan(slack)) throw new Error(`${f.id}: ${a} → ${b}`);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
