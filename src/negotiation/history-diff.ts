import type * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import { planAt as planAtPoint, readPoints } from './history.ts';

/*
 * Two moments of one scenario's history side by side: the compare view lists the moments (a
 * timeline entry: the state after one person's burst of edits, a named version, or the start; who,
 * when and which name only, moments-steps.ts), turns each picked moment into a plan (off the page,
 * plan-at-read.ts), and compares the two plans as it compares scenarios.
 */

export { historyMoments, momentSteps, type HistoryMoment } from './moments-steps.ts';
export { inSteps } from './history-steps.ts';
export { closePlanAt, readPlanAt } from './plan-at-read.ts';

/**
 * The plan as it was at the point `pointKey`; null when the document has no such point or no
 * longer holds that state (a workshop joiner's document may lack it).
 */
export function planAt(doc: Y.Doc, pointKey: string): Plan | null {
  const point = readPoints(doc).find((p) => p.key === pointKey);
  return point ? planAtPoint(doc, point) : null;
}

export { observeHistory } from './history.ts';
