import * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import { compactHistory, HISTORY_ORIGIN, HISTORY_ROOT, HISTORY_RULE, recordPoint } from './history.ts';
import { personOf, USERS_ROOT } from './history-users.ts';

/*
 * Keeping the history as a stored scenario is edited (the store attaches it to each live
 * document, store/live.ts): the start, then one point per burst of this browser's edits.
 */

const map = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(HISTORY_ROOT);

/** Roots beside the plan: a transaction changing only these is no edit of the plan. */
const BESIDE_PLAN = [HISTORY_ROOT, USERS_ROOT, 'signoffs', 'comments'];

function changesPlan(doc: Y.Doc, tr: Y.Transaction): boolean {
  const beside = new Set<unknown>(BESIDE_PLAN.map((name) => doc.share.get(name)).filter((t) => t !== undefined));
  for (const type of tr.changed.keys()) {
    let root: unknown = type;
    while (root instanceof Y.AbstractType && root._item?.parent instanceof Y.AbstractType) root = root._item.parent;
    if (!beside.has(root)) return true;
  }
  return false;
}

/**
 * Keeps the history of a stored scenario's document: the first change of a document without
 * points records the state before it (by nobody: the scenario as it was), in the same
 * transaction; after each burst of this browser's edits of the plan (HISTORY_RULE.quietMs without
 * one) a point records them, by the person PermanentUserData names for this client, and the
 * history is compacted. Returns the stop, which records a pending burst at once.
 */
export function keepHistory(doc: Y.Doc, plan?: () => Plan): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const record = (): void => {
    clearTimeout(timer);
    timer = undefined;
    try {
      recordPoint(doc, personOf(doc, doc.clientID) ?? '', undefined, { plan: plan?.() });
      compactHistory(doc);
    } catch {
      // A document a peer bent out of shape: this point is missed, editing goes on.
    }
  };
  const onBefore = (tr: Y.Transaction): void => {
    if (!tr.local || tr.origin === HISTORY_ORIGIN || map(doc).size > 0) return;
    try {
      recordPoint(doc, '', undefined, { start: true, plan: plan?.() });
    } catch {
      // The history misses its start; the edit goes on.
    }
  };
  const onAfter = (tr: Y.Transaction): void => {
    if (!tr.local || tr.origin === HISTORY_ORIGIN || !changesPlan(doc, tr)) return;
    clearTimeout(timer);
    timer = setTimeout(record, HISTORY_RULE.quietMs);
  };
  doc.on('beforeTransaction', onBefore);
  doc.on('afterTransaction', onAfter);
  return () => {
    doc.off('beforeTransaction', onBefore);
    doc.off('afterTransaction', onAfter);
    if (timer !== undefined) record();
  };
}
