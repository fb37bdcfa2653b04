import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { SaveInfo } from '../../../src/store/types.ts';
import type { Plan } from '../../../src/model/plan.ts';
import { handbookPlan } from './handbook-plan.ts';
import { $, mount, record } from './dom.ts';
import { edit, freshDb, rename, sleep, storedScenarios, until } from './host.ts';

/*
 * The host's contract for `plan` (README, "The plan property"): the last plan a host sets is what
 * the element shows and saves, whether its store has opened or not; a reload with the same
 * published plan brings the user's work back; a changed published plan is offered, never forced;
 * a plan only looked at is not stored.
 */

const named = (name: string, id = 'host'): Plan => ({ ...handbookPlan(id), name });
const mountPlanner = (props: Record<string, unknown>) => mount<RpPlanner>('rp-planner', props as Partial<RpPlanner>);
/** Long enough for the store to open, read its scenarios and open one (it takes tens of ms here). */
const settled = () => sleep(600);

describe('rp-planner: the plan a host sets', function () {
  this.timeout(30_000);
  before(() => setViewport({ width: 1400, height: 900 }));
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  for (const delay of [0, 30, 100, 200, 400]) {
    it(`keeps a second plan set ${delay} ms after the first; the store's late open does not replace it`, async () => {
      const db = freshDb();
      const p = await mountPlanner({ storageName: db, plan: named('Eerste') });
      if (delay) await sleep(delay);
      p.plan = named('Tweede');
      expect(p.plan!.name).to.equal('Tweede');
      for (let i = 0; i < 30; i++) {
        await sleep(20);
        expect(p.plan!.name, `after ${(i + 1) * 20} ms`).to.equal('Tweede');
      }
      await p.updateComplete;
      expect($(p, '.toolbar h2').textContent).to.equal('Tweede');
    });
  }

  it('keeps a plan set again with the id of a stored one, and saves it', async () => {
    const db = freshDb();
    const first = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    edit(first, rename('Mijn bewerking'));
    await first.flush();
    first.remove();

    const p = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    await sleep(150);
    p.plan = named('Van de host');
    await settled();
    expect(p.plan!.name).to.equal('Van de host');
    await p.flush();
    p.remove();
    // What the host set last was saved: a reload with the published plan shows it.
    const reloaded = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    await until(() => reloaded.plan!.name === 'Van de host', 'the saved host plan after a reload');
  });

  it('a reload with the same published plan brings the user’s edits back', async () => {
    const db = freshDb();
    const first = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    const saved = record<SaveInfo>(first, 'rp-saved');
    edit(first, rename('Na de workshop'));
    await until(() => saved.length > 0, 'rp-saved');
    first.remove();
    const second = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    await until(() => second.plan!.name === 'Na de workshop', 'the stored edit');
    await settled();
    expect(second.plan!.name).to.equal('Na de workshop');
  });

  it('a set that differs from the open scenario becomes its content as one undoable, saved step', async () => {
    const db = freshDb();
    const p = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    edit(p, rename('Bewerkt'));
    await until(() => p.currentScenario !== '', 'the stored scenario');
    await p.flush();
    const saved = record<SaveInfo>(p, 'rp-saved');
    const changes = record<{ plan: Plan }>(p, 'rp-change');
    p.plan = { ...named('Van de host'), region: 'Andere regio' };
    expect([p.plan!.name, p.plan!.region]).to.deep.equal(['Van de host', 'Andere regio']);
    expect(changes.at(-1)!.plan.name).to.equal('Van de host');
    await until(() => saved.length > 0, 'rp-saved for the host’s set');
    p.undo();
    expect([p.plan!.name, p.plan!.region]).to.deep.equal(['Bewerkt', 'Voorbeeldregio']);
    p.redo();
    expect(p.plan!.name).to.equal('Van de host');
    await p.flush();
    p.remove();
    const reloaded = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    await until(() => reloaded.plan!.name === 'Van de host', 'the host’s set after a reload');
    expect(reloaded.plan!.region).to.equal('Andere regio');
  });

  it('another tab on the same plan follows the first change and a host’s later set', async () => {
    const db = freshDb();
    const a = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    const b = await mountPlanner({ storageName: db, plan: named('Gepubliceerd') });
    await until(() => a.scenarioStore !== null && b.scenarioStore !== null, 'both stores');
    edit(a, rename('Uit tab A'));
    await until(() => b.plan!.name === 'Uit tab A', 'the first edit in the other tab');
    expect(b.currentScenario).to.equal(a.currentScenario);
    a.plan = { ...named('Van de host'), region: 'Andere regio' };
    await until(
      () => b.plan!.name === 'Van de host' && b.plan!.region === 'Andere regio',
      'the host’s set in the other tab',
    );
  });

  it('of two quick scenario switches the last one wins (the older open is dropped)', async () => {
    const p = await mountPlanner({ storageName: freshDb(), plan: named('Basis') });
    edit(p, rename('Basis bewerkt'));
    await until(() => p.currentScenario !== '', 'the stored scenario');
    const store = p.scenarioStore!;
    const b = await store.create('B', named('Plan B'));
    const c = await store.create('C', named('Plan C'));
    if (!b.ok || !c.ok) throw new Error('create failed');
    await until(() => p.shadowRoot!.querySelector('rp-scenario-bar') !== null, 'the scenario bar');
    const bar = p.shadowRoot!.querySelector('rp-scenario-bar')!;
    for (const id of [b.value.id, c.value.id]) {
      bar.dispatchEvent(new CustomEvent('rp-scenario-select', { detail: { id }, bubbles: true, composed: true }));
    }
    await until(() => p.currentScenario === c.value.id, 'scenario C');
    await settled();
    expect([p.currentScenario, p.plan!.name]).to.deep.equal([c.value.id, 'Plan C']);
  });

  it('a plan only looked at is not stored, and a visitor who never edited sees the site’s new file', async () => {
    const db = freshDb();
    const p = await mountPlanner({ storageName: db, plan: named('Versie 1') });
    await settled();
    p.remove();
    expect(await storedScenarios(db, 'host')).to.equal(0);
    const later = await mountPlanner({ storageName: db, plan: named('Versie 2') });
    await settled();
    expect(later.plan!.name).to.equal('Versie 2');
  });

  it('when the site published a new file, the user’s edits stay and the new version is offered to compare and adopt', async () => {
    const db = freshDb();
    const first = await mountPlanner({ storageName: db, plan: named('Versie 1') });
    edit(first, [{ op: 'set-field', field: 'region', value: 'Mijn regio' }]);
    await until(() => first.currentScenario !== '', 'the stored scenario');
    await first.flush();
    first.remove();

    const p = await mountPlanner({ storageName: db, plan: named('Versie 2') });
    await until(() => p.shadowRoot!.querySelector('.published') !== null, 'the offer of the published version');
    expect([p.plan!.name, p.plan!.region]).to.deep.equal(['Versie 1', 'Mijn regio']);
    const offer = $(p, '.published');
    expect(offer.textContent).to.contain('nieuwe versie');
    const button = (label: string) =>
      [...offer.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;
    button('Vergelijken').click();
    await p.updateComplete;
    const compare = offer.querySelector<HTMLElement & { scenarios: { plan: Plan }[] }>('rp-compare')!;
    expect(compare.scenarios.map((s) => s.plan.name)).to.deep.equal(['Versie 1', 'Versie 2']);
    button('Nieuwe versie overnemen').click();
    await p.updateComplete;
    expect([p.plan!.name, p.plan!.region]).to.deep.equal(['Versie 2', 'Voorbeeldregio']);
    expect(p.shadowRoot!.querySelector('.published')).to.equal(null);
    p.undo();
    expect(p.plan!.region).to.equal('Mijn regio');
    p.redo();
    await p.flush();
    p.remove();
    // Adopted: the new file is now the stored seed, so a reload with it offers nothing.
    const again = await mountPlanner({ storageName: db, plan: named('Versie 2') });
    await until(() => again.currentScenario !== '', 'the stored scenario');
    await settled();
    expect(again.plan!.name).to.equal('Versie 2');
    expect(again.shadowRoot!.querySelector('.published')).to.equal(null);
  });
});
