export * from './format.ts';
export * from './export.ts';
export * from './import.ts';
export { FileV0, FILE_MIGRATIONS } from './migrations.ts';
export { exportStore, importIntoStore } from './store-files.ts';
export {
  isOwnPlanId,
  emptyOwnPlan,
  templateOwnPlan,
  openOwnPlanFile,
  type OwnPlan,
  type OwnScenario,
} from './own-plan.ts';
