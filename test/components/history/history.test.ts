import { expect } from 'chai';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpHistoryPanel } from '../../../components/history/history-panel.ts';
import type { HistoryEntry, RpHistoryDetail } from '../../../components/shared/events.ts';
import type { PlanOp } from '../../../src/model/ops.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { mount, record } from '../planner/dom.ts';
import { edit, freshDb, until } from '../planner/host.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

/* A cell's history on Alt+H: earlier values, who, when; a restore is one edit that one undo takes back. */

const amount = (p: RpPlanner): string => (p.plan!.activities[0]!.cost as { amount: string }).amount;
const setAmount = (p: RpPlanner, value: string): PlanOp[] => {
  const a = p.plan!.activities[0]!;
  return [
    { op: 'update-row', collection: 'activities', id: a.id, patch: { cost: { ...a.cost, amount: value } as never } },
  ];
};
const panel = (p: RpPlanner): RpHistoryPanel => p.shadowRoot!.querySelector<RpHistoryPanel>('rp-history-panel')!;

async function historyUntil(
  p: RpPlanner,
  check: (e: HistoryEntry[]) => boolean,
  what: string,
): Promise<HistoryEntry[]> {
  const end = Date.now() + 15_000;
  for (;;) {
    const entries = await p.history();
    if (check(entries)) return entries;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(entries)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('history in the planner', function () {
  this.timeout(60_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('shows a cell’s earlier values on Alt+H, restores one as one undo step, and keeps them across a reload', async () => {
    const storageName = freshDb();
    const plan = handbookPlan('history-flow');
    const p = await mount<RpPlanner>('rp-planner', { storageName, userName: 'Anna', plan } as Partial<RpPlanner>);
    const events = record<RpHistoryDetail>(p, 'rp-history');
    const before = amount(p);
    edit(p, setAmount(p, '123456.00'));
    await until(() => amount(p) === '123456.00', 'the edit');
    const timeline = await historyUntil(p, (e) => e.some((x) => x.kind === 'edits'), 'the edits recorded');
    const edits = timeline.find((x) => x.kind === 'edits')!;
    expect(edits.by).to.equal('Anna');
    expect(edits.what).to.deep.include({ section: 'activities', rowId: 'a1', field: 'cost' });
    expect(timeline.some((x) => x.kind === 'start')).to.equal(true);

    // Alt+H on the selected cell of the activities grid.
    const grid = p.shadowRoot!.querySelector('rp-budget-grid')!;
    const cell = { section: 'activities', rowId: 'a1', field: 'cost.amount' };
    grid.dispatchEvent(new CustomEvent('rp-select', { detail: cell, bubbles: true, composed: true }));
    grid.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'h', code: 'KeyH', altKey: true, bubbles: true, composed: true }),
    );
    await until(() => !!panel(p).view, 'the history dialog');
    await panel(p).updateComplete;
    const dialog = panel(p).shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const items = [...dialog.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(items[0]).to.contain('123456.00').and.contain('Anna');
    expect(items[items.length - 1]).to.contain(before);
    await expectNoSeriousViolations(panel(p));

    // Put the first value back: one edit, one undo.
    const buttons = dialog.querySelectorAll<HTMLButtonElement>('li button');
    buttons[buttons.length - 1]!.click();
    await until(() => amount(p) === before, 'the restore');
    expect(events.map((e) => [e.action, e.location?.field])).to.deep.equal([['restore', 'cost.amount']]);
    p.undo();
    await until(() => amount(p) === '123456.00', 'one undo');

    // The scenario's timeline: the start can be put back as one edit, one undo takes it back.
    panel(p).shadowRoot!.querySelector<HTMLButtonElement>('header button')!.click();
    await until(() => !!panel(p).view && panel(p).view!.place === null, 'the timeline');
    await until(() => !!panel(p).shadowRoot!.querySelector('li.start'), 'the timeline read to its start');
    const entries = [...panel(p).shadowRoot!.querySelectorAll('li')];
    expect(entries[0]!.textContent).to.contain('Anna');
    expect(entries[entries.length - 1]!.className).to.contain('start');
    // Compared with now: the compare view in the dialog names the changed amount.
    const [compareButton] = entries[entries.length - 1]!.querySelectorAll('button');
    compareButton!.click();
    await until(() => !!panel(p).view?.compare, 'the comparison');
    await panel(p).updateComplete;
    const compared = panel(p).shadowRoot!.querySelector('rp-compare')!;
    await (compared as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(compared.shadowRoot!.textContent).to.contain('123.456');
    await expectNoSeriousViolations(panel(p));
    const restoreStart = [...entries[entries.length - 1]!.querySelectorAll('button')].pop()!;
    restoreStart.click();
    await until(() => amount(p) === before, 'the scenario back at its start');
    p.undo();
    await until(() => amount(p) === '123456.00', 'one undo of the restored scenario');
    expect(events.map((e) => e.location)).to.deep.equal([cell, null]);

    await p.flush();
    p.remove();
    const again = await mount<RpPlanner>('rp-planner', { storageName, plan } as Partial<RpPlanner>);
    await until(() => amount(again) === '123456.00', 'the reload');
    const kept = await historyUntil(again, (e) => e.some((x) => x.kind === 'edits'), 'the history after a reload');
    expect(kept.find((x) => x.kind === 'edits')!.by).to.equal('Anna');
    const values = await again.history({ section: 'activities', rowId: 'a1', field: 'cost.amount' });
    expect(values.map((v) => v.value))
      .to.include(before)
      .and.include('123456.00');
  });

  it('takes a timeline entry on to the compare view, to compare it with another moment', async () => {
    const plan = handbookPlan('history-moments');
    const p = await mount<RpPlanner>('rp-planner', {
      storageName: freshDb(),
      userName: 'Anna',
      plan,
    } as Partial<RpPlanner>);
    edit(p, setAmount(p, '222222.00'));
    await until(() => amount(p) === '222222.00', 'the edit');
    const timeline = await historyUntil(p, (e) => e.some((x) => x.kind === 'edits'), 'the edits recorded');
    const start = timeline.find((x) => x.kind === 'start')!;
    p.shadowRoot!.querySelector('rp-budget-grid')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'h', code: 'KeyH', altKey: true, bubbles: true, composed: true }),
    );
    await until(() => !!panel(p).view && panel(p).view!.place === null, 'the timeline');
    // The entries come in as they are read, the start last.
    const startEntry = () => panel(p).shadowRoot!.querySelector<HTMLElement>('li.start');
    await until(() => !!startEntry(), 'the timeline read to its start');
    startEntry()!.querySelector('button')!.click();
    await until(() => !!panel(p).view?.compare, 'the comparison with now');
    await panel(p).updateComplete;
    const onward = [...panel(p).shadowRoot!.querySelectorAll<HTMLButtonElement>('section.compare button')].find((b) =>
      b.textContent!.includes('ander moment'),
    )!;
    onward.click();
    const moments = () =>
      p
        .shadowRoot!.querySelector('rp-planner-compare')
        ?.shadowRoot?.querySelector<HTMLElement & { from: string }>('rp-compare-moments');
    await until(() => moments()?.from === start.id, 'the compare view with the start picked');
    expect(panel(p)?.view ?? null, 'the dialog closed').to.equal(null);
    const picker = () => moments()?.shadowRoot?.querySelector('select') ?? null;
    await until(() => !!picker() && moments()!.shadowRoot!.activeElement === picker(), 'focus on the first picker');
  });

  it('shows the newest request only: a timeline asked for first never replaces the cell history asked for after it', async () => {
    const storageName = freshDb();
    const plan = handbookPlan('history-race');
    const p = await mount<RpPlanner>('rp-planner', { storageName, userName: 'Anna', plan } as Partial<RpPlanner>);
    edit(p, setAmount(p, '654321.00'));
    await historyUntil(p, (e) => e.some((x) => x.kind === 'edits'), 'the edits recorded');
    const grid = p.shadowRoot!.querySelector('rp-budget-grid')!;
    const cell = { section: 'activities', rowId: 'a1', field: 'cost.amount' };
    grid.dispatchEvent(new CustomEvent('rp-select', { detail: cell, bubbles: true, composed: true }));
    // The timeline (which also asks the store for its earlier versions), then at once a cell's history.
    p.shadowRoot!.querySelector('rp-history-panel')!.dispatchEvent(
      new CustomEvent('rp-history-request', { detail: { action: 'timeline' }, bubbles: true, composed: true }),
    );
    grid.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'h', code: 'KeyH', altKey: true, bubbles: true, composed: true }),
    );
    await until(() => panel(p).view?.busy === false, 'the history read');
    // Whatever finished last, the dialog shows what was asked for last.
    await new Promise((r) => setTimeout(r, 500));
    const view = panel(p).view!;
    expect(view.place).to.deep.equal(cell);
    expect(view.entries.map((e) => e.value)).to.include('654321.00');
    expect(view.entries.every((e) => e.kind === 'value' || e.kind === 'start')).to.equal(true);
  });

  it('says the history is being read while it is, and lists nothing as missing meanwhile', async () => {
    const el = document.createElement('rp-history-panel');
    document.body.append(el);
    el.view = { place: null, entries: [], busy: true };
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('Geschiedenis wordt gelezen');
    expect(text).to.not.contain('Nog geen eerdere waarden');
    el.view = { place: null, entries: [], busy: false };
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Nog geen eerdere waarden').and.not.contain('wordt gelezen');
    el.remove();
  });
});
