/** Kept for older imports: the store's rules live in store-core.ts; open one with openScenarioStore (index.ts). */
export { StoreCore, type StoreCoreOptions } from './store-core.ts';
