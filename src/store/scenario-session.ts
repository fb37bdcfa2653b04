import { FORMAT_VERSION, newPlan, type Plan } from '../model/plan.ts';
import { upgradePlan } from '../model/upgrade.ts';
import { DeferredPlanState } from '../sync/deferred-state.ts';
import type { PlanState } from '../sync/state.ts';
import type { Backend, LogEvents, ScenarioLog } from './backend.ts';
import { StoreAbort, storeError, toStoreError } from './errors.ts';
import type { ScenarioRecord } from './schema.ts';
import type { LiveLink, LiveDeps, OpenScenario } from './types.ts';
import type { Seeded } from './prepared-seeds.ts';
import { applyOps, type PlanOp } from '../model/ops.ts';
import { awaitKeeperLock, claimKeeperLock } from './keeper-lock.ts';
import { keptStillToApply } from './kept-ops.ts';

/** How long a tab waits for another tab's kept edits before it says so (SessionContext.onKeeperWait). */
export const KEEPER_SLOW_MS = 4000;

/** What a session needs from the store that opened it. */
export interface SessionContext {
  planId: string;
  backend: Backend;
  live: () => Promise<LiveDeps>;
  debounceMs: number;
  /** The store's BroadcastChannel name; the scenario's tabs talk on `<name>:<id>`. Null: none. */
  channelName: string | null;
  /** Saves and failures of the scenario's log. */
  events: LogEvents;
  /** A person changed the plan here (an edit, undo or redo). */
  onLocalEdit(): void;
  /** The handle is being closed; false when it had been closed already. */
  onClose(id: string): boolean;
  /** The session is closed (its log may still hold updates a failed write left). */
  onClosed(session: ScenarioSession): void;
  /** The live state prepared for this scenario's first edit (ScenarioStore.prepare), handed over once. */
  prepared?(id: string): Promise<Seeded | null> | null;
  /**
   * The session waits for another tab to write the edits it keeps, which this session shows
   * ('waiting'), still after KEEPER_SLOW_MS ('slow'), or no longer ('done').
   */
  onKeeperWait?(state: 'waiting' | 'slow' | 'done'): void;
}

/**
 * One open scenario: its state, and the log that state is saved to. A scenario whose log has not
 * started (never edited: its content is the seed plan) opens as a plain state and becomes live
 * (Yjs, loaded then) at its first edit, or when another tab starts editing it; one with a log is
 * replayed into a live state at once.
 */
export class ScenarioSession {
  readonly handle: OpenScenario;
  private attached: LiveLink | null = null;
  private deferred: DeferredPlanState<PlanState> | null = null;
  private tabs: BroadcastChannel | null = null;
  private readonly tabChannel: string | null;
  private readonly seed: Plan;
  /** Edits kept in the record when this session opened (ScenarioRecord.kept): part of the content. */
  private readonly keptEdits: PlanOp[][];
  private readonly keptVersion: { by: string; version: number } | null;
  /** The plan whose edits were kept last (keepEdits): at first, the plan opened. */
  private kept: Plan | null = null;
  /** Waiting for another tab's kept edits to reach the log (waitForKeeper). */
  private waitingForKeeper = false;
  private closed = false;

  private constructor(
    private readonly ctx: SessionContext,
    readonly id: string,
    record: ScenarioRecord,
    readonly log: ScenarioLog,
  ) {
    this.tabChannel = ctx.channelName ? `${ctx.channelName}:${id}` : null;
    this.seed = (upgradePlan(record.seed) as Plan | null) ?? newPlan(ctx.planId); // an older plan format comes up to date (model/upgrade.ts)
    this.keptEdits = record.kept?.edits ?? [];
    this.keptVersion = record.kept ? { by: record.kept.by, version: record.kept.version } : null;
    this.handle = {
      id,
      // Replaced in start(), before the handle is handed out.
      state: null as unknown as PlanState,
      flush: () => this.flush(),
      close: () => this.close(),
      prepare: () => this.deferred?.prepare(),
    };
  }

  /** Edits made here wait for another tab's kept edits to reach the log: not stored yet. */
  get waitsToStore(): boolean {
    return this.waitingForKeeper && (this.deferred?.edits.length ?? 0) > 0;
  }

  static async open(ctx: SessionContext, id: string): Promise<ScenarioSession> {
    const { record, log, updates } = await ctx.backend.openLog(id, ctx.events);
    if (!record) throw new StoreAbort(storeError('not-found'));
    const session = new ScenarioSession(ctx, id, record, log);
    await session.start(updates);
    return session;
  }

