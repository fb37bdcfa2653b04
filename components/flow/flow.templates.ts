import { html, svg, nothing, type TemplateResult } from 'lit';
import type { Decimal } from 'decimal.js';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Plan } from '../../src/model/plan.ts';
import { msg } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { flowText } from '../../src/i18n/flow.ts';
import { buildFlowGraph, type FlowLink } from './flow-model.ts';
import { layoutFlow, NODE_WIDTH } from './flow-layout.ts';
import { flowStyles } from './flow.styles.ts';

/*
 * What <rp-flow> draws once it has amounts: the diagram, the status line and the table. Its own
 * chunk, loaded when the first flow diagram is connected.
 */

export const viewStyles = [flowStyles];

const WIDTH = 960;
const HEIGHT = 420;

/** What the diagram reads from its element. */
export interface FlowView {
  allocation: Allocation;
  plan: Plan | null;
  locale: Locale;
  showTable: boolean;
  selected: string | null;
  measured: { left: number; right: number } | null;
  money: (d: Decimal) => string;
  toggle: () => void;
  choose: (link: FlowLink) => void;
  /** Shown when the allocation does not match its shape. */
  empty: TemplateResult;
}

export function renderFlow(v: FlowView): TemplateResult {
  const t = (k: keyof typeof flowText) => msg(flowText[k], v.locale);
  let layout;
  let graph;
  try {
    graph = buildFlowGraph(v.allocation, v.plan, v.locale, v.money);
    layout = layoutFlow(graph, WIDTH, HEIGHT);
  } catch {
    // An allocation that does not match its shape must not break the host page.
    return v.empty;
  }
  const { headings } = graph;
  // Room for the outer columns' labels, so no name is cut off at the edge (12px text: about
  // 6.8 units a character); the diagram scales down to make room.
  const last = layout.columnX.length - 1;
  const room = (column: number) =>
    Math.max(40, ...layout.nodes.filter((n) => n.column === column).map((n) => Math.ceil(n.name.length * 7.2) + 12));
  // An estimate first; the element measures the drawn labels and corrects it once.
  const left = v.measured?.left ?? room(0);
  const right = v.measured?.right ?? room(last);
  const selectedLink = layout.links.find((l) => l.key === v.selected);
  const onKey = (e: KeyboardEvent, link: FlowLink) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    v.choose(link);
  };
  return html`
    <div class="toolbar">
      <button part="toggle" aria-expanded=${v.showTable ? 'true' : 'false'} @click=${v.toggle}>
        ${v.showTable ? t('hideTable') : t('showTable')}
      </button>
    </div>
    <figure>
      <svg part="diagram" viewBox="${-left} 0 ${WIDTH + left + right} ${HEIGHT}" role="group" aria-label=${graph.label}
        class=${v.selected ? 'has-selection' : ''}>
        ${headings.map((h, c) => svg`<text class="heading" aria-hidden="true" x=${layout.columnX[c]! + NODE_WIDTH / 2} y="14" text-anchor="middle">${h}</text>`)}
        ${layout.links.map(
          (l) => svg`<path class="link ${l.key === v.selected ? 'selected' : ''}" d=${l.path}
            style="--_flow-color: var(--rp-flow-color-${(l.domainIndex % 6) + 1}, var(--_flow-${(l.domainIndex % 6) + 1}))"
            tabindex="0" role="button" aria-label=${l.label} aria-pressed=${l.key === v.selected ? 'true' : 'false'}
            @click=${() => v.choose(l)} @keydown=${(e: KeyboardEvent) => onKey(e, l)}><title>${l.label}</title></path>`,
        )}
        ${layout.nodes.map(
          (n) => svg`<rect class="node" aria-hidden="true" x=${n.x} y=${n.y} width=${NODE_WIDTH} height=${n.h}></rect>
          <text aria-hidden="true" x=${n.column === 0 ? n.x - 6 : n.x + NODE_WIDTH + 6} y=${n.y + n.h / 2} dominant-baseline="middle"
            class=${n.column === 0 ? 'label first' : n.column === last ? 'label last' : 'label'}
            text-anchor=${n.column === 0 ? 'end' : 'start'}>${n.name}</text>`,
        )}
      </svg>
    </figure>
    <div role="status" class="visually-hidden">${selectedLink ? msg(flowText.selected, v.locale, { flow: selectedLink.label }) : nothing}</div>
    <table part="table" class=${v.showTable ? '' : 'visually-hidden'}>
      <caption>${t('caption')}</caption>
      <thead><tr><th scope="col">${t('from')}</th><th scope="col">${t('to')}</th><th scope="col">${t('amount')}</th></tr></thead>
      <tbody>
        ${layout.links.map((l) => {
          const from = layout.nodes.find((n) => n.key === l.source)!.name;
          const to = layout.nodes.find((n) => n.key === l.target)!.name;
          return html`<tr><td>${from}</td><td>${to}</td><td class="amount">${v.money(l.amount)}</td></tr>`;
        })}
        ${graph.kept.map((k) => {
          const from = layout.nodes.find((n) => n.key === k.node)?.name ?? '';
          return html`<tr><td>${from}</td><td>${k.label}</td><td class="amount">${v.money(k.amount)}</td></tr>`;
        })}
        ${layout.nodes
          .filter((n) => !layout.links.some((l) => l.source === n.key || l.target === n.key))
          .map(
            (n) => html`<tr><td>${n.name}</td><td>${t('unpaid')}</td><td class="amount">${v.money(n.amount)}</td></tr>`,
          )}
      </tbody>
    </table>
  `;
}
