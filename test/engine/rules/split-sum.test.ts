import { expect } from 'chai';
import { applyOps } from '../../../src/model/index.ts';
import { dementiaPlan, expectFindings, expectNone, handbookPlan } from './helpers.ts';

describe('rule split-sum', () => {
  it('reports a default split of 99 % on the row, with how far off it is', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '9' },
    ]);
    const [f] = expectFindings(plan, 'split-sum', [
      { severity: 'error', location: { section: 'split', rowId: 'default', field: 'domains' } },
    ]);
    expect(f!.message.nl).to.equal('Standaardverdeling: verdeling over de domeinen telt op tot 99 %, 1 % te weinig');
    expect(f!.message.en).to.equal('Default split: split over the domains adds up to 99%, 1% short');
    expectNone(
      applyOps(plan, [{ op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '10' }]),
      'split-sum',
    );
  });

  it('says "too much" above 100 % and keeps every decimal of the difference', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '10.0001' },
    ]);
    const [f] = expectFindings(plan, 'split-sum', [
      { severity: 'error', location: { section: 'split', rowId: 'default', field: 'domains' } },
    ]);
    expect(f!.message.nl).to.contain('100,0001 %, 0,0001 % te veel');
    expect(f!.message.en).to.contain('100.0001%, 0.0001% too much');
  });

  it('reports the sectors of a domain that gets a part, per activity override, naming the activity', () => {
    const plan = applyOps(dementiaPlan(), [
      { op: 'set-split', rowId: 'a-geriatrie', domainId: 'zvw', sectorId: 'zvw-ha', percent: '20' },
    ]);
    const [f] = expectFindings(plan, 'split-sum', [
      { severity: 'error', location: { section: 'split', rowId: 'a-geriatrie', field: 'sectors', domainId: 'zvw' } },
    ]);
    expect(f!.message.nl).to.equal(
      'Activiteit ‘Geriatrische consultatie voor huisarts en wijkverpleging’: sectoren binnen Zvw tellen op tot 90 %, 10 % te weinig',
    );
    expectNone(
      applyOps(plan, [{ op: 'set-split', rowId: 'a-geriatrie', domainId: 'zvw', sectorId: 'zvw-ha', percent: '30' }]),
      'split-sum',
    );
  });

  it('does not ask for sectors of a domain whose part is 0 %', () => {
    const plan = applyOps(dementiaPlan(), [
      { op: 'set-split', rowId: 'a-mantelzorg', domainId: 'zvw', sectorId: null, percent: '0' },
      { op: 'set-split', rowId: 'a-mantelzorg', domainId: 'zvw', sectorId: 'zvw-ha', percent: '30' },
    ]);
    expectNone(plan, 'split-sum');
  });

  it('reports thirds that add up to 99.9999 % (no rounding hides it)', () => {
    const plan = applyOps(handbookPlan(), [
      { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '33.3333' },
      { op: 'set-split', rowId: 'default', domainId: 'jw', sectorId: null, percent: '33.3333' },
      { op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '33.3333' },
    ]);
    const [f] = expectFindings(plan, 'split-sum', [
      { severity: 'error', location: { section: 'split', rowId: 'default', field: 'domains' } },
    ]);
    expect(f!.message.en).to.contain('99.9999%, 0.0001% short');
    expectNone(
      applyOps(plan, [{ op: 'set-split', rowId: 'default', domainId: 'zvw', sectorId: null, percent: '33.3334' }]),
      'split-sum',
    );
  });

  it("reports providers' shares of one sector that do not add up to 100 %", () => {
    const plan = applyOps(dementiaPlan(), [
      { op: 'update-row', collection: 'providers', id: 'p-zorggroep', patch: { share: '20' } },
    ]);
    const [f] = expectFindings(plan, 'split-sum', [
      {
        severity: 'error',
        location: { section: 'providers', rowId: 'p-thuiszorg', field: 'share', domainId: 'zvw', sectorId: 'zvw-vv' },
      },
    ]);
    expect(f!.message.nl).to.equal(
      'Aanbieders in Zvw – Wijkverpleging (V&V): aandelen tellen op tot 95 %, 5 % te weinig',
    );
    expectNone(
      applyOps(plan, [{ op: 'update-row', collection: 'providers', id: 'p-zorggroep', patch: { share: '25' } }]),
      'split-sum',
    );
  });

  it('leaves shares alone when none is given (equal parts)', () => {
    const plan = dementiaPlan();
    for (const id of ['p-thuiszorg', 'p-zorggroep', 'p-casemanagement']) {
      Object.assign(
        plan.providers.find((p) => p.id === id)!,
        { share: null },
      );
    }
    expectNone(plan, 'split-sum');
  });

  it('does not check an empty default split that no activity uses', () => {
    const plan = handbookPlan();
    plan.activities[0]!.split = structuredClone(plan.defaultSplit);
    plan.defaultSplit = { domains: [], sectors: [] };
    expectNone(plan, 'split-sum');
    plan.activities[0]!.split = null;
    expectFindings(plan, 'split-sum', [
      { severity: 'error', location: { section: 'split', rowId: 'default', field: 'domains' } },
    ]);
  });
});
