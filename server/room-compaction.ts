import * as Y from 'yjs';
import { compactAndCollect, readPoints, snapshotOf } from '../src/negotiation/history.ts';
import { collectUnshown, deletedSince } from '../src/negotiation/history-compaction.ts';

/*
 * A room at its size cap (room-check.ts). The room keeps the deleted content its history reads
 * (history-check.ts roomGcFilter), which counts against the cap; before a growing edit is refused
 * the room is compacted as the clients compact (compactAndCollect): the points the rule removes
 * go, and with them whatever deleted content no point kept shows — also content written and
 * deleted again between two points, which no removal of points would ever free. Every kept point
 * reads as before.
 *
 * `copies` are documents that mirror the room (the checker's shadow, which measures it): they get
 * the removed points as an update, and collect what the room collected.
 */

/** Compacts the room's history and collects what no kept point shows; whether anything went. */
export function compactRoom(doc: Y.Doc, copies: readonly Y.Doc[] = [], now: number = Date.now()): boolean {
  try {
    const { dropped, collected } = compactAndCollect(doc, now);
    let copied = 0;
    // A snapshot names clocks only: the room's (decoded once) hold for its copies too.
    const kept = copies.length > 0 ? readPoints(doc).map(snapshotOf) : [];
    for (const copy of copies) {
      const since = deletedSince(copy);
      if (!copy.gc) continue;
      // Points went: what only they showed was deleted long before, so all of it is looked at.
      const scope = dropped > 0 ? Y.createDeleteSetFromStructStore(copy.store) : since;
      copied += collectUnshown(copy, kept, scope);
    }
    return dropped + collected + copied > 0;
  } catch {
    // A history a peer bent out of shape: nothing is compacted, the cap holds as it is.
    return false;
  }
}
