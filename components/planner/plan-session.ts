import type { Plan } from '../../src/model/plan.ts';
import type { SaveInfo, ScenarioInfo, ScenarioStore, StoreError, StoreEvent } from '../../src/store/types.ts';
import { warnBeforeUnloadWhileUnsaved } from '../../src/store/index.ts';
import { t } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { DB_NAME, openPlannerStore, type StorageMode } from './storage.ts';
import { publishedNewer, writePublished } from './published-seed.ts';
import { isOwnPlanId, type OwnScenario } from '../../src/files/own-plan.ts';

/** What the controller reads from its host, each time it needs it. */
export interface ScenarioSettings {
  storage: StorageMode;
  storageName: string;
  locale: Locale;
  /** A workshop wants the scenario stored at once (it shares the stored scenario's room). */
  shareAtOnce: boolean;
}

/** What a session asks of the controller that opened it. */
export interface SessionOwner {
  settings(): ScenarioSettings;
  /** The shown plan changed before anything was stored: the first scenario is created at once. */
  dirty(): boolean;
  /** Someone is about to edit: have the first scenario's live state prepared. */
  wantsLive(): boolean;
  /** The scenarios to store for a plan of the user's own (null: one, from the plan). */
  seeds(): readonly OwnScenario[] | null;
  /** Shows one of the store's scenarios; `newer`: the published file, differing from the stored seed. */
  open(session: PlanSession, id: string, newer: Plan | null): Promise<void>;
  /** The first scenario, created from the published plan (its workshop room is `<plan>:main`). */
  seeded(id: string): void;
  /** Nothing could be stored: editing goes on in memory. */
  memoryOnly(error: StoreError): void;
  storeError(error: StoreError): void;
  saved(info: SaveInfo): void;
  /** The store's list changed (a rename, here or in another tab). */
  listed(session: PlanSession): void;
  /** Work that writes: flush and disconnect wait for it. */
  track(work: Promise<void>): void;
  update(): void;
}

/**
 * One store opened for one published plan (its id): whether it holds scenarios of it, and the
 * first scenario's creation from that plan (at the first change; another tab's is followed).
 * A session belongs to one run of the controller; once its signal is aborted it does nothing more.
 */
export class PlanSession {
  /** The store's scenarios of this plan have been read and there were none. */
  empty = false;
  /** The store holds this plan's scenarios (the scenario bar works on them). */
  stored = false;
  /** The first scenario is being created. */
  creating = false;
  private off: () => void = () => {};

  private constructor(
    readonly store: ScenarioStore,
    readonly signal: AbortSignal,
    readonly dbName: string,
    readonly plan: Plan,
    private readonly owner: SessionOwner,
  ) {}

  /**
   * Opens the store for `plan` and, unless the run went stale meanwhile (then the store is closed
   * again), hands the session over (`attach`) and starts it (`start`).
   */
  static async open(
    plan: Plan,
    signal: AbortSignal,
    owner: SessionOwner,
    attach: (session: PlanSession) => void,
    prefer: string | null,
  ): Promise<void> {
    if (signal.aborted) return;
    const { storage, storageName } = owner.settings();
    const dbName = storageName || DB_NAME;
    const store = await openPlannerStore(plan, storage, dbName);
    if (signal.aborted) return store.close();
    const session = new PlanSession(store, signal, dbName, plan, owner);
    const unsubscribe = store.subscribe((event) => session.onStoreEvent(event));
    // While edits exist only in memory (database blocked or refused, a write waiting for its
    // retry), closing the tab would lose them: the browser asks first.
    const unwarn = warnBeforeUnloadWhileUnsaved(store);
    session.off = () => {
      unsubscribe();
      unwarn();
    };
    attach(session);
    await session.start(prefer);
  }

  get stale(): boolean {
    return this.signal.aborted;
  }

  /** Whether the published file behind the plan is recorded (kept in this browser, and not the user's own plan). */
  private get local(): boolean {
    return this.owner.settings().storage === 'local' && !isOwnPlanId(this.plan.id);
  }

  /** Opens the preferred (or chosen, or first) stored scenario; with none, waits for the first change. */
  async start(prefer: string | null): Promise<void> {
    if (this.store.error) this.owner.storeError(this.store.error);
    const all = await this.store.list();
    if (this.stale) return;
    if (all.length > 0) return this.takeUp(all, prefer);
    this.empty = true;
    this.owner.update();
    const { storage, shareAtOnce } = this.owner.settings();
    if (this.owner.dirty() || storage === 'none' || shareAtOnce) await this.create();
    else if (this.owner.wantsLive()) this.prepare();
  }

  /** Someone is about to edit the plan before it is stored: the store prepares the first scenario's live state. */
  prepare(): void {
    if (this.empty && !this.creating && !this.stale) void this.store.prepare(this.plan);
  }

  /** The first change of a plan with no stored scenarios: its scenario is created from the published plan. */
  async create(): Promise<void> {
    if (this.creating || !this.empty || this.stale) return;
    this.creating = true;
    try {
      const first = t(this.owner.settings().locale, 'planner.firstScenario');
      // A plan of the user's own may bring several scenarios (an opened file); the shown one is opened.
      const seeds = this.owner.seeds() ?? [{ name: null, plan: this.plan, chosen: false }];
      let shown: string | null = null;
      for (const seed of seeds) {
        const created = await this.store.create(seed.name ?? first, seed.plan);
        if (this.stale) return;
        if (!created.ok) return this.owner.memoryOnly(created.error);
        if (seed.chosen) await this.store.markChosen(created.value.id);
        if (seed.plan === this.plan) shown = created.value.id;
      }
      if (this.stale || !shown) return;
      this.empty = false;
      if (this.local) writePublished(this.dbName, this.plan.id, this.plan);
      this.owner.seeded(shown);
      await this.owner.open(this, shown, null);
    } finally {
      this.creating = false;
    }
  }

  /** The name of a stored scenario ('' when it is gone). */
  async nameOf(id: string): Promise<string> {
    return (await this.store.list()).find((s) => s.id === id)?.name ?? '';
  }

  /** Records the published plan the stored scenarios follow from now on. */
  recordPublished(plan: Plan): void {
    if (this.local) writePublished(this.dbName, plan.id, plan);
  }

  /** Stops listening to the store and warning before unload (the store is closed by `close`). */
  detach(): void {
    this.off();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  /** Opens the stored scenario (the preferred, else the chosen, else the first), checking the published file. */
  private async takeUp(all: readonly ScenarioInfo[], prefer: string | null): Promise<void> {
    const newer = this.local ? publishedNewer(this.dbName, this.plan) : null;
    this.empty = false;
    this.owner.seeded(all[0]!.id);
    const id = all.some((s) => s.id === prefer) ? prefer! : (all.find((s) => s.chosen) ?? all[0]!).id;
    await this.owner.open(this, id, newer);
  }

  /** Another tab stored the plan's first scenario while this one had none: follow it. */
  private async followOtherTab(): Promise<void> {
    if (!this.empty || this.creating) return;
    const all = await this.store.list();
    if (!this.empty || this.creating || all.length === 0 || this.stale) return;
    await this.takeUp(all, null);
  }

  private onStoreEvent(event: StoreEvent): void {
    if (this.stale) return;
    if (event.type === 'list' && this.empty) this.owner.track(this.followOtherTab());
    else if (event.type === 'list') this.owner.listed(this);
    else if (event.type === 'saved') this.owner.saved(event.info);
    else this.owner.storeError(event.error);
  }
}
