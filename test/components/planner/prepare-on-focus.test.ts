import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpChangeDetail } from '../../../components/shared/events.ts';
import type { SaveInfo } from '../../../src/store/types.ts';
import { handbookPlan } from './handbook-plan.ts';
import { generatePlan } from '../../fixtures/generate.ts';
import { $, mount, record } from './dom.ts';

/*
 * Focus on a field is the sign someone is about to edit: the live (Yjs) state is built then, in
 * idle time, so that the first edit does not wait for it. For a plan not stored yet, that
 * preparation and the first edit (which creates the scenario) must not race: whatever lands
 * while the other is under way, the edit is shown, announced (rp-change), saved and kept.
 *
 * The tests hold the page's idle callbacks and the steps in which a live state is built
 * (scheduler.yield, or the background tasks the store builds it in), so the edit lands exactly
 * where they say.
 */

const until = async (check: () => boolean, what: string, ms = 15_000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

// What was loaded is read from resource timing; the dev server serves many modules, so room for all of them.
performance.setResourceTimingBufferSize(100_000);
const loaded = (pattern: RegExp): boolean => performance.getEntriesByType('resource').some((e) => pattern.test(e.name));
const LIVE_STATE = /\/src\/sync\/plan-state\.ts|\/deps\/yjs\.js/;

type PostTask = (task: () => unknown, options?: { priority?: string }) => Promise<unknown>;
type Scheduler = { yield?: () => Promise<void>; postTask?: PostTask };

/** Holds idle callbacks and the live state's build steps until released. */
class Gates {
  private idle: (() => void)[] = [];
  private steps: (() => void)[] = [];
  private holding = true;
  stepsSeen = 0;
  private readonly ric = window.requestIdleCallback;
  private readonly scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  private readonly yieldBefore = this.scheduler?.yield;
  private readonly postTaskBefore = this.scheduler?.postTask;

  constructor() {
    window.requestIdleCallback = ((cb: IdleRequestCallback) => {
      this.idle.push(() => cb({ didTimeout: false, timeRemaining: () => 50 }));
      return 0;
    }) as typeof window.requestIdleCallback;
    const hold = (): Promise<void> => {
      this.stepsSeen++;
      return this.holding ? new Promise((r) => this.steps.push(r)) : Promise.resolve();
    };
    const postTask = this.postTaskBefore?.bind(this.scheduler);
    const heldPostTask: PostTask = (task, options) =>
      options?.priority === 'background' || !postTask ? hold().then(task) : postTask(task, options);
    if (this.scheduler) {
      this.scheduler.yield = hold;
      this.scheduler.postTask = heldPostTask;
    } else (globalThis as { scheduler?: Scheduler }).scheduler = { yield: hold, postTask: heldPostTask };
  }

  get idleWaiting(): number {
    return this.idle.length;
  }

  runIdle(): void {
    const run = this.idle;
    this.idle = [];
    for (const f of run) f();
  }

  /** Lets every held and later step go. */
  releaseSteps(): void {
    this.holding = false;
    const run = this.steps;
    this.steps = [];
    for (const f of run) f();
  }

  restore(): void {
    this.releaseSteps();
    this.runIdle();
    window.requestIdleCallback = this.ric;
    if (this.scheduler) {
      this.scheduler.yield = this.yieldBefore;
      this.scheduler.postTask = this.postTaskBefore;
    } else delete (globalThis as { scheduler?: Scheduler }).scheduler;
  }
}

const nameField = (p: RpPlanner): HTMLInputElement =>
  $(p, 'rp-plan-details').shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!;

/** Types a new plan name as a person does: the field commits when they leave it. */
function typeName(p: RpPlanner, value: string): void {
  const field = nameField(p);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('rp-planner prepares for the first edit when a field gets focus', function () {
  this.timeout(60_000);
  let gates: Gates | null = null;
  afterEach(() => {
    gates?.restore();
    gates = null;
    document.querySelectorAll('rp-planner').forEach((e) => e.remove());
  });

  // Big enough for its live state to be built in several steps.
  const plan = (id: string) => ({ ...generatePlan(7, 400), id });
  let storage: 'local' | 'none' = 'local';
  const open = async (db: string, id: string, first = plan(id), wait = true): Promise<RpPlanner> => {
    const p = await mount<RpPlanner>('rp-planner', { storage, storageName: db, plan: first } as Partial<RpPlanner>);
    if (wait) await until(() => p.scenarioStore !== null, 'the store');
    await p.updateComplete;
    return p;
  };

  /** After the edit: shown, announced once at once, saved, and there after a reload. */
  async function kept(p: RpPlanner, db: string, id: string, name: string, changes: RpChangeDetail[]): Promise<void> {
    expect(p.plan!.name, 'the edit is shown at once').to.equal(name);
    expect(
      changes.map((c) => c.plan.name),
      'rp-change at once',
    ).to.deep.equal([name]);
    const saved = record<SaveInfo>(p, 'rp-saved');
    gates!.releaseSteps();
    gates!.runIdle();
    await until(() => saved.length > 0 || p.currentScenario !== '', 'the first scenario');
    await p.flush();
    expect(p.currentScenario, 'stored').to.not.equal('');
    expect(p.plan!.name, 'still shown').to.equal(name);
    expect(changes.at(-1)?.plan.name, 'the last rp-change').to.equal(name);
    if (storage === 'none') return;
    p.remove();
    const again = await open(db, id);
    await until(() => again.currentScenario !== '', 'the stored scenario after a reload');
    expect(again.plan!.name, 'kept after a reload').to.equal(name);
  }

  it('loads the live state on focus, before any edit, and stores nothing for it', async () => {
    const db = `rp-prepare-${Date.now()}`;
    const p = await open(db, 'prepare-on-focus', handbookPlan('prepare-on-focus'));
    await new Promise((r) => setTimeout(r, 300));
    expect(loaded(LIVE_STATE), 'nothing focused yet: no Yjs').to.equal(false);
    nameField(p).focus();
    await until(() => loaded(LIVE_STATE), 'the live state, loaded on focus');
    await new Promise((r) => setTimeout(r, 300));
    expect(p.plan!.name, 'focus changes nothing').to.equal(handbookPlan('prepare-on-focus').name);
    expect(p.currentScenario, 'focus stores nothing').to.equal('');
  });

  const timings = ['before the idle preparation starts', 'while the preparation is being built', 'after it was built'];
  for (const [mode, early] of [
    ['local', false],
    ['none', false],
    ['local', true],
    ['none', true],
  ] as const)
    for (const when of timings)
      it(`an edit of a plan not stored yet (storage ${mode}${early ? ', focused before its store opened' : ''}), typed ${when}, is shown, announced, saved and kept`, async () => {
        storage = mode;
        const db = `rp-prepare-race-${Date.now()}-${Math.random()}`;
        const id = `race-${when.length}`;
        gates = new Gates();
        const p = await open(db, id, plan(id), !early);
        const changes = record<RpChangeDetail>(p, 'rp-change');
        nameField(p).focus();
        await until(() => gates!.idleWaiting > 0, 'the idle preparation asked for');
        if (when !== 'before the idle preparation starts') {
          gates.runIdle();
          await until(() => gates!.stepsSeen > 0, 'the preparation under way');
        }
        if (when === 'after it was built') {
          gates.releaseSteps();
          await new Promise((r) => setTimeout(r, 300));
        }
        typeName(p, `Getypt ${when}`);
        await kept(p, db, id, `Getypt ${when}`, changes);
      });

  it('keystrokes typed while the prepared live state takes over are kept, and the edit is announced', async () => {
    // storage none: the scenario is stored as the store opens, so focus prepares the stored
    // scenario's own state, which takes over (a load of the same content) while the person types.
    storage = 'none';
    gates = new Gates();
    const p = await open(`rp-prepare-typing-${Date.now()}`, 'typing');
    await until(() => p.currentScenario !== '', 'the scenario stored');
    const changes = record<RpChangeDetail>(p, 'rp-change');
    const field = nameField(p);
    field.focus();
    field.select();
    await until(() => gates!.idleWaiting > 0, 'the idle preparation asked for');
    await sendKeys({ type: 'Ons ' });
    gates.runIdle();
    gates.releaseSteps();
    await until(() => !!(p.plan as unknown) && loaded(LIVE_STATE), 'the live state');
    await new Promise((r) => setTimeout(r, 300));
    await p.updateComplete;
    await sendKeys({ type: 'regioplan' });
    await sendKeys({ press: 'Tab' });
    expect(field.value, 'no keystroke lost').to.equal('Ons regioplan');
    await until(() => changes.length > 0, 'rp-change');
    expect(changes.map((c) => c.plan.name)).to.deep.equal(['Ons regioplan']);
    expect(p.plan!.name).to.equal('Ons regioplan');
  });

  it('focus on a section’s button (Activiteit toevoegen) prepares too; focus on the export menu does not', async () => {
    storage = 'local';
    gates = new Gates();
    const p = await open(`rp-prepare-button-${Date.now()}`, 'button');
    const add = [...$(p, 'rp-budget-grid').shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent!.includes('Activiteit toevoegen'),
    )!;
    // Focus as the browser reports it (focusin, composed), from inside each element's shadow root.
    const focusIn = (el: Element) => el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    focusIn($(p, 'rp-export-menu').shadowRoot!.querySelector('select')!);
    await new Promise((r) => setTimeout(r, 100));
    expect(gates.idleWaiting, 'exporting is no editing').to.equal(0);
    focusIn(add);
    await until(
      () => gates!.idleWaiting > 0,
      `the idle preparation asked for (${String(document.activeElement?.localName)})`,
    );
  });
});
