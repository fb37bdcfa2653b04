import { expect } from 'chai';
import {
  emptyOwnPlan,
  exportPlanFile,
  isOwnPlanId,
  openOwnPlanFile,
  templateOwnPlan,
  type FileScenario,
} from '../../src/files/index.ts';
import { newPlan } from '../../src/model/plan.ts';
import handbook from '../../demo/plans/handbook.json';

/*
 * A plan of one's own: every scenario under one new plan id (never the id of the file or the
 * sample it came from), the chosen one shown; a file is read with the plan-file import's guards.
 */

const at = 1_700_000_000_000;
const scenario = (id: string, name: string, chosen: boolean): FileScenario => ({
  id,
  name,
  chosen,
  createdAt: at,
  updatedAt: at,
  plan: newPlan('their-plan', name),
});

describe('own plans', () => {
  it('an empty plan and the handleiding’s example get new own ids, different each time', async () => {
    const a = emptyOwnPlan('Mijn plan');
    const b = emptyOwnPlan('Mijn plan');
    expect(isOwnPlanId(a.shown.id)).to.equal(true);
    expect(a.shown.id).to.not.equal(b.shown.id);
    expect(a.scenarios).to.have.length(1);
    const t = await templateOwnPlan('Mijn voorbeeld');
    expect(isOwnPlanId(t.shown.id)).to.equal(true);
    expect(t.shown.name).to.equal('Mijn voorbeeld');
    // The template is the handleiding's example the demo offers, apart from its id and name.
    expect({ ...t.shown, id: '', name: '' }).to.deep.equal({ ...handbook, id: '', name: '' });
  });

  it('a plan file brings all its scenarios under one new id, the chosen one shown', async () => {
    const text = exportPlanFile({ id: 'their-plan', name: 'Hun plan' }, [
      scenario('s1', 'Basis', false),
      scenario('s2', 'Keuze', true),
    ]);
    const r = await openOwnPlanFile(text);
    if (!r.ok) throw new Error(r.error.code);
    const ids = new Set(r.value.scenarios.map((s) => s.plan.id));
    expect(ids.size).to.equal(1);
    expect(isOwnPlanId([...ids][0]!)).to.equal(true);
    expect(r.value.shown.name).to.equal('Keuze');
    expect(r.value.scenarios.map((s) => [s.name, s.chosen])).to.deep.equal([
      ['Basis', false],
      ['Keuze', true],
    ]);
  });

  it('a single plan (the export menu’s JSON) is one scenario', async () => {
    const r = await openOwnPlanFile(new Blob([JSON.stringify(newPlan('p', 'Los'))]));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.shown.name).to.equal('Los');
    expect(r.value.scenarios).to.have.length(1);
    expect(r.value.scenarios[0]!.name).to.equal(null);
  });

  for (const [what, text, code] of [
    ['not JSON', '{nope', 'not-json'],
    ['a list', '[1,2]', 'not-json'],
    ['a hostile key', '{"id":"p","constructor":{"prototype":{}}}', 'hostile'],
    ['a plan that is not one', '{"formatVersion":2,"id":"p","activities":7}', 'invalid'],
    ['another kind of file', '{"kind":"something-else","formatVersion":2}', 'invalid'],
  ] as const)
    it(`refuses ${what} with a message in nl and en`, async () => {
      const r = await openOwnPlanFile(text);
      expect(r.ok).to.equal(false);
      if (r.ok) return;
      expect(r.error.code).to.equal(code);
      expect(r.error.message.nl).to.contain('niets gewijzigd');
      expect(r.error.message.en).to.contain('Nothing was changed');
    });

  it('refuses a file that is too large before reading it', async () => {
    const r = await openOwnPlanFile(new Blob(['x'.repeat(2000)]), { maxBytes: 1000 });
    expect(!r.ok && r.error.code).to.equal('too-large');
  });
});
