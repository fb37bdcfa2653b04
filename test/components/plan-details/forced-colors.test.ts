import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../components/plan-details/plan-details.ts';
import type { RpPlanDetails } from '../../../components/plan-details/plan-details.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { $, mount } from '../planner/dom.ts';

/*
 * Forced colours (Windows high contrast) paint errors and warnings in the same system colour and
 * drop tinted backgrounds: a form field's mark must still tell them apart, and stay framed.
 */
const error: Finding = {
  code: 'period-invalid',
  severity: 'error',
  location: { section: 'plan', field: 'name' },
  message: { nl: 'Fout', en: 'Error' },
};
const warning: Finding = {
  code: 'lead-missing',
  severity: 'warning',
  location: { section: 'plan', field: 'region' },
  message: { nl: 'Let op', en: 'Note' },
};

describe('form marks in forced colours', () => {
  afterEach(async () => {
    document.querySelectorAll('rp-plan-details').forEach((e) => e.remove());
    await emulateMedia({ forcedColors: 'none' });
  });

  it('keeps an error field solid and a warning field dashed, each with a framed message', async () => {
    const el = await mount<RpPlanDetails>('rp-plan-details', { plan: handbookPlan(), findings: [error, warning] });
    await emulateMedia({ forcedColors: 'active' });
    const name = getComputedStyle($(el, '[data-field="name"]'));
    const region = getComputedStyle($(el, '[data-field="region"]'));
    expect([name.borderTopStyle, name.borderTopWidth]).to.deep.equal(['solid', '2px']);
    expect([region.borderTopStyle, region.borderTopWidth]).to.deep.equal(['dashed', '2px']);
    const marks = [...el.shadowRoot!.querySelectorAll('.mark')].map((m) => getComputedStyle(m));
    expect(marks.map((m) => m.borderTopStyle).sort()).to.deep.equal(['dashed', 'solid']);
    expect(marks.every((m) => m.borderTopWidth === '1px')).to.equal(true);
  });
});
