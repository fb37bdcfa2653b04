import { expect } from 'chai';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import { handbookPlan } from './handbook-plan.ts';
import { mount } from './dom.ts';
import { edit, freshDb, rename, until } from './host.ts';

/*
 * While edits exist only in memory (the browser refused the database), closing the tab would lose
 * them: the planner asks the browser to warn first. Once edits are stored, it does not.
 */

/** Whether the page would ask before closing: a cancelled beforeunload. */
const wouldWarn = (): boolean => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

async function refusedDb(): Promise<string> {
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
  return db;
}

describe('rp-planner warns before the tab closes while edits are only in memory', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('warns with unsaved edits in memory, and stops when the planner leaves the page', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: await refusedDb(),
      plan: handbookPlan('unsaved'),
    } as Partial<RpPlanner>);
    await until(() => p.scenarioStore !== null, 'the store');
    edit(p, rename('Alleen in het geheugen'));
    await until(() => p.currentScenario !== '', 'the in-memory scenario');
    await p.flush();
    await until(wouldWarn, 'the warning');
    p.remove();
    await until(() => !wouldWarn(), 'no warning once the planner is gone');
  });

  it('does not warn once edits are stored', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: freshDb(),
      plan: handbookPlan('saved'),
    } as Partial<RpPlanner>);
    edit(p, rename('Bewaard'));
    await until(() => p.currentScenario !== '', 'the stored scenario');
    await p.flush();
    expect(wouldWarn()).to.equal(false);
  });
});
