import { expect } from 'chai';
import fc from 'fast-check';
import { Dec } from '../../src/money/decimal.ts';
import { apportion, apportionCents, smallWeights } from '../../src/money/apportion.ts';

const d = (s: string | number) => new Dec(s);
const texts = (xs: Dec[]) => xs.map((x) => x.toFixed(2));
const sum = (xs: Dec[]) => xs.reduce((a, b) => a.plus(b), d(0));

describe('apportion', () => {
  it('splits € 100.000,00 in thirds: the first part gets the extra cent', () => {
    expect(texts(apportion(d('100000.00'), [d(1), d(1), d(1)]))).to.deep.equal(['33333.34', '33333.33', '33333.33']);
  });

  it('gives leftover cents to the largest remainders, ties to the lower index', () => {
    // 0.10 over 3:3:4 → exact 0.03, 0.03, 0.04: no leftover
    expect(texts(apportion(d('0.10'), [d(3), d(3), d(4)]))).to.deep.equal(['0.03', '0.03', '0.04']);
    // 1.00 over 1:1:1:1:1:1:1 → 0.142857…: 2 leftover cents to the first two
    expect(
      texts(
        apportion(
          d('1'),
          Array.from({ length: 7 }, () => d(1)),
        ),
      ),
    ).to.deep.equal(['0.15', '0.15', '0.14', '0.14', '0.14', '0.14', '0.14']);
    // the remainder decides before the index: 5 cents over 20:35:45 → 1, 1.75, 2.25 cents
    expect(texts(apportion(d('0.05'), [d(20), d(35), d(45)]))).to.deep.equal(['0.01', '0.02', '0.02']);
  });

  it('does the handbook split exactly', () => {
    expect(texts(apportion(d('250000'), [d(10), d(20), d(70)]))).to.deep.equal(['25000.00', '50000.00', '175000.00']);
    expect(texts(apportion(d('175000'), [d(50), d(50)]))).to.deep.equal(['87500.00', '87500.00']);
  });

  it('mirrors negative totals', () => {
    expect(texts(apportion(d('-1'), [d(1), d(1), d(1)]))).to.deep.equal(['-0.34', '-0.33', '-0.33']);
  });

  it('rounds the total to the cent first (half away from zero)', () => {
    expect(texts(apportion(d('10.005'), [d(1), d(1)]))).to.deep.equal(['5.01', '5.00']);
  });

  it('treats zero and negative weights as zero, and all-zero weights give all zeros', () => {
    expect(texts(apportion(d('10'), [d(0), d(1), d(-5)]))).to.deep.equal(['0.00', '10.00', '0.00']);
    expect(texts(apportion(d('10'), [d(0), d(0)]))).to.deep.equal(['0.00', '0.00']);
    expect(apportion(d('10'), [])).to.deep.equal([]);
    expect(texts(apportion(d('0'), [d(1), d(2)]))).to.deep.equal(['0.00', '0.00']);
  });

  it('handles fractional weights and many of them', () => {
    const weights = Array.from({ length: 5000 }, (_, i) => d(i % 7).plus('0.333333333333'));
    const parts = apportion(d('1234567.89'), weights);
    expect(parts).to.have.length(5000);
    expect(sum(parts).toFixed(2)).to.equal('1234567.89');
  });

  it('always sums to the total, with parts at most a cent from the exact share', () => {
    const total = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
    const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 14n }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = apportionCents(t, ws);
        const W = ws.reduce((a, b) => a + b, 0n);
        if (W === 0n) return parts.every((p) => p === 0n);
        if (parts.reduce((a, b) => a + b, 0n) !== t) return false;
        // |part·W − t·w| < W: never more than one cent away from the exact share
        return parts.every((p, i) => {
          const e = p * W - t * ws[i]!;
          return (e < 0n ? -e : e) < W;
        });
      }),
      { numRuns: 10_000 },
    );
  });

  it('is deterministic, and the fast path equals the exact path', () => {
    const total = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
    const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const slow = apportionCents(t, ws);
        const again = apportionCents(t, ws);
        const fast = apportionCents(t, ws, smallWeights(ws));
        return slow.join() === again.join() && slow.join() === fast.join();
      }),
      { numRuns: 10_000 },
    );
  });
});
