import { newPlan, Plan } from '../model/plan.ts';
import { DeferredPlanState } from '../sync/deferred-state.ts';
import type { PlanState } from '../sync/state.ts';
import type { Backend, ScenarioLog } from './backend.ts';
import { fail, ok, StoreAbort, storeError, toStoreError, type StoreError, type StoreResult } from './errors.ts';
import { planDiffOps } from './plan-diff.ts';
import type { ScenarioRecord, SnapshotRecord } from './schema.ts';
import type {
  AttachedLog, LiveDeps, OpenScenario, ScenarioInfo, ScenarioStore, SnapshotInfo, StoreEvent, StoreMode,
} from './types.ts';
import type { SaveInfo } from './backend.ts';
import { stMsg } from '../i18n/store.ts';

export interface StoreCoreOptions {
  planId: string;
  planName?: string;
  backend: Backend;
  /** The Yjs side, or how to load it (it is loaded only when a scenario first needs it). */
  live: LiveDeps | (() => Promise<LiveDeps>);
  /** Set when the database could not be opened: we run from memory and say why. */
  openError?: StoreError | null;
  debounceMs?: number;
  /** BroadcastChannel name for list changes between tabs; null to switch off. */
  channelName?: string | null;
  onSaved?: (info: SaveInfo) => void;
  onError?: (error: StoreError) => void;
  now?: () => number;
}

const NAME_MAX = 120;

function info(r: ScenarioRecord): ScenarioInfo {
  return {
    id: r.id, planId: r.planId, name: r.name, chosen: r.chosen, revision: r.revision,
    createdAt: r.createdAt, updatedAt: r.updatedAt, deletedAt: r.deletedAt,
  };
}

const snapshotInfo = (s: SnapshotRecord): SnapshotInfo => ({ id: s.id!, scenarioId: s.scenarioId, label: s.label, createdAt: s.createdAt });

const newId = (): string => crypto.randomUUID();

interface Live {
  handle: OpenScenario;
  log: ScenarioLog;
  /** Hands the state's pending updates to the log (none while the scenario is only looked at). */
  flushLog(): Promise<void>;
}

/**
 * The scenario store's rules, over any backend: revision-checked metadata writes, soft delete,
 * snapshots, and live states whose updates go to the scenario's log.
 */
export class StoreCore implements ScenarioStore {
  readonly planId: string;
  private readonly backend: Backend;
  private readonly live: () => Promise<LiveDeps>;
  private readonly now: () => number;
  private readonly debounceMs: number;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  /** Revision of each scenario as this tab last saw it: a write from an older view is refused. */
  private readonly known = new Map<string, number>();
  private readonly open = new Map<string, Promise<StoreResult<Live>>>();
  private readonly channel: BroadcastChannel | null;
  private saveError: StoreError | null = null;
  private readonly openError: StoreError | null;
  lastSavedAt: number | null = null;

