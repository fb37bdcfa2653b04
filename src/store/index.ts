/*
 * The scenario store: IndexedDB through idb (schema, migrations, revision-checked records, each
 * scenario's Yjs update log), or memory. A plan passes one way: open.ts opens the database
 * (open-db.ts, connection.ts) and picks a backend, store-core.ts holds the rules over it, and
 * scenario-session.ts keeps an open scenario's state in its log.
 */
export * from './types.ts';
export { openScenarioStore, type ScenarioStoreOptions } from './open.ts';
export { warnBeforeUnloadWhileUnsaved } from './before-unload.ts';
export { storeError, type StoreErrorCode } from './errors.ts';
export { DB_NAME, DB_VERSION } from './schema.ts';
export { planDiffOps } from './plan-diff.ts';
