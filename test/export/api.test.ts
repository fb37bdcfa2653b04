import { expect } from 'chai';
import { validate } from '../../src/engine/index.ts';
import {
  ExportError,
  canonicalJson,
  exportScenario,
  planFingerprint,
  tryExportScenario,
  type ExportFormat,
} from '../../src/export/index.ts';
import { exportFileName, sanitisePart } from '../../src/export/file-name.ts';
import { neutralise } from '../../src/export/neutralise.ts';
import { erroneousPlan, handbookPlan, hostilePlan } from './fixtures.ts';

const DATE = new Date('2026-11-23T10:00:00Z');

async function rejection(p: Promise<unknown>): Promise<ExportError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(ExportError);
    return e as ExportError;
  }
  throw new Error('expected the export to be refused');
}

describe('exportScenario', () => {
  it('refuses every document format while the scenario has errors, listing them', async () => {
    const plan = erroneousPlan();
    const errors = validate(plan).filter((f) => f.severity === 'error');
    expect(errors.length).to.be.greaterThan(0);
    for (const format of ['annex-docx', 'xlsx', 'csv', 'monitoring-csv'] as ExportFormat[]) {
      const e = await rejection(exportScenario(format, { plan, locale: 'nl' }));
      expect(e.code).to.equal('has-errors');
      expect(e.findings.map((f) => f.code)).to.deep.equal(errors.map((f) => f.code));
      expect(e.messages.nl).to.contain(`${errors.length} fout`);
      expect(e.messages.en).to.contain(`${errors.length} error`);
    }
    const funder = await rejection(exportScenario('funder-annex-docx', { plan, funderId: 'f-cz' }));
    expect(funder.code).to.equal('has-errors');
  });

  it('exports a draft of the same scenario', async () => {
    const file = await exportScenario('xlsx', { plan: erroneousPlan(), draft: true, date: DATE, scenarioName: 'B' });
    expect(file.blob.size).to.be.greaterThan(1000);
    expect(file.fileName).to.equal('Dementienetwerk-Zuidoost_B_werkmap-concept_2026-11-23.xlsx');
  });

  it('reports bad input as a typed result instead of throwing into the page', async () => {
    const unknown = await tryExportScenario('funder-annex-docx', { plan: handbookPlan(), funderId: 'nobody' });
    expect(unknown.ok).to.equal(false);
    if (!unknown.ok) {
      expect(unknown.error.code).to.equal('unknown-funder');
      expect(unknown.error.messages.nl).to.contain('nobody');
    }
    const broken = { ...handbookPlan(), activities: 'many' } as unknown as ReturnType<typeof handbookPlan>;
    const invalid = await tryExportScenario('xlsx', { plan: broken });
    expect(invalid.ok).to.equal(false);
    if (!invalid.ok) {
      expect(invalid.error.code).to.equal('invalid-plan');
      expect(invalid.error.messages.en).to.contain('activities');
    }
  });

  it('refuses an amount a workbook cannot hold to the cent', async () => {
    const plan = handbookPlan();
    const huge = {
      ...plan,
      activities: [
        {
          ...plan.activities[0]!,
          cost: { kind: 'lumpsum' as const, amount: '99999999999999.99', per: 'year' as const },
        },
      ],
    };
    const e = await rejection(exportScenario('xlsx', { plan: huge, draft: true }));
    expect(e.code).to.equal('amount-too-large');
  });

  it('exports the plan as JSON, also with errors (it is not a document to sign)', async () => {
    const plan = erroneousPlan();
    const file = await exportScenario('json', { plan, date: DATE });
    expect(JSON.parse(await file.blob.text())).to.deep.equal(plan);
    expect(file.blob.type).to.equal('application/json');
  });

  it('names files after plan, scenario and date, without unsafe characters', async () => {
    const file = await exportScenario('csv', {
      plan: hostilePlan(),
      scenarioName: '../../etc/passwd <b>',
      date: DATE,
      locale: 'en',
    });
    expect(file.fileName).to.equal('img-src-x-onerror-window-__pwned-1-Zorg-Co_etc-passwd-b_allocation_2026-11-23.csv');
    expect(sanitisePart('CON:/\\*?"<>|')).to.equal('CON');
    expect(exportFileName({ plan: '', scenario: '  ', kind: '', date: DATE, ext: 'csv' })).to.equal(
      'regioplan_2026-11-23.csv',
    );
    expect(sanitisePart('Zorg in de Kempen – ëxtra')).to.equal('Zorg-in-de-Kempen-ëxtra');
  });
});

describe('neutralise', () => {
  it('prefixes an apostrophe to text a spreadsheet would run, and nothing else', () => {
    for (const bad of ['=1', '+1', '-1+1', '@SUM(A1)', '\tTab', '\rCR', '\nLF', '\0NUL']) {
      expect(neutralise(bad)).to.equal(`'${bad}`);
    }
    for (const ok of ['Zorg', "'quoted", '1+1', 'a=b', '', 'Zorg, welzijn en 5611-5658', 'a;b'])
      expect(neutralise(ok)).to.equal(ok);
  });

  it('also after either separator and after a line break: where a cell starts when opened with the other separator', () => {
    expect(neutralise('Zorg,=1+1')).to.equal("Zorg,'=1+1");
    expect(neutralise('Zorg;=2+2')).to.equal("Zorg;'=2+2");
    expect(neutralise('Zorg\n=3+3')).to.equal("Zorg\n'=3+3");
    expect(neutralise('Zorg\r\n@x')).to.equal("Zorg\r\n'@x");
    expect(neutralise('a, "=cmd"')).to.equal('a, "\'=cmd"');
    expect(neutralise(' =spaced')).to.equal(" '=spaced");
    expect(neutralise('a,-b; +c')).to.equal("a,'-b; '+c");
  });
});

describe('content fingerprint', () => {
  it('is the SHA-256 of the canonical JSON, independent of key order', async () => {
    const plan = handbookPlan();
    const reordered = Object.fromEntries(Object.entries(plan).reverse());
    expect(canonicalJson(reordered)).to.equal(canonicalJson(plan));
    expect(await planFingerprint(reordered)).to.equal(await planFingerprint(plan));
    expect(await planFingerprint(plan)).to.match(/^[0-9a-f]{64}$/);
    expect(await planFingerprint({ ...plan, name: `${plan.name}.` })).not.to.equal(await planFingerprint(plan));
    const bytes = new TextEncoder().encode('{"a":1,"b":[1,"x"]}');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(await planFingerprint({ b: [1, 'x'], a: 1 })).to.equal(hex);
  });
});
