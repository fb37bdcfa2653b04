import type { Allocation, Finding, Plan } from '../model/index.ts';
import type { Locale } from '../i18n/locale.ts';
import { tx } from '../i18n/export.ts';
import { allocate, validate } from '../engine/index.ts';
import { planFingerprint } from './fingerprint.ts';

/**
 * Everything an exporter reads: the plan, the engine's allocation and findings for it, and the
 * names of rows by id. Built once per export so every file of one export agrees.
 */
export interface ExportContext {
  plan: Plan;
  allocation: Allocation;
  findings: Finding[];
  locale: Locale;
  draft: boolean;
  scenarioName: string;
  date: Date;
  fingerprint: string;
  names: Names;
}

export interface Names {
  /** "(unassigned)" for the null bucket: the part of a split below 100 %. */
  domain(id: string | null): string;
  /** Empty for a domain without sectors; "(unassigned)" for a null bucket in a domain with sectors. */
  sector(domainId: string | null, sectorId: string | null): string;
  provider(id: string | null): string;
  funder(id: string | null): string;
  targetGroup(id: string): string;
  activity(id: string): string;
}

export function makeNames(plan: Plan, locale: Locale): Names {
  const domains = new Map(plan.domains.map((d) => [d.id, d]));
  const byId = <T extends { id: string; name: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r.name]));
  const providers = byId(plan.providers);
  const funders = byId(plan.funders);
  const groups = byId(plan.targetGroups);
  const activities = byId(plan.activities);
  const unknown = (id: string) => tx('unknownRef', locale, { id });
  const unassigned = tx('unassigned', locale);
  return {
    domain: (id) => (id === null ? unassigned : domains.get(id)?.name ?? unknown(id)),
    sector: (domainId, sectorId) => {
      const domain = domainId === null ? undefined : domains.get(domainId);
      if (sectorId === null) return domain && domain.sectors.length === 0 ? '' : unassigned;
      return domain?.sectors.find((s) => s.id === sectorId)?.name ?? unknown(sectorId);
    },
    provider: (id) => (id === null ? unassigned : providers.get(id) ?? unknown(id)),
    funder: (id) => (id === null ? unassigned : funders.get(id) ?? unknown(id)),
    targetGroup: (id) => groups.get(id) ?? unknown(id),
    activity: (id) => activities.get(id) ?? unknown(id),
  };
}

export interface ContextOptions {
  locale: Locale;
  draft: boolean;
  scenarioName: string;
  date: Date;
}

/** Runs the engine on the plan; the exporters never compute money themselves. */
export async function buildContext(plan: Plan, options: ContextOptions): Promise<ExportContext> {
  const allocation = allocate(plan);
  const findings = validate(plan);
  return {
    plan,
    allocation,
    findings,
    ...options,
    fingerprint: await planFingerprint(plan),
    names: makeNames(plan, options.locale),
  };
}
