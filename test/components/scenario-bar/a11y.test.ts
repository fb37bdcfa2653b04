import { expect } from 'chai';
import axe from 'axe-core';
import '../../../components/scenario-bar/scenario-bar.ts';
import { openScenarioStore } from '../../../src/store/index.ts';
import { deleteDb, uniqueDbName } from '../../store/helpers.ts';

async function violations(el: HTMLElement): Promise<string[]> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<rp-scenario-bar> accessibility (axe)', () => {
  it('<rp-scenario-bar> has no violations', async () => {
    const dbName = uniqueDbName('a11y');
    const store = await openScenarioStore({ planId: 'p', dbName });
    const created = await store.create('Een');
    await store.create('Twee');
    const bar = document.createElement('rp-scenario-bar');
    bar.store = store;
    bar.current = created.ok ? created.value.id : '';
    document.body.append(bar);
    try {
      await new Promise((r) => setTimeout(r, 100));
      await bar.updateComplete;
      bar.shadowRoot!.querySelector('details')!.open = true;
      expect(await violations(bar)).to.deep.equal([]);
    } finally {
      bar.remove();
      await store.close();
      await deleteDb(dbName);
    }
  });
});
