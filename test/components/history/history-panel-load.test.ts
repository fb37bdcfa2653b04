import { expect } from 'chai';
import '../../../components/history/history-panel.ts';
import type { RpHistoryPanel } from '../../../components/history/history-panel.ts';
import type { HistoryEntry } from '../../../components/shared/events.ts';

/*
 * The history dialog's rendering code loads on the panel's first connection: the dialog still
 * opens at once (modal, with a busy line while the code loads), its title takes focus once it is
 * there, and closing puts focus back where it was.
 */

const entries: HistoryEntry[] = [
  { id: 'e1', kind: 'edits', at: '2026-03-02T10:00:00.000Z', by: 'Anna', what: [] },
] as unknown as HistoryEntry[];

const deepActive = (): Element | null => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

describe('the history panel on its first connection', () => {
  afterEach(() => document.querySelectorAll('rp-history-panel, button[data-opener]').forEach((e) => e.remove()));

  it('opens as a modal dialog at once, then focuses its title and lists the entries', async () => {
    const opener = document.createElement('button');
    opener.dataset.opener = '';
    opener.textContent = 'open';
    document.body.append(opener);
    opener.focus();
    const el = document.createElement('rp-history-panel') as RpHistoryPanel;
    document.body.append(el);
    el.view = { place: null, entries };
    // lit's own update (a microtask), before the panel's code can have loaded.
    await new Promise<void>((r) => queueMicrotask(r));
    await new Promise<void>((r) => queueMicrotask(r));
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open, 'open at once').to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    await el.updateComplete;
    const title = el.shadowRoot!.querySelector('h2')!;
    expect(title.textContent).to.contain('Geschiedenis van dit scenario');
    expect(deepActive()).to.equal(title);
    expect(el.shadowRoot!.querySelectorAll('ol li')).to.have.length(1);
    // The panel's styles came with its code (a title 1.0625em, not the browser's 1.5em).
    const ratio = parseFloat(getComputedStyle(title).fontSize) / parseFloat(getComputedStyle(dialog).fontSize);
    expect(ratio).to.be.closeTo(1.0625, 0.01);
    el.view = null;
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('a restore in the loaded view asks the planner with the entry’s id', async () => {
    const el = document.createElement('rp-history-panel') as RpHistoryPanel;
    document.body.append(el);
    el.view = { place: null, entries };
    await el.updateComplete;
    const asked: unknown[] = [];
    el.addEventListener('rp-history-request', (e) => asked.push((e as CustomEvent).detail));
    const restore = [...el.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Terugzetten',
    )!;
    restore.click();
    expect(asked).to.deep.equal([{ action: 'restore', id: 'e1' }]);
  });
});
