import type { FindingLocation } from '../../src/model/finding.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { t, type UiKey } from '../../src/i18n/index.ts';
import { DEFAULT_SPLIT_ROW } from '../../src/model/ops.ts';

/** The row's name in the plan, so an entry reads "Aanbieders · Thuiszorg West" instead of an id. */
function rowName(loc: FindingLocation, plan: Plan | null): string | undefined {
  if (!loc.rowId || !plan) return loc.rowId;
  const rows: readonly { id: string; name: string }[] | undefined =
    loc.section === 'activities' || loc.section === 'split'
      ? plan.activities
      : loc.section === 'targetGroups'
        ? plan.targetGroups
        : loc.section === 'providers'
          ? plan.providers
          : loc.section === 'funders'
            ? plan.funders
            : loc.section === 'domains'
              ? plan.domains
              : undefined;
  return rows?.find((r) => r.id === loc.rowId)?.name || loc.rowId;
}

/** Where a finding points, in words: section, and row or column where known. */
export function locationLabel(loc: FindingLocation, plan: Plan | null, locale: Locale): string {
  const parts = [t(locale, `section.${loc.section}` as UiKey)];
  if (loc.rowId === DEFAULT_SPLIT_ROW) parts.push(t(locale, 'section.defaultSplit'));
  else {
    const name = rowName(loc, plan);
    if (name) parts.push(name);
  }
  if (loc.domainId && plan) {
    const domain = plan.domains.find((d) => d.id === loc.domainId);
    const sector = loc.sectorId ? domain?.sectors.find((s) => s.id === loc.sectorId) : undefined;
    parts.push([domain?.name ?? loc.domainId, sector?.name].filter(Boolean).join(' / '));
  }
  return parts.join(' · ');
}
