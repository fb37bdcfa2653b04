import type * as Y from 'yjs';
import { readPoints, sameEntry, type HistoryPoint, type TimelineEntry } from './history.ts';

/*
 * The moments the compare view's two pickers list: the timeline's entries (one person's points
 * within HISTORY_RULE.groupMs, a named version, the start), but only who, when and which name.
 * The timeline itself (timelineSteps) also works out what each entry changed, walking the items of
 * every point: far too much to do again after every point recorded while the pickers are open.
 * The entries are grouped as timelineSteps groups them (sameEntry).
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

/** How many moments the pickers list by default (the newest). */
export const MOMENTS_LISTED = 200;

function moment(last: HistoryPoint): HistoryMoment {
  return {
    key: last.key,
    kind: last.name ? 'version' : last.start ? 'start' : 'edits',
    by: last.by,
    at: last.at,
    ...(last.name ? { name: last.name } : {}),
  };
}

/**
 * The moments one at a time, newest first (at most `limit`): the points are read once, then each
 * step walks back over one entry's points, so a caller (history-steps.ts' inSteps) can let the
 * page run between slices of steps.
 */
export function* momentSteps(doc: Y.Doc, limit = MOMENTS_LISTED): Generator<HistoryMoment, void> {
  const points = readPoints(doc);
  let i = points.length - 1;
  for (let n = 0; n < limit && i >= 0; n++) {
    const last = points[i]!;
    // Back over the points that join `last`'s entry.
    let first = i;
    while (first > 0 && sameEntry(points[first - 1]!, points[first]!)) first--;
    yield moment(last);
    i = first - 1;
  }
}

/** The moments newest first, in one call (tests, small histories). */
export const historyMoments = (doc: Y.Doc, limit = MOMENTS_LISTED): HistoryMoment[] => [...momentSteps(doc, limit)];
