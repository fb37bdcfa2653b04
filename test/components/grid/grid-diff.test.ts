import { expect } from 'chai';
import { bindData, diffRows, sameIds, sameLook, shapeKey } from '../../../components/grid/grid-diff.ts';
import { domainPasteColumns } from '../../../components/split-grid/split-notes.ts';
import { balanceTarget, offParts } from '../../../components/split-grid/balance.ts';
import type { GridRow } from '../../../components/grid/grid-types.ts';
import { applyOps } from '../../../src/model/ops.ts';
import { samplePlan } from './owner.ts';

/* The grid's pure parts: the row diff an edit repaints from, where a paste goes, which row a balance changes. */

const row = (id: string, values: string[], extra: Partial<GridRow> = {}): GridRow => ({
  id,
  name: id,
  values,
  ...extra,
});

describe('grid diff', () => {
  it('writes only changed values in place and names single cells, or whole rows whose look changed', () => {
    const a = row('a', ['A', '1', '2']);
    const b = row('b', ['B', '3', '4']);
    const c = row('c', ['C', '5', '6']);
    const data = bindData([a, b, c]);
    const bound = data[1];
    const next = [a, row('b', ['B', '3', '9']), row('c', ['C!', '5', '6'], { name: 'c2' })];
    const dirty = diffRows([a, b, c], next, data);
    expect(dirty.values).to.deep.equal([1, 2]);
    expect(dirty.rows).to.deep.equal([2]);
    expect(data[1]).to.equal(bound); // the same array Handsontable is bound to
    expect(data).to.deep.equal([
      ['A', '1', '2'],
      ['B', '3', '9'],
      ['C!', '5', '6'],
    ]);
  });

  it('tells row sequences, looks and shapes apart', () => {
    expect(sameIds([row('a', []), row('b', [])], [row('a', ['x']), row('b', [])])).to.equal(true);
    expect(sameIds([row('a', [])], [row('b', [])])).to.equal(false);
    expect(sameLook(row('a', ['1']), row('a', ['2']))).to.equal(true);
    expect(sameLook(row('a', []), row('a', [], { inapplicable: [3] }))).to.equal(false);
    const shape = { columns: [{ key: 'name', header: 'Naam', width: 100 }] };
    expect(shapeKey(shape)).to.equal(shapeKey({ columns: [{ key: 'name', header: 'Naam', width: 100 }] }));
    expect(shapeKey(shape)).to.not.equal(shapeKey({ columns: [{ key: 'name', header: 'Name', width: 100 }] }));
  });
});

describe('split grid paste and balance', () => {
  const columns = ['name', 'total', 'd:zvw', 's:zvw:ha', 's:zvw:vv', 'd:wmo', 'd:jw'].map((key) => ({
    key,
    header: key,
    width: 10,
  }));

  it('spreads a row of shares pasted onto a domain share over the domain shares', () => {
    expect(domainPasteColumns(columns, 2, 2)).to.deep.equal([2, 5]);
    expect(domainPasteColumns(columns, 2, 3)).to.deep.equal([2, 5, 6]);
    expect(domainPasteColumns(columns, 3, 2), 'onto a sector share: side by side').to.equal(null);
    expect(domainPasteColumns(columns, 2, 1), 'one value: where it was pasted').to.equal(null);
    expect(domainPasteColumns(columns, 5, 3), 'more values than domain shares left').to.equal(null);
  });

  it('balances the selected row when it is off, else the flagged one, in the largest share', () => {
    const plan = applyOps(samplePlan(2), [
      { op: 'set-split', rowId: 'a2', domainId: 'wmo', sectorId: null, percent: '15' },
    ]);
    expect(offParts(plan, plan.defaultSplit)).to.deep.equal([]);
    const flagged = [
      {
        code: 'split-sum',
        severity: 'error',
        location: { section: 'split', rowId: 'a2', field: 'domains' },
        message: { nl: '', en: '' },
      },
    ] as const;
    const r = balanceTarget(plan, { rowId: 'default', colKey: 'd:jw' }, [...flagged]);
    expect(r).to.deep.equal({
      ok: true,
      target: { rowId: 'a2', domainId: 'zvw', sectorId: null, from: '70', percent: '65' },
    });
    expect(balanceTarget(plan, { rowId: 'a2', colKey: 'd:jw' }, [])).to.deep.equal({
      ok: true,
      target: { rowId: 'a2', domainId: 'jw', sectorId: null, from: '20', percent: '15' },
    });
    expect(balanceTarget(samplePlan(2), null, [])).to.deep.equal({ ok: false, reason: 'nothing-off' });
  });
});
