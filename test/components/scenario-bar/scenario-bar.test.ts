import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/scenario-bar/scenario-bar.ts';
import type { RpScenarioBar } from '../../../components/scenario-bar/scenario-bar.ts';
import { openScenarioStore, type ScenarioStore } from '../../../src/store/index.ts';
import { newPlan } from '../../../src/model/plan.ts';
import { deleteDb, uniqueDbName } from '../../store/helpers.ts';

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('<rp-scenario-bar>', () => {
  let dbName: string;
  let store: ScenarioStore;
  let bar: RpScenarioBar;
  let first: string;
  const events: { type: string; detail: unknown }[] = [];
  const TYPES = [
    'rp-scenario-select',
    'rp-scenario-created',
    'rp-scenario-renamed',
    'rp-scenario-deleted',
    'rp-scenario-restored',
    'rp-scenario-chosen',
    'rp-snapshot-restored',
    'rp-saved',
  ];
  const record = (e: Event) => events.push({ type: e.type, detail: (e as CustomEvent).detail });

  const root = () => bar.shadowRoot!;
  const button = (text: string) => [...root().querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
  const options = () => [...root().querySelectorAll('option')].map((o) => o.textContent!.trim());

  beforeEach(async () => {
    dbName = uniqueDbName('bar');
    store = await openScenarioStore({ planId: 'p', dbName, debounceMs: 10 });
    const created = await store.create('70/20/10', newPlan('p', 'Plan'));
    if (!created.ok) throw new Error('create failed');
    first = created.value.id;
    for (const t of TYPES) document.addEventListener(t, record);
    bar = document.createElement('rp-scenario-bar');
    bar.store = store;
    bar.current = first;
    document.body.append(bar);
    await until(() => options().length === 1);
  });
  afterEach(async () => {
    for (const t of TYPES) document.removeEventListener(t, record);
    events.length = 0;
    bar.remove();
    await store.close();
    await deleteDb(dbName);
  });

  it('has a labelled scenario list and named controls, in nl and en', async () => {
    const select = root().querySelector('select')!;
    expect(root().querySelector(`label[for="${select.id}"]`)!.textContent).to.equal('Scenario');
    expect(root().querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Scenario’s');
    expect(button('Verwijderen').disabled).to.equal(true);
    bar.locale = 'en';
    await bar.updateComplete;
    expect(root().querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Scenarios');
    expect(button('Duplicate')).to.exist;
  });

  it('creates, duplicates and switches scenarios by keyboard, firing composed events', async () => {
    button('Dupliceren').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => events.some((e) => e.type === 'rp-scenario-select'));
    expect(options()).to.deep.equal(['70/20/10', '70/20/10 (kopie)']);
    const created = events.find((e) => e.type === 'rp-scenario-created')!.detail as { id: string };
    expect(bar.current).to.equal(created.id);

    events.length = 0;
    root().querySelector('select')!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await until(() => events.some((e) => e.type === 'rp-scenario-select'));
    expect(events.find((e) => e.type === 'rp-scenario-select')!.detail).to.deep.equal({ id: first });
    expect(bar.current).to.equal(first);

    button('Nieuw scenario').click();
    await until(() => options().length === 3);
    expect(options()[2]).to.equal('Scenario 3');
  });

  it('renames with Enter, cancels with Escape, and shows a refusal', async () => {
    button('Naam wijzigen').click();
    await bar.updateComplete;
    const input = root().querySelector<HTMLInputElement>('#rename-input')!;
    expect(input.getAttribute('aria-label')).to.equal('Nieuwe naam voor “70/20/10”');
    expect(root().activeElement).to.equal(input);
    await sendKeys({ type: '60/25/15' });
    await sendKeys({ press: 'Enter' });
    // The list can show the new name (the store's change event) before the bar has finished the
    // rename; focus returns to the button last, after the event.
    await until(() => options()[0] === '60/25/15' && root().activeElement?.id === 'rename');
    expect(events.some((e) => e.type === 'rp-scenario-renamed')).to.equal(true);
    expect(root().activeElement?.id).to.equal('rename');

    await sendKeys({ press: 'Enter' });
    await bar.updateComplete;
    await sendKeys({ press: 'Escape' });
    await bar.updateComplete;
    expect(root().querySelector('#rename-input')).to.equal(null);
    expect(options()[0]).to.equal('60/25/15');

    // Another tab renamed it meanwhile: this tab's write is refused with a message.
    const other = await openScenarioStore({ planId: 'p', dbName, broadcast: false });
    await other.list();
    await other.rename(first, 'Uit ander tabblad');
    await other.close();
    button('Naam wijzigen').click();
    await bar.updateComplete;
    root().querySelector<HTMLInputElement>('#rename-input')!.value = 'Van mij';
    root().querySelector('form')!.requestSubmit();
    await until(() => root().querySelector('[role="alert"]') !== null);
    expect(root().querySelector('[role="alert"]')!.textContent).to.match(/ander tabblad/);
    expect(options()[0]).to.equal('Uit ander tabblad');
  });

  it('deletes with an undo toast and marks one scenario as chosen with a visible badge', async () => {
    const second = await store.create('Tweede');
    if (!second.ok) throw new Error('create failed');
    await bar.refresh();
    await bar.updateComplete;

    button('Kiezen als definitief').click();
    await until(() => root().querySelector('[part="badge"]') !== null);
    expect(root().querySelector('[part="badge"]')!.textContent).to.include('Gekozen');
    expect(button('Kiezen als definitief').getAttribute('aria-pressed')).to.equal('true');
    expect(options()[0]).to.include('Gekozen');

    button('Verwijderen').click();
    await until(() => root().querySelector('.toast') !== null);
    expect(root().querySelector('.toast')!.textContent).to.include('Scenario “70/20/10” verwijderd.');
    expect(options()).to.deep.equal(['Tweede']);
    expect(bar.current).to.equal(second.value.id);
    expect(root().activeElement?.textContent?.trim()).to.equal('Ongedaan maken');
    await sendKeys({ press: 'Enter' });
    await until(() => options().length === 2 && bar.current === first);
    expect(events.map((e) => e.type)).to.include.members([
      'rp-scenario-deleted',
      'rp-scenario-restored',
      'rp-scenario-chosen',
    ]);
  });

  it('keeps a version and restores it from the history list', async () => {
    const live = await store.openScenario(first);
    if (!live.ok) throw new Error('open failed');
    root().querySelector('summary')!.click();
    root().querySelector<HTMLInputElement>('#snapshot-label')!.value = 'Voor de workshop';
    button('Versie bewaren').click();
    await until(() => root().querySelectorAll('li').length === 1);

    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'Gewijzigd' }]);
    const restore = root().querySelector('li button')!;
    expect(restore.getAttribute('aria-label')).to.match(/^Versie “Voor de workshop” van .+ terugzetten$/);
    (restore as HTMLButtonElement).click();
    await until(() => events.some((e) => e.type === 'rp-snapshot-restored'));
    expect(live.value.state.plan.region).to.equal('');
    await until(() => root().querySelectorAll('li').length === 2);
  });

  it('reports saves and says so when it runs in memory', async () => {
    const live = await store.openScenario(first);
    if (!live.ok) throw new Error('open failed');
    live.value.state.apply([{ op: 'set-field', field: 'region', value: 'X' }]);
    await until(() => events.some((e) => e.type === 'rp-saved'));
    expect(root().querySelector('[role="status"]')!.textContent).to.match(/Opgeslagen om/);

    const memory = await openScenarioStore({ planId: 'p', indexedDB: undefined });
    await memory.create('Alleen hier');
    bar.store = memory;
    await until(() => options()[0] === 'Alleen hier');
    expect(root().querySelector('[role="status"]')!.textContent).to.include('Niet opgeslagen: alleen in dit venster');
    expect(root().querySelector('[role="alert"]')!.textContent).to.match(/privévenster/);
    await memory.close();
  });
});
