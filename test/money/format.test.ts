import { expect } from 'chai';
import fc from 'fast-check';
import { Dec, toCents } from '../../src/money/decimal.ts';
import { formatMoney, formatNumber, formatPercent } from '../../src/money/format.ts';
import { parseAmount, parsePercent } from '../../src/money/parse.ts';

describe('formatMoney', () => {
  it('writes euros per locale', () => {
    expect(formatMoney(new Dec('1234.56'), 'nl')).to.equal('€ 1.234,56');
    expect(formatMoney(new Dec('1234.56'), 'en')).to.equal('€1,234.56');
    expect(formatMoney(new Dec('250000'), 'nl')).to.equal('€ 250.000,00');
    expect(formatMoney(new Dec('0.5'), 'nl')).to.equal('€ 0,50');
    expect(formatMoney(new Dec('999'), 'en')).to.equal('€999.00');
  });

  it('puts the minus where each locale expects it, and never shows -0', () => {
    expect(formatMoney(new Dec('-1234.56'), 'nl')).to.equal('€ -1.234,56');
    expect(formatMoney(new Dec('-1234.56'), 'en')).to.equal('-€1,234.56');
    expect(formatMoney(new Dec('-0.001'), 'nl')).to.equal('€ 0,00');
    expect(formatMoney(new Dec('-0.005'), 'en')).to.equal('-€0.01');
  });

  it('rounds half away from zero to the cent', () => {
    expect(formatMoney(new Dec('0.125'), 'nl')).to.equal('€ 0,13');
    expect(formatMoney(new Dec('-0.125'), 'nl')).to.equal('€ -0,13');
    expect(formatMoney(new Dec('2.675'), 'en')).to.equal('€2.68'); // 2.675 is 2.67499… as a float
  });

  it('is exact for amounts no float can hold', () => {
    expect(formatMoney(new Dec('123456789012345678901234.99'), 'nl')).to.equal('€ 123.456.789.012.345.678.901.234,99');
    expect(formatMoney('9007199254740993.01', 'en')).to.equal('€9,007,199,254,740,993.01');
  });

  it('can leave out the symbol, and shows a broken stored value as it is', () => {
    expect(formatMoney(new Dec('1234.5'), 'nl', { symbol: false })).to.equal('1.234,50');
    expect(formatMoney('not-a-number', 'nl')).to.equal('not-a-number');
  });
});

describe('formatPercent', () => {
  it('writes percent per locale', () => {
    expect(formatPercent(new Dec('12.5'), 'nl')).to.equal('12,5 %');
    expect(formatPercent(new Dec('12.5'), 'en')).to.equal('12.5%');
    expect(formatPercent(new Dec('100'), 'nl')).to.equal('100 %');
    expect(formatPercent('33.33333333', 'nl')).to.equal('33,3333 %');
    expect(formatPercent('33.33333333', 'en', 2)).to.equal('33.33%');
    expect(formatPercent('1234.5', 'en')).to.equal('1,234.5%');
  });
});

describe('formatNumber', () => {
  it('groups and keeps the decimals asked for', () => {
    expect(formatNumber(new Dec('1234.5'), 'nl')).to.equal('1.234,5');
    expect(formatNumber(new Dec('1234.5'), 'en', { minDecimals: 2 })).to.equal('1,234.50');
    expect(formatNumber(new Dec('1234.5678'), 'nl', { maxDecimals: 1 })).to.equal('1.234,6');
    expect(formatNumber(new Dec('1234'), 'nl', { grouping: false })).to.equal('1234');
    expect(formatNumber(new Dec('-0.4'), 'nl', { maxDecimals: 0 })).to.equal('0');
  });
});

describe('format ↔ parse round trips', () => {
  const cents = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((c) => new Dec(c.toString()).div(100));
  it('formatMoney then parseAmount gives the amount back, in both locales', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('nl', 'en' as const), (d, locale) => {
        const r = parseAmount(formatMoney(d, locale), locale);
        return r.ok && r.value.eq(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatMoney of any decimal parses back to its rounded cents', () => {
    const anyDec = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }))
      .map(([n, places]) => new Dec(n.toString()).div(new Dec(10).pow(places)));
    fc.assert(
      fc.property(anyDec, fc.constantFrom('nl', 'en' as const), (d, locale) => {
        const r = parseAmount(formatMoney(d, locale), locale);
        return r.ok && r.value.eq(toCents(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('formatPercent then parsePercent gives the percentage back', () => {
    const pct = fc
      .tuple(fc.integer({ min: -1_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, places]) => new Dec(n).div(new Dec(10).pow(places)));
    fc.assert(
      fc.property(pct, fc.constantFrom('nl', 'en' as const), (d, locale) => {
        const r = parsePercent(formatPercent(d, locale, 4), locale);
        return r.ok && r.value.eq(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatNumber with grouping reads back, also for a lone group (1.234 in nl)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('nl', 'en' as const),
        (n, places, locale) => {
          const d = new Dec(n).div(new Dec(10).pow(places));
          const r = parseAmount(formatNumber(d, locale), locale);
          return r.ok && r.value.eq(d);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
