import { expect } from 'chai';
import { parseAmount, parseNumber, parsePercent, type ParseResult } from '../../src/money/parse.ts';
import type { Locale } from '../../src/i18n/locale.ts';

const value = (r: ParseResult) => {
  if (!r.ok) throw new Error(`expected a value, got ${r.code}: ${r.error.en}`);
  return r.value.toFixed();
};
const code = (r: ParseResult) => (r.ok ? `ok ${r.value.toFixed()}` : r.code);

describe('parseAmount', () => {
  const cases: [string, Locale, string][] = [
    ['1.234,56', 'nl', '1234.56'],
    ['1.234,56', 'en', '1234.56'],
    ['1,234.56', 'en', '1234.56'],
    ['1,234.56', 'nl', '1234.56'],
    ['€ 1.234', 'nl', '1234'],
    ['€1.234,-', 'nl', '1234'],
    ['€1.234,-', 'en', '1234'],
    ['€ 1,234.-', 'en', '1234'],
    ['€ 250.000,--', 'nl', '250000'],
    ['-1.234,56', 'nl', '-1234.56'],
    ['€ -1.234,56', 'nl', '-1234.56'],
    ['-€1,234.56', 'en', '-1234.56'],
    ['(1.234,56)', 'nl', '-1234.56'],
    ['\u22121.234,56', 'nl', '-1234.56'],
    ['1.234.567,89', 'nl', '1234567.89'],
    ['1,234,567.89', 'en', '1234567.89'],
    ['1.234.567', 'en', '1234567'],
    ['EUR 1.234,56', 'nl', '1234.56'],
    ['1.234,56 EUR', 'nl', '1234.56'],
    ['eur1234', 'en', '1234'],
    ['1.234,56 €', 'nl', '1234.56'],
    ['0,5', 'nl', '0.5'],
    [',5', 'nl', '0.5'],
    ['0.123', 'nl', '0.123'],
    ['250000', 'nl', '250000'],
    ['-0', 'nl', '0'],
    ['+12', 'en', '12'],
  ];
  for (const [input, locale, expected] of cases) {
    it(`reads ${JSON.stringify(input)} in ${locale} as ${expected}`, () => {
      expect(value(parseAmount(input, locale))).to.equal(expected);
    });
  }

  it('lets the locale decide a lone separator followed by three digits', () => {
    expect(value(parseAmount('1.234', 'nl'))).to.equal('1234');
    expect(value(parseAmount('1.234', 'en'))).to.equal('1.234');
    expect(value(parseAmount('1,234', 'nl'))).to.equal('1.234');
    expect(value(parseAmount('1,234', 'en'))).to.equal('1234');
  });

  it('reads a lone separator that cannot group thousands as the decimal one', () => {
    expect(value(parseAmount('1,5', 'nl'))).to.equal('1.5');
    expect(value(parseAmount('1,5', 'en'))).to.equal('1.5');
    expect(value(parseAmount('1.5', 'nl'))).to.equal('1.5');
    expect(value(parseAmount('1234.56', 'nl'))).to.equal('1234.56');
    expect(value(parseAmount('12,3456', 'en'))).to.equal('12.3456');
  });

  it('reads text pasted from Excel and LibreOffice', () => {
    expect(value(parseAmount('  1.234,56\t', 'nl'))).to.equal('1234.56');
    expect(value(parseAmount('1\u00A0234,56', 'nl'))).to.equal('1234.56'); // NBSP thousands
    expect(value(parseAmount('1\u202F234,56', 'nl'))).to.equal('1234.56'); // narrow NBSP (LibreOffice fr/nl)
    expect(value(parseAmount('1\u202F234.56', 'en'))).to.equal('1234.56');
    expect(value(parseAmount('€\u00A01.234,56', 'nl'))).to.equal('1234.56'); // Intl/Excel nl-NL currency
    expect(value(parseAmount('1 234 567', 'en'))).to.equal('1234567');
    expect(value(parseAmount("1'234.50", 'en'))).to.equal('1234.5');
    expect(value(parseAmount('\uFEFF1.000\r\n', 'nl'))).to.equal('1000');
  });

  it('keeps exact value beyond cents (rounding is the engine’s job)', () => {
    expect(value(parseAmount('0,005', 'nl'))).to.equal('0.005');
    expect(value(parseAmount('123456789012345678901234,5', 'nl'))).to.equal('123456789012345678901234.5');
  });

  const bad: [string, string][] = [
    ['abc', 'not-a-number'],
    ['1,2,3.4.5', 'separators'],
    ['12.34.567', 'separators'],
    ['1.234,567,8', 'separators'],
    ['1.', 'separators'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u00A0', 'empty'],
    ['1e5', 'exponent'],
    ['1,5E-3', 'exponent'],
    ['Infinity', 'not-a-number'],
    ['-Infinity', 'not-a-number'],
    ['NaN', 'not-a-number'],
    ['€ €', 'not-a-number'],
    ['€ 5 €', 'not-a-number'],
    ['1 23', 'separators'],
    ['12%', 'percent-in-amount'],
    ['0x10', 'not-a-number'],
    ['1234567890123456789012345', 'too-many-digits'],
    ['0,1234567890123', 'too-many-digits'],
    ['1'.repeat(101), 'too-long'],
    ['=SUM(A1:A3)', 'not-a-number'],
    ['--5', 'not-a-number'],
  ];
  for (const [input, expected] of bad) {
    it(`refuses ${JSON.stringify(input.length > 30 ? `${input.slice(0, 30)}…` : input)} with ${expected}`, () => {
      for (const locale of ['nl', 'en'] as const) {
        const r = parseAmount(input, locale);
        expect(code(r)).to.equal(expected);
        if (!r.ok) {
          expect(r.error.nl).to.be.a('string').and.not.equal('');
          expect(r.error.en).to.be.a('string').and.not.equal('');
          expect(r.error.nl).to.not.equal(r.error.en);
        }
      }
    });
  }

  it('names the input and an example in the message', () => {
    const r = parseAmount('abc', 'nl');
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.error.nl).to.contain('‘abc’').and.contain('geen bedrag').and.contain('1.234,56');
      expect(r.error.en).to.contain('‘abc’').and.contain('not an amount').and.contain('1,234.56');
    }
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [
      null,
      undefined,
      12,
      {},
      [],
      '\u0000',
      '€',
      '%',
      '-',
      '(',
      '()',
      '(-)',
      ',',
      '.',
      ',-',
      '€,-',
      'x'.repeat(10_000),
    ];
    for (const input of odd) {
      const r = parseAmount(input as string, 'nl');
      expect(r.ok).to.equal(false);
    }
  });
});

