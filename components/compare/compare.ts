import { html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_LOCALE, type Locale } from '../../src/i18n/locale.ts';
import { st } from '../../src/i18n/store.ts';
import { tokens } from '../shared/tokens.ts';
import { LazyViewController, LazyViewElement, lazyViewStyles, once } from '../shared/lazy-view.ts';
import type { CompareScenario, CompareView } from './compare-model.ts';

export type { CompareScenario } from './compare-model.ts';

/**
 * The comparison's rendering code and its model (compareMany(), the chart, the styles): loaded when
 * the first comparison is connected.
 */
const compareCode = once(() => import('./compare.templates.ts'));

/** The same scenarios when each has the same name and plan object (a host that passes a new array each render). */
const sameScenarios = (a: readonly CompareScenario[], b: readonly CompareScenario[]): boolean =>
  a === b || (a.length === b.length && a.every((x, k) => x.plan === b[k]!.plan && x.name === b[k]!.name));

/**
 * Two to four scenarios side by side: the inputs that differ (splits, budgets, parties), the results
 * per domain, sector, provider, funder and period with absolute and percentage differences against
 * the first scenario, each scenario's findings, and a stacked-bar chart of where the money goes with
 * a table as its text alternative. Every figure is compareMany()'s, formatted. It fires no events:
 * it only shows what it is given.
 *
 * @cssprop --rp-compare-changed-bg - Background of rows that differ (they are also marked with ≠ and bold; default --rp-color-warning-bg).
 * @cssprop --rp-color-text - Text and chart labels.
 * @cssprop --rp-color-text-muted - Group names above row labels.
 * @cssprop --rp-color-surface - Table headers and the "choose two scenarios" message.
 * @cssprop --rp-color-border - Table rules and the findings boxes.
 * @cssprop --rp-color-error - Errors in the findings lists.
 * @cssprop --rp-color-warning - Warnings in the findings lists.
 * @cssprop --rp-color-accent - Focus ring.
 *
 * @csspart chart - The SVG chart.
 *
 * @slot empty - Shown instead of the built-in message while fewer than two (or more than four) scenarios are given.
 */
@customElement('rp-compare')
export class RpCompare extends LazyViewElement {
  static override styles = [tokens, lazyViewStyles];

  @property({ attribute: false }) scenarios: readonly CompareScenario[] = [];
  @property({ reflect: true }) locale: Locale = DEFAULT_LOCALE;
  /** The heading above the comparison (default: "Scenario's vergelijken"). */
  @property() heading = '';
  /** The chart's caption (default: where the money goes, per scenario). */
  @property({ attribute: 'chart-caption' }) chartCaption = '';
  /** Show only rows that differ. */
  @property({ type: Boolean, attribute: 'differences-only', reflect: true }) differencesOnly = false;

  private readonly code = new LazyViewController(this, compareCode);
  /** The comparison of the scenarios last rendered (worked out again when they change). */
  private model: { of: readonly CompareScenario[]; view: CompareView } | null = null;

  protected override render(): unknown {
    const n = this.scenarios.length;
    if (n < 2 || n > 4) {
      this.model = null;
      return html`<slot name="empty"><p class="message" role="status">${st(this.locale, 'compare.needTwo')}</p></slot>`;
    }
    return this.code.render((m): TemplateResult => {
      if (!this.model || !sameScenarios(this.model.of, this.scenarios))
        this.model = { of: this.scenarios, view: m.compareView(this.scenarios) };
      return m.renderCompare({
        locale: this.locale,
        scenarios: this.scenarios,
        heading: this.heading,
        chartCaption: this.chartCaption,
        differencesOnly: this.differencesOnly,
        model: this.model.view,
        toggle: (on) => (this.differencesOnly = on),
      });
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-compare': RpCompare;
  }
}
