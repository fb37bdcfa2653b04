import type * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import { planAt as planAtPoint, readPoints, timeline, type TimelineEntry } from './history.ts';

/*
 * Two moments of one scenario's history side by side: the compare view turns each moment (a
 * timeline entry: the state after one person's burst of edits, a named version, or the start)
 * into a plan, and compares the two plans as it compares scenarios.
 */

/** A moment of the scenario's history that can be compared: one entry of its timeline. */
export interface HistoryMoment {
  /** The key of the point the moment stands for (the entry's last point). */
  key: string;
  kind: TimelineEntry['kind'];
  /** Who made the edits (empty for the start). */
  by: string;
  /** When (ms since the epoch). */
  at: number;
  /** A named version's name. */
  name?: string;
}

/** The moments of the scenario's history, newest first (at most `limit`). */
export function historyMoments(doc: Y.Doc, limit = 200): HistoryMoment[] {
  return timeline(doc, limit).map((e) => ({
    key: e.id,
    kind: e.kind,
    by: e.by,
    at: e.at,
    ...(e.name ? { name: e.name } : {}),
  }));
}

/**
 * The plan as it was at the point `pointKey`; null when the document has no such point or no
 * longer holds that state (a workshop joiner's document may lack it).
 */
export function planAt(doc: Y.Doc, pointKey: string): Plan | null {
  const point = readPoints(doc).find((p) => p.key === pointKey);
  return point ? planAtPoint(doc, point) : null;
}

export { observeHistory } from './history.ts';
