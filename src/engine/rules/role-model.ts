import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding } from './support.ts';

const text = findingText['role-model'];

/**
 * Provider roles follow the execution model (handleiding §4 "Hoe te gebruiken?": "Er zijn
 * verschillende uitvoeringsmodellen denkbaar"): under a main contractor one provider is the
 * hoofdaannemer and the others partners (onderaannemers); under a cashier one is the kassier;
 * with equal partners nobody leads. The payees of every annex follow from this, so a role that
 * contradicts the model would send money to the wrong organisation.
 */
export const roleModel: Rule = {
  code: 'role-model',

  check(plan, index) {
    const out: Finding[] = [];
    const model = plan.executionModel;
    plan.providers.forEach((p, i) => {
      const label = () => subject.provider(p.name, p.id, { row: i + 1 });
      const at = { section: 'providers' as const, rowId: p.id, field: 'role' };
      if (p.role !== 'partner') {
        if (p.role !== model)
          out.push(finding('role-model', 'error', at, text.roleWithoutModel(label(), p.role, model)));
        else if (plan.leadProviderId && index.providersById.has(plan.leadProviderId) && plan.leadProviderId !== p.id) {
          out.push(finding('role-model', 'error', at, text.notLead(label(), p.role)));
        }
      } else if ((model === 'main-contractor' || model === 'cashier') && plan.leadProviderId === p.id) {
        out.push(finding('role-model', 'error', at, text.leadRole(label(), model)));
      }
    });
    if (model === 'equal-partners' && plan.leadProviderId) {
      out.push(finding('role-model', 'warning', { section: 'plan', field: 'leadProviderId' }, text.leadInEqual()));
    }
    return out;
  },
  inputs: (plan) => [plan.executionModel, plan.leadProviderId, plan.providers],
};
