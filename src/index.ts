/*
 * regioplan, the library: importing it registers the custom elements (<rp-planner> and its parts)
 * and exposes the framework-free core — the plan model, money parsing and formatting, and the
 * allocation and validation engine, scenario comparison — for hosts that work with plans outside the elements.
 */
export * from '../components/index.ts';
export * from './model/index.ts';
export * from './money/index.ts';
export * from './engine/index.ts';
export * from './compare/index.ts';
// The plan state a host gets is plain until its first edit; Yjs (undo history, tabs, workshops)
// loads then, so a page that only shows a plan never downloads the CRDT.
export { deferredPlanState as createPlanState } from './sync/deferred-state.ts';
export type { PlanState, PlanChange, ChangeOrigin } from './sync/state.ts';
export { t, msg, LOCALES, DEFAULT_LOCALE, type Locale, type Msg } from './i18n/index.ts';
