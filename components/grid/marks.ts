import type { Finding, FindingLocation } from '../../src/model/finding.ts';

/** A cell by its stable identity: the row's id and the column's key (never visual indexes). */
export interface CellRef {
  rowId: string;
  colKey: string;
}

/**
 * Maps a finding's location to the cell that shows it in one grid, or the cells (a sum over a
 * domain's sectors marks every sector share); null when it is not there.
 */
export type Locate = (location: FindingLocation) => CellRef | readonly CellRef[] | null;

/** The cells a located finding marks, as a list. */
export const refsOf = (located: CellRef | readonly CellRef[] | null): readonly CellRef[] =>
  located === null ? [] : Array.isArray(located) ? located : [located as CellRef];

/** rowId → colKey → the findings marking that cell, errors first. */
export type MarkMap = Map<string, Map<string, Finding[]>>;

export function buildMarks(findings: readonly Finding[], locate: Locate): MarkMap {
  const marks: MarkMap = new Map();
  for (const finding of findings) {
    for (const ref of refsOf(locate(finding.location))) {
      let row = marks.get(ref.rowId);
      if (!row) marks.set(ref.rowId, (row = new Map()));
      const list = row.get(ref.colKey);
      if (list) list.push(finding);
      else row.set(ref.colKey, [finding]);
    }
  }
  for (const row of marks.values()) {
    for (const list of row.values())
      list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  }
  return marks;
}

/** The worst severity among a cell's findings, or null when the cell is clean. */
export const markSeverity = (list: readonly Finding[] | undefined): Finding['severity'] | null =>
  !list || list.length === 0 ? null : list.some((f) => f.severity === 'error') ? 'error' : 'warning';

/** True when the two mark maps mark the same cells with the same findings (by code and message). */
export function sameMarks(a: MarkMap, b: MarkMap): boolean {
  if (a.size !== b.size) return false;
  for (const [rowId, rowA] of a) {
    const rowB = b.get(rowId);
    if (!rowB || rowB.size !== rowA.size) return false;
    for (const [key, listA] of rowA) {
      const listB = rowB.get(key);
      if (!listB || listB.length !== listA.length) return false;
      for (let i = 0; i < listA.length; i++) {
        if (listA[i]!.code !== listB[i]!.code || listA[i]!.message.en !== listB[i]!.message.en) return false;
      }
    }
  }
  return true;
}

const markSig = (list: readonly Finding[] | undefined): string =>
  list ? list.map((f) => `${f.severity}\u0000${f.code}\u0000${f.message.nl}\u0000${f.message.en}`).join('\u0001') : '';

/** The cells whose marks differ between two mark maps (added, removed or changed findings). */
export function changedMarks(a: MarkMap, b: MarkMap): CellRef[] {
  const out: CellRef[] = [];
  for (const [rowId, row] of a) {
    for (const [colKey, list] of row) {
      if (markSig(list) !== markSig(b.get(rowId)?.get(colKey))) out.push({ rowId, colKey });
    }
  }
  for (const [rowId, row] of b) {
    for (const colKey of row.keys()) if (!a.get(rowId)?.has(colKey)) out.push({ rowId, colKey });
  }
  return out;
}

/** An open comment thread as a grid marks it: its id and the place it is anchored to. */
export interface CommentMark {
  id: string;
  location: FindingLocation;
}

/** rowId → colKey → the ids of the open threads anchored to that cell, oldest first. */
export type CommentMap = Map<string, Map<string, string[]>>;

/** Where each open thread shows in one grid (threads on a row or a field outside it are left out). */
export function buildCommentMarks(threads: readonly CommentMark[], locate: Locate): CommentMap {
  const out: CommentMap = new Map();
  for (const thread of threads) {
    const ref = refsOf(locate(thread.location))[0];
    if (!ref) continue;
    let row = out.get(ref.rowId);
    if (!row) out.set(ref.rowId, (row = new Map()));
    const list = row.get(ref.colKey);
    if (list) list.push(thread.id);
    else row.set(ref.colKey, [thread.id]);
  }
  return out;
}

/** The cells whose comment marks differ between two maps. */
export function changedCommentMarks(a: CommentMap, b: CommentMap): CellRef[] {
  const out: CellRef[] = [];
  const sig = (list: readonly string[] | undefined) => (list ? list.join('\u0000') : '');
  for (const [rowId, row] of a) {
    for (const [colKey, list] of row) if (sig(list) !== sig(b.get(rowId)?.get(colKey))) out.push({ rowId, colKey });
  }
  for (const [rowId, row] of b) {
    for (const colKey of row.keys()) if (!a.get(rowId)?.has(colKey)) out.push({ rowId, colKey });
  }
  return out;
}
