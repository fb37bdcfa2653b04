import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { PlanState, StateProblem } from '../../src/sync/state.ts';
import { DeferredPlanState } from '../../src/sync/deferred-state.ts';
import { planDiffOps } from '../../src/store/plan-diff.ts';
import { storeError } from '../../src/store/errors.ts';
import type {
  OpenScenario,
  SaveInfo,
  ScenarioInfo,
  ScenarioStore,
  StoreError,
  StoreEvent,
} from '../../src/store/types.ts';
import { warnBeforeUnloadWhileUnsaved } from '../../src/store/index.ts';
import { t } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { readPlan, type PlanInput } from './plan-input.ts';
import { DB_NAME, openPlannerStore, type StorageMode } from './storage.ts';
import { LatestRun } from './latest-run.ts';
import { planFingerprint, readPublished, writePublished } from './published-seed.ts';

/** What the controller reads from its host, each time it needs it. */
export interface ScenarioSettings {
  storage: StorageMode;
  storageName: string;
  locale: Locale;
  /** A workshop wants the scenario stored at once (it shares the stored scenario's room). */
  shareAtOnce: boolean;
}

/** What the controller tells its host. */
export interface ScenarioEvents {
  /** The shown state was replaced: a new plan, a stored scenario opened, a switch. */
  stateChanged(state: PlanState): void;
  /** The state to share in a workshop is known, or changed. */
  ready(): void;
  problem(problem: StateProblem): void;
  saved(info: SaveInfo): void;
  storeError(error: StoreError): void;
}

/** A plain state: a plan shown before (or without) its stored scenario, with its own undo. */
const plainState = (plan: Plan): PlanState => new DeferredPlanState(plan, { loadOnEdit: false });

const sameContent = (a: Plan, b: Plan): boolean => JSON.stringify(a) === JSON.stringify(b);

interface Session {
  store: ScenarioStore;
  signal: AbortSignal;
  /** Stops listening to the store and warning before unload. */
  off: () => void;
  dbName: string;
  /** The store's scenarios of this plan have been read and there were none. */
  empty: boolean;
  /** The store holds this plan's scenarios (the scenario bar works on them). */
  stored: boolean;
  /** The first scenario is being created. */
  creating: boolean;
}

/**
 * The planner's scenarios and the host's plan (README, "The plan property"):
 *
 * - the last plan a host sets is shown at once and stays: a store that opens later never replaces
 *   it, it takes it over (as the stored scenario's content, one undo step);
 * - the first plan set for a plan id on a page (the published file) opens the user's stored
 *   scenario when it is the file the scenarios grew from; a changed file is offered (`published`);
 * - a later set with different content becomes the open scenario's content as one undo step;
 * - nothing is written until the first change (a user's edit or such a set).
 *
 * Store opens and scenario switches are runs (LatestRun): a newer one aborts the older, whose
 * results are dropped.
 */
export class ScenarioController implements ReactiveController {
  state: PlanState | null = null;
  scenarioId = '';
  scenarioName = '';
  /** The first scenario created from the published plan: its workshop room is `<plan>:main`. */
  seededId: string | null = null;
  /** A store error the scenario bar does not show (it is not on screen). */
  storeError: StoreError | null = null;
  /** The site's new file, differing from the one the stored scenarios grew from: offered, not forced. */
  published: Plan | null = null;
  /** The state is the one to share: the stored scenario's, or the memory one when storing failed. */
  final = false;

