import { DEFAULT_SPLIT_ROW, type PlanOp } from '../model/ops.ts';

/*
 * Where one batch of ops is written as more than one transaction, for undo's sake. A transaction
 * that writes a doc value and then overwrites or deletes it (the same field set twice, a row
 * written and then removed or renamed) leaves an item that was born and deleted at once. When an
 * earlier step is undone later, Yjs finds that item beside the value it must put back, takes it
 * for a peer's newer change and leaves the value out: the earlier plan would come back wrong.
 * So a batch is cut before each op that writes over what the same part already wrote; each part
 * is its own transaction, and the planner undoes and redoes the parts of one batch together.
 * Almost every batch is a single part.
 */

/** What an op writes, as paths: a whole row `c/id`, a field `c/id/f`, a split cell `c/id/split/d/s`. */
function writes(o: PlanOp): string[] {
  switch (o.op) {
    case 'set-field':
      return [`plan/${o.field}`];
    case 'insert-row':
    case 'remove-row':
      return [`${o.collection}/${o.op === 'insert-row' ? o.row.id : o.id}`];
    case 'move-row':
      return [];
    case 'set-split':
      return o.rowId === DEFAULT_SPLIT_ROW
        ? [`default/${o.domainId}/${o.sectorId ?? ''}`]
        : [`activities/${o.rowId}/split/${o.domainId}/${o.sectorId ?? ''}`];
    case 'update-row': {
      const { id, ...rest } = o.patch as Record<string, unknown>;
      const out = Object.keys(rest).map((f) => `${o.collection}/${o.id}/${f}`);
      if (typeof id === 'string' && id !== o.id) out.push(`${o.collection}/${o.id}`, `${o.collection}/${id}`);
      return out;
    }
  }
}

const ancestors = (path: string): string[] => {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
};

/** The batch cut before each op that writes a path the current part wrote, inside or around it. */
export function undoSegments(ops: readonly PlanOp[]): PlanOp[][] {
  const out: PlanOp[][] = [];
  let part: PlanOp[] = [];
  let written = new Set<string>(); // paths written
  let under = new Set<string>(); // every ancestor of a path written
  for (const o of ops) {
    const paths = writes(o);
    const clash = paths.some((p) => under.has(p) || ancestors(p).some((a) => written.has(a)));
    if (clash && part.length > 0) {
      out.push(part);
      part = [];
      written = new Set();
      under = new Set();
    }
    part.push(o);
    for (const p of paths) {
      written.add(p);
      for (const a of ancestors(p)) under.add(a);
    }
  }
  if (part.length > 0) out.push(part);
  return out;
}
