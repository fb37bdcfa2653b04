import { LitElement, html, svg, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Decimal } from 'decimal.js';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Plan } from '../../src/model/plan.ts';
import { formatMoney } from '../../src/money/format.ts';
import { msg } from '../../src/i18n/index.ts';
import { asLocale, DEFAULT_LOCALE, type Locale } from '../../src/i18n/locale.ts';
import { tokens } from '../shared/tokens.ts';
import { buildFlowGraph, type FlowLink } from './flow-model.ts';
import { layoutFlow, NODE_WIDTH } from './flow-layout.ts';
import { flowStyles } from './flow.styles.ts';
import { emit } from '../shared/events.ts';
import { flowText } from '../../src/i18n/flow.ts';

export type { FlowSelectDetail } from './flow-model.ts';

const WIDTH = 960;
const HEIGHT = 420;

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
export class RpFlow extends LitElement {
  static override styles = [tokens, flowStyles];

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

  override render() {
    const t = (k: keyof typeof flowText) => msg(flowText[k], this.locale);
    const empty = html`<slot name="empty"><p class="empty">${t('empty')}</p></slot>`;
    if (!this.allocation || this.allocation.annualTotal.lte(0)) return empty;
    let layout;
    let graph;
    try {
      graph = buildFlowGraph(this.allocation, this.plan, this.locale, this.money);
      layout = layoutFlow(graph, WIDTH, HEIGHT);
    } catch {
      // An allocation that does not match its shape must not break the host page.
      return empty;
    }
    const { headings } = graph;
    // Room for the outer columns' labels, so no name is cut off at the edge (12px text: about
    // 6.8 units a character); the diagram scales down to make room.
    const last = layout.columnX.length - 1;
    const room = (column: number) =>
      Math.max(40, ...layout.nodes.filter((n) => n.column === column).map((n) => Math.ceil(n.name.length * 7.2) + 12));
    // An estimate first; updated() measures the drawn labels and corrects it once.
    const left = this.measured?.left ?? room(0);
    const right = this.measured?.right ?? room(last);
    const selectedLink = layout.links.find((l) => l.key === this.selected);
    return html`
      <div class="toolbar">
        <button part="toggle" aria-expanded=${this.showTable ? 'true' : 'false'} @click=${() => {
          this.showTable = !this.showTable;
        }}>
          ${this.showTable ? t('hideTable') : t('showTable')}
        </button>
      </div>
      <figure>
        <svg part="diagram" viewBox="${-left} 0 ${WIDTH + left + right} ${HEIGHT}" role="group" aria-label=${graph.label}
          class=${this.selected ? 'has-selection' : ''}>
          ${headings.map((h, c) => svg`<text class="heading" aria-hidden="true" x=${layout.columnX[c]! + NODE_WIDTH / 2} y="14" text-anchor="middle">${h}</text>`)}
          ${layout.links.map(
            (l) => svg`<path class="link ${l.key === this.selected ? 'selected' : ''}" d=${l.path}
              style="--_flow-color: var(--rp-flow-color-${(l.domainIndex % 6) + 1}, var(--_flow-${(l.domainIndex % 6) + 1}))"
              tabindex="0" role="button" aria-label=${l.label} aria-pressed=${l.key === this.selected ? 'true' : 'false'}
              @click=${() => this.choose(l)} @keydown=${(e: KeyboardEvent) => this.onKey(e, l)}><title>${l.label}</title></path>`,
          )}
          ${layout.nodes.map(
            (n) => svg`<rect class="node" aria-hidden="true" x=${n.x} y=${n.y} width=${NODE_WIDTH} height=${n.h}></rect>
            <text aria-hidden="true" x=${n.column === 0 ? n.x - 6 : n.x + NODE_WIDTH + 6} y=${n.y + n.h / 2} dominant-baseline="middle"
              class=${n.column === 0 ? 'label first' : n.column === last ? 'label last' : 'label'}
              text-anchor=${n.column === 0 ? 'end' : 'start'}>${n.name}</text>`,
          )}
        </svg>
      </figure>
      <div role="status" class="visually-hidden">${selectedLink ? msg(flowText.selected, this.locale, { flow: selectedLink.label }) : nothing}</div>
      <table part="table" class=${this.showTable ? '' : 'visually-hidden'}>
        <caption>${t('caption')}</caption>
        <thead><tr><th scope="col">${t('from')}</th><th scope="col">${t('to')}</th><th scope="col">${t('amount')}</th></tr></thead>
        <tbody>
          ${layout.links.map((l) => {
            const from = layout.nodes.find((n) => n.key === l.source)!.name;
            const to = layout.nodes.find((n) => n.key === l.target)!.name;
            return html`<tr><td>${from}</td><td>${to}</td><td class="amount">${this.money(l.amount)}</td></tr>`;
          })}
          ${graph.kept.map((k) => {
            const from = layout.nodes.find((n) => n.key === k.node)?.name ?? '';
            return html`<tr><td>${from}</td><td>${k.label}</td><td class="amount">${this.money(k.amount)}</td></tr>`;
          })}
          ${layout.nodes
            .filter((n) => !layout.links.some((l) => l.source === n.key || l.target === n.key))
            .map(
              (n) =>
                html`<tr><td>${n.name}</td><td>${t('unpaid')}</td><td class="amount">${this.money(n.amount)}</td></tr>`,
            )}
        </tbody>
      </table>
    `;
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

  private onKey(e: KeyboardEvent, link: FlowLink) {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    this.choose(link);
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
