import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import { storeError } from '../../src/store/errors.ts';
import type { ScenarioStore, StoreError } from '../../src/store/types.ts';
import type { PlanInput } from './plan-input.ts';
import type { OwnPlan } from '../../src/files/own-plan.ts';
import { LatestRun } from './latest-run.ts';
import { ShownState, plainState, type ScenarioEvents } from './shown-state.ts';
import { HostPlan } from './host-plan.ts';
import { PublishedOffer } from './published-seed.ts';
import { PlanSession, type ScenarioSettings, type SessionOwner } from './plan-session.ts';

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
 * The host's side is HostPlan (host-plan.ts), the store opened for a plan is a PlanSession
 * (plan-session.ts). Store opens and scenario switches are runs (LatestRun): a newer one aborts
 * the older, whose results are dropped.
 */
export class ScenarioController extends ShownState implements ReactiveController {
  scenarioId = '';
  scenarioName = '';
  /** The first scenario created from the published plan: its workshop room is `<plan>:main`. */
  seededId: string | null = null;
  /** A store error the scenario bar does not show (it is not on screen). */
  storeError: StoreError | null = null;
  /** The site's new file, differing from the one the stored scenarios grew from: offered, not forced. */
  readonly published = new PublishedOffer(
    (p) => this.session?.recordPublished(p),
    () => this.host.requestUpdate(),
  );
  /** The state is the one to share: the stored scenario's, or the memory one when storing failed. */
  final = false;

  private readonly hostPlan = new HostPlan();
  private session: PlanSession | null = null;
  private readonly sessions = new LatestRun();
  private readonly switches = new LatestRun();
  private suspended = false;
  /** A session's store is being opened (its run has not finished). */
  private opening = false;
  private work: Promise<void> = Promise.resolve();
  private released: Promise<void> = Promise.resolve();
  private readonly owner: SessionOwner;

  constructor(
    host: ReactiveControllerHost,
    private readonly settings: () => ScenarioSettings,
    events: ScenarioEvents,
  ) {
    super(host, events);
    host.addController(this);
    this.owner = {
      settings,
      dirty: () => this.hostPlan.dirty,
      wantsLive: () => this.hostPlan.wantsLive,
      seeds: () => this.hostPlan.seeds,
      open: (session, id, newer) => this.openStored(session, id, () => session.stale, newer),
      seeded: (id) => void (this.seededId = id),
      memoryOnly: (error) => {
        // Nothing could be stored: keep editing the plan in memory, and say so.
        this.reportStoreError(error, true);
        this.final = true;
        this.events.ready();
      },
      storeError: (error) => this.reportStoreError(error),
      saved: (info) => this.events.saved(info),
      listed: (session) => {
        if (session === this.session && !session.stale) void this.readName(session);
      },
      track: (work) => this.track(work),
      update: () => this.host.requestUpdate(),
    };
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
    const got = this.hostPlan.receive(value, this.state?.plan ?? null);
    if (got.kind === 'echo') return null;
    if (got.kind === 'change') {
      if (!this.opened) this.hostPlan.laterSet = true;
      this.state!.apply(got.ops);
    } else if (got.kind === 'new') this.begin(got.plan);
    return got.read;
  }

  /**
   * A plan of the user's own: a new one (empty, from the example, or opened from a file) is shown,
   * and stored, at once; a stored one (a plan with its id and name) opens its stored scenario.
   */
  openOwn(own: OwnPlan | Plan): void {
    this.hostPlan.startOwn(own);
    this.begin(this.hostPlan.first!);
  }

  /** The plan the host set last, when the user's own plan is shown (null: none, or it is shown). */
  get hostPlanAside(): Plan | null {
    const host = this.hostPlan.host;
    return host && this.state && host.id !== this.state.plan.id ? host : null;
  }

  /** Back from the user's own plan to the host's: its stored scenario, or the plan as the host set it. */
  backToHost(): void {
    const host = this.hostPlanAside;
    if (!host) return;
    this.hostPlan.start(host);
    this.begin(host);
  }

