import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import type { HotInstance } from './handsontable.ts';
import { cellKey } from './cell-painter.ts';
import type { CellEdit, EditOutcome, GridColumn, GridRow } from './grid-types.ts';

/*
 * Edit handling: what Handsontable reports as changed cells becomes CellEdits for the grid's own
 * reading (toOps), refusals are remembered per cell and told in the status line, and the grid's
 * own shortcuts (undo, redo, fill down, extras) are installed. The grid never writes a value
 * itself: the plan is the owner's, and a cell shows a value only when the plan has it.
 */

export type Change = [number, string | number, unknown, unknown] | null;

/** Source tags for changes the grid writes itself, which must not become edits. */
export const SYNC = 'rp-sync';
export const FILL = 'rp-fill';

export interface EditTarget {
  readonly rows: readonly GridRow[];
  readonly columns: readonly GridColumn[];
  readonly readonly: boolean;
}

/**
 * Turns Handsontable's `beforeChange` list into edits, cancelling every change (set to null) so
 * Handsontable never writes it; changes to read-only cells and unchanged text are dropped.
 */
export function takeEdits(hot: HotInstance, changes: Change[], source: string, t: EditTarget): CellEdit[] {
  if (source === SYNC || source === 'loadData' || source === 'updateData') return [];
  const edits: CellEdit[] = [];
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    changes[i] = null;
    if (!change) continue;
    const [rowIndex, prop, previous, next] = change;
    const colIndex = typeof prop === 'number' ? prop : hot.propToCol(prop);
    const row = t.rows[rowIndex];
    const column = t.columns[colIndex as number];
    if (!row || !column || t.readonly || column.readOnly || row.readOnly) continue;
    const text = next == null ? '' : String(next);
    if (text === (previous == null ? '' : String(previous))) continue;
    edits.push({ row, column, rowIndex, colIndex: colIndex as number, text });
  }
  return edits;
}

/** Runs the grid's reading of edits; a bug there refuses the input instead of throwing. */
export function readEdits(toOps: (edits: CellEdit[]) => EditOutcome, edits: CellEdit[]): EditOutcome {
  try {
    return toOps(edits);
  } catch {
    return {
      ops: [],
      refused: edits.map((edit) => ({ edit, message: { nl: 'Invoer niet verwerkt', en: 'Input not processed' } })),
    };
  }
}

/** Remembers which of the edited cells were refused (and forgets those accepted now). */
export function recordRefusals(refused: Map<string, Msg>, edits: readonly CellEdit[], outcome: EditOutcome): void {
  for (const e of edits) refused.delete(cellKey(e.row.id, e.column.key));
  for (const { edit, message } of outcome.refused) refused.set(cellKey(edit.row.id, edit.column.key), message);
}

/** The status line for refused input: where, why, and that the old value stays; null when none. */
export function refusalText(outcome: EditOutcome, locale: Locale): string | null {
  const first = outcome.refused[0];
  if (!first) return null;
  const where = `${first.edit.row.name}, ${first.edit.column.header}`;
  const more = outcome.refused.length > 1 ? ` (+${outcome.refused.length - 1})` : '';
  return `${gt('editsRefused', locale)} — ${where}: ${first.message[locale]} ${gt('oldValueKept', locale)}.${more}`;
}

/** How ambiguous input was read ("12.500 gelezen als € 12.500,00"); null when nothing was ambiguous. */
export function noteText(outcome: EditOutcome, locale: Locale): string | null {
  const notes = outcome.notes ?? [];
  if (notes.length === 0) return null;
  return notes.map((n) => `${n.edit.row.name}, ${n.edit.column.header}: ${n.message[locale]}`).join(' ');
}

/** Ctrl+D: copies the top cell of each selected column down the selection, as one edit. */
export function fillDown(hot: HotInstance): void {
  const sel = hot.getSelectedLast();
  if (!sel) return;
  const [r1, c1, r2, c2] = sel as [number, number, number, number];
  const top = Math.min(r1, r2),
    bottom = Math.max(r1, r2);
  if (bottom <= top) return;
  const cells: [number, number, unknown][] = [];
  for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
    const value = hot.getDataAtCell(top, c);
    for (let r = top + 1; r <= bottom; r++) cells.push([r, c, value]);
  }
  hot.setDataAtCell(cells as never, undefined, undefined, FILL);
}

export interface Shortcut {
  keys: string[][];
  run: () => void;
}

/** The grid's own shortcuts in Handsontable's grid context: undo and redo go to the owner. */
export function installShortcuts(hot: HotInstance, undo: (redo: boolean) => void, extra: readonly Shortcut[]): void {
  const grid = hot.getShortcutManager().getContext('grid');
  if (!grid) return;
  // Handled here and nowhere else: without stopPropagation the key goes on to Handsontable's
  // editor, and Alt+B opened the cell editor with a "b" in it (after which Ctrl+Z undid typing).
  const own = { preventDefault: true, stopPropagation: true };
  grid.addShortcuts(
    [
      { keys: [['Control/Meta', 'z']], callback: () => undo(false), ...own },
      {
        keys: [
          ['Control/Meta', 'y'],
          ['Control/Meta', 'Shift', 'z'],
        ],
        callback: () => undo(true),
        ...own,
      },
      { keys: [['Control/Meta', 'd']], callback: () => fillDown(hot), ...own },
      ...extra.map((s) => ({ keys: s.keys, callback: () => s.run(), ...own })),
    ],
    { group: 'rp-grid' },
  );
}

/** Ctrl/Cmd+Z is undo; Ctrl/Cmd+Y and Ctrl/Cmd+Shift+Z are redo (as in spreadsheets). */
export function undoChord(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}
