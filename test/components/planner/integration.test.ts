import { expect } from 'chai';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpScenarioBar } from '../../../components/scenario-bar/scenario-bar.ts';
import type { RpPlannerCompare } from '../../../components/planner/compare-panel.ts';
import type { RpCompare } from '../../../components/compare/compare.ts';
import type { RpBudgetGrid } from '../../../components/budget-grid/budget-grid.ts';
import type { RpSplitGrid } from '../../../components/split-grid/split-grid.ts';
import type { RpExportMenu, RpExportDetail } from '../../../components/export-menu/export-menu.ts';
import type { SaveInfo } from '../../../src/store/types.ts';
import type { PlanOp } from '../../../src/model/ops.ts';
import { handbookPlan } from './handbook-plan.ts';
import { $, mount, record } from './dom.ts';

/*
 * The planner with the pieces a user gets through it: scenarios kept in IndexedDB (a reload shows
 * the last edit), the scenario bar, the compare view, the export menu, and workshops.
 */

const until = async (check: () => boolean, what: string, ms = 10_000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

let dbCount = 0;
const freshDb = () => `rp-planner-test-${Date.now()}-${dbCount++}`;

/**
 * Mounts a planner and waits until its stored scenario (not just the host's plan) is open. A plan
 * only looked at is not stored, so unless the plan has stored scenarios already (or storage is
 * `none`, or a workshop shares it), the first edit creates it: `touch` makes one.
 */
async function open(props: Partial<RpPlanner> & { plan: unknown }, touch = false): Promise<RpPlanner> {
  const p = await mount<RpPlanner>('rp-planner', props as Partial<RpPlanner>);
  if (touch) edit(p, [{ op: 'set-field', field: 'collaboration', value: 'Netwerk Dementie Oost' }]);
  await until(() => p.currentScenario !== '', 'the stored scenario');
  await p.updateComplete;
  // The scenario bar reads its list from the store: its buttons work on the scenario once it is listed.
  await until(
    () => (p.shadowRoot!.querySelector('rp-scenario-bar')?.shadowRoot?.querySelectorAll('option').length ?? 0) > 0,
    'the scenario list',
  );
  return p;
}

/** An edit as the sections send it (the forms and grids emit rp-edit with plan operations). */
function edit(p: RpPlanner, ops: PlanOp[]): void {
  $(p, 'rp-plan-details').dispatchEvent(new CustomEvent('rp-edit', { detail: { ops }, bubbles: true, composed: true }));
}
const rename = (name: string): PlanOp[] => [{ op: 'set-field', field: 'name', value: name }];

const bar = (p: RpPlanner) => $<RpScenarioBar>(p, 'rp-scenario-bar');
const barButton = (p: RpPlanner, label: string) =>
  [...bar(p).shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

describe('rp-planner with scenarios, compare, export and workshops', function () {
  this.timeout(30_000);
  before(() => setViewport({ width: 1400, height: 900 }));
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('saves an edit and shows it to a planner opened later on the same plan (a reload)', async () => {
    const db = freshDb();
    const first = await mount<RpPlanner>('rp-planner', {
      storageName: db,
      plan: handbookPlan('reload'),
    } as Partial<RpPlanner>);
    const saved = record<SaveInfo>(first, 'rp-saved');
    edit(first, rename('Na de workshop'));
    await until(() => saved.length > 0, 'rp-saved');
    expect(saved[0]!.scenarioId).to.equal(first.currentScenario);
    first.remove();

    // The host sets its original plan again: the stored scenario wins.
    const second = await open({ storageName: db, plan: handbookPlan('reload') });
    expect(second.plan!.name).to.equal('Na de workshop');
    expect($(second, '.toolbar h2').textContent).to.equal('Na de workshop');
  });

  it('keeps the open scenario and its undo history when a host sets the same plan again', async () => {
    const plan = handbookPlan('rerender');
    const p = await open({ storageName: freshDb(), plan }, true);
    const scenario = p.currentScenario;
    edit(p, rename('Bewerkt'));
    p.plan = plan; // a framework re-render
    const echoed = p.plan;
    p.plan = echoed; // a host echoing rp-change's plan
    await p.updateComplete;
    expect([p.currentScenario, p.plan!.name, p.canUndo]).to.deep.equal([scenario, 'Bewerkt', true]);
  });

  it('creates and switches scenarios from the scenario bar, and the grids follow', async () => {
    const p = await open({ storageName: freshDb(), plan: handbookPlan('switch') }, true);
    const base = p.currentScenario;
    expect($<RpBudgetGrid>(p, 'rp-budget-grid').plan!.activities.length).to.be.greaterThan(0);
    barButton(p, 'Nieuw scenario').click();
    await until(() => p.currentScenario !== base, 'the new scenario');
    await p.updateComplete;
    // A scenario from scratch has no activities: both grids show its plan.
    expect(p.plan!.activities).to.deep.equal([]);
    expect($<RpBudgetGrid>(p, 'rp-budget-grid').plan!.activities).to.deep.equal([]);
    expect($<RpSplitGrid>(p, 'rp-split-grid').plan!.activities).to.deep.equal([]);
    const select = bar(p).shadowRoot!.querySelector('select')!;
    select.value = base;
    select.dispatchEvent(new Event('change'));
    await until(() => p.currentScenario === base, 'switching back');
    await p.updateComplete;
    expect($<RpBudgetGrid>(p, 'rp-budget-grid').plan!.activities.length).to.equal(handbookPlan().activities.length);
  });

  it('compares two scenarios side by side', async () => {
    const p = await open({ storageName: freshDb(), plan: handbookPlan('compare') }, true);
    const base = p.currentScenario;
    barButton(p, 'Dupliceren').click();
    await until(() => p.currentScenario !== base, 'the copy');
    edit(p, [
      {
        op: 'update-row',
        collection: 'activities',
        id: p.plan!.activities[0]!.id,
        patch: { name: 'Gewijzigde activiteit' },
      },
    ]);
    await p.flush();
    const tab = [...p.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')].find(
      (b) => b.textContent!.trim() === 'Vergelijken',
    )!;
    tab.click();
    await p.updateComplete;
    const panel = $<RpPlannerCompare>(p, 'rp-planner-compare');
    await until(
      // The panel loads with the view (its own chunk): it may not be defined yet.
      () => panel.shadowRoot?.querySelector<RpCompare>('rp-compare')?.scenarios.length === 2,
      'the comparison',
    );
    const compare = panel.shadowRoot!.querySelector<RpCompare>('rp-compare')!;
    expect(compare.scenarios.map((s) => s.name).sort()).to.deep.equal(
      ['Basisscenario', 'Basisscenario (kopie)'].sort(),
    );
    expect(compare.scenarios.map((s) => s.plan.activities[0]!.name)).to.include('Gewijzigde activiteit');
    await compare.updateComplete;
    expect(compare.shadowRoot!.textContent).to.contain('Gewijzigde activiteit');
    expect(tab.getAttribute('aria-pressed')).to.equal('true');
  });

  it('shows where the money goes in the "Geldstromen" view, and a chosen flow leads to the split', async () => {
    const p = await open({ storage: 'none', plan: handbookPlan('flow') });
    const tab = [...p.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')].find(
      (b) => b.textContent!.trim() === 'Geldstromen',
    )!;
    tab.click();
    await p.updateComplete;
    const flow = $<HTMLElement & { allocation: unknown; plan: unknown }>(p, 'rp-flow');
    expect(flow.allocation).to.equal(p.allocation);
    expect(p.shadowRoot!.querySelector('rp-budget-grid')).to.equal(null);
    flow.dispatchEvent(
      new CustomEvent('rp-flow-select', { detail: { domainId: 'zvw' }, bubbles: true, composed: true }),
    );
    await until(() => p.shadowRoot!.querySelector('rp-split-grid') !== null, 'the edit view');
  });

  it('exports the current scenario as a file', async () => {
    const p = await open({ storageName: freshDb(), plan: handbookPlan('export') }, true);
    edit(p, rename('Exportplan'));
    await p.updateComplete;
    const menu = $<RpExportMenu>(p, 'rp-export-menu');
    expect(menu.plan!.name).to.equal('Exportplan');
    const exported = record<RpExportDetail>(p, 'rp-export');
    const format = menu.shadowRoot!.querySelector<HTMLSelectElement>('#format')!;
    format.value = 'json';
    format.dispatchEvent(new Event('change'));
    await menu.updateComplete;
    menu.shadowRoot!.querySelector<HTMLButtonElement>('#download')!.click();
    await until(() => exported.length > 0, 'rp-export');
    expect(exported[0]!.format).to.equal('json');
    expect(exported[0]!.fileName).to.contain('Exportplan').and.contain('Basisscenario');
    expect(JSON.parse(await exported[0]!.blob.text()).name).to.equal('Exportplan');
  });

  it('with storage="none" keeps nothing: a later planner gets the host’s plan', async () => {
    const db = freshDb();
    const p = await open({ storage: 'none', storageName: db, plan: handbookPlan('memory') });
    edit(p, rename('Alleen in het geheugen'));
    expect(p.plan!.name).to.equal('Alleen in het geheugen');
    await p.flush();
    p.remove();
    const later = await mount<RpPlanner>('rp-planner', {
      storageName: db,
      plan: handbookPlan('memory'),
    } as Partial<RpPlanner>);
    await until(() => later.scenarioStore !== null, 'the store');
    expect(later.plan!.name).to.equal('Dementienetwerk Voorbeeldregio');
  });

  it('says so visibly when the browser refuses the database, and editing goes on in memory', async () => {
    const db = freshDb();
    // A newer version of the database (e.g. left by a later release) cannot be opened by this one.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(db, 999);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const p = await mount<RpPlanner>('rp-planner', { storageName: db, plan: handbookPlan('refused-db') });
    const errors = record<{ code: string; message: { nl: string } }>(p, 'rp-store-error');
    // Before anything is stored the planner says it; once stored, the scenario bar does, once.
    await until(() => p.shadowRoot!.querySelector('.store-error') !== null, 'the message');
    edit(p, rename('Eerste bewerking'));
    await until(() => p.currentScenario !== '', 'the in-memory scenario');
    await p.updateComplete;
    await bar(p).updateComplete;
    const alert = bar(p).shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent!.trim().length).to.be.greaterThan(20);
    // Shown once, in the scenario bar, with the memory-mode status beside the scenarios.
    expect(p.shadowRoot!.querySelector('.store-error')).to.equal(null);
    expect(bar(p).shadowRoot!.querySelector('.status.memory')).to.not.equal(null);
    edit(p, rename('Toch bewerkt'));
    expect(p.plan!.name).to.equal('Toch bewerkt');
    expect(errors.map((e) => e.message.nl)).to.deep.equal([alert.textContent!.trim()]);
  });

  it('keeps two stored planners on one page independent', async () => {
    const db = freshDb();
    const a = await open({ storageName: db, plan: handbookPlan('left') }, true);
    const b = await open({ storageName: db, plan: handbookPlan('right') }, true);
    edit(a, rename('Links'));
    await a.flush();
    await new Promise((r) => setTimeout(r, 200));
    expect(a.plan!.name).to.equal('Links');
    expect(b.plan!.name).to.equal('Dementienetwerk Voorbeeldregio');
    expect(a.currentScenario).to.not.equal(b.currentScenario);
    expect(await bar(b).shadowRoot!.querySelectorAll('option').length).to.equal(1);
  });

  it('without collab-url shows no workshop and loads no collaboration client', async () => {
    const p = await open({ storageName: freshDb(), plan: handbookPlan('solo') }, true);
    expect(p.shadowRoot!.querySelector('.workshop')).to.equal(null);
  });

  it('shows a refused workshop connection (bad url) and keeps editing locally', async () => {
    const p = await open({ storage: 'none', plan: handbookPlan('bad-url') });
    p.setAttribute('collab-url', 'http://not-a-websocket');
    await until(() => p.shadowRoot!.querySelector('.workshop .pill.refused') !== null, 'the refused pill');
    expect($(p, '.workshop [role="alert"]').textContent!.length).to.be.greaterThan(10);
    edit(p, rename('Toch bewerkt'));
    expect(p.plan!.name).to.equal('Toch bewerkt');
  });

  it('joining a workshop later stores the plan that was only looked at, and connects', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: freshDb(),
      plan: handbookPlan('late-join'),
    } as Partial<RpPlanner>);
    await until(() => p.scenarioStore !== null, 'the store');
    expect(p.currentScenario).to.equal('');
    p.setAttribute('collab-url', 'http://not-a-websocket');
    await until(() => p.currentScenario !== '', 'the stored scenario');
    await until(() => p.shadowRoot!.querySelector('.workshop .pill') !== null, 'the workshop status');
  });

  describe('in a workshop (collaboration server)', () => {
    let server: { url: string; editor: string; observer: string } | null = null;
    before(async function () {
      try {
        server = await executeServerCommand<{ url: string; editor: string; observer: string }, undefined>(
          'rp-collab-server',
        );
      } catch {
        server = null;
      }
      if (!server) this.skip();
    });

    it('two planners on the same plan converge after an edit in one, and see each other', async () => {
      const plan = handbookPlan(`workshop-${Date.now()}`);
      const a = await open({
        storage: 'none',
        plan,
        collabUrl: server!.url,
        collabToken: server!.editor,
        userName: 'Anna',
      });
      const b = await open({
        storage: 'none',
        plan,
        collabUrl: server!.url,
        collabToken: server!.editor,
        userName: 'Bram',
      });
      await until(
        () => !!a.shadowRoot!.querySelector('.pill.connected') && !!b.shadowRoot!.querySelector('.pill.connected'),
        'both connected',
      );
      edit(a, rename('Samen bewerkt'));
      await until(() => b.plan!.name === 'Samen bewerkt', 'the edit at b');
      await until(
        () => (a.shadowRoot!.querySelector('.people')?.textContent ?? '').includes('Bram'),
        'Bram in a’s list',
      );
      expect(JSON.stringify(b.plan)).to.equal(JSON.stringify(a.plan));
      expect(b.allocation!.planTotal.toString()).to.equal(a.allocation!.planTotal.toString());
      // Anna selects a cell: Bram's grids get her as presence on that cell.
      const cell = { section: 'activities', rowId: a.plan!.activities[0]!.id, field: 'name' } as const;
      $(a, 'rp-budget-grid').dispatchEvent(
        new CustomEvent('rp-select', { detail: cell, bubbles: true, composed: true }),
      );
      const bramSees = () => $<RpBudgetGrid>(b, 'rp-budget-grid').presence.find((peer) => peer.name === 'Anna');
      await until(() => bramSees()?.selection?.rowId === cell.rowId, 'Anna’s selection at Bram');
      expect($<RpSplitGrid>(b, 'rp-split-grid').presence.map((peer) => peer.name)).to.deep.equal(['Anna']);

      // Anna switches to a new scenario: she leaves this room, and her edits there stay hers.
      const before = a.currentScenario;
      barButton(a, 'Nieuw scenario').click();
      await until(() => a.currentScenario !== before, 'Anna’s new scenario');
      await until(
        () => !(b.shadowRoot!.querySelector('.people')?.textContent ?? '').includes('Anna'),
        'Anna gone from Bram’s list',
      );
      await until(() => !!a.shadowRoot!.querySelector('.pill.connected'), 'Anna in the new room');
      edit(a, rename('Alleen Anna'));
      await new Promise((r) => setTimeout(r, 400));
      expect(b.plan!.name).to.equal('Samen bewerkt');
    });

    it('a host’s set in one planner reaches the workshop peer, as one undoable step', async () => {
      const plan = handbookPlan(`host-set-${Date.now()}`);
      const props = { storage: 'none' as const, collabUrl: server!.url, collabToken: server!.editor };
      const a = await open({ ...props, plan, userName: 'Anna' });
      const b = await open({ ...props, plan, userName: 'Bram' });
      await until(
        () => !!a.shadowRoot!.querySelector('.pill.connected') && !!b.shadowRoot!.querySelector('.pill.connected'),
        'both connected',
      );
      a.plan = { ...plan, name: 'Van de site', region: 'Nieuwe regio' };
      await until(() => b.plan!.name === 'Van de site' && b.plan!.region === 'Nieuwe regio', 'the host’s set at Bram');
      a.undo();
      await until(() => b.plan!.name === plan.name, 'the undo at Bram');
    });

    it('an observer’s planner is read-only', async () => {
      const plan = handbookPlan(`observer-${Date.now()}`);
      const p = await open({
        storage: 'none',
        plan,
        collabUrl: server!.url,
        collabToken: server!.observer,
        userName: 'Beamer',
      });
      await until(() => !!p.shadowRoot!.querySelector('.pill.connected'), 'connected');
      await p.updateComplete;
      expect($<HTMLElement & { readonly: boolean }>(p, 'rp-budget-grid').readonly).to.equal(true);
      edit(p, rename('Mag niet'));
      expect(p.plan!.name).to.equal(plan.name);
    });
  });
});
