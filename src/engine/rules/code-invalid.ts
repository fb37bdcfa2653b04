import { findingText, subject } from '../../i18n/findings.ts';
import type { Rule } from './rule.ts';
import { finding, isZvw } from './support.ts';

const text = findingText['code-invalid'];
const AGB = /^\d{8}$/;
const UZOVI = /^\d{4}$/;

/**
 * Zvw providers declare with an 8-digit AGB code and insurers are known by a 4-digit UZOVI code;
 * a code given by any other party must have the same form.
 */
export const codeInvalid: Rule = {
  code: 'code-invalid',

  provider(p, ctx) {
    const location = { section: 'providers' as const, rowId: p.id, field: 'agb' };
    const label = subject.provider(p.name, p.id);
    if (p.agb === '')
      return isZvw(ctx, p.domainId) ? [finding('code-invalid', 'error', location, text.agbMissing(label))] : [];
    return AGB.test(p.agb) ? [] : [finding('code-invalid', 'error', location, text.agb(label, p.agb))];
  },

  funder(f) {
    const location = { section: 'funders' as const, rowId: f.id, field: 'uzovi' };
    const label = subject.funder(f.name, f.id);
    if (f.uzovi === '')
      return f.kind === 'insurer' ? [finding('code-invalid', 'error', location, text.uzoviMissing(label))] : [];
    return UZOVI.test(f.uzovi) ? [] : [finding('code-invalid', 'error', location, text.uzovi(label, f.uzovi))];
  },
};
