import type Decimal from 'decimal.js';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Plan } from '../../src/model/plan.ts';
import { Dec } from '../../src/money/decimal.ts';
import { msg } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { flowText } from '../../src/i18n/flow.ts';

/*
 * The diagram's data: four columns of nodes (funders, domains, sectors, providers) and the links
 * between neighbouring columns, read from the engine's totals. Amounts stay Decimal; the layout
 * turns them into pixel numbers only for drawing.
 */

export type Column = 0 | 1 | 2 | 3;

export interface FlowNode { key: string; column: Column; name: string; amount: Decimal; domainIndex: number }

/** What a flow stands for; the same shape as the rp-flow-select event's detail. */
export interface FlowSelectDetail { funderId?: string | null; domainId: string | null; sectorId?: string | null; providerId?: string | null }

export interface FlowLink { key: string; source: string; target: string; amount: Decimal; label: string; detail: FlowSelectDetail; domainIndex: number }

export interface FlowGraph { nodes: FlowNode[]; links: FlowLink[] }

const domainKey = (d: string | null) => `d:${d ?? ''}`;
const sectorKey = (d: string | null, s: string | null) => `s:${d ?? ''}:${s ?? ''}`;

export function buildFlowGraph(allocation: Allocation, plan: Plan | null, locale: Locale, format: (d: Decimal) => string): FlowGraph {
  const domains = plan?.domains ?? [];
  const domainIndex = (id: string | null) => { const i = domains.findIndex((d) => d.id === id); return i < 0 ? domains.length : i; };
  const unknown = (id: string) => msg(flowText.unknown, locale, { id });
  const domainName = (id: string | null) => id === null ? msg(flowText.noDomain, locale) : domains.find((d) => d.id === id)?.name ?? unknown(id);
  const sectorName = (domainId: string | null, id: string | null) => {
    if (id === null) return `${domainName(domainId)} · ${msg(flowText.noSector, locale)}`;
    return domains.find((d) => d.id === domainId)?.sectors.find((s) => s.id === id)?.name ?? unknown(id);
  };
  const funderName = (id: string | null) => id === null ? msg(flowText.noFunder, locale) : plan?.funders.find((f) => f.id === id)?.name ?? unknown(id);
  const providerName = (id: string | null) => id === null ? msg(flowText.noProvider, locale) : plan?.providers.find((p) => p.id === id)?.name ?? unknown(id);

  const nodes = new Map<string, FlowNode>();
  const add = (key: string, column: Column, name: string, amount: Decimal, di: number) => {
    const node = nodes.get(key);
    if (node) node.amount = node.amount.plus(amount);
    else nodes.set(key, { key, column, name, amount: new Dec(amount), domainIndex: di });
  };
  const links: FlowLink[] = [];
  const link = (source: string, target: string, amount: Decimal, detail: FlowSelectDetail, di: number) => {
    const from = nodes.get(source)!.name;
    const to = nodes.get(target)!.name;
    links.push({ key: `${source}>${target}`, source, target, amount, detail, domainIndex: di, label: msg(flowText.flow, locale, { from, to, amount: format(amount) }) });
  };
  const positive = (a: Decimal) => a.gt(0);

  for (const d of allocation.byDomain.filter((x) => positive(x.amount))) add(domainKey(d.domainId), 1, domainName(d.domainId), d.amount, domainIndex(d.domainId));
  for (const f of allocation.byFunder.filter((x) => positive(x.amount))) {
    const key = `f:${f.funderId ?? ''}`;
    add(key, 0, funderName(f.funderId), f.amount, domainIndex(f.domainId));
    if (!nodes.has(domainKey(f.domainId))) add(domainKey(f.domainId), 1, domainName(f.domainId), new Dec(0), domainIndex(f.domainId));
    link(key, domainKey(f.domainId), f.amount, { funderId: f.funderId, domainId: f.domainId }, domainIndex(f.domainId));
  }
  for (const s of allocation.bySector.filter((x) => positive(x.amount))) {
    const key = sectorKey(s.domainId, s.sectorId);
    add(key, 2, sectorName(s.domainId, s.sectorId), s.amount, domainIndex(s.domainId));
    if (!nodes.has(domainKey(s.domainId))) add(domainKey(s.domainId), 1, domainName(s.domainId), s.amount, domainIndex(s.domainId));
    link(domainKey(s.domainId), key, s.amount, { domainId: s.domainId, sectorId: s.sectorId }, domainIndex(s.domainId));
  }
  for (const p of allocation.byProvider.filter((x) => positive(x.amount))) {
    const key = `p:${p.providerId ?? ''}`;
    add(key, 3, providerName(p.providerId), p.amount, domainIndex(p.domainId));
    const source = sectorKey(p.domainId, p.sectorId);
    if (!nodes.has(source)) add(source, 2, sectorName(p.domainId, p.sectorId), p.amount, domainIndex(p.domainId));
    link(source, key, p.amount, { domainId: p.domainId, sectorId: p.sectorId, providerId: p.providerId }, domainIndex(p.domainId));
  }
  return { nodes: [...nodes.values()], links };
}
