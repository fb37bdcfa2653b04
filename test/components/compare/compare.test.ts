import { expect } from 'chai';
import '../../../components/compare/compare.ts';
import type { RpCompare } from '../../../components/compare/compare.ts';
import { compare, compareMany } from '../../../src/compare/compare.ts';
import { validate } from '../../../src/engine/validate.ts';
import { formatMoney, formatPercent } from '../../../src/money/format.ts';
import type { Plan } from '../../../src/model/plan.ts';
import { generatePlan } from '../../fixtures/generate.ts';

function variants(): Plan[] {
  const a = generatePlan(7, 25);
  const b = structuredClone(a);
  const [d0, d1] = b.defaultSplit.domains;
  if (!d0 || !d1) throw new Error('fixture needs two split domains');
  [d0.percent, d1.percent] = [d1.percent, d0.percent];
  const c = structuredClone(a);
  c.activities = c.activities.slice(1);
  const d = structuredClone(a);
  // A broken split: findings must show it.
  d.defaultSplit.domains[0]!.percent = '150';
  return [a, b, c, d];
}

describe('<rp-compare>', () => {
  let el: RpCompare;
  const mount = async (plans: Plan[], names = ['70/20/10', '60/25/15', 'Zonder 1', 'Kapot'].slice(0, plans.length)) => {
    el = document.createElement('rp-compare');
    el.scenarios = plans.map((plan, i) => ({ name: names[i]!, plan }));
    document.body.append(el);
    await el.updateComplete;
    return el.shadowRoot!;
  };
  afterEach(() => el?.remove());

  it('shows exactly the numbers compare() computes, with absolute and percentage deltas', async () => {
    const [a, b] = variants();
    const root = await mount([a!, b!]);
    const expected = compare(a!, b!);
    let checked = 0;
    for (const section of ['totals', 'domains', 'sectors', 'providers', 'funders', 'payees', 'periods'] as const) {
      const table = root.querySelector(`table[data-section="${section}"]`)!;
      const rows = table.querySelectorAll('tbody tr[data-key]');
      expect(rows.length, section).to.equal(expected.results[section].length);
      for (const row of expected.results[section]) {
        const tr = [...rows].find((r) => r.getAttribute('data-key') === row.key)!;
        const values = [...tr.querySelectorAll('td[data-value]')];
        expect(values.map((td) => td.getAttribute('data-value'))).to.deep.equal([row.a.toFixed(), row.b.toFixed()]);
        expect(values.map((td) => td.textContent!.trim())).to.deep.equal([
          formatMoney(row.a, 'nl'),
          formatMoney(row.b, 'nl'),
        ]);
        const delta = tr.querySelector('td[data-delta]')!;
        expect(delta.getAttribute('data-delta')).to.equal(row.delta.toFixed());
        expect(delta.getAttribute('data-relative')).to.equal(row.relative?.toFixed() ?? '');
        expect(delta.textContent).to.include(formatMoney(row.delta, 'nl'));
        if (row.changed && row.relative)
          expect(delta.textContent).to.include(
            `(${row.relative.gt(0) ? '+' : ''}${formatPercent(row.relative, 'nl', 2)})`,
          );
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(10);
    expect(expected.changedRows).to.be.greaterThan(0);
  });

  it('puts four scenarios side by side as compareMany() does', async () => {
    const plans = variants();
    const root = await mount(plans);
    const many = compareMany(plans);
    for (const row of many.results.domains) {
      const tr = root.querySelector(`table[data-section="domains"] tr[data-key="${CSS.escape(row.key)}"]`)!;
      expect([...tr.querySelectorAll('td[data-value]')].map((td) => td.getAttribute('data-value'))).to.deep.equal(
        row.values.map((v) => v.toFixed()),
      );
      expect([...tr.querySelectorAll('td[data-delta]')].map((td) => td.getAttribute('data-delta'))).to.deep.equal(
        row.deltas.map((d) => d.delta.toFixed()),
      );
    }
    const headers = [...root.querySelectorAll('table[data-section="totals"] thead th')].map((th) =>
      th.textContent!.trim(),
    );
    expect(headers).to.include.members(['70/20/10', 'Kapot', 'Verschil met 70/20/10']);
  });

  it('marks differences with a sign and text, not colour alone, and filters to differences only', async () => {
    const [a, b] = variants();
    const root = await mount([a!, b!]);
    const changedRow = root.querySelector('table[data-section="domains"] tr.changed')!;
    expect(changedRow.textContent).to.include('≠');
    expect(changedRow.textContent).to.include('verschilt');
    const all = root.querySelectorAll('table[data-section] tbody tr[data-key]').length;

    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.closest('label')!.textContent!.trim()).to.equal('Alleen verschillen tonen');
    box.click();
    await el.updateComplete;
    const shown = [...root.querySelectorAll('table[data-section] tbody tr[data-key]')];
    expect(shown.length).to.equal(compare(a!, b!).changedRows);
    expect(shown.length).to.be.below(all);
    expect(shown.every((tr) => tr.classList.contains('changed'))).to.equal(true);
  });

  it('lists the differing inputs side by side, grouped as split, budget and parties', async () => {
    const [a, b, c] = variants();
    const root = await mount([a!, b!, c!]);
    const split = root.querySelector('table[data-inputs="split"]')!;
    expect(split.querySelector('caption')!.textContent).to.equal('Verdeling');
    const first = compare(a!, b!).inputs.find((d) => d.field === 'split')!;
    const tr = [...split.querySelectorAll('tbody tr')].find((r) => r.textContent!.includes(first.fieldLabel!.nl))!;
    const cells = [...tr.querySelectorAll('td.num')].map((td) => td.textContent!.trim());
    expect(cells[0]).to.equal(first.a!.replace('.', ','));
    expect(cells[1]).to.equal(first.b!.replace('.', ','));
    expect(cells[2]).to.equal(cells[0]);
    expect(root.querySelector('table[data-inputs="budget"]')).to.exist;
  });

  it('shows each scenario’s findings', async () => {
    const plans = variants();
    const root = await mount(plans);
    const sections = [...root.querySelectorAll('.findings section')];
    expect(sections).to.have.length(4);
    const broken = validate(plans[3]!);
    expect(broken.length).to.be.greaterThan(validate(plans[0]!).length);
    const items = [...sections[3]!.querySelectorAll('li')].map((li) => li.textContent!);
    expect(items).to.have.length(broken.length);
    broken.forEach((f, i) => expect(items[i]).to.include(f.message.nl));
  });

  it('shows every scenario name in the chart in full, however long', async () => {
    const [a, b] = variants();
    const long = 'Variant: gemeenten 30 % (Wmo) en casemanagement voor 2.400 personen';
    const root = await mount([a!, b!], ['Basisscenario', long]);
    const svg = root.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    const width = svg.viewBox.baseVal.width;
    const names = [...svg.querySelectorAll<SVGTextElement>('text.name')];
    expect(names.map((t) => t.textContent)).to.deep.equal(['Basisscenario', long]);
    for (const t of names) {
      const box = t.getBBox();
      expect(box.x, t.textContent!).to.be.at.least(0);
      expect(box.x + box.width, t.textContent!).to.be.at.most(width);
    }
  });

  it('draws where the money goes as SVG with a text alternative', async () => {
    const [a, b] = variants();
    const root = await mount([a!, b!]);
    const svg = root.querySelector('svg[part="chart"]')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(root.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Waar het geld heen gaat, per scenario (per jaar)',
    );
    const summary = root.getElementById(svg.getAttribute('aria-describedby')!)!.textContent!;
    const many = compareMany([a!, b!]);
    const domain = many.results.domains.find((r) => !r.values[0]!.isZero())!;
    expect(summary).to.include(`${domain.label.nl} ${formatMoney(domain.values[0]!, 'nl')}`);
    const segments = svg.querySelectorAll('g.segment');
    expect(segments.length).to.equal(many.results.domains.flatMap((r) => r.values).filter((v) => v.gt(0)).length);
    const table = root.querySelector('table[data-chart-table]')!;
    const total = [...table.querySelectorAll('tbody tr')].at(-1)!;
    const annual = many.results.totals.find((r) => r.key === 'annual')!;
    expect([...total.querySelectorAll('td.num')].map((td) => td.textContent)).to.deep.equal(
      annual.values.map((v) => formatMoney(v, 'nl')),
    );
  });

  it('asks for two to four scenarios, and speaks English', async () => {
    const [a, b] = variants();
    let root = await mount([a!]);
    expect(root.textContent).to.include('Kies twee tot vier scenario’s');
    el.remove();
    root = await mount([a!, b!]);
    el.locale = 'en';
    await el.updateComplete;
    expect(root.querySelector('h2')!.textContent).to.equal('Compare scenarios');
    const cell = root.querySelector('table[data-section="totals"] td[data-value]')!;
    expect(cell.textContent!.trim()).to.equal(formatMoney(cell.getAttribute('data-value')!, 'en'));
  });
});

describe('<rp-compare>: the uncovered Zvw part', () => {
  it('shows it as its own funder row, named, when one insurer is left out', async () => {
    const { Plan: PlanSchema } = await import('../../../src/model/plan.ts');
    const full = PlanSchema.parse((await import('../../../demo/plans/handbook.json')).default);
    const one: Plan = { ...full, funders: full.funders.filter((f) => f.id !== 'f-zv-2') };
    const el = document.createElement('rp-compare');
    el.scenarios = [
      { name: 'Beide', plan: full },
      { name: 'Eén verzekeraar', plan: one },
    ];
    document.body.append(el);
    try {
      await el.updateComplete;
      const row = el.shadowRoot!.querySelector('table[data-section="funders"] tbody tr[data-key="zvw|~"]');
      expect(row, 'uncovered row').not.to.equal(null);
      expect(row!.textContent).to.contain('Niet gedekt door een gecontracteerde zorgverzekeraar');
      expect(el.shadowRoot!.querySelector('table[data-section="funders"]')!.textContent).not.to.contain(
        'Niet toegewezen',
      );
    } finally {
      el.remove();
    }
  });
});