  private async start(updates: Uint8Array[]): Promise<void> {
    let state: PlanState;
    if (updates.length === 0 && isOwnSeed(this.seed)) {
      const shown = withEdits(this.seed, this.keptEdits);
      this.kept = shown;
      const pristine = new DeferredPlanState<PlanState>(shown, {
        // Read the log again: another tab may have started it since.
        load: async () => {
          this.tabs?.close();
          // The log is read once the tab that keeps the edits shown has written them there.
          const keeper = await this.waitForKeeper();
          return this.goLive(await this.log.load(), keeper);
        },
      });
      // Another tab editing this scenario says so on the scenario's channel: go live to follow it.
      if (this.tabChannel && typeof BroadcastChannel !== 'undefined') {
        this.tabs = new BroadcastChannel(this.tabChannel);
        this.tabs.onmessage = () => void pristine.live().catch(() => {});
      }
      state = this.deferred = pristine;
      // Live: the state holds the edits kept so far (replayed by the deferred state, or in the seed).
      state.subscribe((_plan, change) => {
        if (change.origin === 'load' && pristine.liveState && this.keptVersion === null) this.log.holdsKept?.();
      });
    } else {
      state = await this.goLive(updates);
    }
    state.subscribe((_plan, change) => {
      if (change.origin !== 'local' && change.origin !== 'undo' && change.origin !== 'redo') return;
      this.ctx.onLocalEdit();
      if (this.waitingForKeeper) this.ctx.onKeeperWait?.('waiting');
    });
    (this.handle as { state: PlanState }).state = state;
  }

  /**
   * The live state from the stored updates, with the edits kept beside them (or from the seed with
   * those edits, written as the log's first entry). `keeper`: the kept edits' lock, waited for.
   */
  private async goLive(stored: Uint8Array[], keeper?: () => void): Promise<PlanState> {
    try {
      return await this.buildLive(stored, keeper);
    } catch (e) {
      keeper?.();
      throw e;
    }
  }

  private async buildLive(stored: Uint8Array[], keeper: (() => void) | undefined): Promise<PlanState> {
    const live = await this.ctx.live();
    let state: PlanState | null = null;
    let inLog = stored;
    if (stored.length === 0) {
      // Built from the seed plan directly (once, in steps), its seed taken from that document; or
      // the state prepared from that plan before the scenario was created, joined if still under way.
      const inSteps = (await this.ctx.prepared?.(this.id)) ?? (await live.seededStateInSteps?.(this.seed));
      const whole = inSteps ? null : live.seededState?.(this.seed);
      const seeded = inSteps ?? (whole ? { state: whole.state, updates: [whole.update] } : null);
      const first = seeded?.updates ?? [live.encodePlan(this.seed)];
      // Another tab may seed first; then its seed is the one everybody uses.
      const written = await this.log.seed(first).catch((e: unknown) => {
        this.ctx.events.onError?.(toStoreError(e));
        return null;
      });
      if (written === false) {
        seeded?.state.destroy();
        inLog = await this.log.load();
      } else {
        state = seeded?.state ?? live.stateFromUpdates(first, newPlan(this.ctx.planId));
        // A seed that could not be written (a full disk) is not in the log: the first save writes
        // the whole document, seed included, and is retried like any other save.
        inLog = written === null ? [] : first;
      }
    }
    state ??= live.stateFromUpdates(inLog, newPlan(this.ctx.planId));
    // Edits kept beside the log by a tab that is gone are part of the content, not a step to undo
    // (the log gets them below). Only what the log has not changed since (kept-ops.ts).
    const held = await this.keptToApply(keeper);
    const kept = keptStillToApply(this.seed, state.plan, held ?? []);
    for (const batch of kept) state.apply(batch);
    if (kept.length > 0) {
      (state as PlanState & { forgetHistory?(): void }).forgetHistory?.();
    }
    this.attached = live.attach(state, this.log, {
      debounceMs: this.ctx.debounceMs,
      scenarioId: this.id,
      loaded: inLog,
      inSync: kept.length === 0,
      tabChannel: this.tabChannel,
    });
    await this.attached.ready;
    if (held === null) void this.followKeeper(state, live);
    // A gone tab's kept edits held here are cleared (and its lock let go) with a write, now, even
    // when the log had them all already and nothing else is to be written.
    else if (held.length > 0) await this.log.retry();
    return state;
  }

  /**
   * The tab that keeps the edits this session read is open (so this state is built without them:
   * that tab writes them, and they come over from it). Should it go before it has, they are taken
   * in here, once (the keeper's lock), as content.
   */
  private async followKeeper(state: PlanState, live: LiveDeps): Promise<void> {
    const read = this.keptVersion;
    if (!read) return;
    const release = await awaitKeeperLock(read.by);
    const now = this.closed ? undefined : (await this.ctx.backend.getScenario(this.id).catch(() => undefined))?.kept;
    if (this.closed || now?.by !== read.by) {
      release();
      return;
    }
    this.log.holdsKept?.(release, { by: now.by, version: now.version });
    for (const batch of keptStillToApply(this.seed, state.plan, now.edits)) {
      if (live.applyAsContent) live.applyAsContent(state, batch);
      else state.apply(batch);
    }
    // Written (and cleared beside the log) with the next save, now. What that tab sent over the
    // tab channel before it went is here but may not be in the log (it wrote after a pause): the
    // whole state goes with it (the log takes what it has already as nothing new).
    await this.attached?.flush();
    const all = (state as PlanState & { encodeState?(): Uint8Array }).encodeState?.();
    if (all) await this.log.append(all);
    await this.log.retry();
  }

