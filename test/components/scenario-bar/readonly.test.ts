import { expect } from 'chai';
import '../../../components/scenario-bar/scenario-bar.ts';
import type { RpScenarioBar } from '../../../components/scenario-bar/scenario-bar.ts';
import { openScenarioStore, type ScenarioStore } from '../../../src/store/index.ts';
import { newPlan } from '../../../src/model/plan.ts';
import { deleteDb, uniqueDbName } from '../../store/helpers.ts';

/*
 * `readonly` makes every control that changes data inert: a person who may only look can switch
 * scenarios and read the history, but nothing they click writes to the store.
 */

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('<rp-scenario-bar readonly>', () => {
  let dbName: string;
  let store: ScenarioStore;
  let bar: RpScenarioBar;

  const root = () => bar.shadowRoot!;
  const button = (text: string) => [...root().querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

  beforeEach(async () => {
    dbName = uniqueDbName('bar-readonly');
    store = await openScenarioStore({ planId: 'p', dbName, debounceMs: 10 });
    const a = await store.create('70/20/10', newPlan('p', 'Plan'));
    const b = await store.create('60/25/15', newPlan('p', 'Plan'));
    if (!a.ok || !b.ok) throw new Error('create failed');
    await store.saveSnapshot(a.value.id, 'Voor de workshop');
    bar = document.createElement('rp-scenario-bar');
    bar.store = store;
    bar.current = a.value.id;
    bar.setAttribute('readonly', '');
    document.body.append(bar);
    await until(() => root().querySelectorAll('option').length === 2 && root().querySelectorAll('li').length === 1);
  });
  afterEach(async () => {
    bar.remove();
    await store.close();
    await deleteDb(dbName);
  });

  it('disables rename, new, duplicate, mark-as-chosen, delete, keep-a-version and restore', async () => {
    expect(bar.readonly).to.equal(true);
    const labels = [
      'Naam wijzigen',
      'Nieuw scenario',
      'Dupliceren',
      'Kiezen als definitief',
      'Verwijderen',
      'Versie bewaren',
      'Terugzetten',
    ];
    expect(labels.map((l) => [l, button(l).disabled])).to.deep.equal(labels.map((l) => [l, true]));
    expect(root().querySelector<HTMLInputElement>('#snapshot-label')!.disabled).to.equal(true);
    // Switching scenarios changes nothing stored: it stays possible.
    expect(root().querySelector('select')!.disabled).to.equal(false);
  });

  it('writes nothing to the store even when a click gets through (e.g. a script)', async () => {
    const before = JSON.stringify(await store.list());
    const snapshots = (await store.listSnapshots(bar.current)).length;
    for (const label of ['Nieuw scenario', 'Dupliceren', 'Kiezen als definitief', 'Verwijderen', 'Terugzetten']) {
      const b = button(label);
      b.disabled = false;
      b.click();
    }
    const form = root().querySelector<HTMLFormElement>('details form')!;
    form.requestSubmit();
    await new Promise((r) => setTimeout(r, 200));
    expect(JSON.stringify(await store.list())).to.equal(before);
    expect((await store.listSnapshots(bar.current)).length).to.equal(snapshots);
    expect(root().querySelector('#rename-input')).to.equal(null);
  });

  it('enables the controls again when readonly is removed', async () => {
    bar.readonly = false;
    await bar.updateComplete;
    expect(button('Dupliceren').disabled).to.equal(false);
    expect(button('Versie bewaren').disabled).to.equal(false);
  });
});
