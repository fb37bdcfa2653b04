import { findingText } from '../../i18n/findings.ts';
import type { Clauses, Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding } from './support.ts';

const text = findingText['clause-empty'];

/**
 * The clauses the handleiding says the parties must agree on (§4 "Hoe te gebruiken?", "Waar moeten
 * partijen nog meer afspraken over maken?": "afspraken … over de invulling van het
 * declaratieproces, de informatie-uitwisseling en evenals over evaluatie van de samenwerking,
 * controlemaatregelen en evt. kwaliteitsafspraken"; "Contractvereiste": partijen stellen vast dat
 * de activiteiten niet al uit andere prestaties worden vergoed). An empty one reads "(niet
 * ingevuld)" in every annex, so it is a warning before anyone signs. Quality agreements are
 * optional ("evt.") and give no finding. Only once the plan has a funder: before that there is
 * nobody to sign an annex with.
 */
export const REQUIRED_CLAUSES = [
  'declaration',
  'informationExchange',
  'evaluation',
  'controls',
  'doubleFunding',
] as const satisfies readonly (keyof Clauses)[];

export const clauseEmpty: Rule = {
  code: 'clause-empty',

  check(plan) {
    const out: Finding[] = [];
    if (plan.funders.length === 0) return out;
    for (const key of REQUIRED_CLAUSES) {
      if ((plan.clauses[key] ?? '').trim() !== '') continue;
      out.push(finding('clause-empty', 'warning', { section: 'plan', field: `clauses.${key}` }, text.empty(key)));
    }
    return out;
  },
  inputs: (plan) => [plan.clauses, plan.funders.length === 0],
};
