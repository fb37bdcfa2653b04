import { findingText, subject } from '../../i18n/findings.ts';
import type { Rule } from './rule.ts';
import { domainLabel, finding } from './support.ts';

const text = findingText['provider-domain-mismatch'];

/**
 * A provider belongs to exactly one existing domain and, where that domain has sectors, to one of
 * its sectors. Funders: an insurer outside the Zvw or a municipality on the Zvw is unusual enough
 * to point out (a warning, since a region may have a reason).
 */
export const providerDomainMismatch: Rule = {
  code: 'provider-domain-mismatch',

  provider(p, ctx) {
    const label = subject.provider(p.name, p.id, { code: p.agb });
    const entry = ctx.domains.get(p.domainId);
    if (!entry) {
      return [
        finding(
          'provider-domain-mismatch',
          'error',
          { section: 'providers', rowId: p.id, field: 'domainId' },
          text.unknownDomain(label),
        ),
      ];
    }
    const location = { section: 'providers' as const, rowId: p.id, field: 'sectorId', domainId: p.domainId };
    if (p.sectorId !== null && !entry.sectors.has(p.sectorId)) {
      return [
        finding(
          'provider-domain-mismatch',
          'error',
          location,
          text.sectorNotInDomain(label, domainLabel(ctx, p.domainId)),
        ),
      ];
    }
    if (p.sectorId === null && entry.sectors.size > 0) {
      return [
        finding('provider-domain-mismatch', 'error', location, text.sectorMissing(label, domainLabel(ctx, p.domainId))),
      ];
    }
    return [];
  },

  funder(f, ctx) {
    const label = subject.funder(f.name, f.id, { code: f.uzovi });
    const entry = ctx.domains.get(f.domainId);
    if (!entry) {
      return [
        finding(
          'provider-domain-mismatch',
          'error',
          { section: 'funders', rowId: f.id, field: 'domainId' },
          text.unknownDomain(label),
        ),
      ];
    }
    const location = { section: 'funders' as const, rowId: f.id, field: 'kind', domainId: f.domainId };
    const zvw = entry.domain.kind === 'zvw';
    if (f.kind === 'insurer' && !zvw)
      return [
        finding(
          'provider-domain-mismatch',
          'warning',
          location,
          text.insurerOutsideZvw(label, domainLabel(ctx, f.domainId)),
        ),
      ];
    if (f.kind === 'municipality' && zvw)
      return [
        finding(
          'provider-domain-mismatch',
          'warning',
          location,
          text.municipalityOnZvw(label, domainLabel(ctx, f.domainId)),
        ),
      ];
    return [];
  },
};
