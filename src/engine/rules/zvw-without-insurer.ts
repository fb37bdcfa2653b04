import { findingText } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { domainLabel, finding } from './support.ts';

const text = findingText['zvw-without-insurer'];

/** The Zvw part is paid by health insurers: a Zvw domain that gets money needs at least one. */
export const zvwWithoutInsurer: Rule = {
  code: 'zvw-without-insurer',

  check(plan, index) {
    const out: Finding[] = [];
    for (const [domainId, entry] of index.ctx.domains) {
      if (entry.domain.kind !== 'zvw' || !index.funded.domains.has(domainId)) continue;
      if (index.fundersByDomain.get(domainId)?.some((f) => f.kind === 'insurer')) continue;
      out.push(
        finding(
          'zvw-without-insurer',
          'error',
          { section: 'funders', domainId },
          text.domain(domainLabel(index.ctx, domainId)),
        ),
      );
    }
    return out;
  },
  inputs: (plan, index) => [index.funded, plan.funders, index.ctx],
};