  constructor(private readonly options: StoreCoreOptions) {
    this.planId = options.planId;
    this.backend = options.backend;
    const live = options.live;
    this.live = typeof live === 'function' ? live : () => Promise.resolve(live);
    this.now = options.now ?? Date.now;
    this.debounceMs = options.debounceMs ?? 400;
    this.openError = options.openError ?? null;
    this.channel = options.channelName && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(options.channelName) : null;
    if (this.channel) this.channel.onmessage = () => this.emit({ type: 'list', origin: 'tab' });
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.flushOnHide);
      document.addEventListener('visibilitychange', this.flushOnHide);
    }
  }

  get mode(): StoreMode {
    return this.backend.kind === 'memory' || this.saveError ? 'memory' : 'idb';
  }

  get error(): StoreError | null {
    return this.openError ?? this.saveError;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        // A host listener's bug must not stop our saving.
        queueMicrotask(() => { throw e; });
      }
    }
  }

  private changed(): void {
    this.channel?.postMessage({ type: 'list' });
    this.emit({ type: 'list', origin: 'local' });
  }

  private reportError(error: StoreError): void {
    this.options.onError?.(error);
    this.emit({ type: 'error', error });
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
      if (error.code === 'stale') this.emit({ type: 'list', origin: 'local' });
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
      .map(info);
  }

  private validName(name: string): string {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > NAME_MAX) throw new StoreAbort(storeError('name-invalid'));
    return trimmed;
  }

  private async insert(name: string, firstUpdate: Uint8Array | null, seed: Plan | null): Promise<ScenarioInfo> {
    const at = this.now();
    await this.backend.ensurePlan(this.planId, this.options.planName ?? '', at);
    const record: ScenarioRecord = {
      id: newId(), planId: this.planId, name, chosen: false, revision: 1,
      createdAt: at, updatedAt: at, deletedAt: null, seed,
    };
    await this.backend.addScenario(record, firstUpdate);
    this.known.set(record.id, record.revision);
    this.changed();
    return info(record);
  }

  create(name: string, plan?: Plan): Promise<StoreResult<ScenarioInfo>> {
    return this.guard(async () => {
      const valid = this.validName(name);
      // The plan is kept as the scenario's seed; its log starts with the first edit (startLive).
      return this.insert(valid, null, structuredClone(plan ?? newPlan(this.planId)));
    });
  }

  async ensureScenario(name: string, plan: Plan): Promise<StoreResult<ScenarioInfo>> {
    const existing = await this.list();
    if (existing[0]) return ok(existing[0]);
    return this.create(name, plan);
  }

  /** The scenario's content as stored (after flushing it if it is open here). */
  private async storedUpdates(id: string): Promise<{ record: ScenarioRecord; updates: Uint8Array[] }> {
    const open = await this.open.get(id);
    if (open?.ok) await open.value.flushLog();
    const record = await this.backend.getScenario(id);
    if (!record) throw new StoreAbort(storeError('not-found'));
    const updates = await this.backend.log(id, {}).load();
    return { record, updates };
  }

  duplicate(id: string, name?: string): Promise<StoreResult<ScenarioInfo>> {
    return this.guard(async () => {
      const { record, updates } = await this.storedUpdates(id);
      const valid = this.validName(name ?? stMsg('store.copyName', { name: record.name }).nl.slice(0, NAME_MAX));
      // A copy of the log is a copy of the document: the two never merge, so shared history is harmless.
      const first = updates.length > 0 ? (await this.live()).mergeUpdates(updates) : null;
      const seed = first ? null : (record.seed ?? newPlan(this.planId));
      return this.insert(valid, first, seed && structuredClone(seed));
    });
  }

  /** A revision-checked write of one scenario (plus others `also` changes, e.g. the chosen flag). */
  private write(id: string, change: (record: ScenarioRecord, all: ScenarioRecord[]) => ScenarioRecord[]): Promise<StoreResult<ScenarioInfo>> {
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
      return info(written.find((r) => r.id === id)!);
    });
  }

  rename(id: string, name: string): Promise<StoreResult<ScenarioInfo>> {
    let valid: string;
    try {
      valid = this.validName(name);
    } catch (e) {
      return Promise.resolve(fail(toStoreError(e)));
    }
    return this.write(id, (r) => [{ ...r, name: valid }]);
  }

  remove(id: string): Promise<StoreResult<ScenarioInfo>> {
    const at = this.now();
    return this.write(id, (r, all) => {
      if (!all.some((other) => other.id !== id && other.deletedAt === null)) throw new StoreAbort(storeError('last-scenario'));
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
    const open = await this.open.get(id);
    if (open?.ok) return ok(open.value.handle.state.plan);
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
      const record: SnapshotRecord = { scenarioId, label: label.trim().slice(0, NAME_MAX), createdAt: this.now(), plan: structuredClone(plan.value) };
      const id = await this.backend.addSnapshot(record);
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
      const wasOpen = this.open.has(id);
      const opened = await this.openScenario(id);
      if (!opened.ok) throw new StoreAbort(opened.error);
      const state = opened.value.state;
      state.apply(planDiffOps(state.plan, snapshot.plan));
      if (wasOpen) await opened.value.flush();
      else await opened.value.close();
      const record = await this.backend.getScenario(id);
      if (!record) throw new StoreAbort(storeError('not-found'));
      this.changed();
      return info(record);
    });
  }

  openScenario(id: string): Promise<StoreResult<OpenScenario>> {
    let entry = this.open.get(id);
    if (!entry) {
      entry = this.guard(() => this.startLive(id));
      this.open.set(id, entry);
      void entry.then((r) => {
        if (!r.ok && this.open.get(id) === entry) this.open.delete(id);
      });
    }
    return entry.then((r) => (r.ok ? ok(r.value.handle) : r));
  }

  /**
   * Opens a scenario. One whose log has not started (never edited: its content is the seed plan)
   * opens as a plain state and becomes live (Yjs, loaded then) at its first edit, or when another
   * tab starts editing it; one with a log is replayed into a live state at once.
   */
  private async startLive(id: string): Promise<Live> {
    const record = await this.backend.getScenario(id);
    if (!record) throw new StoreAbort(storeError('not-found'));
    const onError = (error: StoreError): void => {
      this.saveError = error;
      this.reportError(error);
    };
    const log = this.backend.log(id, {
      onSaved: (saved) => {
        this.saveError = null;
        this.lastSavedAt = saved.at;
        this.options.onSaved?.(saved);
        this.emit({ type: 'saved', info: saved });
      },
      onError,
    });
    const tabChannel = this.options.channelName ? `${this.options.channelName}:${id}` : null;
    const seed = record.seed ?? newPlan(this.planId);
    let attached: AttachedLog | null = null;
    const goLive = async (stored: Uint8Array[]): Promise<PlanState> => {
      const live = await this.live();
      let updates = stored;
      let inLog = stored;
      if (updates.length === 0) {
        const first = live.encodePlan(seed);
        // Another tab may seed first; then its seed is the one everybody uses.
        const seeded = await log.seed(first).catch((e: unknown) => {
          onError(toStoreError(e));
          return null;
        });
        // A seed that could not be written (a full disk) is not in the log: the first save writes
        // the whole document, seed included, and is retried like any other save.
        updates = seeded === false ? await log.load() : [first];
        inLog = seeded === null ? [] : updates;
      }
      const state = live.stateFromUpdates(updates, newPlan(this.planId));
      attached = live.attach(state, log, { debounceMs: this.debounceMs, scenarioId: id, loaded: inLog, tabChannel });
      await attached.ready;
      return state;
    };

    const updates = await log.load();
    let state: PlanState;
    let deferred: DeferredPlanState<PlanState> | null = null;
    let tabs: BroadcastChannel | null = null;
    // A seed that does not fit the schema (written by other code) is read through the live state's guards.
    if (updates.length === 0 && Plan.safeParse(seed).success) {
      const pristine = new DeferredPlanState<PlanState>(seed, {
        // Read the log again: another tab may have started it since.
        load: async () => {
          tabs?.close();
          return goLive(await log.load());
        },
      });
      // Another tab editing this scenario says so on the scenario's channel: go live to follow it.
      if (tabChannel && typeof BroadcastChannel !== 'undefined') {
        tabs = new BroadcastChannel(tabChannel);
        tabs.onmessage = () => void pristine.live().catch(() => {});
      }
      state = deferred = pristine;
    } else {
      state = await goLive(updates);
    }

    const flushLog = async (): Promise<void> => {
      await deferred?.settle();
      await attached?.flush();
    };
    const handle: OpenScenario = {
      id,
      state,
      flush: async () => {
        await flushLog();
        if (log.unsaved > 0) await log.retry();
      },
      close: async () => {
        if (this.open.get(id) === undefined) return;
        this.open.delete(id);
        await handle.flush();
        tabs?.close();
        await attached?.detach();
        state.destroy();
      },
    };
    return { handle, log, flushLog };
  }

  async flush(): Promise<void> {
    const all = await Promise.all(this.open.values());
    await Promise.all(all.map((r) => (r.ok ? r.value.handle.flush() : undefined)));
  }

  async close(): Promise<void> {
    const all = await Promise.all(this.open.values());
    await Promise.all(all.map((r) => (r.ok ? r.value.handle.close() : undefined)));
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.flushOnHide);
      document.removeEventListener('visibilitychange', this.flushOnHide);
    }
    this.channel?.close();
    this.listeners.clear();
    this.backend.close();
  }
}
