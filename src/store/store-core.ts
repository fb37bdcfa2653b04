import { newPlan, type Plan } from '../model/plan.ts';
import { applyOps } from '../model/ops.ts';
import type { Backend, SaveInfo } from './backend.ts';
import { fail, ok, StoreAbort, storeError, toStoreError, type StoreError, type StoreResult } from './errors.ts';
import { planDiffOps } from './plan-diff.ts';
import { keptStillToApply } from './kept-ops.ts';
import { NAME_MAX, scenarioInfo, snapshotInfo, validName } from './records.ts';
import type { ScenarioRecord, SnapshotRecord } from './schema.ts';
import { OpenScenarios } from './open-scenarios.ts';
import { PreparedSeeds } from './prepared-seeds.ts';
import { StoreSignals } from './signals.ts';
import type {
  LiveDeps,
  OpenScenario,
  PlanInfo,
  ScenarioInfo,
  ScenarioStore,
  SnapshotInfo,
  StoreEvent,
  StoreMode,
} from './types.ts';
import { stMsg } from '../i18n/store.ts';
import { upgradePlan } from '../model/upgrade.ts';

export interface StoreCoreOptions {
  planId: string;
  planName?: string;
  backend: Backend;
  /** The Yjs side, or how to load it (it is loaded only when a scenario first needs it). */
  live: LiveDeps | (() => Promise<LiveDeps>);
  /** Set when the database could not be opened: we run from memory and say why. */
  openError?: StoreError | null;
  /**
   * The host chose a memory store (nothing is meant to outlive the page), so nothing is ever
   * "unsaved". Otherwise a memory backend is a fallback, and edits in it are unsaved.
   */
  ephemeral?: boolean;
  debounceMs?: number;
  /** BroadcastChannel name for list changes between tabs; null to switch off. */
  channelName?: string | null;
  onSaved?: (info: SaveInfo) => void;
  onError?: (error: StoreError) => void;
  now?: () => number;
}

const newId = (): string => crypto.randomUUID();

/**
 * The scenario store's rules, over any backend: revision-checked metadata writes, soft delete,
 * snapshots, and open scenarios (ScenarioSession) whose updates go to the scenario's log.
 */
export class StoreCore implements ScenarioStore {
  readonly planId: string;
  private readonly backend: Backend;
  private readonly live: () => Promise<LiveDeps>;
  private readonly now: () => number;
  private readonly debounceMs: number;
  private readonly signals = new StoreSignals();
  /** Revision of each scenario as this tab last saw it: a write from an older view is refused. */
  private readonly known = new Map<string, number>();
  private readonly scenarios: OpenScenarios;
  private readonly prepared: PreparedSeeds;
  private readonly channel: BroadcastChannel | null;
  private saveError: StoreError | null = null;
  private openError: StoreError | null;
  /** Something a person did exists only in a memory fallback. */
  private memoryWork = false;
  private closed = false;
  lastSavedAt: number | null = null;

