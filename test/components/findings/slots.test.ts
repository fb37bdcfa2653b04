import { expect } from 'chai';
import '../../../components/findings/findings.ts';
import type { RpFindings } from '../../../components/findings/findings.ts';
import type { Finding } from '../../../src/model/finding.ts';
import { $ } from '../planner/dom.ts';
import { notDrawn, shownInSlot, slotted } from '../../helpers/slots.ts';

const warning: Finding = {
  code: 'reference-missing',
  severity: 'warning',
  location: { section: 'activities', rowId: 'a1', field: 'targetGroupIds' },
  message: { nl: 'Activiteit zonder doelgroep.', en: 'Activity without target group.' },
};

describe('rp-findings empty slot', () => {
  afterEach(() => document.querySelectorAll('rp-findings').forEach((e) => e.remove()));

  it('shows the host’s message instead of the built-in one while there are no findings', async () => {
    const el = document.createElement('rp-findings') as RpFindings;
    const done = slotted('p', 'empty', 'Klaar om in te dienen.');
    el.append(done);
    document.body.append(el);
    await el.updateComplete;
    expect(shownInSlot(done, 'empty')).to.equal(true);
    expect(notDrawn($(el, 'p.ok'))).to.equal(true);
    el.findings = [warning];
    await el.updateComplete;
    expect(notDrawn(done)).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('button[part="item"]')).to.have.length(1);
  });

  it('shows the built-in message without the host’s content', async () => {
    const el = document.createElement('rp-findings') as RpFindings;
    document.body.append(el);
    await el.updateComplete;
    expect(notDrawn($(el, 'p.ok'))).to.equal(false);
    expect($(el, 'p.ok').textContent!.trim()).to.not.equal('');
  });
});
