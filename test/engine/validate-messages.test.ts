import { expect } from 'chai';
import { FindingCode, applyOps, Plan, Finding } from '../../src/model/index.ts';
import { validate } from '../../src/engine/validate.ts';
import { checkCount, checkSection, checksPassedLong, checksPassedShort, findingText } from '../../src/i18n/findings.ts';
import { RULES } from '../../src/engine/rules/registry.ts';
import handbook from '../../demo/plans/handbook.json';

/** The handbook plan broken in one place per rule (two plans: a Zvw without insurer rules out market shares). */
function brokenPlans(): Plan[] {
  const a = applyOps(Plan.parse(structuredClone(handbook)), [
    { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '9' },
    { op: 'update-row', collection: 'providers', id: 'p-wmo', patch: { share: '150' } },
    { op: 'update-row', collection: 'funders', id: 'f-zv-2', patch: { share: { basis: 'count', count: '0' } } },
    { op: 'update-row', collection: 'funders', id: 'f-wmo', patch: { domainId: 'zvw' } },
    { op: 'update-row', collection: 'providers', id: 'p-vv', patch: { agb: '123' } },
    { op: 'set-field', field: 'period', value: { start: '2024-01-01', end: '2024-12-31' } },
    { op: 'set-field', field: 'marketShareDate', value: '2024-02-30' },
    { op: 'set-field', field: 'otherTitles', value: ['oi'] },
    { op: 'set-field', field: 'deductibleCharged', value: true },
    { op: 'set-field', field: 'leadProviderId', value: null },
    {
      op: 'insert-row',
      collection: 'activities',
      row: {
        id: 'a2',
        name: 'Domeinoverstijgende samenwerking kwetsbare ouderen',
        targetGroupIds: ['tg-weg'],
        cost: { kind: 'hours', hours: '-1', rate: '80' },
        category: 'general',
        split: null,
      },
    },
  ]);
  a.targetGroups[0]!.characteristics = '';
  a.targetGroups[0]!.postcodes.push('38A1');
  a.marketShare = { ...a.marketShare, insuredTotal: null };
  a.clauses = { ...a.clauses, controls: '' };
  const b = applyOps(Plan.parse(structuredClone(handbook)), [
    { op: 'remove-row', collection: 'providers', id: 'p-ha' },
    { op: 'remove-row', collection: 'providers', id: 'p-jw' },
    { op: 'set-field', field: 'otherTitles', value: ['oi'] },
  ]);
  b.funders = b.funders.filter((f) => f.kind !== 'insurer');
  const c = applyOps(Plan.parse(structuredClone(handbook)), [
    { op: 'set-field', field: 'marketShareDate', value: '2025-06-01' },
    { op: 'set-field', field: 'paymentTitle', value: 'adz' },
    { op: 'set-field', field: 'otherTitles', value: ['bdss'] },
    { op: 'set-field', field: 'executionModel', value: 'cashier' },
    { op: 'set-field', field: 'leadProviderId', value: 'p-wmo' },
    { op: 'set-field', field: 'marketShare', value: { definition: '', insuredTotal: '70000', laterYears: [] } },
    {
      op: 'insert-row',
      collection: 'providers',
      row: {
        id: 'p-wlz',
        name: '',
        agb: '',
        domainId: 'wlz',
        sectorId: null,
        role: 'partner',
        contribution: '',
        share: null,
      },
    },
    { op: 'update-row', collection: 'activities', id: 'a-lumpsum', patch: { regularShare: '20' } },
  ]);
  return [a, b, c];
}

describe('finding messages', () => {
  it('every code has a rule and message texts', () => {
    expect(RULES.map((r) => r.code).sort()).to.deep.equal([...FindingCode.options].sort());
    expect(Object.keys(findingText).sort()).to.deep.equal([...FindingCode.options].sort());
  });

  it('"Plan klopt" counts the checks that run, and names how many follow the handleiding', () => {
    expect(checkCount.all).to.equal(RULES.length);
    // Every rule whose messages cite the handleiding is counted as one of its checks.
    const citing = new Set(
      brokenPlans()
        .flatMap((p) => validate(p))
        .filter((f) => f.message.nl.includes('(handleiding §'))
        .map((f) => f.code),
    );
    expect(citing.size).to.be.greaterThan(10);
    for (const code of citing) expect(checkSection[code], code).to.not.equal(null);
    expect(checksPassedShort.nl).to.equal(
      `Plan klopt: ${RULES.length} controles, ${checkCount.handleiding} uit de handleiding`,
    );
    expect(checksPassedLong.en).to.contain(`No findings from ${RULES.length} checks`);
  });

  it('every code is reported by a broken plan, with a readable message in nl and in en', () => {
    const found = brokenPlans().flatMap((p) => validate(p));
    expect([...new Set(found.map((f) => f.code))].sort()).to.deep.equal([...FindingCode.options].sort());
    for (const f of found) {
      expect(() => Finding.parse(f), f.message.en).to.not.throw();
      for (const text of [f.message.nl, f.message.en]) {
        expect(text).to.match(/^\S/);
        expect(text).to.not.match(/undefined|NaN|\[object|\{\w+\}/);
      }
      expect(f.message.nl).to.not.equal(f.message.en);
    }
  });

  it('formats numbers per locale: decimal comma and "€ " in nl, decimal point in en', () => {
    const plan = Plan.parse(structuredClone(handbook));
    plan.activities[0]!.cost = { kind: 'lumpsum', amount: '-1234.5', per: 'year' };
    plan.defaultSplit.domains[0]!.percent = '10.5';
    const messages = validate(plan).map((f) => f.message);
    expect(messages.map((m) => m.nl).join('\n'))
      .to.contain('€ -1.234,50')
      .and.contain('100,5 %, 0,5 % te veel');
    expect(messages.map((m) => m.en).join('\n'))
      .to.contain('-€1,234.50')
      .and.contain('100.5%, 0.5% too much');
  });
});