  private hostInput: unknown = undefined;
  /** The last plan the host set. */
  private hostPlan: Plan | null = null;
  /** The first plan set for this plan id: the published file that decides which stored scenario opens. */
  private firstSet: Plan | null = null;
  /** Something changed the shown plan before its stored scenario opened. */
  private dirty = false;
  /** …and that was (also) a host's set: then the shown plan wins over the stored content. */
  private laterSet = false;
  private opened: OpenScenario | null = null;
  private session: Session | null = null;
  private readonly sessions = new LatestRun();
  private readonly switches = new LatestRun();
  private closing: Promise<void> = Promise.resolve();
  private stateOff: (() => void)[] = [];
  private suspended = false;
  /** A session's store is being opened (its run has not finished). */
  private opening = false;
  private work: Promise<void> = Promise.resolve();
  private released: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: () => ScenarioSettings,
    private readonly events: ScenarioEvents,
  ) {
    host.addController(this);
  }

  /** The store, once open (hosts may list or read scenarios through it). */
  get store(): ScenarioStore | null {
    return this.session?.store ?? null;
  }

  /** The store when it holds this plan's scenarios: what the scenario bar and compare view work on. */
  get storedScenarios(): ScenarioStore | null {
    return this.session?.stored ? this.session.store : null;
  }

  /** A plan from the host. Refusals are returned (the host shows them); `null`: nothing to do. */
  set(value: unknown): PlanInput | null {
    // Frameworks hand the same object again on every render, and hosts echo rp-change's plan back:
    // neither is a new plan, and treating it as one would drop the undo history.
    if (
      this.state &&
      value !== null &&
      typeof value === 'object' &&
      (value === this.hostInput || value === this.state.plan)
    )
      return null;
    const read = readPlan(value);
    if (!read.ok) return read;
    this.hostInput = value;
    const plan = read.plan;
    const state = this.state;
    if (state && this.firstSet && plan.id === state.plan.id) {
      // The same content as the last set (a framework re-render with a fresh object) is no new plan.
      if (this.hostPlan && sameContent(plan, this.hostPlan)) return read;
      this.hostPlan = plan;
      const ops = planDiffOps(state.plan, plan);
      if (ops.length > 0) {
        if (!this.opened) this.laterSet = true;
        state.apply(ops);
      }
      return read;
    }
    this.hostPlan = plan;
    this.firstSet = plan;
    this.dirty = false;
    this.laterSet = false;
    this.published = null;
    this.show(plainState(plan), null);
    this.startSession(null);
    return read;
  }

  /** A user's edit (the planner checks `readonly` first). */
  edit(ops: readonly PlanOp[]): void {
    this.state?.apply(ops);
  }

  /** Writes what is shown: waits for a store still opening or a first scenario still being created, then flushes. */
  async flush(): Promise<void> {
    await this.work;
    await this.opened?.flush();
  }

  /** Opens another stored scenario (the scenario bar's choice). */
  switchTo(id: string): void {
    const session = this.session;
    if (!session?.stored || (id === this.scenarioId && this.opened)) return;
    const signal = this.switches.start();
    const stale = () => signal.aborted || session.signal.aborted;
    this.track(this.openStored(session, id, stale, null));
  }

  /** Makes the open scenario the published file's content (one undo step) and follows that file from now on. */
  adoptPublished(): void {
    const published = this.published;
    if (!published || !this.state) return;
    this.published = null;
    this.state.apply(planDiffOps(this.state.plan, published));
    this.recordPublished(published);
    this.host.requestUpdate();
  }

  /** Keeps the user's version and stops offering this file. */
  keepMine(): void {
    if (this.published) this.recordPublished(this.published);
    this.published = null;
    this.host.requestUpdate();
  }

  /** A workshop is to share the plan: store its first scenario now (the room is the stored scenario's). */
  share(): void {
    const session = this.session;
    if (session?.empty && !session.signal.aborted) this.track(this.create(session));
  }

  /** The store settings changed: reopen, keeping what is shown. */
  restart(): void {
    if (this.firstSet) this.startSession(this.scenarioId || null);
  }

  hostConnected(): void {
    if (!this.suspended) return;
    this.suspended = false;
    // Moved in the page: once the store was closed behind it, open it again (what was edited
    // before was flushed on disconnect). Back before that: the session simply goes on.
    void this.released.then(() => {
      if (!this.suspended && !this.session && !this.opening) this.restart();
    });
  }

  hostDisconnected(): void {
    if (!this.firstSet) return;
    // A planner removed from the page must not keep the database open. Work under way (a store
    // opening, a first scenario being created with the changes made meanwhile) finishes first, so
    // what the user did is written; then the store is flushed and closed.
    this.suspended = true;
    this.released = this.work.then(() => (this.suspended ? this.releaseSession() : undefined));
  }

  /** Work of the current session that writes (store open, create, switch): flush and disconnect wait for it. */
  private track(work: Promise<void>): void {
    const all = Promise.all([this.work, work.catch(() => {})]).then(() => {});
    this.work = all;
  }

  /** Replaces the shown state; a stored scenario shown before is flushed and closed behind it. */
  private show(next: PlanState, opened: OpenScenario | null): void {
    for (const off of this.stateOff) off();
    const before = this.opened;
    if (before) this.closing = this.closing.then(() => before.close()).catch(() => {});
    else if (this.state && this.state !== next) this.state.destroy();
    this.state = next;
    this.opened = opened;
    this.stateOff = [
      next.subscribe((_plan, change) => {
        if (change.origin !== 'load') this.changed();
      }),
    ];
    const problems = (next as { onProblem?: (l: (p: StateProblem) => void) => () => void }).onProblem;
    if (problems) this.stateOff.push(problems.call(next, (p) => this.events.problem(p)));
    this.events.stateChanged(next);
    this.host.requestUpdate();
  }

  /** A change of the shown plan: before its scenario is stored, the first one creates it. */
  private changed(): void {
    if (this.opened) return;
    this.dirty = true;
    const session = this.session;
    if (session?.empty && !session.signal.aborted) this.track(this.create(session));
  }

  private startSession(prefer: string | null): void {
    const signal = this.sessions.start();
    this.switches.stop();
    const released = this.releaseSession();
    const plan = this.firstSet!;
    const { storage, storageName } = this.settings();
    const dbName = storageName || DB_NAME;
    this.opening = true;
    const run = (async () => {
      await released;
      if (signal.aborted) return;
      const store = await openPlannerStore(plan, storage, dbName);
      if (signal.aborted) return void (await store.close());
      const session: Session = { store, signal, dbName, empty: false, stored: false, creating: false, off: () => {} };
      const unsubscribe = store.subscribe((event) => this.onStoreEvent(session, event));
      // While edits exist only in memory (database blocked or refused, a write waiting for its
      // retry), closing the tab would lose them: the browser asks first.
      const unwarn = warnBeforeUnloadWhileUnsaved(store);
      session.off = () => {
        unsubscribe();
        unwarn();
      };
      this.session = session;
      if (store.error) this.reportStoreError(store.error);
      const all = await store.list();
      if (signal.aborted) return;
      const stale = () => signal.aborted;
      if (all.length === 0) {
        session.empty = true;
        this.host.requestUpdate();
        if (this.dirty || storage === 'none' || this.settings().shareAtOnce) await this.create(session);
        return;
      }
      await this.takeUp(session, all, prefer, stale);
    })()
      .catch((e: unknown) => {
        // The store never rejects by contract; anything else is a bug that must not reach the host page.
        if (!signal.aborted) this.reportStoreError(storeError('failed', String(e).slice(0, 200)));
      })
      .finally(() => {
        if (!signal.aborted) this.opening = false;
      });
    this.track(run);
  }

  /**
   * Opens the stored scenario of a plan (the chosen one, else the first), checking whether the
   * published plan is still the one they grew from.
   */
  private async takeUp(
    session: Session,
    all: readonly ScenarioInfo[],
    prefer: string | null,
    stale: () => boolean,
  ): Promise<void> {
    const plan = this.firstSet!;
    const local = this.settings().storage === 'local';
    const known = local ? readPublished(session.dbName, plan.id) : null;
    if (known === null && local) writePublished(session.dbName, plan.id, plan);
    const newer = known !== null && known !== planFingerprint(plan) ? plan : null;
    session.empty = false;
    this.seededId = all[0]!.id;
    const id = all.some((s) => s.id === prefer) ? prefer! : (all.find((s) => s.chosen) ?? all[0]!).id;
    await this.openStored(session, id, stale, newer);
  }

  /** Another tab stored the plan's first scenario while this one had none: follow it. */
  private async followOtherTab(session: Session): Promise<void> {
    if (!session.empty || session.creating) return;
    const all = await session.store.list();
    if (!session.empty || session.creating || all.length === 0 || session.signal.aborted) return;
    await this.takeUp(session, all, null, () => session.signal.aborted);
  }

  /** The first change of a plan with no stored scenarios: its scenario is created from the published plan. */
  private async create(session: Session): Promise<void> {
    if (session.creating || !session.empty) return;
    session.creating = true;
    try {
      const plan = this.firstSet!;
      const created = await session.store.create(t(this.settings().locale, 'planner.firstScenario'), plan);
      if (session.signal.aborted) return;
      if (!created.ok) {
        // Nothing could be stored: keep editing the plan in memory, and say so.
        this.reportStoreError(created.error, true);
        this.final = true;
        this.events.ready();
        return;
      }
      session.empty = false;
      if (this.settings().storage === 'local') writePublished(session.dbName, plan.id, plan);
      this.seededId = created.value.id;
      await this.openStored(session, created.value.id, () => session.signal.aborted, null);
    } finally {
      session.creating = false;
    }
  }

  /**
   * Shows a stored scenario. What changed on screen before it opened is carried over as one undo
   * step: after a host's set, the shown plan as a whole; after edits only, those edits.
   */
  private async openStored(session: Session, id: string, stale: () => boolean, newer: Plan | null): Promise<void> {
    const opened = await session.store.openScenario(id);
    const name = (await session.store.list()).find((s) => s.id === id)?.name ?? '';
    if (stale()) return;
    if (!opened.ok) return this.reportStoreError(opened.error, true);
    const shown = this.state?.plan;
    const from = this.laterSet ? opened.value.state.plan : this.firstSet;
    const carry = shown && from && this.dirty ? planDiffOps(from, shown) : [];
    this.published = newer && !this.laterSet ? newer : null;
    this.dirty = false;
    this.laterSet = false;
    session.stored = true;
    session.empty = false;
    // The bar shows the store's own error from now on; one message, not two.
    if (this.storeError && this.storeError === session.store.error) this.storeError = null;
    this.scenarioId = id;
    this.scenarioName = name;
    this.show(opened.value.state, opened.value);
    if (carry.length > 0) opened.value.state.apply(carry);
    this.final = true;
    this.events.ready();
  }

  /** Detaches the store (keeping what is shown, as a plain plan) and closes it once the open scenario has flushed. */
  private releaseSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    session?.off();
    this.scenarioId = '';
    this.scenarioName = '';
    this.storeError = null;
    this.final = false;
    if (this.opened && this.state) this.show(plainState(this.state.plan), null);
    const closing = this.closing;
    return closing.then(() => session?.store.close()).catch(() => {});
  }

  private recordPublished(plan: Plan): void {
    const session = this.session;
    if (session && this.settings().storage === 'local') writePublished(session.dbName, plan.id, plan);
  }

  private onStoreEvent(session: Session, event: StoreEvent): void {
    if (session !== this.session) return;
    if (event.type === 'list' && session.empty) this.track(this.followOtherTab(session));
    else if (event.type === 'list') void this.readName(session);
    else if (event.type === 'saved') this.events.saved(event.info);
    else this.reportStoreError(event.error);
  }

  private async readName(session: Session): Promise<void> {
    if (!this.scenarioId) return;
    const found = (await session.store.list()).find((s) => s.id === this.scenarioId);
    if (found && session === this.session && found.name !== this.scenarioName) {
      this.scenarioName = found.name;
      this.host.requestUpdate();
    }
  }

  /**
   * Tells the host, and shows the message unless the scenario bar shows it already (errors the
   * store reports itself, while the bar is on screen), so a screen reader does not hear it twice.
   */
  private reportStoreError(error: StoreError, banner = false): void {
    if (banner || !this.session?.stored) this.storeError = error;
    this.events.storeError(error);
    this.host.requestUpdate();
  }
}
