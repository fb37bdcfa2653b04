import { ok, type StoreResult } from './errors.ts';
import { ScenarioSession, type SessionContext } from './scenario-session.ts';

/**
 * The scenarios open in one store: one session per scenario, however often it is opened, and
 * the closed ones whose last write failed (their updates are still unsaved; flush() retries them).
 */
export class OpenScenarios {
  private readonly open = new Map<string, Promise<StoreResult<ScenarioSession>>>();
  private readonly sessions = new Set<ScenarioSession>();
  private readonly context: SessionContext;

  constructor(
    context: Omit<SessionContext, 'onClose' | 'onClosed'>,
    private readonly guard: <T>(work: () => Promise<T>) => Promise<StoreResult<T>>,
  ) {
    this.context = {
      ...context,
      onClose: (id) => this.open.delete(id),
      onClosed: (session) => {
        if (session.log.unsaved === 0) this.sessions.delete(session);
      },
    };
  }

  has(id: string): boolean {
    return this.open.has(id);
  }

  /** The session of a scenario open here (once it has opened), or undefined. */
  async get(id: string): Promise<ScenarioSession | undefined> {
    const entry = await this.open.get(id);
    return entry?.ok ? entry.value : undefined;
  }

  /** Opens the scenario, or returns the session already opening or open. */
  session(id: string): Promise<StoreResult<ScenarioSession>> {
    let entry = this.open.get(id);
    if (!entry) {
      const opening = this.guard(() => ScenarioSession.open(this.context, id));
      this.open.set(id, opening);
      void opening.then((r) => {
        if (r.ok) this.sessions.add(r.value);
        else if (this.open.get(id) === opening) this.open.delete(id);
      });
      entry = opening;
    }
    return entry.then((r) => (r.ok ? ok(r.value) : r));
  }

  /** Some scenario's last write failed and its updates wait for the retry. */
  get unsaved(): boolean {
    for (const session of this.sessions) if (session.log.failing && session.log.unsaved > 0) return true;
    for (const session of this.sessions) if (session.waitsToStore) return true;
    return false;
  }

  async flush(): Promise<void> {
    const open = (await Promise.all(this.open.values())).flatMap((r) => (r.ok ? [r.value] : []));
    const closed = [...this.sessions].filter((s) => !open.includes(s));
    await Promise.all([...open.map((s) => s.flush()), ...closed.map((s) => s.log.retry())]);
    for (const s of closed) if (s.log.unsaved === 0) this.sessions.delete(s);
  }

  async closeAll(): Promise<void> {
    const all = await Promise.all(this.open.values());
    await Promise.all(all.map((r) => (r.ok ? r.value.close() : undefined)));
  }
}
