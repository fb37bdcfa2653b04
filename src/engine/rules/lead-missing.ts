import { findingText } from '../../i18n/findings.ts';
import type { Rule } from './rule.ts';
import { finding } from './support.ts';

const text = findingText['lead-missing'];

/** The main-contractor and cashier models name the organisation that contracts or collects the money. */
export const leadMissing: Rule = {
  code: 'lead-missing',

  check(plan, index) {
    const model = plan.executionModel;
    if (model !== 'main-contractor' && model !== 'cashier') return [];
    const location = { section: 'plan' as const, field: 'leadProviderId' };
    if (plan.leadProviderId === null || plan.leadProviderId === '')
      return [finding('lead-missing', 'error', location, text.none(model))];
    if (!index.providersById.has(plan.leadProviderId))
      return [finding('lead-missing', 'error', location, text.unknown(model))];
    return [];
  },
  inputs: (plan) => [plan.executionModel, plan.leadProviderId, plan.providers],
};
