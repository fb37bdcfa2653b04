import type { PlanOp } from '../../src/model/ops.ts';
import type { FindingLocation } from '../../src/model/finding.ts';

/** The edit event every section emits; the planner applies `ops` as one undo step. */
export type RpEditEvent = CustomEvent<{ ops: PlanOp[] }>;

export function emitEdit(from: HTMLElement, ops: PlanOp[]): void {
  if (ops.length === 0) return;
  from.dispatchEvent(new CustomEvent('rp-edit', { detail: { ops }, bubbles: true, composed: true }));
}

/** Sections with form fields implement this so the planner can move focus to a finding. */
export interface FocusableSection {
  focusField(location: FindingLocation): boolean;
}

declare global {
  interface HTMLElementEventMap {
    'rp-edit': RpEditEvent;
  }
}
