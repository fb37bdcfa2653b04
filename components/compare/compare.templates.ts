import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { st, type StoreUiKey } from '../../src/i18n/store.ts';
import type { ManyRow } from '../../src/compare/compare.ts';
import type { Dec } from '../../src/money/decimal.ts';
import { formatMoney, formatNumber, formatPercent } from '../../src/money/format.ts';
import { compareStyles } from './compare.styles.ts';
import {
  INPUT_GROUPS,
  RESULT_SECTIONS,
  rowChanged,
  type CompareScenario,
  type CompareView,
  type InputGroup,
  type InputRow,
  type ResultSection,
} from './compare-model.ts';
import { CHART_WIDTH, chartHeight, colourOf, stackedBars, totals } from './stacked-chart.ts';

/*
 * What <rp-compare> shows: the chart, the inputs, the results and the findings side by side. Its own
 * chunk with the comparison model, loaded when the first comparison is connected.
 */

export { compareView } from './compare-model.ts';
export const viewStyles = [compareStyles];

/** What the comparison's view reads from its element. */
export interface CompareTemplateView {
  locale: Locale;
  scenarios: readonly CompareScenario[];
  heading: string;
  chartCaption: string;
  differencesOnly: boolean;
  /** compareView() of the scenarios. */
  model: CompareView;
  toggle: (differencesOnly: boolean) => void;
}

const SECTION_KEY: Record<ResultSection, StoreUiKey> = {
  totals: 'compare.group.total',
  domains: 'compare.group.domain',
  sectors: 'compare.group.sector',
  providers: 'compare.group.provider',
  funders: 'compare.group.funder',
  payees: 'compare.group.payee',
  periods: 'compare.group.period',
};
const INPUT_KEY: Record<InputGroup, StoreUiKey> = {
  split: 'compare.group.split',
  budget: 'compare.group.budget',
  parties: 'compare.group.parties',
  other: 'compare.group.other',
};

const CANONICAL = /^-?\d+(\.\d+)?$/;

export function renderCompare(v: CompareTemplateView): TemplateResult {
  return new CompareTemplates(v).render();
}

class CompareTemplates {
  private readonly locale: Locale;
  private readonly scenarios: readonly CompareScenario[];

  constructor(private readonly v: CompareTemplateView) {
    this.locale = v.locale;
    this.scenarios = v.scenarios;
  }

  private money(value: Dec): string {
    return formatMoney(value, this.locale);
  }

  private signedMoney(value: Dec): string {
    return `${value.gt(0) ? '+' : ''}${this.money(value)}`;
  }

  private percent(value: Dec | null): string {
    if (value === null) return '';
    return `${value.gt(0) ? '+' : ''}${formatPercent(value, this.locale, 2)}`;
  }

  private inputText(value: string | null): string {
    if (value === null) return st(this.locale, 'compare.absent');
    return CANONICAL.test(value) ? formatNumber(value, this.locale) : value;
  }

  private mark(changed: boolean): TemplateResult {
    const l = this.locale;
    return changed
      ? html`<span class="mark" aria-hidden="true">≠</span><span class="visually-hidden">${st(l, 'compare.different')}</span>`
      : html`<span class="mark" aria-hidden="true"></span><span class="visually-hidden">${st(l, 'compare.same')}</span>`;
  }

  render(): TemplateResult {
    const l = this.locale;
    const view = this.v.model;
    return html`
      <h2>${this.v.heading || st(l, 'compare.label')}</h2>
      <div class="controls">
        <label><input type="checkbox" .checked=${this.v.differencesOnly} @change=${(e: Event) => this.v.toggle((e.target as HTMLInputElement).checked)} /> ${st(l, 'compare.differencesOnly')}</label>
      </div>
      ${this.renderChart(view)}
      <h3>${st(l, 'compare.inputs')}</h3>
      ${this.renderInputs(view.inputs)}
      <h3>${st(l, 'compare.results')}</h3>
      ${RESULT_SECTIONS.map((section) => this.renderResults(section, view.comparison.results[section]))}
      <h3>${st(l, 'compare.findings')}</h3>
      ${this.renderFindings(view)}
    `;
  }
  private header(first: TemplateResult | string, withDeltas: boolean): TemplateResult {
    const names = this.scenarios.map((s) => s.name);
    return html`<thead><tr>
      <th scope="col">${first}</th>
      <th scope="col"><span class="visually-hidden">${st(this.locale, 'compare.different')}</span></th>
      ${names.map(
        (name, i) => html`
        <th scope="col" class="num">${name}</th>
        ${withDeltas && i > 0 ? html`<th scope="col" class="num">${st(this.locale, 'compare.delta', { name: names[0]! })}</th>` : nothing}`,
      )}
    </tr></thead>`;
  }

  private label(label: Msg, group: Msg | null): TemplateResult {
    const l = this.locale;
    return html`${group ? html`<span class="group">${group[l]}</span>` : nothing}${label[l]}`;
  }

