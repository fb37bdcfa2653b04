import { sendKeys } from '@web/test-runner-commands';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';

type Hot = {
  selectCell(r: number, c: number, r2?: number, c2?: number): boolean;
  listen(): void;
  getCell(r: number, c: number, topmost?: boolean): HTMLTableCellElement | null;
  getSelectedLast(): number[] | undefined;
  getDataAtCell(r: number, c: number): unknown;
};
export const hotOf = (el: RpGridElement) => (el as unknown as { hot: Hot }).hot;

/** Selects a cell (or range) the way a click would, leaving keyboard focus in the grid. */
export function select(el: RpGridElement, row: number, col: number, row2 = row, col2 = col): void {
  const hot = hotOf(el);
  hot.listen();
  hot.selectCell(row, col, row2, col2);
}

/** Presses a chord such as ['Control', 'z']: modifiers down, key, modifiers up. */
export async function chord(...keys: string[]): Promise<void> {
  const mods = keys.slice(0, -1);
  for (const m of mods) await sendKeys({ down: m });
  await sendKeys({ press: keys[keys.length - 1]! });
  for (const m of mods.reverse()) await sendKeys({ up: m });
}

/** Types text into the selected cell and confirms with Enter, as a person would. */
export async function typeInto(el: RpGridElement, row: number, col: number, text: string): Promise<void> {
  select(el, row, col);
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

/**
 * Pastes text at the selected cell through a real paste event carrying the clipboard data, the
 * way the browser delivers Ctrl+V (headless Chromium offers no system clipboard to write to).
 */
export function paste(el: RpGridElement, data: { 'text/plain': string; 'text/html'?: string }): void {
  const dt = new DataTransfer();
  for (const [type, value] of Object.entries(data)) dt.setData(type, value);
  const target = (el.shadowRoot!.activeElement as HTMLElement | null) ?? el.shadowRoot!.querySelector('td')!;
  target.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }),
  );
}

/**
 * Puts text on the browser's real clipboard the way a person copies from a spreadsheet: select
 * it in a text field and press Ctrl+C. A following Ctrl+V in the grid pastes it.
 */
export async function copyText(text: string): Promise<void> {
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.focus();
  area.select();
  await chord('Control', 'c');
  area.remove();
}
