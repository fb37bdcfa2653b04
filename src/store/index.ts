/*
 * The scenario store: IndexedDB through idb (schema, migrations, revision-checked records, each
 * scenario's Yjs update log), or memory. A plan passes one way: open.ts opens the database
 * (open-db.ts, connection.ts) and picks a backend (idb-backend.ts, memory-backend.ts, or
 * fallback-backend.ts while an old tab blocks the upgrade), store-core.ts holds the rules over
 * it, open-scenarios.ts keeps one scenario-session.ts per open scenario, whose state is saved to
 * its log (update-log.ts). before-unload.ts warns while edits exist only in memory.
 */
export * from './types.ts';
export { openScenarioStore, type ScenarioStoreOptions } from './open.ts';
export { warnBeforeUnloadWhileUnsaved } from './before-unload.ts';
export { storeError, type StoreErrorCode } from './errors.ts';
export { DB_NAME, DB_VERSION } from './schema.ts';
export { planDiffOps } from './plan-diff.ts';
