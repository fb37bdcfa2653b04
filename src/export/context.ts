import type { Allocation, Finding, Plan } from '../model/index.ts';
import type { Locale } from '../i18n/locale.ts';
import { tx } from '../i18n/export.ts';
import { allocate, payments, validate, type Payments } from '../engine/index.ts';
import { planFingerprint } from './fingerprint.ts';
import type { SignoffExport } from './signoffs-section.ts';
import type { CommentExport } from './comments-table.ts';

/**
 * Everything an exporter reads: the plan, the engine's allocation and findings for it, and the
 * names of rows by id. Built once per export so every file of one export agrees.
 */
export interface ExportContext {
  plan: Plan;
  allocation: Allocation;
  /** Who pays whom per period, as the execution model decides (engine/allocate/payments.ts). */
  payments: Payments;
  findings: Finding[];
  locale: Locale;
  draft: boolean;
  scenarioName: string;
  date: Date;
  fingerprint: string;
  names: Names;
  /** The scenario's sign-offs, when it was put up for sign-off (signoffs-section.ts). */
  signoffs?: SignoffExport;
  /** The scenario's comment threads, when the workbook is to have its comments sheet. */
  comments?: readonly CommentExport[];
}

export interface Names {
  /** "(unassigned)" for the null bucket: the part of a split below 100 %. */
  domain(id: string | null): string;
  /** Empty for a domain without sectors; "(unassigned)" for a null bucket in a domain with sectors. */
  sector(domainId: string | null, sectorId: string | null): string;
  provider(id: string | null): string;
  /**
   * A funder line's name. The null line of a Zvw domain is the part no listed insurer covers and
   * says so; elsewhere it is "(unassigned)".
   */
  funder(id: string | null, domainId?: string | null): string;
  /** "Name (AGB 12345678)", or the name alone without an AGB code. */
  providerWithAgb(id: string | null): string;
  /** The provider's role as the execution model makes it: hoofdaannemer, kassier, onderaannemer or partner. */
  role(id: string | null): string;
  /** True for a Zvw domain (insurers, insured); false for the social domain, Wlz, other. */
  isZvw(domainId: string | null): boolean;
  targetGroup(id: string): string;
  activity(id: string): string;
}

export function makeNames(plan: Plan, locale: Locale): Names {
  const domains = new Map(plan.domains.map((d) => [d.id, d]));
  const byId = <T extends { id: string; name: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r.name]));
  const providers = byId(plan.providers);
  const agbs = new Map(plan.providers.map((p) => [p.id, p.agb]));
  const zvw = new Set(plan.domains.filter((d) => d.kind === 'zvw').map((d) => d.id));
  const lead = plan.executionModel === 'equal-partners' ? null : plan.leadProviderId;
  const funders = byId(plan.funders);
  const groups = byId(plan.targetGroups);
  const activities = byId(plan.activities);
  const unknown = (id: string) => tx('unknownRef', locale, { id });
  const unassigned = tx('unassigned', locale);
  return {
    domain: (id) => (id === null ? unassigned : (domains.get(id)?.name ?? unknown(id))),
    sector: (domainId, sectorId) => {
      const domain = domainId === null ? undefined : domains.get(domainId);
      if (sectorId === null) return domain && domain.sectors.length === 0 ? '' : unassigned;
      return domain?.sectors.find((s) => s.id === sectorId)?.name ?? unknown(sectorId);
    },
    provider: (id) => (id === null ? unassigned : (providers.get(id) ?? unknown(id))),
    funder: (id, domainId = null) =>
      id === null
        ? domainId !== null && zvw.has(domainId)
          ? tx('uncovered', locale)
          : unassigned
        : (funders.get(id) ?? unknown(id)),
    providerWithAgb: (id) => {
      const name = id === null ? unassigned : (providers.get(id) ?? unknown(id));
      const agb = id === null ? '' : (agbs.get(id) ?? '');
      return agb ? tx('payeeAgb', locale, { name, agb }) : name;
    },
    role: (id) => {
      if (id !== null && id === lead) return tx(`lead.${plan.executionModel as 'main-contractor' | 'cashier'}`, locale);
      return plan.executionModel === 'main-contractor' && lead !== null
        ? tx('role.subcontractor', locale)
        : tx('role.partner', locale);
    },
    isZvw: (domainId) => domainId !== null && zvw.has(domainId),
    targetGroup: (id) => groups.get(id) ?? unknown(id),
    activity: (id) => activities.get(id) ?? unknown(id),
  };
}

export interface ContextOptions {
  locale: Locale;
  draft: boolean;
  scenarioName: string;
  date: Date;
  signoffs?: SignoffExport;
  comments?: readonly CommentExport[];
}

/** Runs the engine on the plan; the exporters never compute money themselves. */
export async function buildContext(plan: Plan, options: ContextOptions): Promise<ExportContext> {
  const allocation = allocate(plan);
  const pay = payments(plan, allocation);
  const findings = validate(plan);
  return {
    plan,
    allocation,
    payments: pay,
    findings,
    ...options,
    fingerprint: await planFingerprint(plan),
    names: makeNames(plan, options.locale),
  };
}
