import type { Backend, LogEvents, ScenarioLog } from './backend.ts';
import type { PlanRecord, ScenarioRecord, SnapshotRecord } from './schema.ts';

const copy = <T>(value: T): T => structuredClone(value);

/** The fallback when IndexedDB cannot be used: same behaviour, kept only in this window. */
export class MemoryBackend implements Backend {
  readonly kind = 'memory' as const;
  private readonly plans = new Map<string, PlanRecord>();
  private readonly scenarios = new Map<string, ScenarioRecord>();
  private readonly snapshots = new Map<number, SnapshotRecord>();
  private readonly updates = new Map<string, Uint8Array[]>();
  private nextSnapshot = 1;

  async ensurePlan(id: string, name: string, now: number): Promise<PlanRecord> {
    let plan = this.plans.get(id);
    if (!plan) {
      plan = { id, name, revision: 1, createdAt: now, updatedAt: now };
      this.plans.set(id, plan);
    }
    return copy(plan);
  }

  async getPlan(id: string) {
    const plan = this.plans.get(id);
    return plan && copy(plan);
  }

  async listPlans() {
    return [...this.plans.values()].map(copy);
  }

  async listScenarios(planId: string) {
    return [...this.scenarios.values()].filter((s) => s.planId === planId).map(copy);
  }

  async getScenario(id: string) {
    const s = this.scenarios.get(id);
    return s && copy(s);
  }

  async updateScenarios(planId: string, change: (records: ScenarioRecord[]) => ScenarioRecord[]) {
    const changed = change(await this.listScenarios(planId));
    for (const record of changed) this.scenarios.set(record.id, copy(record));
    return changed;
  }

  async addScenario(record: ScenarioRecord, firstUpdate: Uint8Array | null, planName?: string) {
    this.scenarios.set(record.id, copy(record));
    if (planName !== undefined) await this.ensurePlan(record.planId, planName, record.createdAt);
    this.updates.set(record.id, firstUpdate ? [firstUpdate] : []);
  }

  async listSnapshots(scenarioId: string) {
    return [...this.snapshots.values()].filter((s) => s.scenarioId === scenarioId).map(copy);
  }

  async getSnapshot(id: number) {
    const s = this.snapshots.get(id);
    return s && copy(s);
  }

  async addSnapshot(record: SnapshotRecord) {
    const id = this.nextSnapshot++;
    this.snapshots.set(id, { ...copy(record), id });
    return id;
  }

  async openLog(scenarioId: string, events: LogEvents) {
    const log = this.log(scenarioId, events);
    return { record: await this.getScenario(scenarioId), log, updates: await log.load() };
  }

  // Nothing here is durable, so no save is ever reported.
  log(scenarioId: string, _events: LogEvents): ScenarioLog {
    const rows = () => {
      let list = this.updates.get(scenarioId);
      if (!list) this.updates.set(scenarioId, (list = []));
      return list;
    };
    return {
      unsaved: 0,
      failing: false,
      load: async () => [...rows()],
      append: async (update) => {
        rows().push(update);
      },
      replace: async (merged) => {
        this.updates.set(scenarioId, [merged]);
      },
      seed: async (update) => {
        if (rows().length > 0) return false;
        rows().push(...(update instanceof Uint8Array ? [update] : update));
        const s = this.scenarios.get(scenarioId);
        if (s) s.seed = null;
        return true;
      },
      retry: async () => undefined,
    };
  }

  /** Everything held, for moving it elsewhere (copies of plans, scenarios and snapshots; the logs' rows). */
  dump(): {
    plans: PlanRecord[];
    scenarios: ScenarioRecord[];
    snapshots: SnapshotRecord[];
    logs: Map<string, Uint8Array[]>;
  } {
    return {
      plans: [...this.plans.values()].map(copy),
      scenarios: [...this.scenarios.values()].map(copy),
      snapshots: [...this.snapshots.values()].map(copy),
      logs: new Map([...this.updates].map(([id, rows]) => [id, [...rows]])),
    };
  }

  close(): void {}
}
