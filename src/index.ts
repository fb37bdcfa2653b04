/*
 * `regioplan/core`: the framework-free core — the plan model, money parsing and formatting, the
 * allocation and validation engine, scenario comparison, plan files and every export — without the
 * DOM, so it runs in Node and in a worker. The elements are in `regioplan` (entry/regioplan.ts).
 */
import type { Plan } from './model/plan.ts';
import type { PlanState } from './sync/state.ts';
import { deferredPlanState } from './sync/deferred-state.ts';

export * from './model/index.ts';
export * from './money/index.ts';
export * from './engine/index.ts';
export * from './compare/index.ts';
export * from './files/index.ts';
export * from './export/index.ts';
// The plan state a host gets is plain until its first edit; Yjs (undo history, tabs, workshops)
// loads then, so a page that only shows a plan never downloads the CRDT.
// Typed as the PlanState interface, so the published types name no Yjs type.
export const createPlanState: (plan: Plan) => PlanState = deferredPlanState;
export type { PlanState, PlanChange, ChangeOrigin, StateProblem } from './sync/state.ts';
export { t, msg, LOCALES, DEFAULT_LOCALE, type Locale, type Msg, type MsgVars, type UiKey } from './i18n/index.ts';
// Types the elements' public API names (scenario store, save and store-error details).
export type { ScenarioStore, SaveInfo, StoreError } from './store/types.ts';
// A comment thread, as the planner's `comments` getter lists it.
export type { CommentThread } from './negotiation/comments.ts';
