import { expect } from 'chai';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import { handbookPlan } from './handbook-plan.ts';
import { $, mount } from './dom.ts';

/*
 * Focus on a field is the sign someone is about to edit: the live (Yjs) state is built then, in
 * idle time, so the first keystroke does not wait for it. Focus alone changes and stores nothing.
 */

const until = async (check: () => boolean, what: string, ms = 15_000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const loaded = (pattern: RegExp): boolean => performance.getEntriesByType('resource').some((e) => pattern.test(e.name));
const LIVE_STATE = /\/src\/sync\/plan-state\.ts|\/deps\/yjs\.js/;

describe('rp-planner prepares for the first edit when a field gets focus', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('loads the live state on focus, before any edit, and stores nothing for it', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: `rp-prepare-${Date.now()}`,
      plan: handbookPlan('prepare-on-focus'),
    } as Partial<RpPlanner>);
    await until(() => p.scenarioStore !== null, 'the store');
    await p.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(loaded(LIVE_STATE), 'nothing focused yet: no Yjs').to.equal(false);

    const name = $(p, 'rp-plan-details').shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!;
    name.focus();
    await until(() => loaded(LIVE_STATE), 'the live state, loaded on focus');
    expect(p.plan!.name, 'focus changes nothing').to.equal(handbookPlan('prepare-on-focus').name);
    expect(p.currentScenario, 'focus stores nothing').to.equal('');
  });
});
