import { expect } from 'chai';
import { Dec } from '../../src/money/decimal.ts';
import { splitWideTable } from '../../src/export/table-split.ts';
import { date, money, text, type Table } from '../../src/export/table.ts';

/** A payment schedule: period, start, end, one column per payee, and the total. */
function schedule(payees: number): Table {
  const rows = ['2025-Q1', '2025-Q2'].map((p, r) => [
    text(p),
    date(`2025-0${1 + 3 * r}-01`),
    date(`2025-0${3 + 3 * r}-28`),
    ...Array.from({ length: payees }, (_, i) => money(new Dec(100 * (i + 1) + r))),
    money(new Dec(999)),
  ]);
  return {
    id: 'schedule',
    title: 'Betaalschema',
    columns: [
      { label: 'Periode', kind: 'text' },
      { label: 'Begin', kind: 'date' },
      { label: 'Einde', kind: 'date' },
      ...Array.from({ length: payees }, (_, i) => ({ label: `Aanbieder ${i + 1}`, kind: 'money' as const })),
      { label: 'Totaal', kind: 'money', sumOf: Array.from({ length: payees }, (_, i) => 3 + i) },
    ],
    rows,
    totals: [null, null, null, ...Array.from({ length: payees }, (_, i) => new Dec(i)), new Dec(1998)],
  };
}

describe('splitWideTable (printing a table wider than the page)', () => {
  it('keeps a table that fits as it is', () => {
    const t = schedule(4);
    expect(splitWideTable(t, 8, () => 'x')).to.deep.equal([t]);
  });

  it('prints 14 payees in parts that each repeat period, start and end; every amount once, rows whole', () => {
    const t = schedule(14);
    const parts = splitWideTable(t, 8, (n, of) => `Betaalschema (deel ${n} van ${of})`);
    expect(parts.length).to.equal(3);
    expect(parts.map((p) => p.title)).to.deep.equal([
      'Betaalschema (deel 1 van 3)',
      'Betaalschema (deel 2 van 3)',
      'Betaalschema (deel 3 van 3)',
    ]);
    for (const p of parts) {
      expect(p.columns.length).to.be.at.most(8);
      expect(p.columns.slice(0, 3).map((c) => c.label)).to.deep.equal(['Periode', 'Begin', 'Einde']);
      expect(p.rows.every((r) => r.length === p.columns.length)).to.equal(true);
      expect(p.totals).to.have.length(p.columns.length);
      expect(p.rows.map((r) => r[0])).to.deep.equal(t.rows.map((r) => r[0]));
    }
    // Each amount column exactly once, in order, with its own cells and total.
    const labels = parts.flatMap((p) => p.columns.slice(3).map((c) => c.label));
    expect(labels).to.deep.equal(t.columns.slice(3).map((c) => c.label));
    const cells = parts.flatMap((p) => p.rows[1]!.slice(3));
    expect(cells).to.deep.equal(t.rows[1]!.slice(3));
    const totals = parts.flatMap((p) => p.totals!.slice(3));
    expect(totals).to.deep.equal(t.totals!.slice(3));
  });
});
