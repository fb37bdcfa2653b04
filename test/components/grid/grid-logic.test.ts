import { expect } from 'chai';
import { buildMarks, changedMarks, markSeverity, sameMarks } from '../../../components/grid/marks.ts';
import { buildPresence, changedPresence, presenceColor } from '../../../components/grid/presence.ts';
import { PALETTE } from '../../../src/sync/collab/presence.ts';
import { locateSplitPresence, splitCellLocation } from '../../../components/split-grid/split-model.ts';
import { budgetCellLocation, locateBudgetPresence } from '../../../components/budget-grid/budget-model.ts';
import { samplePlan } from './owner.ts';
import { gridSanitizer } from '../../../components/grid/sanitizer.ts';
import { balanceValue, locateSplit, totalText } from '../../../components/split-grid/split-model.ts';
import { locateBudget, switchKind } from '../../../components/budget-grid/budget-model.ts';
import { Dec } from '../../../src/money/decimal.ts';
import { gridText } from '../../../src/i18n/grid.ts';
import type { Finding } from '../../../src/model/finding.ts';

const finding = (severity: Finding['severity'], rowId: string, en = 'x'): Finding => ({
  code: 'split-sum',
  severity,
  location: { section: 'split', rowId },
  message: { nl: en, en },
});

describe('grid logic', () => {
  it('marks cells by row id and column key, errors before warnings', () => {
    const marks = buildMarks(
      [finding('warning', 'a1', 'w'), finding('error', 'a1', 'e'), finding('error', 'zz')],
      locateSplit,
    );
    expect(
      marks
        .get('a1')!
        .get('total')!
        .map((f) => f.message.en),
    ).to.deep.equal(['e', 'w']);
    expect(markSeverity(marks.get('a1')!.get('total'))).to.equal('error');
    expect(markSeverity(undefined)).to.equal(null);
    expect(
      sameMarks(
        marks,
        buildMarks([finding('warning', 'a1', 'w'), finding('error', 'a1', 'e'), finding('error', 'zz')], locateSplit),
      ),
    ).to.equal(true);
    expect(sameMarks(marks, buildMarks([finding('error', 'a1', 'e')], locateSplit))).to.equal(false);
  });

  it('escapes markup on HTML surfaces and drops pasted HTML', () => {
    expect(gridSanitizer('<img src=x onerror=alert(1)>', 'header')).to.equal('&lt;img src=x onerror=alert(1)&gt;');
    expect(gridSanitizer('<table><tr><td>1</td></tr></table>', 'CopyPaste.paste')).to.equal('');
  });

  it('balances a domain or a sector to exactly 100 % and refuses when others exceed it', () => {
    const split = {
      domains: [
        { domainId: 'a', percent: '33.3333' },
        { domainId: 'b', percent: '33.3333' },
      ],
      sectors: [{ domainId: 'a', sectorId: 's1', percent: '12.5' }],
    };
    expect(balanceValue(split, 'c', null)).to.equal('33.3334');
    expect(balanceValue(split, 'a', 's2')).to.equal('87.5');
    expect(balanceValue({ domains: [{ domainId: 'a', percent: '120' }], sectors: [] }, 'b', null)).to.equal(null);
  });

  it('shows a row total with its distance from 100 %', () => {
    expect(totalText(new Dec('99'), 'nl')).to.equal('99 % (-1 %)');
    expect(totalText(new Dec('100.5'), 'en')).to.equal('100.5% (+0.5%)');
    expect(totalText(new Dec('100'), 'nl')).to.equal('100 %');
  });

  it('maps activity findings to budget columns', () => {
    expect(locateBudget({ section: 'activities', rowId: 'a', field: 'cost.rate' })).to.deep.equal({
      rowId: 'a',
      colKey: 'cost.rate',
    });
    expect(locateBudget({ section: 'activities', rowId: 'a', field: 'cost.fte' })).to.deep.equal({
      rowId: 'a',
      colKey: 'cost.quantity',
    });
    expect(locateBudget({ section: 'activities', rowId: 'a', field: 'targetGroupIds' })).to.deep.equal({
      rowId: 'a',
      colKey: 'targetGroupIds',
    });
    expect(locateBudget({ section: 'split', rowId: 'a' })).to.equal(null);
  });

  it('keeps money when the cost basis changes', () => {
    expect(switchKind({ kind: 'lumpsum', amount: '1200', per: 'month' }, 'fte')).to.deep.equal({
      kind: 'fte',
      fte: '0',
      yearlyCost: '1200',
    });
    expect(switchKind({ kind: 'hours', hours: '10', rate: '85' }, 'persons')).to.deep.equal({
      kind: 'persons',
      persons: '10',
      rate: '85',
    });
  });

  it('has every grid string in nl and en', () => {
    for (const [key, msg] of Object.entries(gridText)) {
      expect(msg.nl, key).to.be.a('string').and.not.equal('');
      expect(msg.en, key).to.be.a('string').and.not.equal('');
    }
  });

  it('accepts only plain CSS colours for a participant and falls back to the palette', () => {
    expect(presenceColor('#D62728', 1)).to.equal('#d62728');
    expect(presenceColor('rgb(10, 20, 30)', 1)).to.equal('rgb(10, 20, 30)');
    expect(presenceColor('teal', 1)).to.equal('teal');
    for (const bad of ['var(--x)', 'url(x)', 'red;color:blue', 'inherit', 'notacolour', '', null, 7]) {
      expect(presenceColor(bad, 2), String(bad)).to.equal(PALETTE[2]);
    }
  });

  it('lists the cells whose participants or marks changed', () => {
    const at = (rowId: string, domainId: string) => ({ section: 'split' as const, rowId, domainId });
    const a = buildPresence(
      [{ clientId: 1, name: 'A', color: '#000000', selection: at('a1', 'zvw') }],
      locateSplitPresence,
    );
    const b = buildPresence(
      [{ clientId: 1, name: 'A', color: '#000000', selection: at('a2', 'zvw') }],
      locateSplitPresence,
    );
    expect(changedPresence(a, b)).to.deep.equal([
      { rowId: 'a1', colKey: 'd:zvw' },
      { rowId: 'a2', colKey: 'd:zvw' },
    ]);
    expect(changedPresence(a, a)).to.deep.equal([]);
    const m1 = buildMarks([finding('error', 'a1')], locateSplit);
    const m2 = buildMarks([finding('warning', 'a1'), finding('error', 'a3')], locateSplit);
    expect(changedMarks(m1, m2)).to.deep.equal([
      { rowId: 'a1', colKey: 'total' },
      { rowId: 'a3', colKey: 'total' },
    ]);
    expect(changedMarks(m1, buildMarks([finding('error', 'a1')], locateSplit))).to.deep.equal([]);
  });

  it('maps a selected cell to a location and back to the same cell', () => {
    for (const colKey of ['name', 'd:zvw', 's:zvw:zvw-ha', 'total', 'unassigned']) {
      expect(locateSplitPresence(splitCellLocation('a1', colKey)!), colKey).to.deep.equal({ rowId: 'a1', colKey });
    }
    const plan = samplePlan(2);
    const hours = {
      ...plan,
      activities: [{ ...plan.activities[0]!, cost: { kind: 'hours' as const, hours: '10', rate: '80' } }],
    };
    expect(budgetCellLocation(hours, 'a1', 'cost.quantity')).to.deep.equal({
      section: 'activities',
      rowId: 'a1',
      field: 'cost.hours',
    });
    for (const colKey of [
      'name',
      'targetGroupIds',
      'category',
      'cost.kind',
      'cost.amount',
      'cost.per',
      'cost.quantity',
      'cost.rate',
      'annual',
      'p:2026-Q1',
    ]) {
      expect(locateBudgetPresence(budgetCellLocation(hours, 'a1', colKey)!), colKey).to.deep.equal({
        rowId: 'a1',
        colKey,
      });
      expect(locateBudgetPresence(budgetCellLocation(plan, 'a2', colKey)!), colKey).to.deep.equal({
        rowId: 'a2',
        colKey,
      });
    }
  });
});
