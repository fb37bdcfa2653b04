import { expect } from 'chai';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { SaveInfo } from '../../../src/store/types.ts';
import { handbookPlan } from './handbook-plan.ts';
import { $, mount, record } from './dom.ts';

/*
 * A planner that only shows a plan loads no CRDT: Yjs (and src/sync's live state) arrive with the
 * first edit. What a page has loaded is read from the browser's resource timing entries.
 */

const until = async (check: () => boolean, what: string, ms = 10_000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

// The dev server serves many modules: room for every one of them in resource timing.
performance.setResourceTimingBufferSize(100_000);
const loaded = (pattern: RegExp): boolean => performance.getEntriesByType('resource').some((e) => pattern.test(e.name));
const LIVE_STATE = /\/src\/sync\/plan-state\.ts|\/deps\/yjs\.js/;

describe('rp-planner first load', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('shows a plan without storing it or loading Yjs, and loads it with the first edit, which is saved', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: `rp-first-load-${Date.now()}`,
      plan: handbookPlan('first-load'),
    } as Partial<RpPlanner>);
    await until(() => p.scenarioStore !== null, 'the store');
    await p.updateComplete;
    expect(p.currentScenario, 'nothing stored for looking').to.equal('');
    expect(p.findings).to.deep.equal([]);
    expect(p.allocation?.annualTotal.toString()).to.equal('250000');
    expect(loaded(/\/src\/store\/store-core\.ts/), 'the store itself is loaded').to.equal(true);
    expect(loaded(LIVE_STATE), 'no Yjs for looking').to.equal(false);

    const saved = record<SaveInfo>(p, 'rp-saved');
    $(p, 'rp-plan-details').dispatchEvent(
      new CustomEvent('rp-edit', {
        detail: { ops: [{ op: 'set-field', field: 'name', value: 'Na de eerste bewerking' }] },
        bubbles: true,
        composed: true,
      }),
    );
    expect(p.plan!.name, 'the edit is shown at once').to.equal('Na de eerste bewerking');
    await until(() => saved.length > 0, 'rp-saved');
    expect(loaded(LIVE_STATE)).to.equal(true);
    expect(p.plan!.name).to.equal('Na de eerste bewerking');
    expect(p.currentScenario).to.not.equal('');
    expect(p.canUndo).to.equal(true);
    p.undo();
    expect(p.plan!.name).to.equal('Dementienetwerk Voorbeeldregio');
  });
});
