import * as Y from 'yjs';
import type { Split } from '../model/split.ts';
import { cellKey, isSplitCell, parseCellKey, SPLIT_BASE, SPLIT_CELLS, SPLIT_FLAG, type SplitCell } from './layout.ts';

/*
 * Split cells in the doc. Each cell is its own map key, so edits to different cells merge and edits
 * to one cell converge on one value. The order number `n` reproduces the order `setSplitCell` gives
 * (a changed cell keeps its place, a new one goes last) and ties between concurrent new cells are
 * broken by key, so every peer builds the same arrays.
 */

type Entries = Map<string, SplitCell>;

function readCells(map: Y.Map<unknown> | undefined, into: Entries): void {
  if (!map) return;
  for (const [k, v] of map.entries()) if (isSplitCell(v)) into.set(k, v);
}

/** The cells that count: edits over the copied base; removed cells left out. */
export function effectiveCells(row: Y.Map<unknown>): Entries {
  const out: Entries = new Map();
  readCells(asMap(row.get(SPLIT_BASE)), out);
  readCells(asMap(row.get(SPLIT_CELLS)), out);
  for (const [k, v] of out) if (v.p === null) out.delete(k);
  return out;
}

export function defaultCells(map: Y.Map<unknown>): Entries {
  const out: Entries = new Map();
  readCells(map, out);
  for (const [k, v] of out) if (v.p === null) out.delete(k);
  return out;
}

const asMap = (v: unknown): Y.Map<unknown> | undefined => (v instanceof Y.Map ? v : undefined);

export function cellsToSplit(cells: Entries): Split {
  const sorted = [...cells].sort(([ka, a], [kb, b]) => a.n - b.n || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const domains: Split['domains'] = [];
  const sectors: Split['sectors'] = [];
  for (const [key, cell] of sorted) {
    const at = parseCellKey(key);
    if (!at || cell.p === null) continue;
    if (at.sectorId === null) domains.push({ domainId: at.domainId, percent: cell.p });
    else sectors.push({ domainId: at.domainId, sectorId: at.sectorId, percent: cell.p });
  }
  return { domains, sectors };
}

export function splitToCells(split: Split): Entries {
  const out: Entries = new Map();
  let n = 0;
  for (const d of split.domains) out.set(cellKey(d.domainId, null), { p: d.percent, n: n++ });
  for (const s of split.sectors) out.set(cellKey(s.domainId, s.sectorId), { p: s.percent, n: n++ });
  return out;
}

/** An activity's split as the snapshot shows it: null while it follows the default split. */
export function readActivitySplit(row: Y.Map<unknown>): Split | null {
  return row.get(SPLIT_FLAG) === true ? cellsToSplit(effectiveCells(row)) : null;
}

const nextOrder = (cells: Entries): number => {
  let max = -1;
  for (const c of cells.values()) if (c.n > max) max = c.n;
  return max + 1;
};

/** One cell of the default split; null percent removes it. */
export function setDefaultCell(
  map: Y.Map<unknown>,
  domainId: string,
  sectorId: string | null,
  percent: string | null,
): void {
  const key = cellKey(domainId, sectorId);
  const current = defaultCells(map).get(key);
  if (percent === null) {
    if (map.has(key)) map.delete(key);
    return;
  }
  if (current?.p === percent) return;
  map.set(key, { p: percent, n: current ? current.n : nextOrder(defaultCells(map)) });
}

export function writeDefaultSplit(map: Y.Map<unknown>, split: Split): void {
  const next = splitToCells(split);
  for (const k of [...map.keys()]) if (!next.has(k)) map.delete(k);
  for (const [k, v] of next) {
    const cur = map.get(k);
    if (!isSplitCell(cur) || cur.p !== v.p || cur.n !== v.n) map.set(k, v);
  }
}

/** Creates the (empty) split maps every activity row carries from its creation on. */
export function initActivitySplit(row: Y.Map<unknown>): void {
  row.set(SPLIT_FLAG, false);
  row.set(SPLIT_BASE, new Y.Map());
  row.set(SPLIT_CELLS, new Y.Map());
}

function ensureMaps(row: Y.Map<unknown>): { base: Y.Map<unknown>; cells: Y.Map<unknown> } {
  // Rows from a well-behaved peer always have both; a row without them gets them now.
  let base = asMap(row.get(SPLIT_BASE));
  let cells = asMap(row.get(SPLIT_CELLS));
  if (!base) row.set(SPLIT_BASE, (base = new Y.Map()));
  if (!cells) row.set(SPLIT_CELLS, (cells = new Y.Map()));
  return { base, cells };
}

const clear = (map: Y.Map<unknown>) => {
  for (const k of [...map.keys()]) map.delete(k);
};

/** Replaces an activity's split as a whole (null = follow the default split). */
export function writeActivitySplit(row: Y.Map<unknown>, split: Split | null): void {
  const { base, cells } = ensureMaps(row);
  if (split === null) {
    if (row.get(SPLIT_FLAG) !== false) row.set(SPLIT_FLAG, false);
    clear(base);
    clear(cells);
    return;
  }
  if (row.get(SPLIT_FLAG) !== true) row.set(SPLIT_FLAG, true);
  clear(cells);
  clear(base);
  for (const [k, v] of splitToCells(split)) base.set(k, v);
}

/**
 * One cell of an activity's split. The first edit starts an override from the current default
 * split, exactly as `applyOps` does.
 */
export function setActivityCell(
  row: Y.Map<unknown>,
  defaults: Y.Map<unknown>,
  domainId: string,
  sectorId: string | null,
  percent: string | null,
): void {
  if (row.get(SPLIT_FLAG) !== true) writeActivitySplit(row, cellsToSplit(defaultCells(defaults)));
  const { cells } = ensureMaps(row);
  const effective = effectiveCells(row);
  const key = cellKey(domainId, sectorId);
  const current = effective.get(key);
  if (percent === null) {
    if (current) cells.set(key, { p: null, n: current.n });
    return;
  }
  if (current?.p === percent) return;
  cells.set(key, { p: percent, n: current ? current.n : nextOrder(effective) });
}
