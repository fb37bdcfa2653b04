import { expect } from 'chai';
import {
  exportPlanBlob,
  exportPlanFile,
  exportStore,
  importIntoStore,
  importPlanFile,
  planFile,
  MAX_FILE_BYTES,
  type FileScenario,
  type ImportResult,
} from '../../src/files/index.ts';
import { openScenarioStore } from '../../src/store/index.ts';
import { generatePlan } from '../fixtures/generate.ts';
import { deleteDb, uniqueDbName } from '../store/helpers.ts';

const META = { id: 'dementie', name: 'Dementie regio Eindhoven' };

function scenarios(): FileScenario[] {
  const a = generatePlan(1, 30);
  const b = generatePlan(2, 12);
  return [
    { id: 'a', name: '70/20/10', chosen: false, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000, plan: a },
    { id: 'b', name: '60/25/15', chosen: true, createdAt: 1_700_000_200_000, updatedAt: 1_700_000_300_000, plan: b },
  ];
}

function refused(result: ImportResult, code: string): void {
  expect(result.ok, 'should be refused').to.equal(false);
  if (result.ok) return;
  expect(result.error.code).to.equal(code);
  expect(result.error.message.nl).to.include('Er is niets gewijzigd');
  expect(result.error.message.en).to.include('Nothing was changed');
}

