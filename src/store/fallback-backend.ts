import type { Backend, LogEvents, SaveInfo, ScenarioLog } from './backend.ts';
import { fail, ok, toStoreError, type StoreError, type StoreResult } from './errors.ts';
import { MemoryBackend } from './memory-backend.ts';
import type { ScenarioRecord } from './schema.ts';

/**
 * Memory while an old tab blocks the database upgrade, IndexedDB once it lets go: `moveTo` copies
 * the plans, scenarios and snapshots made meanwhile into the database and then hands every log
 * over (a scenario's rows so far are appended to its stored log before anything written later),
 * so the open scenarios keep their states and nothing made in the meantime is lost.
 */
export class FallbackBackend implements Backend {
  private readonly memory = new MemoryBackend();
  private current: Backend = this.memory;
  private views: SwitchableLog[] = [];
  private settle!: (result: StoreResult<SaveInfo[]>) => void;
  readonly moved = new Promise<StoreResult<SaveInfo[]>>((resolve) => {
    this.settle = resolve;
  });

  /** `stopWaiting` ends the attempts to open the database (called on close). */
  constructor(private readonly stopWaiting: () => void = () => undefined) {}

  get kind(): 'idb' | 'memory' {
    return this.current.kind;
  }

  ensurePlan(id: string, name: string, now: number) {
    return this.current.ensurePlan(id, name, now);
  }
  getPlan(id: string) {
    return this.current.getPlan(id);
  }
  listPlans() {
    return this.current.listPlans();
  }
  listScenarios(planId: string) {
    return this.current.listScenarios(planId);
  }
  getScenario(id: string) {
    return this.current.getScenario(id);
  }
  updateScenarios(planId: string, change: (records: ScenarioRecord[]) => ScenarioRecord[]) {
    return this.current.updateScenarios(planId, change);
  }
  addScenario(record: ScenarioRecord, firstUpdate: Uint8Array | null, planName?: string) {
    return this.current.addScenario(record, firstUpdate, planName);
  }
  listSnapshots(scenarioId: string) {
    return this.current.listSnapshots(scenarioId);
  }
  getSnapshot(id: number) {
    return this.current.getSnapshot(id);
  }
  addSnapshot(record: Parameters<Backend['addSnapshot']>[0]) {
    return this.current.addSnapshot(record);
  }

  log(scenarioId: string, events: LogEvents): ScenarioLog {
    if (this.current !== this.memory) return this.current.log(scenarioId, events);
    const view = new SwitchableLog(scenarioId, this.memory.log(scenarioId, events), events);
    this.views.push(view);
    return view;
  }

  async openLog(scenarioId: string, events: LogEvents) {
    const log = this.log(scenarioId, events);
    return { record: await this.getScenario(scenarioId), log, updates: await log.load() };
  }

  /** Moves everything into `target` and uses it from then on; on failure stays in memory. */
  async moveTo(target: Backend): Promise<void> {
    if (this.current !== this.memory) return;
    let transfers: Promise<StoreError | null>[];
    const infos: SaveInfo[] = [];
    try {
      const first = this.memory.dump();
      for (const plan of first.plans) await target.ensurePlan(plan.id, plan.name, plan.createdAt);
      for (const scenario of first.scenarios) await target.addScenario(scenario, null);
      for (const { id: _memoryId, ...snapshot } of first.snapshots) await target.addSnapshot(snapshot);
      // What changed in memory while the copy ran (a rename, a new scenario) is written again.
      const before = new Map(first.scenarios.map((s) => [s.id, JSON.stringify(s)]));
      for (const scenario of this.memory.dump().scenarios) {
        const was = before.get(scenario.id);
        if (was === undefined) await target.addScenario(scenario, null);
        else if (was !== JSON.stringify(scenario)) await target.updateScenarios(scenario.planId, () => [scenario]);
      }
      // From here on nothing awaits until every log points at the target: no update can slip between.
      const { logs, scenarios } = this.memory.dump();
      this.current = target;
      const at = Date.now();
      transfers = [];
      for (const scenario of scenarios) {
        const rows = logs.get(scenario.id) ?? [];
        const views = this.views.filter((v) => v.scenarioId === scenario.id);
        if (views.length === 0) {
          let failed: StoreError | null = null;
          const log = target.log(scenario.id, {
            onError: (e) => {
              failed = e;
            },
          });
          transfers.push(Promise.all(rows.map((row) => log.append(row))).then(() => failed));
          infos.push({ scenarioId: scenario.id, at, updates: rows.length });
        } else {
          // The first open view carries the rows; its own events report that save.
          views.forEach((view, i) =>
            transfers.push(view.switchTo(target.log(scenario.id, view.events), i === 0 ? rows : []).then(() => null)),
          );
        }
      }
      this.views = [];
    } catch (e) {
      target.close();
      this.settle(fail(toStoreError(e)));
      return;
    }
    const errors = (await Promise.all(transfers)).filter((e): e is StoreError => e !== null);
    this.settle(errors[0] ? fail(errors[0]) : ok(infos));
  }

  close(): void {
    this.stopWaiting();
    this.current.close();
  }
}

/** A scenario's log that writes to memory until the backend moves, then to the moved-to log. */
class SwitchableLog implements ScenarioLog {
  constructor(
    readonly scenarioId: string,
    private target: ScenarioLog,
    readonly events: LogEvents,
  ) {}

  get unsaved(): number {
    return this.target.unsaved;
  }
  get failing(): boolean {
    return this.target.failing;
  }
  load() {
    return this.target.load();
  }
  append(update: Uint8Array) {
    return this.target.append(update);
  }
  replace(merged: Uint8Array) {
    return this.target.replace(merged);
  }
  seed(update: Uint8Array | readonly Uint8Array[]) {
    return this.target.seed(update);
  }
  retry() {
    return this.target.retry();
  }

  /** Switches at once; `rows` (this scenario's history so far) are appended before anything later. */
  switchTo(log: ScenarioLog, rows: readonly Uint8Array[]): Promise<unknown> {
    this.target = log;
    return Promise.all(rows.map((row) => log.append(row)));
  }
}
