/** Ctrl/Cmd+Z is undo; Ctrl/Cmd+Y and Ctrl/Cmd+Shift+Z are redo (as in spreadsheets). */
export function undoCommand(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** Grids handle their own shortcuts and emit rp-undo / rp-redo; their key events are left alone. */
export const fromGrid = (e: Event): boolean =>
  e
    .composedPath()
    .some((n) => n instanceof HTMLElement && (n.localName === 'rp-split-grid' || n.localName === 'rp-budget-grid'));
