import type { Plan } from '../model/plan.ts';
import type { PlanState } from '../sync/state.ts';
import type { LiveDeps } from './types.ts';

/** A live state seeded from a plan, and the seed's updates (LiveDeps.seededStateInSteps). */
export interface Seeded {
  state: PlanState;
  updates: Uint8Array[];
}

/** Runs when the page is idle (soon, at the latest), so it never delays a frame the user waits for. */
const idle = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });

/**
 * Live states built ahead of the first edit of a plan that has no stored scenario yet
 * (ScenarioStore.prepare). The first edit creates the scenario from that plan, and its session,
 * going live, takes the prepared state instead of building a second one.
 *
 * There is one preparation, and one promise for it: the session joins (awaits) it whether it is
 * waiting for idle time, under way or done, so a preparation and a first edit never build two
 * states for one scenario, and nothing depends on which comes first. It is tied to the plan object
 * the scenario is created from (create(name, plan)), handed over once, and destroyed when nobody
 * took it (another plan prepared, or the store closed).
 */
export class PreparedSeeds {
  private pending: { plan: Plan; seeded: Promise<Seeded | null> } | null = null;
  private readonly byScenario = new Map<string, Promise<Seeded | null>>();

  constructor(private readonly live: () => Promise<LiveDeps>) {}

  /** Builds the live state of `plan` in idle time; resolves when it is ready (or could not be built). */
  prepare(plan: Plan): Promise<void> {
    if (this.pending?.plan !== plan) {
      if (this.pending) drop(this.pending.seeded);
      const seeded = idle()
        .then(async () => (await (await this.live()).seededStateInSteps?.(plan)) ?? null)
        .catch(() => null);
      this.pending = { plan, seeded };
    }
    return this.pending.seeded.then(() => {});
  }

  /** A scenario was created from `plan`: a preparation of that very plan object is now its own. */
  created(id: string, plan: Plan): void {
    if (this.pending?.plan !== plan) return;
    this.byScenario.set(id, this.pending.seeded);
    this.pending = null;
  }

  /** The scenario's preparation, handed over once; null: there is none (build the state). */
  take(id: string): Promise<Seeded | null> | null {
    const seeded = this.byScenario.get(id) ?? null;
    this.byScenario.delete(id);
    return seeded;
  }

  /** Destroys every preparation nobody took. */
  clear(): void {
    if (this.pending) drop(this.pending.seeded);
    this.pending = null;
    for (const seeded of this.byScenario.values()) drop(seeded);
    this.byScenario.clear();
  }
}

const drop = (seeded: Promise<Seeded | null>): void => void seeded.then((s) => s?.state.destroy());