describe('parsePercent', () => {
  it('reads percent with and without sign, per locale', () => {
    expect(value(parsePercent('12,5%', 'nl'))).to.equal('12.5');
    expect(value(parsePercent('12,5 %', 'nl'))).to.equal('12.5');
    expect(value(parsePercent('12.5 %', 'en'))).to.equal('12.5');
    expect(value(parsePercent('12.5%', 'nl'))).to.equal('12.5');
    expect(value(parsePercent('33,3333', 'nl'))).to.equal('33.3333');
    expect(value(parsePercent('100', 'en'))).to.equal('100');
    expect(value(parsePercent('-5 %', 'nl'))).to.equal('-5');
    expect(value(parsePercent('12,5\u00A0%', 'nl'))).to.equal('12.5');
  });

  it('refuses what is not a percentage, in both languages', () => {
    expect(code(parsePercent('€ 5', 'nl'))).to.equal('currency-not-allowed');
    expect(code(parsePercent('5,-', 'nl'))).to.equal('not-a-number');
    expect(code(parsePercent('%', 'nl'))).to.equal('not-a-number');
    expect(code(parsePercent('', 'en'))).to.equal('empty');
    expect(code(parsePercent('1e2%', 'en'))).to.equal('exponent');
    const r = parsePercent('', 'nl');
    if (!r.ok) expect(r.error).to.deep.equal({ nl: 'Vul een percentage in.', en: 'Enter a percentage.' });
  });
});

describe('parseNumber', () => {
  it('reads counts and hours but no currency or percent', () => {
    expect(value(parseNumber('1.250', 'nl'))).to.equal('1250');
    expect(value(parseNumber('0,8', 'nl'))).to.equal('0.8');
    expect(code(parseNumber('€ 5', 'nl'))).to.equal('currency-not-allowed');
    expect(code(parseNumber('5%', 'nl'))).to.equal('percent-in-amount');
  });
});

describe('ambiguous separators (issue #13 item 6)', () => {
  const flag = (r: ParseResult) => (r.ok ? !!r.ambiguous : 'refused');

  it('flags a single separator before three digits: the locale decided how it was read', () => {
    expect(value(parseAmount('12.500', 'nl'))).to.equal('12500');
    expect(flag(parseAmount('12.500', 'nl'))).to.equal(true);
    expect(value(parseAmount('12.500', 'en'))).to.equal('12.5');
    expect(flag(parseAmount('12.500', 'en'))).to.equal(true);
    expect(flag(parseAmount('1,234', 'nl'))).to.equal(true);
    expect(flag(parseNumber('1.500', 'nl'))).to.equal(true);
  });

  it('does not flag what can be read only one way', () => {
    for (const input of [
      '12,5',
      '12.5',
      '1.234,56',
      '1,234.56',
      '12500',
      '1.234.567',
      '€ 1.234,-',
      '0.500',
      '1234.500',
    ] as const) {
      expect(flag(parseAmount(input, 'nl')), input).to.equal(false);
      expect(flag(parseAmount(input, 'en')), input).to.equal(false);
    }
  });

  it('tells how an ambiguous entry was read, and the other reading, in nl and en', () => {
    const r = parseAmount('12.500', 'en');
    expect(r.ok && r.readAs?.en).to.equal('‘12.500’ read as €12.50; for €12,500.00 type 12500.');
    const n = parseAmount('12.500', 'nl');
    expect(n.ok && n.readAs?.nl).to.equal('‘12.500’ gelezen als € 12.500,00; voor € 12,50 typt u 12,5.');
  });
});
