import type { HotInstance } from './handsontable.ts';

/*
 * The grid as one stop in the page's Tab order (WCAG 2.1.1 and 2.4.7). Handsontable puts a focus
 * catcher before and after the table and learns from the window's focus events that one was
 * tabbed to; in a shadow root those events reach the window retargeted to the host element, so it
 * never learns and Tab stops on two invisible, inert elements. Here the catchers are watched from
 * inside the shadow root: tabbing onto one selects a cell (focus and its frame show), and Tab on
 * the last column or Shift+Tab on the first leaves the grid the way the browser would, from the
 * catcher on that side. Inside the grid Tab moves between cells, as in a spreadsheet.
 */

export interface KeyboardEntry {
  destroy(): void;
}

/** `enter(fromBelow)` selects and focuses a cell; called when the user tabs into the grid. */
export function installKeyboardEntry(
  hot: HotInstance,
  container: HTMLElement,
  enter: (fromBelow: boolean) => void,
): KeyboardEntry {
  const root = container.getRootNode() as ShadowRoot | Document;
  const catchers = () => [...container.querySelectorAll<HTMLElement>('.htFocusCatcher')];
  let leaving = false;

  const onFocusIn = (e: Event) => {
    const target = e.target as HTMLElement;
    if (leaving || !target.classList?.contains('htFocusCatcher') || !catchers().includes(target)) return;
    enter(target.dataset.htFocusSource === 'tab_from_below');
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey || !hot.isListening()) return;
    if (hot.getActiveEditor()?.isOpened()) return;
    const sel = hot.getSelectedLast();
    if (!sel) return;
    const col = sel[1]!;
    if (e.shiftKey ? col > 0 : col < hot.countCols() - 1) return;
    // The last catcher above the cells, or the first below them, on the side the user leaves by.
    const side = catchers().filter(
      (c) => c.dataset.htFocusSource === (e.shiftKey ? 'tab_from_above' : 'tab_from_below'),
    );
    const from = e.shiftKey ? side[0] : side[side.length - 1];
    if (!from) return;
    // Focus the catcher on the side the user leaves by; the browser's own Tab then moves on from
    // there, to whatever comes next in the page. Handsontable must not cancel this Tab.
    // In the Tab order (tabindex 0): Chromium moves on from an element outside it to the start
    // of the shadow root instead of to the element after it.
    leaving = true;
    from.tabIndex = 0;
    from.focus();
    hot.unlisten();
    e.stopPropagation();
    setTimeout(() => {
      leaving = false;
    });
  };

  root.addEventListener('focusin', onFocusIn);
  container.addEventListener('keydown', onKeyDown);
  return {
    destroy() {
      root.removeEventListener('focusin', onFocusIn);
      container.removeEventListener('keydown', onKeyDown);
    },
  };
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
}

/**
 * Runs a Handsontable call that may move focus into its cells (replacing rows re-applies the
 * selection, which focuses the selected cell) and gives focus back to where the user was, when
 * that was outside this grid: removing an activity keeps focus on the button pressed.
 */
export function keepingFocus(container: HTMLElement, run: () => void): void {
  const before = deepActiveElement();
  const outside = before && !container.contains(before) ? before : null;
  run();
  if (outside && outside.isConnected && deepActiveElement() !== outside) outside.focus({ preventScroll: true });
}
