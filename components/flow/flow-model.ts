import type { Decimal } from 'decimal.js';
import type { Allocation } from '../../src/model/allocation.ts';
import type { Plan } from '../../src/model/plan.ts';
import { Dec } from '../../src/money/decimal.ts';
import { msg } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { flowText } from '../../src/i18n/flow.ts';
import { paymentLead, payments } from '../../src/engine/index.ts';

/*
 * The diagram's data, read from the engine's totals and payments; the execution model decides its
 * shape. Equal partners (each funder pays the providers of its domain): four columns, funders →
 * domains → sectors → providers. Main contractor or cashier (every funder pays the lead, which
 * passes each provider its part): three columns, funders → the lead → providers. The Zvw part no
 * listed insurer covers is its own funder node. Amounts stay Decimal; the layout turns them into
 * pixel numbers only for drawing.
 */

/** 0 funders; then domains, sectors, providers — or, with a lead, the lead and providers. */
export type Column = 0 | 1 | 2 | 3;

export interface FlowNode {
  key: string;
  column: Column;
  name: string;
  amount: Decimal;
  domainIndex: number;
}

/** What a flow stands for; the same shape as the rp-flow-select event's detail. */
export interface FlowSelectDetail {
  funderId?: string | null;
  domainId: string | null;
  sectorId?: string | null;
  providerId?: string | null;
}

export interface FlowLink {
  key: string;
  source: string;
  target: string;
  amount: Decimal;
  label: string;
  detail: FlowSelectDetail;
  domainIndex: number;
}

export interface FlowGraph {
  nodes: FlowNode[];
  links: FlowLink[];
  /** What a node keeps without passing it on (the lead's own part): a table row, not a band. */
  kept: { node: string; label: string; amount: Decimal }[];
  /** Column headings, one per column in use (4 for equal partners, 3 with a lead). */
  headings: string[];
  /** The diagram's accessible name. */
  label: string;
}

const domainKey = (d: string | null) => `d:${d ?? ''}`;
const sectorKey = (d: string | null, s: string | null) => `s:${d ?? ''}:${s ?? ''}`;

