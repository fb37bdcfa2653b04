import { expect } from 'chai';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpScenarioBar } from '../../../components/scenario-bar/scenario-bar.ts';
import type { Plan } from '../../../src/model/plan.ts';
import { handbookPlan } from './handbook-plan.ts';
import { $, mount } from './dom.ts';
import { edit, freshDb, rename, sleep, storedScenarios, until } from './host.ts';

/*
 * `readonly` on the planner makes every control that changes data inert, in every element inside
 * it: the sections and grids, the scenario bar, the offer of a newer published plan. Nothing is
 * written to the browser's storage.
 */

const named = (name: string, id: string): Plan => ({ ...handbookPlan(id), name });

describe('rp-planner readonly', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('leaves the scenario bar inert: duplicate, new, rename, mark as chosen and keep a version write nothing', async () => {
    const db = freshDb();
    const first = await mount<RpPlanner>('rp-planner', {
      storageName: db,
      plan: named('Plan', 'ro-bar'),
    } as Partial<RpPlanner>);
    edit(first, rename('Bewerkt'));
    await until(() => first.currentScenario !== '', 'the stored scenario');
    await first.flush();
    first.remove();

    const p = await mount<RpPlanner>('rp-planner', {
      storageName: db,
      readonly: true,
      plan: named('Plan', 'ro-bar'),
    } as Partial<RpPlanner>);
    await until(() => p.shadowRoot!.querySelector('rp-scenario-bar') !== null, 'the scenario bar');
    const bar = $<RpScenarioBar>(p, 'rp-scenario-bar');
    await bar.updateComplete;
    await until(() => bar.shadowRoot!.querySelectorAll('option').length === 1, 'the list');
    expect(bar.readonly).to.equal(true);
    const buttons = [...bar.shadowRoot!.querySelectorAll('button')];
    for (const label of ['Naam wijzigen', 'Nieuw scenario', 'Dupliceren', 'Kiezen als definitief', 'Versie bewaren']) {
      const b = buttons.find((x) => x.textContent!.trim() === label)!;
      expect([label, b.disabled]).to.deep.equal([label, true]);
      b.disabled = false;
      b.click();
    }
    await sleep(300);
    expect(await storedScenarios(db, 'ro-bar')).to.equal(1);
    edit(p, rename('Mag niet'));
    expect(p.plan!.name).to.equal('Bewerkt');
  });

  it('offers a newer published plan to compare, but not to adopt', async () => {
    const db = freshDb();
    const first = await mount<RpPlanner>('rp-planner', {
      storageName: db,
      plan: named('Versie 1', 'ro-offer'),
    } as Partial<RpPlanner>);
    edit(first, rename('Mijn versie'));
    await until(() => first.currentScenario !== '', 'the stored scenario');
    await first.flush();
    first.remove();
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: db,
      readonly: true,
      plan: named('Versie 2', 'ro-offer'),
    } as Partial<RpPlanner>);
    await until(() => p.shadowRoot!.querySelector('.published') !== null, 'the offer');
    const buttons = [...$(p, '.published').querySelectorAll('button')];
    const by = (label: string) => buttons.find((b) => b.textContent!.trim() === label)!;
    expect([
      by('Vergelijken').disabled,
      by('Nieuwe versie overnemen').disabled,
      by('Mijn versie houden').disabled,
    ]).to.deep.equal([false, true, true]);
    by('Nieuwe versie overnemen').disabled = false;
    by('Nieuwe versie overnemen').click();
    await p.updateComplete;
    expect(p.plan!.name).to.equal('Mijn versie');
  });
});
