// Registers every regioplan element. Importing this module once defines them all.
export { RpPlanner, type ExportScenarioOptions, type ScenarioFileFormat } from './planner/planner.ts';
export { RpPlanDetails } from './plan-details/plan-details.ts';
export { RpTargetGroups } from './target-groups/target-groups.ts';
export { RpParties } from './parties/parties.ts';
export { RpFindings } from './findings/findings.ts';
export { RpSplitGrid } from './split-grid/split-grid.ts';
export { RpBudgetGrid } from './budget-grid/budget-grid.ts';
export { RpScenarioBar } from './scenario-bar/scenario-bar.ts';
export { RpCompare } from './compare/compare.ts';
export { RpExportMenu } from './export-menu/export-menu.ts';
export { RpFlow, type FlowSelectDetail } from './flow/flow.ts';
export { RpSignoffPanel } from './signoff/signoff-panel.ts';
export { RpCommentsPanel } from './comments/comments-panel.ts';
export { RpHistoryPanel } from './history/history-panel.ts';
// Every rp-* event's detail type (the events themselves are in the global event map).
export type {
  CellLocation,
  CommentRequest,
  HistoryEntry,
  HistoryRequest,
  RpCommentDetail,
  RpHistoryDetail,
  RpSignoffDetail,
  SignoffRequest,
  RpChangeDetail,
  RpEditDetail,
  RpErrorDetail,
  RpEvent,
  RpEventDetails,
  RpEventName,
  RpExportDetail,
  RpExportErrorDetail,
  RpFlowSelectDetail,
  RpSelectDetail,
  ScenarioEventDetail,
  SnapshotRestoredDetail,
} from './shared/events.ts';