export function buildFlowGraph(
  allocation: Allocation,
  plan: Plan | null,
  locale: Locale,
  format: (d: Decimal) => string,
): FlowGraph {
  const t = (k: keyof typeof flowText) => msg(flowText[k], locale);
  if (plan && paymentLead(plan) !== null) return leadGraph(allocation, plan, locale, format);
  const headings = [t('funders'), t('domains'), t('sectors'), t('providers')];
  const domains = plan?.domains ?? [];
  const zvw = new Set(domains.filter((d) => d.kind === 'zvw').map((d) => d.id));
  const domainIndex = (id: string | null) => {
    const i = domains.findIndex((d) => d.id === id);
    return i < 0 ? domains.length : i;
  };
  const unknown = (id: string) => msg(flowText.unknown, locale, { id });
  const domainName = (id: string | null) =>
    id === null ? msg(flowText.noDomain, locale) : (domains.find((d) => d.id === id)?.name ?? unknown(id));
  const sectorName = (domainId: string | null, id: string | null) => {
    if (id === null) return `${domainName(domainId)} · ${msg(flowText.noSector, locale)}`;
    return domains.find((d) => d.id === domainId)?.sectors.find((s) => s.id === id)?.name ?? unknown(id);
  };
  const funderName = (id: string | null, domainId: string | null) =>
    id !== null
      ? (plan?.funders.find((f) => f.id === id)?.name ?? unknown(id))
      : domainId !== null && zvw.has(domainId)
        ? t('uncovered')
        : t('noFunder');
  const providerName = (id: string | null) =>
    id === null ? msg(flowText.noProvider, locale) : (plan?.providers.find((p) => p.id === id)?.name ?? unknown(id));

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
    links.push({
      key: `${source}>${target}${detail.funderId ? `#${detail.funderId}` : ''}`,
      source,
      target,
      amount,
      detail,
      domainIndex: di,
      label: msg(flowText.flow, locale, { from, to, amount: format(amount) }),
    });
  };
  const positive = (a: Decimal) => a.gt(0);

  for (const d of allocation.byDomain.filter((x) => positive(x.amount)))
    add(domainKey(d.domainId), 1, domainName(d.domainId), d.amount, domainIndex(d.domainId));
  for (const f of allocation.byFunder.filter((x) => positive(x.amount))) {
    const key = funderKey(plan, f.funderId, f.domainId, zvw);
    add(key, 0, funderName(f.funderId, f.domainId), f.amount, domainIndex(f.domainId));
    if (!nodes.has(domainKey(f.domainId)))
      add(domainKey(f.domainId), 1, domainName(f.domainId), new Dec(0), domainIndex(f.domainId));
    link(key, domainKey(f.domainId), f.amount, { funderId: f.funderId, domainId: f.domainId }, domainIndex(f.domainId));
  }
  // A domain without sectors is not drawn again as its own "no sector" node: its providers hang on the domain.
  const sectorless = (domainId: string | null) => {
    const d = domains.find((x) => x.id === domainId);
    return d !== undefined && d.sectors.length === 0;
  };
  const sourceOf = (domainId: string | null, sectorId: string | null) =>
    sectorId === null && sectorless(domainId) && nodes.has(domainKey(domainId))
      ? domainKey(domainId)
      : sectorKey(domainId, sectorId);
  for (const s of allocation.bySector.filter((x) => positive(x.amount))) {
    if (s.sectorId === null && sectorless(s.domainId) && nodes.has(domainKey(s.domainId))) continue;
    const key = sectorKey(s.domainId, s.sectorId);
    add(key, 2, sectorName(s.domainId, s.sectorId), s.amount, domainIndex(s.domainId));
    if (!nodes.has(domainKey(s.domainId)))
      add(domainKey(s.domainId), 1, domainName(s.domainId), s.amount, domainIndex(s.domainId));
    link(domainKey(s.domainId), key, s.amount, { domainId: s.domainId, sectorId: s.sectorId }, domainIndex(s.domainId));
  }
  for (const p of allocation.byProvider.filter((x) => positive(x.amount))) {
    const key = `p:${p.providerId ?? ''}`;
    add(key, 3, providerName(p.providerId), p.amount, domainIndex(p.domainId));
    const source = sourceOf(p.domainId, p.sectorId);
    if (!nodes.has(source)) add(source, 2, sectorName(p.domainId, p.sectorId), p.amount, domainIndex(p.domainId));
    link(
      source,
      key,
      p.amount,
      { domainId: p.domainId, sectorId: p.sectorId, providerId: p.providerId },
      domainIndex(p.domainId),
    );
  }
  return { nodes: [...nodes.values()], links, kept: [], headings, label: t('label') };
}

/**
 * One node per organisation: funder rows of the same organisation (a municipality paying Wmo and
 * Wpg, listed once per domain) share a node; each row keeps its own band. The uncovered Zvw part
 * gets its own key, apart from other money no funder takes yet.
 */
function funderKey(
  plan: Plan | null,
  funderId: string | null,
  domainId: string | null,
  zvw: ReadonlySet<string>,
): string {
  if (funderId !== null) {
    const f = plan?.funders.find((x) => x.id === funderId);
    const org = f?.name.trim().toLocaleLowerCase('nl');
    return org ? `f:org:${f!.kind}:${org}` : `f:${funderId}`;
  }
  return domainId !== null && zvw.has(domainId) ? 'f::uncovered' : 'f:';
}

/**
 * Main contractor or cashier: funders → the lead → providers. The lead passes each provider its
 * part of every funder line; its own part stays in its node (one node per organisation) and is a
 * row of the table. The part no insurer covers is a node of its own without flows: nobody pays it, so the
 * lead neither receives nor passes it on, and what it passes on equals what reaches it.
 */