  private renderResults(section: ResultSection, rows: readonly ManyRow[]): TemplateResult {
    const l = this.locale;
    const shown = this.v.differencesOnly ? rows.filter(rowChanged) : rows;
    return html`<div class="scroll"><table data-section=${section}>
      <caption>${st(l, SECTION_KEY[section])}</caption>
      ${this.header(st(l, 'compare.item'), true)}
      <tbody>
        ${shown.length === 0 ? html`<tr><td colspan=${2 + this.scenarios.length * 2 - 1}>${st(l, 'compare.noDifferences')}</td></tr>` : nothing}
        ${shown.map((row) => {
          const changed = rowChanged(row);
          return html`<tr class=${changed ? 'changed' : ''} data-key=${row.key}>
            <th scope="row">${this.label(row.label, row.group)}</th>
            <td>${this.mark(changed)}</td>
            ${row.values.map((value, i) => {
              const d = i > 0 ? row.deltas[i - 1]! : null;
              return html`<td class="num" data-value=${value.toFixed()}>${this.money(value)}</td>
                ${
                  d
                    ? html`<td class="num ${d.changed ? 'differs' : ''}" data-delta=${d.delta.toFixed()} data-relative=${d.relative?.toFixed() ?? ''}>
                  ${this.signedMoney(d.delta)}${d.relative !== null && d.changed ? html` <span>(${this.percent(d.relative)})</span>` : nothing}
                </td>`
                    : nothing
                }`;
            })}
          </tr>`;
        })}
      </tbody>
    </table></div>`;
  }

  private renderInputs(rows: readonly InputRow[]): TemplateResult {
    const l = this.locale;
    if (rows.length === 0) return html`<p>${st(l, 'compare.noDifferences')}</p>`;
    return html`${INPUT_GROUPS.map((group) => {
      const inGroup = rows.filter((r) => r.group === group);
      if (inGroup.length === 0) return nothing;
      return html`<div class="scroll"><table data-inputs=${group}>
        <caption>${st(l, INPUT_KEY[group])}</caption>
        ${this.header(st(l, 'compare.item'), false)}
        <tbody>${inGroup.map(
          (row) => html`<tr class="changed" data-key=${row.key}>
          <th scope="row">${this.label(row.fieldLabel && row.fieldLabel !== row.label ? row.fieldLabel : row.label, row.fieldLabel && row.fieldLabel !== row.label ? row.label : null)}</th>
          <td>${this.mark(true)}</td>
          ${row.values.map((v, i) => html`<td class="num ${row.differs[i] ? 'differs' : ''}">${this.inputText(v)}</td>`)}
        </tr>`,
        )}</tbody>
      </table></div>`;
    })}`;
  }

  private renderFindings(view: CompareView): TemplateResult {
    const l = this.locale;
    return html`<div class="findings">${this.scenarios.map((s, i) => {
      const findings = view.findings[i] ?? [];
      return html`<section aria-label=${`${st(l, 'compare.findings')}: ${s.name}`}>
        <h4>${s.name}</h4>
        ${
          findings.length === 0
            ? html`<p>${st(l, 'compare.noFindings')}</p>`
            : html`<ul>${findings.map((f) => html`<li class=${f.severity}><strong>${f.severity === 'error' ? '✖' : '⚠'}</strong> ${f.message[l]}</li>`)}</ul>`
        }
      </section>`;
    })}</div>`;
  }

  private renderChart(view: CompareView): TemplateResult {
    const l = this.locale;
    const names = this.scenarios.map((s) => s.name);
    const series = view.chart;
    const sums = totals(series, names.length);
    const summary = names
      .map(
        (name, i) =>
          `${name}: ${series
            .filter((s) => !s.values[i]!.isZero())
            .map((s) => `${s.label[l]} ${this.money(s.values[i]!)}`)
            .join(', ')}`,
      )
      .join('; ');
    return html`<figure>
      <figcaption id="chart-caption">${this.v.chartCaption || st(l, 'compare.chart')}</figcaption>
      <svg part="chart" role="img" aria-labelledby="chart-caption" aria-describedby="chart-summary"
        viewBox="0 0 ${CHART_WIDTH} ${chartHeight(names.length)}" width=${CHART_WIDTH} height=${chartHeight(names.length)}>
        ${stackedBars(names, series, l)}
      </svg>
      <p id="chart-summary" class="visually-hidden">${summary}</p>
      <ul class="legend">${series.map((s, j) => html`<li><span class="swatch" style="background:${colourOf(j)}"></span>${s.label[l]}</li>`)}</ul>
      <details>
        <summary>${st(l, 'compare.chartTable')}</summary>
        <div class="scroll"><table data-chart-table>
          ${this.header(st(l, 'compare.item'), false)}
          <tbody>
            ${series.map((s) => html`<tr><th scope="row">${s.label[l]}</th><td></td>${s.values.map((v) => html`<td class="num">${this.money(v)}</td>`)}</tr>`)}
            <tr><th scope="row">${st(l, 'compare.group.total')}</th><td></td>${sums.map((v) => html`<td class="num">${this.money(v)}</td>`)}</tr>
          </tbody>
        </table></div>
      </details>
    </figure>`;
  }
}