describe('plan files', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('round-trips a plan with all its scenarios identically', async () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const text = exportPlanFile(META, scenarios(), at);
    const result = await importPlanFile(text);
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.migratedFrom).to.equal(null);
    expect(result.file).to.deep.equal(planFile(META, scenarios(), at));
    expect(exportPlanFile(result.file.plan, result.file.scenarios, new Date(result.file.exportedAt))).to.equal(text);

    const fromBlob = await importPlanFile(exportPlanBlob(META, scenarios(), at));
    expect(fromBlob.ok && fromBlob.file).to.deep.equal(result.file);
  });

  it('exports a store (also in memory mode) and imports the file into another store', async () => {
    const dbName = uniqueDbName('files');
    const memory = await openScenarioStore({ planId: 'dementie', indexedDB: undefined });
    const target = await openScenarioStore({ planId: 'dementie', dbName });
    try {
      expect(memory.mode).to.equal('memory');
      const created = await memory.create('Enige', generatePlan(3, 5));
      if (!created.ok) throw new Error('create failed');
      const live = await memory.openScenario(created.value.id);
      if (!live.ok) throw new Error('open failed');
      live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Nog niet opgeslagen' }]);
      await memory.markChosen(created.value.id);

      const exported = await exportStore(memory, META);
      if (!exported.ok) throw new Error('export failed');
      const parsed = await importPlanFile(exported.value);
      if (!parsed.ok) throw new Error(parsed.error.message.en);
      expect(parsed.file.scenarios[0]!.plan.region).to.equal('Nog niet opgeslagen');

      const ids = await importIntoStore(target, parsed.file);
      if (!ids.ok) throw new Error('import failed');
      const list = await target.list();
      expect(list.map((s) => [s.name, s.chosen])).to.deep.equal([['Enige', true]]);
      const plan = await target.readPlan(ids.value[0]!);
      expect(plan.ok && plan.value).to.deep.equal(live.value.state.plan);
    } finally {
      await memory.close();
      await target.close();
      await deleteDb(dbName);
    }
  });

  it('refuses text that is not a plan file', async () => {
    refused(await importPlanFile('not json at all'), 'not-json');
    refused(await importPlanFile('[1, 2]'), 'not-json');
    refused(await importPlanFile('null'), 'not-json');
    refused(await importPlanFile('{"scenarios": []}'), 'unknown-version');
    refused(await importPlanFile('{"formatVersion": "1"}'), 'unknown-version');
    refused(await importPlanFile('{"formatVersion": 99}'), 'newer-version');
    refused(await importPlanFile('['.repeat(200_000)), 'not-json');
  });

  it('refuses wrong types, unknown keys and values over their caps, naming the place', async () => {
    const file = planFile(META, scenarios());
    const wrongType = structuredClone(file) as unknown as {
      scenarios: { plan: { activities: { cost: { amount: unknown } }[] } }[];
    };
    wrongType.scenarios[0]!.plan.activities[0]!.cost.amount = 1200;
    const result = await importPlanFile(JSON.stringify(wrongType));
    refused(result, 'invalid');
    expect(!result.ok && result.error.message.en).to.include('scenarios.0.plan.activities.0.cost');

    refused(await importPlanFile(JSON.stringify({ ...file, extra: true })), 'invalid');
    const longName = structuredClone(file);
    longName.scenarios[0]!.name = 'x'.repeat(121);
    refused(await importPlanFile(JSON.stringify(longName)), 'invalid');
    const many = {
      ...file,
      scenarios: Array.from({ length: 51 }, (_, i) => ({ ...file.scenarios[0]!, id: `s${i}`, chosen: false })),
    };
    refused(await importPlanFile(JSON.stringify(many)), 'invalid');
    const twoChosen = structuredClone(file);
    twoChosen.scenarios[0]!.chosen = true;
    refused(await importPlanFile(JSON.stringify(twoChosen)), 'invalid');
  });

  it('refuses __proto__ and constructor keys and pollutes nothing', async () => {
    const text = exportPlanFile(META, scenarios());
    const hostile = [
      text.replace('{', '{"__proto__": {"polluted": "yes"},'),
      text.replace('"plan": {', '"plan": {"constructor": {"prototype": {"polluted": "yes"}},'),
      '{"formatVersion": 1, "scenarios": [{"__proto__": {"polluted": 1}}]}',
    ];
    for (const h of hostile) refused(await importPlanFile(h), 'hostile');
    refused(await importPlanFile(new Blob([hostile[0]!])), 'hostile');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype).to.not.have.property('polluted');
  });

  it('refuses a 50 MB file by its size before reading it', async () => {
    const big = 'x'.repeat(50 * 1024 * 1024);
    const started = performance.now();
    const result = await importPlanFile(big);
    refused(result, 'too-large');
    expect(!result.ok && result.error.message.en).to.include('50.0 MB');
    refused(await importPlanFile(new Blob([big])), 'too-large');
    expect(performance.now() - started).to.be.below(5000);
    // Multi-byte text just over the cap in bytes, though under it in characters.
    refused(await importPlanFile('€'.repeat(Math.ceil(MAX_FILE_BYTES / 3) + 1)), 'too-large');
    refused(await importPlanFile(exportPlanFile(META, scenarios()), { maxBytes: 1000 }), 'too-large');
  });

  it('migrates a formatVersion 0 file', async () => {
    const [a, b] = scenarios();
    const v0 = {
      formatVersion: 0,
      name: 'Oud plan',
      chosen: 1,
      scenarios: [
        { name: 'Eerste', plan: a!.plan },
        { name: 'Tweede', plan: b!.plan },
      ],
    };
    const now = Date.UTC(2026, 0, 1);
    const result = await importPlanFile(JSON.stringify(v0), { now });
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.migratedFrom).to.equal(0);
    expect(result.file.plan).to.deep.equal({ id: a!.plan.id, name: 'Oud plan' });
    expect(result.file.scenarios.map((s) => [s.id, s.name, s.chosen, s.createdAt])).to.deep.equal([
      ['scenario-1', 'Eerste', false, now],
      ['scenario-2', 'Tweede', true, now],
    ]);
    expect(result.file.scenarios[1]!.plan).to.deep.equal(b!.plan);
    refused(await importPlanFile(JSON.stringify({ ...v0, chosen: 'one' })), 'invalid');
  });

  it('migrates a formatVersion 1 file with plans of plan format 1: new fields get defaults, the area total is not guessed', async () => {
    const [a] = scenarios();
    const { marketShare: _m, patientRepresentation: _p, evaluationMoments: _e, ...rest } = a!.plan;
    const oldPlan = { ...rest, formatVersion: 1 };
    const v1 = {
      formatVersion: 1,
      kind: 'regioplan-plan',
      exportedAt: '2025-03-01T10:00:00.000Z',
      plan: { id: 'oud', name: 'Oud plan' },
      scenarios: [{ id: 's1', name: 'Eerste', chosen: true, createdAt: 1, updatedAt: 2, plan: oldPlan }],
    };
    const result = await importPlanFile(JSON.stringify(v1));
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.migratedFrom).to.equal(1);
    const plan = result.file.scenarios[0]!.plan;
    expect(plan.formatVersion).to.equal(2);
    expect(plan.marketShare).to.deep.equal({ definition: '', insuredTotal: null, laterYears: [] });
    expect(plan.patientRepresentation).to.equal('');
    expect(plan.evaluationMoments).to.deep.equal([]);
    expect(plan.activities).to.deep.equal(a!.plan.activities);
    // A plan of an unknown newer plan format is refused with the schema's message, not guessed at.
    const bad = { ...v1, scenarios: [{ ...v1.scenarios[0]!, plan: { ...oldPlan, formatVersion: 7 } }] };
    refused(await importPlanFile(JSON.stringify(bad)), 'invalid');
  });
});
