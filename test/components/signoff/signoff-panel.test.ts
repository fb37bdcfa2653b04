import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/signoff/signoff-panel.ts';
import type { RpSignoffPanel } from '../../../components/signoff/signoff-panel.ts';
import type { SignoffRequest } from '../../../components/shared/events.ts';
import { signoffStatus } from '../../../src/negotiation/index.ts';
import type { Signoff } from '../../../src/model/negotiation.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { deepActive, mount, record } from '../planner/dom.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('rp-signoff-panel', () => {
  afterEach(() => document.querySelectorAll('rp-signoff-panel').forEach((e) => e.remove()));

  it('says who put the version up for sign-off, and that no name was given when nobody was named', async () => {
    const plan = handbookPlan('opened');
    const shown = async (openedBy: string): Promise<string> => {
      const status = signoffStatus(plan, B, { openedAt: '2025-03-01T09:00:00.000Z', openedBy }, []);
      const el = await mount<RpSignoffPanel>('rp-signoff-panel', {
        chosen: true,
        status,
        userName: '',
      } as Partial<RpSignoffPanel>);
      const text = el.shadowRoot!.querySelector('p.muted')!.textContent!;
      el.remove();
      return text;
    };
    expect(await shown('Anna')).to.contain('door Anna');
    const anonymous = await shown('');
    expect(anonymous).to.contain('zonder naam');
    expect(anonymous).not.to.contain('—');
  });

  it('shows each party’s state, what changed since an outdated sign-off, and asks for a name by keyboard', async () => {
    const plan = handbookPlan('panel');
    const funder = plan.funders[0]!;
    const signed: Signoff = {
      id: 's1',
      party: { kind: 'funder', id: funder.id },
      name: 'Piet <b>Inkoop</b>',
      role: 'zorginkoper',
      at: '2025-03-01T10:00:00.000Z',
      fingerprint: A,
      source: 'local',
    };
    const status = signoffStatus(plan, B, { openedAt: '2025-03-01T09:00:00.000Z', openedBy: 'Anna' }, [signed]);
    const el = await mount<RpSignoffPanel>('rp-signoff-panel', {
      chosen: true,
      status,
      userName: '',
      changes: new Map([
        [
          A,
          [
            {
              section: 'plan',
              change: 'changed',
              field: 'name',
              label: { nl: 'Naam', en: 'Name' },
              a: 'Oud',
              b: 'Nieuw',
            },
          ],
        ],
      ]),
    } as Partial<RpSignoffPanel>);
    const root = el.shadowRoot!;
    expect(root.querySelector('.state.outdated')).to.not.equal(null);
    expect(root.querySelectorAll('.state.missing').length).to.equal(status.parties.length - 1);
    expect(root.querySelector('td b'), 'names are text').to.equal(null);
    expect(root.textContent).to.contain('Piet <b>Inkoop</b>').and.contain('niet geverifieerd');
    expect(root.querySelector('details')!.textContent).to.contain('Oud').and.contain('Nieuw');
    await expectNoSeriousViolations(el);

    const requests = record<SignoffRequest>(el, 'rp-signoff-request');
    root.querySelector<HTMLButtonElement>('td button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('name'), 'focus moves to the name').to.equal('name');
    await expectNoSeriousViolations(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('naam');
    expect(requests).to.deep.equal([]);
    await sendKeys({ type: 'Marie Jansen' });
    await sendKeys({ press: 'Enter' });
    expect(requests).to.deep.equal([
      { action: 'sign', party: { kind: 'funder', id: funder.id }, name: 'Marie Jansen', role: '' },
    ]);
  });
});