  /**
   * The edits kept beside the log by the tab whose kept edits this session read, if they are still
   * there and that tab is gone (the newest it kept); otherwise none (that tab writes them itself,
   * or has: keeper-lock.ts). `waited`: that tab's lock, taken already (waitForKeeper). Null: that
   * tab is open, and holds them.
   */
  private async keptToApply(waited: (() => void) | undefined): Promise<PlanOp[][] | null> {
    const read = this.keptVersion;
    if (!read) return [];
    const release = waited ?? (await claimKeeperLock(read.by));
    if (!release) return null;
    const now = (await this.ctx.backend.getScenario(this.id).catch(() => undefined))?.kept;
    if (now?.by !== read.by) {
      release();
      return [];
    }
    this.log.holdsKept?.(release, { by: now.by, version: now.version });
    return now.edits;
  }

  /**
   * A session that shows another tab's kept edits builds its live state from the log only once
   * they are there: that tab writes them when its own live state is built, and lets go of its
   * lock then (or when it goes). Meanwhile what is shown stays, and takes edits.
   */
  private async waitForKeeper(): Promise<(() => void) | undefined> {
    const read = this.keptVersion;
    if (!read) return undefined;
    this.waitingForKeeper = true;
    this.ctx.onKeeperWait?.('waiting');
    try {
      return await awaitKeeperLock(read.by, () => this.ctx.onKeeperWait?.('slow'), KEEPER_SLOW_MS);
    } finally {
      this.waitingForKeeper = false;
      this.ctx.onKeeperWait?.('done');
    }
  }

  /**
   * Before the live state is there (a scenario edited for the first time: building the Yjs
   * document of a large plan takes a while), the edits shown are kept in the scenario's record,
   * in one put, so that a flush (the page hidden, a switch) does not wait for that build; they
   * reach the log when it is built. Resolves whether what is shown is stored so (false: use the log).
   */
  private async keepEdits(): Promise<boolean> {
    const deferred = this.deferred;
    if (!deferred || deferred.liveState || !this.log.keepEdits) return false;
    const plan = deferred.plan;
    if (plan === this.kept) return true;
    // Only this session's own edits: edits another tab kept before are kept by that tab.
    if (this.keptEdits.length > 0) return false;
    const kept = await this.log.keepEdits(deferred.edits).catch((e: unknown) => {
      this.ctx.events.onError?.(toStoreError(e));
      return false;
    });
    if (kept) this.kept = plan;
    return kept;
  }

  /** Hands the state's pending updates to the log (none while the scenario is only looked at). */
  async flushLog(): Promise<void> {
    await this.deferred?.settle();
    await this.attached?.flush();
  }

  /** Stores what is shown: in the log, or kept beside it while the live state is being built (keepEdits). */
  async flush(): Promise<void> {
    if (await this.keepEdits()) return;
    await this.flushAll();
  }

  /** Stores what is shown in the log (waiting for the live state if it is being built). */
  private async flushAll(): Promise<void> {
    await this.flushLog();
    if (this.log.unsaved > 0) await this.log.retry();
  }

  async close(): Promise<void> {
    if (!this.ctx.onClose(this.id)) return;
    this.closed = true;
    await this.keepEdits();
    await this.flushAll();
    // Not when the write failed: the edits kept beside the log are still the only copy.
    if (this.log.unsaved === 0) this.log.letGoOfKept?.();
    this.tabs?.close();
    await this.attached?.detach();
    this.handle.state.destroy();
    this.ctx.onClosed(this);
  }
}

/** The plan with kept edits applied (they were made on it, so they apply). */
function withEdits(plan: Plan, edits: readonly PlanOp[][]): Plan {
  if (edits.length === 0) return plan;
  try {
    return applyOps(plan, edits.flat());
  } catch {
    return plan;
  }
}

/**
 * Whether a seed plan is one this code wrote: the store keeps the plans it is given as `Plan`
 * (the planner checks a host's plan against the schema first), so a seed of the current format
 * is shown as it is, without a schema check on every open (a full check costs as much as the read
 * itself at 5,000 activities). Anything else (an older format, a record some other code wrote) is
 * read through the live state's guards, which upgrade and repair what they can.
 */
function isOwnSeed(seed: Plan): boolean {
  const s = seed as Partial<Record<keyof Plan, unknown>> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    s.formatVersion === FORMAT_VERSION &&
    typeof s.id === 'string' &&
    Array.isArray(s.activities) &&
    Array.isArray(s.domains) &&
    Array.isArray(s.targetGroups) &&
    Array.isArray(s.providers) &&
    Array.isArray(s.funders) &&
    typeof s.defaultSplit === 'object' &&
    s.defaultSplit !== null
  );
}