  constructor(private readonly options: StoreCoreOptions) {
    this.planId = options.planId;
    this.backend = options.backend;
    const live = options.live;
    this.live = typeof live === 'function' ? live : () => Promise.resolve(live);
    this.now = options.now ?? Date.now;
    this.debounceMs = options.debounceMs ?? 400;
    this.openError = options.openError ?? null;
    this.prepared = new PreparedSeeds(this.live);
    this.channel =
      options.channelName && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(options.channelName) : null;
    if (this.channel) this.channel.onmessage = () => this.signals.emit({ type: 'list', origin: 'tab' });
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.flushOnHide);
      document.addEventListener('visibilitychange', this.flushOnHide);
    }
    this.scenarios = new OpenScenarios(
      {
        planId: this.planId,
        backend: this.backend,
        live: this.live,
        debounceMs: this.debounceMs,
        channelName: options.channelName ?? null,
        events: {
          onSaved: (info) => {
            this.saved(info);
            this.signals.unsavedMayHaveChanged(this.unsaved);
          },
          onError: (error) => {
            this.saveError = error;
            this.reportError(error);
            this.signals.unsavedMayHaveChanged(this.unsaved);
          },
        },
        onLocalEdit: () => this.worked(),
        prepared: (id) => this.prepared.take(id),
        onKeeperWait: (state) => {
          // Not a failed save (the mode stays): what is shown waits for another tab, and says so.
          if (state === 'slow') this.reportError(storeError('other-tab'));
          this.signals.unsavedMayHaveChanged(this.unsaved);
        },
      },
      (work) => this.guard(work),
    );
    void this.backend.moved?.then((moved) => this.onMoved(moved));
  }

  get mode(): StoreMode {
    return this.backend.kind === 'memory' || this.saveError ? 'memory' : 'idb';
  }

  get error(): StoreError | null {
    return this.openError ?? this.saveError;
  }

  get unsaved(): boolean {
    if (this.memoryWork && this.backend.kind === 'memory') return true;
    return this.scenarios.unsaved;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.signals.subscribe(listener);
  }

  onUnsavedChange(listener: (unsaved: boolean) => void): () => void {
    return this.signals.onUnsaved(listener, () => this.unsaved);
  }

  private changed(byPerson = true): void {
    this.channel?.postMessage({ type: 'list' });
    this.signals.emit({ type: 'list', origin: 'local' });
    if (byPerson) this.worked();
  }

  /** A person changed something; in a memory fallback that is work the page must not lose. */
  private worked(): void {
    if (this.backend.kind !== 'memory' || this.options.ephemeral) return;
    this.memoryWork = true;
    this.signals.unsavedMayHaveChanged(this.unsaved);
  }

  private reportError(error: StoreError): void {
    this.options.onError?.(error);
    this.signals.emit({ type: 'error', error });
  }

  /** The memory fallback moved into IndexedDB (a blocked upgrade went through), or failed to. */
  private onMoved(moved: StoreResult<SaveInfo[]>): void {
    if (this.closed) return;
    if (!moved.ok) {
      this.reportError(moved.error);
      return;
    }
    this.openError = null;
    this.memoryWork = false;
    this.changed(false);
    for (const info of moved.value) this.saved(info);
    this.signals.unsavedMayHaveChanged(this.unsaved);
  }

  private saved(info: SaveInfo): void {
    this.saveError = null;
    this.lastSavedAt = info.at;
    this.options.onSaved?.(info);
    this.signals.emit({ type: 'saved', info });
  }

  private readonly flushOnHide = (event: Event): void => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') void this.flush();
  };

  private async guard<T>(work: () => Promise<T>): Promise<StoreResult<T>> {
    try {
      return ok(await work());
    } catch (e) {
      const error = toStoreError(e);
      // This tab's view is old: have it reload (other tabs are current already).
      if (error.code === 'stale') this.signals.emit({ type: 'list', origin: 'local' });
      if (error.code === 'quota' || error.code === 'failed') this.reportError(error);
      return fail(error);
    }
  }

  async list(options: { includeDeleted?: boolean } = {}): Promise<ScenarioInfo[]> {
    let records: ScenarioRecord[];
    try {
      records = await this.backend.listScenarios(this.planId);
    } catch (e) {
      this.reportError(toStoreError(e));
      return [];
    }
    for (const r of records) this.known.set(r.id, r.revision);
    return records
      .filter((r) => options.includeDeleted || r.deletedAt === null)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map(scenarioInfo);
  }

  async listPlans(): Promise<PlanInfo[]> {
    try {
      const plans = await this.backend.listPlans();
      return plans
        .map(({ id, name, createdAt }) => ({ id, name, createdAt }))
        .sort((a, b) => a.createdAt - b.createdAt);
    } catch (e) {
      this.reportError(toStoreError(e));
      return [];
    }
  }

  private async insert(
    name: string,
    firstUpdate: Uint8Array | null,
    seed: Plan | null,
    byPerson: boolean,
    id: string = newId(),
  ): Promise<ScenarioInfo> {
    const at = this.now();
    const record: ScenarioRecord = {
      id,
      planId: this.planId,
      name,
      chosen: false,
      revision: 1,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      seed,
    };
    await this.backend.addScenario(record, firstUpdate, this.options.planName ?? '');
    this.known.set(record.id, record.revision);
    this.changed(byPerson);
    return scenarioInfo(record);
  }

  create(name: string, plan?: Plan): Promise<StoreResult<ScenarioInfo>> {
    return this.createFrom(name, plan, true);
  }

  private createFrom(name: string, plan: Plan | undefined, byPerson: boolean): Promise<StoreResult<ScenarioInfo>> {
    return this.guard(async () => {
      const valid = validName(name);
      // The plan is kept as the scenario's seed; its log starts with the first edit (ScenarioSession).
      // No copy: the backend stores a copy (IndexedDB clones when the write is issued).
      const info = await this.insert(valid, null, plan ?? newPlan(this.planId), byPerson);
      if (plan) this.prepared.created(info.id, plan);
      return info;
    });
  }

  prepare(plan: Plan): Promise<void> {
    return this.closed ? Promise.resolve() : this.prepared.prepare(plan);
  }

  async ensureScenario(name: string, plan: Plan): Promise<StoreResult<ScenarioInfo>> {
    const existing = await this.list();
    if (existing[0]) return ok(existing[0]);
    // The host's plan, not a person's work: it needs no warning before the page closes.
    return this.createFrom(name, plan, false);
  }

  /** The scenario's content as stored (after flushing it if it is open here). */
  private async storedUpdates(id: string): Promise<{ record: ScenarioRecord; updates: Uint8Array[] }> {
    await (await this.scenarios.get(id))?.flushLog();
    const record = await this.backend.getScenario(id);
    if (!record) throw new StoreAbort(storeError('not-found'));
    const updates = await this.backend.log(id, {}).load();
    if (!record.kept) return { record, updates };
    // Edits kept beside the log (ScenarioRecord.kept) are part of the content: as a plain plan.
    return { record: { ...record, seed: await this.withKept(record, updates), kept: undefined }, updates: [] };
  }

  /**
   * The content of a scenario with kept edits: its log (or seed) with them applied, where the log
   * has not changed the same values since (kept-ops.ts).
   */
  private async withKept(record: ScenarioRecord, updates: Uint8Array[]): Promise<Plan> {
    const edits = record.kept?.edits ?? [];
    // As the session compares: an older plan format brought up to date (model/upgrade.ts).
    const seed = (upgradePlan(record.seed) as Plan | null) ?? newPlan(this.planId);
    if (updates.length === 0) return applyOps(seed, edits.flat());
    const state = (await this.live()).stateFromUpdates(updates, newPlan(this.planId));
    for (const batch of keptStillToApply(seed, state.plan, edits)) state.apply(batch);
    const plan = state.plan;
    state.destroy();
    return plan;
  }

  duplicate(id: string, name?: string): Promise<StoreResult<ScenarioInfo>> {
    return this.guard(async () => {
      const { record, updates } = await this.storedUpdates(id);
      const valid = validName(name ?? stMsg('store.copyName', { name: record.name }).nl.slice(0, NAME_MAX));
      // A copy of the log is a copy of the document: the two never merge, so shared history is harmless.
      const first = updates.length > 0 ? (await this.live()).mergeUpdates(updates) : null;
      const seed = first ? null : (record.seed ?? newPlan(this.planId));
      return this.insert(valid, first, seed && structuredClone(seed), true);
    });
  }

  adopt(id: string, name: string, content: Uint8Array): Promise<StoreResult<ScenarioInfo>> {
    return this.guard(async () => {
      const valid = validName(name);
      if ((await this.backend.getScenario(id)) !== undefined) throw new StoreAbort(storeError('stale'));
      return this.insert(valid, content, null, false, id);
    });
  }

  /** A revision-checked write of one scenario (plus others `change` returns, e.g. the chosen flag). */
  private write(
    id: string,
    change: (record: ScenarioRecord, all: ScenarioRecord[]) => ScenarioRecord[],
  ): Promise<StoreResult<ScenarioInfo>> {
    return this.guard(async () => {
      const at = this.now();
      const expected = this.known.get(id);
      const written = await this.backend.updateScenarios(this.planId, (records) => {
        const record = records.find((r) => r.id === id);
        if (!record) throw new StoreAbort(storeError('not-found'));
        if (expected !== undefined && record.revision !== expected) throw new StoreAbort(storeError('stale'));
        return change(record, records).map((r) => ({ ...r, revision: r.revision + 1, updatedAt: at }));
      });
      for (const r of written) this.known.set(r.id, r.revision);
      this.changed();
      return scenarioInfo(written.find((r) => r.id === id)!);
    });
  }

  rename(id: string, name: string): Promise<StoreResult<ScenarioInfo>> {
    let valid: string;
    try {
      valid = validName(name);
    } catch (e) {
      return Promise.resolve(fail(toStoreError(e)));
    }
    return this.write(id, (r) => [{ ...r, name: valid }]);
  }

  remove(id: string): Promise<StoreResult<ScenarioInfo>> {
    const at = this.now();
    return this.write(id, (r, all) => {
      if (!all.some((other) => other.id !== id && other.deletedAt === null))
        throw new StoreAbort(storeError('last-scenario'));
      return [{ ...r, deletedAt: at, chosen: false }];
    });
  }

  restore(id: string): Promise<StoreResult<ScenarioInfo>> {
    return this.write(id, (r) => [{ ...r, deletedAt: null }]);
  }

  markChosen(id: string): Promise<StoreResult<ScenarioInfo>> {
    return this.write(id, (r, all) => [
      { ...r, chosen: true },
      ...all.filter((other) => other.id !== id && other.chosen).map((other) => ({ ...other, chosen: false })),
    ]);
  }

  async readPlan(id: string): Promise<StoreResult<Plan>> {
    const open = await this.scenarios.get(id);
    if (open) return ok(open.handle.state.plan);
    return this.guard(async () => {
      const { record, updates } = await this.storedUpdates(id);
      if (updates.length === 0) return structuredClone(record.seed ?? newPlan(this.planId));
      return (await this.live()).decodePlan(updates, newPlan(this.planId));
    });
  }

  async listSnapshots(scenarioId: string): Promise<SnapshotInfo[]> {
    try {
      const records = await this.backend.listSnapshots(scenarioId);
      return records.sort((a, b) => b.createdAt - a.createdAt || b.id! - a.id!).map(snapshotInfo);
    } catch (e) {
      this.reportError(toStoreError(e));
      return [];
    }
  }

  saveSnapshot(scenarioId: string, label: string): Promise<StoreResult<SnapshotInfo>> {
    return this.guard(async () => {
      const plan = await this.readPlan(scenarioId);
      if (!plan.ok) throw new StoreAbort(plan.error);
      const record: SnapshotRecord = {
        scenarioId,
        label: label.trim().slice(0, NAME_MAX),
        createdAt: this.now(),
        plan: structuredClone(plan.value),
      };
      const id = await this.backend.addSnapshot(record);
      this.worked();
      return snapshotInfo({ ...record, id });
    });
  }

  restoreSnapshot(snapshotId: number): Promise<StoreResult<ScenarioInfo>> {
    return this.guard(async () => {
      const snapshot = await this.backend.getSnapshot(snapshotId);
      if (!snapshot) throw new StoreAbort(storeError('snapshot-not-found'));
      const id = snapshot.scenarioId;
      const before = await this.saveSnapshot(id, stMsg('store.restoredLabel', { label: snapshot.label }).nl);
      if (!before.ok) throw new StoreAbort(before.error);
      const wasOpen = this.scenarios.has(id);
      const opened = await this.openScenario(id);
      if (!opened.ok) throw new StoreAbort(opened.error);
      const state = opened.value.state;
      state.apply(planDiffOps(state.plan, snapshot.plan));
      if (wasOpen) await opened.value.flush();
      else await opened.value.close();
      const record = await this.backend.getScenario(id);
      if (!record) throw new StoreAbort(storeError('not-found'));
      this.changed();
      return scenarioInfo(record);
    });
  }

  openScenario(id: string): Promise<StoreResult<OpenScenario>> {
    return this.scenarios.session(id).then((r) => (r.ok ? ok(r.value.handle) : r));
  }

  flush(): Promise<void> {
    return this.scenarios.flush();
  }

  async close(): Promise<void> {
    await this.scenarios.closeAll();
    this.closed = true;
    this.prepared.clear();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.flushOnHide);
      document.removeEventListener('visibilitychange', this.flushOnHide);
    }
    this.channel?.close();
    this.signals.clear();
    this.backend.close();
  }
}
