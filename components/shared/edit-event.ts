import type { PlanOp } from '../../src/model/ops.ts';
import type { FindingLocation } from '../../src/model/finding.ts';
import { emit, type RpEvent } from './events.ts';

/** The edit event every section emits; the planner applies `ops` as one undo step (its type lives in events.ts). */
export type RpEditEvent = RpEvent<'rp-edit'>;

export function emitEdit(from: HTMLElement, ops: PlanOp[]): void {
  if (ops.length === 0) return;
  emit(from, 'rp-edit', { ops });
}

/** Sections with form fields implement this so the planner can move focus to a finding. */
export interface FocusableSection {
  focusField(location: FindingLocation): boolean;
}
