import * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import { createPlanState, createPlanStateInSteps, type YPlanState } from '../sync/plan-state.ts';
import { seedUpdate } from '../sync/seed.ts';
import { attachUpdateLog } from '../sync/update-log.ts';
import { connectTabs } from '../sync/tabs.ts';
import type { PlanState } from '../sync/state.ts';
import { collectable } from '../negotiation/history.ts';
import { keepHistory } from '../negotiation/history-keep.ts';
import type { LiveDeps } from './types.ts';

/**
 * The Yjs side of the store, from src/sync: states built from the scenario's log, kept in the log
 * by attachUpdateLog (debounced bursts, compaction), and shared with this origin's other tabs.
 */
/**
 * Stored scenarios keep the plan's deleted content: their history (src/negotiation/history.ts)
 * reads earlier states from it. Only compacted history points are collected.
 */
const KEEP_HISTORY = { gc: true, gcFilter: collectable } as const;

/**
 * Between two steps of building a live state, everything else goes first: input, paint and the
 * store's own writes (a flush keeps the shown plan while the state is built: ScenarioSession).
 * scheduler.yield() would put the next step ahead of those writes' IndexedDB events.
 */
function inBackground(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: object) => Promise<void> } })
    .scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => {}, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export const yjsLive: LiveDeps = {
  encodePlan: (plan: Plan) => seedUpdate(plan),
  stateFromUpdates: (updates, fallback) => createPlanState(fallback, { updates, ...KEEP_HISTORY }),
  seededState: (plan) => {
    const state = createPlanState(plan, KEEP_HISTORY);
    return { state, update: state.encodeState() };
  },
  seededStateInSteps: async (plan) => {
    // Each step's update is encoded as the step commits: no whole-document encode at the end.
    const updates: Uint8Array[] = [];
    const state = await createPlanStateInSteps(plan, {
      ...KEEP_HISTORY,
      pause: inBackground,
      onSeedUpdate: (u) => updates.push(u),
    });
    return { state, updates };
  },
  decodePlan: (updates, fallback) => {
    const state = createPlanState(fallback, { updates });
    const plan = state.plan;
    state.destroy();
    return plan;
  },
  mergeUpdates: (updates) => Y.mergeUpdates([...updates]),
  applyAsContent: (plain, ops) => {
    // Applied to a copy of the document, and its update applied here: no undo step of this tab.
    const state = plain as YPlanState;
    const copy = createPlanState(state.plan, { updates: [state.encodeState()], ...KEEP_HISTORY });
    const updates: Uint8Array[] = [];
    const stop = copy.onUpdate((u, origin) => {
      if (origin === 'local') updates.push(u);
    });
    copy.apply(ops);
    stop();
    copy.destroy();
    for (const u of updates) state.applyUpdate(u, 'remote');
  },
  attach: (plain: PlanState, log, options) => {
    const state = plain as YPlanState;
    const attached = attachUpdateLog(state, log, {
      delayMs: options.debounceMs,
      loaded: options.loaded,
      inSync: options.inSync ?? false,
    });
    const tabs = options.tabChannel ? connectTabs(state, options.tabChannel) : null;
    const stopHistory = keepHistory(state.doc, () => state.plan);
    return {
      ready: attached.ready,
      flush: () => attached.flush(),
      detach: async () => {
        // A burst of edits not yet recorded as a point is recorded now, and saved with the rest.
        stopHistory();
        await attached.flush();
        attached.dispose();
        tabs?.dispose();
      },
    };
  },
};
