import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Decimal } from 'decimal.js';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Plan } from '../../src/model/plan.ts';
import { formatMoney } from '../../src/money/format.ts';
import { msg } from '../../src/i18n/index.ts';
import { asLocale, DEFAULT_LOCALE, type Locale } from '../../src/i18n/locale.ts';
import { tokens } from '../shared/tokens.ts';
import type { FlowLink } from './flow-model.ts';
import { emit } from '../shared/events.ts';
import { flowText } from '../../src/i18n/flow.ts';
import { LazyViewController, LazyViewElement, lazyViewStyles, once } from '../shared/lazy-view.ts';

/** The diagram's rendering code (templates, styles, layout): loaded when the first diagram is connected. */
const flowView = once(() => import('./flow.templates.ts'));

export type { FlowSelectDetail } from './flow-model.ts';

/**
 * Where the money goes: a flow diagram of one scenario, each band as thick as its amount per year.
 * The execution model decides the shape: funders → domains → sectors → providers for equal
 * partners; funders → the main contractor or cashier → providers when every funder pays a lead.
 * The Zvw part no contracting insurer covers is a funder node of its own. The same numbers are in a table for screen readers
 * (and for everyone through the "show as table" button).
 *
 * @summary Flow diagram of a plan's allocation.
 *
 * @event rp-flow-select - `{ funderId?, domainId, sectorId?, providerId? }` when a flow is chosen by click, Enter or Space; bubbles, composed.
 *
 * @cssprop --rp-font-family - Font; inherits the host page's by default.
 * @cssprop --rp-color-bg - Background of the element (it paints its own).
 * @cssprop --rp-color-text - Text and node colour.
 * @cssprop --rp-color-text-muted - Column headings.
 * @cssprop --rp-color-border - Table rules and the toggle's frame.
 * @cssprop --rp-color-accent - Focus outline of a flow and the toggle's text.
 * @cssprop --rp-flow-color-1 - Colour of the first domain's flows (up to --rp-flow-color-6, then repeating).
 *
 * @csspart diagram - The SVG.
 * @csspart table - The table with every flow's amount.
 * @csspart toggle - The button that shows or hides the table.
 *
 * @slot empty - Shown instead of the built-in message while there are no amounts to draw.
 */
@customElement('rp-flow')
export class RpFlow extends LazyViewElement {
  static override styles = [tokens, lazyViewStyles];

  /** The engine's result for the scenario (`allocate(plan)`). */
  @property({ attribute: false }) allocation: Allocation | null = null;
  /** The plan, for names of funders, domains, sectors and providers. */
  @property({ attribute: false }) plan: Plan | null = null;
  /** `nl` (default) or `en`. */
  @property({ reflect: true, converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Show the table visibly (it is always there for screen readers). */
  @property({ type: Boolean, reflect: true, attribute: 'show-table' }) showTable = false;

  @state() private selected: string | null = null;
  /** The outer columns' label widths as drawn (SVG units), so every label stays inside the box. */
  @state() private measured: { left: number; right: number } | null = null;

  private money = (d: Decimal) => formatMoney(d, this.locale);
  private readonly view = new LazyViewController(this, flowView);

  override render() {
    const empty = html`<slot name="empty"><p class="empty">${msg(flowText.empty, this.locale)}</p></slot>`;
    const allocation = this.allocation;
    if (!allocation || allocation.annualTotal.lte(0)) return empty;
    return this.view.render((view) =>
      view.renderFlow({
        allocation,
        plan: this.plan,
        locale: this.locale,
        showTable: this.showTable,
        selected: this.selected,
        measured: this.measured,
        money: this.money,
        toggle: () => (this.showTable = !this.showTable),
        choose: (link) => this.choose(link),
        empty,
      }),
    );
  }

  protected override updated(): void {
    // The widest label of each outer column, as the browser drew it, decides the room beside it.
    const texts = (sel: string) => [...this.renderRoot.querySelectorAll<SVGTextElement>(sel)];
    const widths = [...texts('text.label.first'), ...texts('text.label.last')].map((t) => t.getComputedTextLength());
    // Not laid out (hidden, not yet in a document): keep the estimate.
    if (widths.length === 0 || widths.every((w) => w === 0)) return;
    const widest = (sel: string) => Math.max(0, ...texts(sel).map((t) => t.getComputedTextLength()));
    const left = Math.max(40, Math.ceil(widest('text.label.first')) + 12);
    const right = Math.max(40, Math.ceil(widest('text.label.last')) + 12);
    const m = this.measured;
    if (!m || Math.abs(m.left - left) > 1 || Math.abs(m.right - right) > 1) this.measured = { left, right };
  }

  private choose(link: FlowLink) {
    this.selected = link.key;
    emit(this, 'rp-flow-select', { ...link.detail });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-flow': RpFlow;
  }
}
