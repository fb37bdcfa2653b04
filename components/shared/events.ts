import type { Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { Finding, FindingLocation } from '../../src/model/finding.ts';
import type { Msg } from '../../src/i18n/locale.ts';
import type { StateProblem } from '../../src/sync/state.ts';
import type { CellRef } from '../../src/sync/collab/presence.ts';
import type { SaveInfo, StoreError } from '../../src/store/types.ts';
import type { ExportError, ExportFormat } from '../../src/export/index.ts';
import type { CommentAnchor, Signoff, SignoffParty } from '../../src/model/negotiation.ts';

/*
 * Every `rp-*` event of the elements, in one place: its detail type, one entry in the global event
 * map (so `addEventListener('rp-change', e => e.detail.plan)` is typed in a host's TypeScript), and
 * one `emit()` that dispatches it bubbling and composed, as every rp-* event is. Names and detail
 * shapes are the public contract: they only ever grow.
 */

/**
 * A cell as the plan names it: the section (grid), its row, and the column (a field, or a split
 * domain/sector). What `rp-select` carries and what a workshop peer's selection points at.
 */
export type CellLocation = CellRef;

/** `rp-change`: after every change (edit, undo, redo, peer, a host's set). */
export interface RpChangeDetail {
  plan: Plan;
  findings: readonly Finding[];
}

/**
 * `rp-plan-open`: the user put another plan in view: one of their own (`new`, from the handleiding's
 * `template`, opened from a `file`, or one stored before: `own`), or back to the site's plan (`host`).
 * An rp-change follows.
 */
export interface RpPlanOpenDetail {
  plan: Plan;
  source: 'new' | 'template' | 'file' | 'own' | 'host';
}

/** `rp-error`: a plan was refused, or an edit could not be applied. */
export interface RpErrorDetail {
  code: 'plan-invalid' | StateProblem['code'];
  message: Msg;
  issues?: string[];
}

/** `rp-edit`: a section's edit, applied by the planner as one undo step. */
export interface RpEditDetail {
  ops: PlanOp[];
}

/** `rp-select`: the cell a grid's selection is on (null: none); shared with workshop peers. */
export type RpSelectDetail = CellLocation | null;

/** `rp-flow-select`: a money flow was chosen in the flow diagram. */
export interface RpFlowSelectDetail {
  funderId?: string | null;
  domainId: string | null;
  sectorId?: string | null;
  providerId?: string | null;
}

/** `rp-export`: a file was exported from the export menu. */
export interface RpExportDetail {
  format: ExportFormat;
  fileName: string;
  blob: Blob;
}

/** `rp-export-error`: an export was refused (`has-errors` with the findings) or failed. */
export interface RpExportErrorDetail {
  error: ExportError;
}

/** The scenario bar's `rp-scenario-*` events. */
export interface ScenarioEventDetail {
  id: string;
}

/** `rp-snapshot-restored`. */
export interface SnapshotRestoredDetail {
  scenarioId: string;
  snapshotId: number;
}

/** `rp-signoff-request`: the sign-off panel asks to put the scenario up for sign-off, or to record one party's "akkoord". */
export type SignoffRequest = { action: 'open' } | { action: 'sign'; party: SignoffParty; name: string; role: string };

/**
 * `rp-signoff`: a sign-off round was opened, or a party's sign-off recorded in this browser. `complete`:
 * every party has now signed this exact version (`fingerprint`).
 */
export interface RpSignoffDetail {
  action: 'open' | 'sign';
  signoff: Signoff | null;
  fingerprint: string;
  complete: boolean;
}

/** `rp-comment-request`: the comments panel asks to start, answer, resolve or reopen a thread. */
export type CommentRequest =
  | { action: 'start'; anchor: CommentAnchor; text: string }
  | { action: 'reply'; threadId: string; text: string }
  | { action: 'resolve' | 'reopen'; threadId: string }
  | { action: 'go'; anchor: CommentAnchor }
  /** A grid's comment mark or shortcut: show the cell's open thread in the panel, or start one there. */
  | { action: 'open'; anchor: CommentAnchor };

/** `rp-comment`: a comment thread was started, answered, resolved or reopened in this browser. */
export interface RpCommentDetail {
  action: 'start' | 'reply' | 'resolve' | 'reopen';
  threadId: string;
  anchor: CommentAnchor;
}

/**
 * One entry of the history (`history(location?)`, `rp-history`): who, when, what. Without a
 * location, the scenario's timeline: one person's edits made close together (`edits`), a named
 * version (`version`), an earlier version the store keeps (`stored-version`, "Eerdere versies"),
 * and the `start` (the scenario before its first edit; `by` is ''). With a location, the earlier
 * values of that cell, row or field (`value`).
 */
export interface HistoryEntry {
  /** The point's id (what a restore goes back to); `stored:<n>` for an earlier version the store keeps. */
  id: string;
  kind: 'start' | 'edits' | 'version' | 'stored-version' | 'value';
  /** The person (the `user-name`, or the workshop identity) whose edits these were. */
  by: string;
  /** When (ISO 8601): the end of the edits, or when the value was recorded. */
  at: string;
  /** What changed since the entry before (timeline; up to 50 places). */
  what: FindingLocation[];
  /** The value at that point (with a location; undefined: the row or field did not exist then). */
  value?: unknown;
  /** A version's name. */
  name?: string;
}

/**
 * `rp-history-request`: the history panel asks to restore an entry, to compare one with the plan
 * now (`id` null: stop comparing), to compare it with another moment in the planner's compare
 * view (`compare-moments`), to show the whole timeline, or to close.
 */
export type HistoryRequest =
  | { action: 'restore'; id: string }
  | { action: 'compare'; id: string | null }
  | { action: 'compare-moments'; id: string }
  | { action: 'timeline' }
  | { action: 'close' };

/** `rp-history`: an earlier value or state was put back in this browser, as one undoable edit. */
export interface RpHistoryDetail {
  action: 'restore';
  /** The cell, row or field restored; null when the whole scenario went back to `entry`. */
  location: FindingLocation | null;
  entry: HistoryEntry;
}

/** Each rp-* event's detail. */
export interface RpEventDetails {
  'rp-change': RpChangeDetail;
  'rp-plan-open': RpPlanOpenDetail;
  'rp-error': RpErrorDetail;
  'rp-edit': RpEditDetail;
  'rp-undo': null;
  'rp-redo': null;
  'rp-select': RpSelectDetail;
  'rp-focus-finding': Finding;
  'rp-flow-select': RpFlowSelectDetail;
  'rp-export': RpExportDetail;
  'rp-export-error': RpExportErrorDetail;
  'rp-saved': SaveInfo;
  'rp-store-error': StoreError;
  'rp-scenario-select': ScenarioEventDetail;
  'rp-scenario-created': ScenarioEventDetail;
  'rp-scenario-renamed': ScenarioEventDetail;
  'rp-scenario-deleted': ScenarioEventDetail;
  'rp-scenario-restored': ScenarioEventDetail;
  'rp-scenario-chosen': ScenarioEventDetail;
  'rp-snapshot-restored': SnapshotRestoredDetail;
  'rp-signoff-request': SignoffRequest;
  'rp-signoff': RpSignoffDetail;
  'rp-comment-request': CommentRequest;
  'rp-comment': RpCommentDetail;
  'rp-history-request': HistoryRequest;
  'rp-history': RpHistoryDetail;
}

export type RpEventName = keyof RpEventDetails;
export type RpEvent<K extends RpEventName> = CustomEvent<RpEventDetails[K]>;

/** Dispatches an rp-* event from `from`: bubbling and composed, so it reaches the host page through shadow roots. */
export function emit<K extends RpEventName>(from: EventTarget, type: K, detail: RpEventDetails[K]): boolean {
  return from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

type RpEventMap = { [K in RpEventName]: RpEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends RpEventMap {}
}
