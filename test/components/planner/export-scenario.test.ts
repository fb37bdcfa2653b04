import { expect } from 'chai';
import JSZip from 'jszip';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import { ExportError } from '../../../src/export/index.ts';
import { handbookPlan } from './handbook-plan.ts';
import { erroneousPlan } from '../../export/fixtures.ts';
import { mount } from './dom.ts';
import { edit, freshDb, rename, until } from './host.ts';

/*
 * A host's own "Download the contract annex" button: `planner.exportScenario(format, options)`
 * resolves to a File (a Blob with its name) and refuses as the export menu does.
 */

async function refusal(p: Promise<unknown>): Promise<ExportError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(ExportError);
    return e as ExportError;
  }
  throw new Error('expected the export to be refused');
}

const docxText = async (file: Blob): Promise<string> =>
  (await (await JSZip.loadAsync(await file.arrayBuffer())).file('word/document.xml')!.async('string')).replace(
    /<[^>]+>/g,
    '',
  );

describe('rp-planner exportScenario()', function () {
  this.timeout(60_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('makes the open scenario’s annex, workbook, CSVs and JSON as named files', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storage: 'none',
      plan: handbookPlan('export-api'),
    } as Partial<RpPlanner>);
    edit(p, rename('Ons regioplan'));
    const json = await p.exportScenario('json');
    expect(json).to.be.instanceOf(File);
    expect(json.name).to.match(/Ons-regioplan.*\.json$/);
    expect(JSON.parse(await json.text()).name).to.equal('Ons regioplan');

    const annex = await p.exportScenario('docx');
    expect([annex.name.endsWith('.docx'), annex.type]).to.deep.equal([
      true,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(annex.name).to.contain('bijlage');
    expect(await docxText(annex)).to.contain('Ons regioplan');

    const funder = p.plan!.funders[0]!;
    const funderAnnex = await p.exportScenario('docx', { funderId: funder.id, locale: 'en' });
    expect(funderAnnex.name).to.contain('annex').and.contain(funder.name.replace(/\s+/g, '-'));

    const xlsx = await p.exportScenario('xlsx');
    expect([xlsx.name.endsWith('.xlsx'), xlsx.size > 1000]).to.deep.equal([true, true]);

    const schedule = await p.exportScenario('csv', { table: 'schedule' });
    expect(schedule.name).to.contain('betaalschema');
    expect(await schedule.text()).to.contain(';');
    const english = await p.exportScenario('csv', { locale: 'en' });
    expect(english.name).to.contain('allocation');

    const monitoring = await p.exportScenario('monitoring-csv');
    expect(monitoring.name).to.contain('monitoring');
  });

  it('refuses a scenario with errors with the findings, as the menu does, and exports it as a draft', async () => {
    const p = await mount<RpPlanner>('rp-planner', { storage: 'none', plan: erroneousPlan() } as Partial<RpPlanner>);
    const errors = p.findings.filter((f) => f.severity === 'error');
    expect(errors.length).to.be.greaterThan(0);
    const e = await refusal(p.exportScenario('docx'));
    expect(e.code).to.equal('has-errors');
    expect(e.findings.map((f) => f.code)).to.deep.equal(errors.map((f) => f.code));
    expect(e.messages.nl.length).to.be.greaterThan(10);
    expect(e.messages.en.length).to.be.greaterThan(10);
    const draft = await p.exportScenario('docx', { draft: true });
    expect(draft.name).to.contain('concept');
  });

  it('refuses what it cannot make with a message in nl and en, never a throw', async () => {
    const empty = await mount<RpPlanner>('rp-planner', { storage: 'none' } as Partial<RpPlanner>);
    expect((await refusal(empty.exportScenario('json'))).messages.en).to.contain('No plan');
    const p = await mount<RpPlanner>('rp-planner', {
      storage: 'none',
      plan: handbookPlan('export-bad'),
    } as Partial<RpPlanner>);
    const format = await refusal(p.exportScenario('pdf' as 'json'));
    expect([format.code, format.messages.nl, format.messages.en]).to.deep.equal([
      'failed',
      'Onbekend exportformaat “pdf”: kies docx, xlsx, csv, monitoring-csv of json.',
      'Unknown export format “pdf”: choose docx, xlsx, csv, monitoring-csv or json.',
    ]);
    expect((await refusal(p.exportScenario('docx', { funderId: 'nobody' }))).code).to.equal('unknown-funder');
    expect((await refusal(p.exportScenario('json', { scenarioId: 'no-such-scenario' }))).code).to.equal('failed');
  });

  it('exports another stored scenario by its id', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: freshDb(),
      plan: handbookPlan('export-other'),
    } as Partial<RpPlanner>);
    edit(p, rename('Eerste'));
    await until(() => p.currentScenario !== '', 'the stored scenario');
    const first = p.currentScenario;
    const store = p.scenarioStore!;
    const copy = await store.duplicate(first, 'Kopie');
    if (!copy.ok) throw new Error('duplicate failed');
    edit(p, rename('Eerste, later bewerkt'));
    const other = await p.exportScenario('json', { scenarioId: copy.value.id });
    expect(JSON.parse(await other.text()).name).to.equal('Eerste');
    expect(other.name).to.contain('Kopie');
    const open = await p.exportScenario('json');
    expect(JSON.parse(await open.text()).name).to.equal('Eerste, later bewerkt');
  });
});
