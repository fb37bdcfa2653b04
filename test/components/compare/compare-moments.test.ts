import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/planner/compare-panel.ts';
import type { RpPlannerCompare } from '../../../components/planner/compare-panel.ts';
import { momentLabel, type RpCompareMoments } from '../../../components/compare/compare-moments.ts';
import { timeText } from '../../../components/signoff/time-text.ts';
import { handbookPlan } from '../../fixtures/handbook.ts';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import { collectable, recordPoint } from '../../../src/negotiation/history.ts';
import { Dec } from '../../../src/money/decimal.ts';
import { formatNumber } from '../../../src/money/format.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 4, 9, 0);

const until = async (check: () => boolean, what: string, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const activity = (s: YPlanState) => s.plan.activities.find((x) => x.id === 'lumpsum')!;
const setRow = (s: YPlanState, patch: Record<string, unknown>) =>
  s.apply([{ op: 'update-row', collection: 'activities', id: 'lumpsum', patch: patch as never }]);
const setSplit = (s: YPlanState, wmo: string, jw: string) =>
  s.apply([
    { op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: wmo },
    { op: 'set-split', rowId: 'default', domainId: 'jw', sectorId: null, percent: jw },
  ]);

/**
 * Anna's point (the handbook plan), Bert's (amount 300.000, a new name, Wmo and Jeugdwet swapped),
 * Carla's (the name and the split back): between Anna's and Carla's only the amount differs.
 */
function scenario() {
  const s = createPlanState(handbookPlan(), { gcFilter: collectable });
  const p1 = recordPoint(s.doc, 'Anna', T0, { plan: s.plan })!;
  setRow(s, { cost: { ...activity(s).cost, amount: '300000.00' } });
  setRow(s, { name: 'Tijdelijke naam' });
  setSplit(s, '20', '10');
  const p2 = recordPoint(s.doc, 'Bert', T0 + 10 * MIN, { plan: s.plan })!;
  setRow(s, { name: 'Samenwerking dementie' });
  setSplit(s, '10', '20');
  const p3 = recordPoint(s.doc, 'Carla', T0 + 20 * MIN, { plan: s.plan })!;
  return { s, p1, p2, p3 };
}

describe('<rp-planner-compare>: two moments of the open scenario', () => {
  let panel: RpPlannerCompare;
  afterEach(() => panel?.remove());

  const mount = async (state: YPlanState) => {
    panel = document.createElement('rp-planner-compare');
    panel.state = state;
    document.body.append(panel);
    await panel.updateComplete;
    return panel;
  };
  const moments = () => panel.shadowRoot!.querySelector<RpCompareMoments>('rp-compare-moments')!;
  const select = (which: 'from' | 'to') =>
    moments().shadowRoot!.querySelector<HTMLSelectElement>(`select[data-pick="${which}"]`)!;
  const compareRoot = () => moments()?.shadowRoot?.querySelector('rp-compare')?.shadowRoot ?? null;
  const inputRows = () =>
    [...compareRoot()!.querySelectorAll('table[data-inputs] tbody tr')].map((tr) => {
      // The row's name (its group) above the field's name.
      const th = tr.querySelector('th')!;
      const group = th.querySelector('.group')?.textContent ?? '';
      const label = `${group} / ${th.textContent!.slice(group.length)}`;
      return [label, ...[...tr.querySelectorAll('td.num')].map((c) => c.textContent!.trim())];
    });
  const shows = (title: string) => compareRoot()?.querySelector('h2')?.textContent === title;

  it('picks two points by keyboard and shows exactly what differs between them, labelled with who and when', async () => {
    const { s, p1, p3 } = scenario();
    await mount(s);
    // Keyboard: from the scenarios option to the moments option of the mode radios.
    panel.shadowRoot!.querySelector<HTMLInputElement>('input[value="scenarios"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => !!moments()?.shadowRoot?.querySelector('select'), 'the moment pickers');
    // Newest first: now, Carla, Bert, Anna. The pick starts at Bert → Carla; one step down is Anna.
    await until(() => select('from').value !== '', 'the first pick');
    expect(select('to').value).to.equal(p3.key);
    select('from').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(select('from').value).to.equal(p1.key);

    const anna = `Anna, ${timeText(new Date(T0).toISOString(), 'nl')}`;
    const bert = `Bert, ${timeText(new Date(T0 + 10 * MIN).toISOString(), 'nl')}`;
    const carla = `Carla, ${timeText(new Date(T0 + 20 * MIN).toISOString(), 'nl')}`;
    expect([...select('from').options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Nu (huidige stand)',
      carla,
      bert,
      anna,
    ]);
    await until(() => !!shows(`Verschillen tussen ${anna} en ${carla}`), 'the comparison of Anna and Carla');
    const root = compareRoot()!;
    // Inputs: the amount only; the name and the split changed and changed back in between.
    expect(inputRows()).to.deep.equal([
      ['Samenwerking dementie / Bedrag', formatNumber('250000.00', 'nl'), formatNumber('300000.00', 'nl')],
    ]);
    const headers = [...root.querySelectorAll('table[data-section="domains"] thead th')].map((th) => th.textContent);
    expect(headers).to.include(anna).and.to.include(carla);
    // Results: per domain as split 10/20/70 both times, only the amount grew.
    const values = (section: string, key: string) =>
      [...root.querySelectorAll(`table[data-section="${section}"] tr[data-key="${key}"] td[data-value]`)].map((td) =>
        td.getAttribute('data-value'),
      );
    expect(values('domains', 'wmo')).to.deep.equal(['25000', '30000']);
    expect(values('domains', 'jw')).to.deep.equal(['50000', '60000']);
    expect(values('domains', 'zvw')).to.deep.equal(['175000', '210000']);
    // Totals are the sum of their parts, to the cent.
    for (const side of [0, 1]) {
      const parts = [...root.querySelectorAll('table[data-section="domains"] tr[data-key]')].map((tr) =>
        tr.querySelectorAll('td[data-value]')[side]!.getAttribute('data-value')!,
      );
      const sum = parts.reduce((a, v) => a.plus(v), new Dec(0));
      expect(sum.toFixed(2)).to.equal(new Dec(values('totals', 'annual')[side]!).toFixed(2));
    }
    expect(root.querySelector('svg[part="chart"]'), 'the stacked chart').to.not.equal(null);
    await expectNoSeriousViolations(panel);

    // In English.
    panel.locale = 'en';
    const annaEn = `Anna, ${timeText(new Date(T0).toISOString(), 'en')}`;
    const carlaEn = `Carla, ${timeText(new Date(T0 + 20 * MIN).toISOString(), 'en')}`;
    await until(() => !!shows(`Differences between ${annaEn} and ${carlaEn}`), 'the English comparison');
    const legends = [
      ...panel.shadowRoot!.querySelectorAll('legend'),
      ...moments().shadowRoot!.querySelectorAll('legend, label'),
    ].map((x) => x.textContent!.replace(/\s+/g, ' ').trim());
    expect(legends).to.include('Compare').and.to.include('Two moments of the history');
    expect(legends.some((x) => x.startsWith('From'))).to.equal(true);
    expect(inputRows()[0]![0]).to.equal('Samenwerking dementie / Amount');
  });

  it('shows the newest pick when an older one is still being read', async () => {
    const { s, p1, p2, p3 } = scenario();
    await mount(s);
    await panel.compareMoments(p2.key, p3.key);
    await until(() => !!compareRoot(), 'the first comparison');
    const from = select('from');
    // "Now" (the activity renamed since) is picked, and while it is read, Anna's point.
    s.apply([{ op: 'update-row', collection: 'activities', id: 'lumpsum', patch: { name: 'Nu' } }]);
    from.value = 'now';
    from.dispatchEvent(new Event('change'));
    await moments().updateComplete;
    from.value = p1.key;
    from.dispatchEvent(new Event('change'));
    await until(
      () => moments().from === p1.key && inputRows().length === 1 && inputRows()[0]![0]!.endsWith('Bedrag'),
      'Anna → Carla',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(inputRows().map((r) => r[0])).to.deep.equal(['Samenwerking dementie / Bedrag']);
  });

  it('names a version by its name, the start as the start, and edits by nobody named by their time', () => {
    const at = timeText(new Date(T0).toISOString(), 'en');
    const label = (m: Partial<Parameters<typeof momentLabel>[0] & object>) =>
      momentLabel({ key: 'p:1:1', kind: 'edits', by: '', at: T0, ...m }, 'en');
    expect(label({ kind: 'version', name: 'Voorstel', by: 'Carla' })).to.equal(`Version "Voorstel" (Carla, ${at})`);
    expect(label({ kind: 'version', name: 'Voorstel' })).to.equal(`Version "Voorstel" (${at})`);
    expect(label({ kind: 'start' })).to.equal('Start');
    expect(label({})).to.equal(`As of ${at}`);
    expect(momentLabel(undefined, 'nl')).to.equal('Nu (huidige stand)');
  });
});
