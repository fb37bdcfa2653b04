import * as Y from 'yjs';

/*
 * What the history no longer needs. A document with history keeps the plan's deleted content, so
 * that the plan as it was at each point can be read back. Content that was written and deleted
 * again between two points (a value typed over within one burst of edits, or at points since
 * compacted away) shows at no point: it is collected (Yjs' own garbage collection, Y.tryGc), and
 * a stored scenario opens without it. Only the plan's content is collected; an item the undo
 * manager still needs is kept (Yjs keeps what it marks).
 */

/** Roots beside the plan (the history, its people, sign-offs, comments): their deleted content is left as it is. */
const BESIDE_PLAN = new Set(['history', 'users', 'signoffs', 'comments']);

/** Whether an element of an item shows in the snapshot. */
const seen = (snap: Y.Snapshot, client: number, clock: number): boolean =>
  clock < (snap.sv.get(client) ?? 0) && !Y.isDeleted(snap.ds, Y.createID(client, clock));

/**
 * Collects the plan's deleted content that showed at a point just removed (`dropped`) and shows
 * at none of the points kept (`kept`); what showed at no removed point was collected when its
 * points went, or is still needed. Returns how many items were collected.
 */
export function collectUnseen(doc: Y.Doc, dropped: readonly Y.Snapshot[], kept: readonly Y.Snapshot[]): number {
  const names = new Map<unknown, string>([...doc.share].map(([name, type]) => [type, name]));
  const inPlan = (item: Y.Item): boolean => {
    let parent: unknown = item.parent;
    while (parent instanceof Y.AbstractType && parent._item) parent = parent._item.parent;
    const root = names.get(parent);
    return root !== undefined && !BESIDE_PLAN.has(root);
  };
  let collected = 0;
  const unseen = (item: Y.Item): boolean => {
    if (item.content instanceof Y.ContentDeleted || !inPlan(item)) return false;
    const { client, clock } = item.id;
    let shown = false;
    for (let j = 0; j < item.length && !shown; j++) shown = dropped.some((s) => seen(s, client, clock + j));
    if (!shown) return false;
    for (let j = 0; j < item.length; j++) if (kept.some((s) => seen(s, client, clock + j))) return false;
    collected++;
    return true;
  };
  Y.tryGc(Y.createDeleteSetFromStructStore(doc.store), doc.store, unseen);
  return collected;
}