  private begin(plan: Plan): void {
    this.published.plan = null;
    this.show(plainState(plan), null);
    this.startSession(null);
  }

  /** A user's edit (the planner checks `readonly` first). */
  edit(ops: readonly PlanOp[]): void {
    this.state?.apply(ops);
  }

  /**
   * Someone is about to edit (a field or grid cell got focus): the live state is built in idle
   * time, so the first edit does not wait for it. A stored scenario prepares its own; for a plan
   * not stored yet the store prepares the state its first scenario will start from, and the first
   * edit joins that one preparation (src/store/prepared-seeds.ts). The plain state shown until
   * then never builds one: it would be thrown away when the first edit stores the plan.
   */
  prepare(): void {
    if (this.opened) return this.opened.prepare();
    this.hostPlan.wantsLive = true;
    this.session?.prepare();
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
    this.track(this.openStored(session, id, () => signal.aborted || session.stale, null));
  }

  /** A workshop is to share the plan: store its first scenario now (the room is the stored scenario's). */
  share(): void {
    const session = this.session;
    if (session?.empty && !session.stale) this.track(session.create());
  }

  /** The store settings changed: reopen, keeping what is shown. */
  restart(): void {
    if (this.hostPlan.first) this.startSession(this.scenarioId || null);
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
    if (!this.hostPlan.first) return;
    // A planner removed from the page must not keep the database open. Work under way (a store
    // opening, a first scenario being created with the changes made meanwhile) finishes first, so
    // what the user did is written; then the store is flushed and closed.
    this.suspended = true;
    this.released = this.work.then(() => (this.suspended ? this.releaseSession() : undefined));
  }

  /** Work of the current session that writes (store open, create, switch): flush and disconnect wait for it. */
  private track(work: Promise<void>): void {
    this.work = Promise.all([this.work, work.catch(() => {})]).then(() => {});
  }

  /** A change of the shown plan: before its scenario is stored, the first one creates it. */
  protected changed(): void {
    if (this.opened) return;
    this.hostPlan.dirty = true;
    const session = this.session;
    if (session?.empty && !session.stale) this.track(session.create());
  }

  private startSession(prefer: string | null): void {
    const signal = this.sessions.start();
    this.switches.stop();
    const released = this.releaseSession();
    const plan = this.hostPlan.first!;
    this.opening = true;
    const run = released
      .then(() => PlanSession.open(plan, signal, this.owner, (session) => (this.session = session), prefer))
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
   * Shows a stored scenario. What changed on screen before it opened is carried over as one undo
   * step (HostPlan.carry).
   */
  private async openStored(session: PlanSession, id: string, stale: () => boolean, newer: Plan | null): Promise<void> {
    const opened = await session.store.openScenario(id);
    const name = await session.nameOf(id);
    if (stale()) return;
    if (!opened.ok) return this.reportStoreError(opened.error, true);
    this.published.plan = newer && !this.hostPlan.laterSet ? newer : null;
    const carry = this.hostPlan.carry(opened.value.state.plan, this.state?.plan);
    session.stored = true;
    session.empty = false;
    // The bar shows the store's own error from now on; one message, not two.
    if (this.storeError && this.storeError === session.store.error) this.storeError = null;
    this.scenarioId = id;
    this.scenarioName = name;
    this.show(opened.value.state, opened.value);
    if (carry.length > 0) opened.value.state.apply(carry);
    else if (this.hostPlan.wantsLive) opened.value.prepare();
    this.final = true;
    this.events.ready();
  }

  /** Detaches the store (keeping what is shown, as a plain plan) and closes it once the open scenario has flushed. */
  private releaseSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    session?.detach();
    this.scenarioId = '';
    this.scenarioName = '';
    this.storeError = null;
    this.final = false;
    if (this.opened && this.state) this.show(plainState(this.state.plan), null);
    const closing = this.closing;
    return closing.then(() => session?.close()).catch(() => {});
  }

  private async readName(session: PlanSession): Promise<void> {
    const name = this.scenarioId ? await session.nameOf(this.scenarioId) : '';
    if (name && session === this.session && name !== this.scenarioName) {
      this.scenarioName = name;
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