function leadGraph(allocation: Allocation, plan: Plan, locale: Locale, format: (d: Decimal) => string): FlowGraph {
  const t = (k: keyof typeof flowText) => msg(flowText[k], locale);
  const pay = payments(plan, allocation);
  const leadId = pay.leadId!;
  const model = plan.executionModel as 'main-contractor' | 'cashier';
  const zvw = new Set(plan.domains.filter((d) => d.kind === 'zvw').map((d) => d.id));
  const domainIndex = (id: string | null) => {
    const i = plan.domains.findIndex((d) => d.id === id);
    return i < 0 ? plan.domains.length : i;
  };
  const unknown = (id: string) => msg(flowText.unknown, locale, { id });
  const providerName = (id: string | null) =>
    id === null ? t('noProvider') : (plan.providers.find((p) => p.id === id)?.name ?? unknown(id));
  const funderName = (id: string | null, domainId: string | null) =>
    id !== null
      ? (plan.funders.find((f) => f.id === id)?.name ?? unknown(id))
      : domainId !== null && zvw.has(domainId)
        ? t('uncovered')
        : t('noFunder');
  const leadName = `${providerName(leadId)} (${t(`lead.${model}`)})`;

  const nodes = new Map<string, FlowNode>();
  const add = (key: string, column: Column, name: string, amount: Decimal, di: number) => {
    const node = nodes.get(key);
    if (node) node.amount = node.amount.plus(amount);
    else nodes.set(key, { key, column, name, amount: new Dec(amount), domainIndex: di });
  };
  const links = new Map<string, FlowLink>();
  const link = (source: string, target: string, amount: Decimal, detail: FlowSelectDetail, di: number) => {
    const key = `${source}>${target}${detail.funderId ? `#${detail.funderId}` : ''}`;
    const l = links.get(key);
    if (l) {
      l.amount = l.amount.plus(amount);
      return;
    }
    links.set(key, { key, source, target, amount: new Dec(amount), detail, domainIndex: di, label: '' });
  };
  const lead = 'l:lead';
  let own: Decimal = new Dec(0);
  const leadDomain = plan.providers.find((p) => p.id === leadId)!.domainId;
  for (const f of pay.funders.filter((x) => x.annual.gt(0))) {
    const key = funderKey(plan, f.funderId, f.domainId, zvw);
    add(key, 0, funderName(f.funderId, f.domainId), f.annual, domainIndex(f.domainId));
    // Nobody pays the uncovered part: it reaches neither the lead nor the providers (as in the
    // annexes); its node alone shows how much of the Zvw part is missing.
    if (key === 'f::uncovered') continue;
    add(lead, 1, leadName, f.annual, domainIndex(leadDomain));
    link(
      key,
      lead,
      f.annual,
      { funderId: f.funderId, domainId: f.domainId, providerId: leadId },
      domainIndex(f.domainId),
    );
    for (const part of f.parts.filter((x) => x.annual.gt(0))) {
      // The lead is one organisation: what it keeps for its own work stays in its node.
      if (part.providerId === leadId) {
        own = own.plus(part.annual);
        continue;
      }
      const domainId = plan.providers.find((p) => p.id === part.providerId)?.domainId ?? f.domainId;
      const pk = `p:${part.providerId ?? ''}`;
      add(pk, 2, providerName(part.providerId), part.annual, domainIndex(domainId));
      link(lead, pk, part.annual, { domainId, providerId: part.providerId }, domainIndex(domainId));
    }
  }
  const out = [...links.values()].map((l) => ({
    ...l,
    label: msg(flowText.flow, locale, {
      from: nodes.get(l.source)!.name,
      to: nodes.get(l.target)!.name,
      amount: format(l.amount),
    }),
  }));
  return {
    nodes: [...nodes.values()],
    links: out,
    kept: own.gt(0)
      ? [{ node: lead, label: msg(flowText.ownPart, locale, { lead: providerName(leadId) }), amount: own }]
      : [],
    headings: [t('funders'), t(`lead.${model}`), t('providers')],
    label: msg(flowText.labelLead, locale, { lead: t(`lead.${model}`).toLowerCase() }),
  };
}
