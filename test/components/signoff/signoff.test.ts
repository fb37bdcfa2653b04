import { expect } from 'chai';
import JSZip from 'jszip';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpSignoffPanel } from '../../../components/signoff/signoff-panel.ts';
import type { RpSignoffDetail } from '../../../components/shared/events.ts';
import { handbookPlan } from '../planner/handbook-plan.ts';
import { mount, record } from '../planner/dom.ts';
import { edit, rename, until } from '../planner/host.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';

/*
 * Sign-off on one exact version, as people do it in the planner: a chosen scenario is put up for
 * sign-off, a party records its "akkoord", a later edit makes it outdated (kept, with what changed),
 * a new sign-off makes it valid again; the annex states the sign-offs and is a concept meanwhile.
 */

const panel = (p: RpPlanner): RpSignoffPanel => {
  const el = p.shadowRoot!.querySelector<RpSignoffPanel>('rp-signoff-panel');
  if (!el) throw new Error('no sign-off panel');
  return el;
};
const inPanel = <T extends Element>(p: RpPlanner, selector: string): T | null =>
  panel(p).shadowRoot!.querySelector<T>(selector);

/** Signs for `party` as the person the host names (user-name), with a role. */
async function signFor(p: RpPlanner, party: string, name: string, role: string): Promise<void> {
  p.userName = name;
  await p.updateComplete;
  const find = () =>
    [...panel(p).shadowRoot!.querySelectorAll<HTMLButtonElement>('td button')].find(
      (b) => b.getAttribute('aria-label') === `Akkoord geven namens ${party}`,
    );
  await until(() => find() !== undefined, `the sign-off button for ${party}`);
  find()!.click();
  await until(() => inPanel(p, 'form input[name="name"]') !== null, 'the sign-off form');
  await panel(p).updateComplete;
  const nameInput = inPanel<HTMLInputElement>(p, 'form input[name="name"]')!;
  expect(nameInput.value, 'the name is the host’s user-name').to.equal(name);
  expect(nameInput.readOnly, 'and recorded as supplied').to.equal(true);
  inPanel<HTMLInputElement>(p, 'form input[name="role"]')!.value = role;
  inPanel<HTMLButtonElement>(p, 'form button[type="submit"]')!.click();
}

const docxText = async (file: Blob): Promise<string> =>
  (await (await JSZip.loadAsync(await file.arrayBuffer())).file('word/document.xml')!.async('string')).replace(
    /<[^>]+>/g,
    ' ',
  );

describe('sign-off in the planner', function () {
  this.timeout(60_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  it('becomes outdated after an edit (kept, with what changed) and valid again after a new sign-off', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storage: 'none',
      userName: 'Anna de Vries',
      plan: handbookPlan('signoff-flow'),
    } as Partial<RpPlanner>);
    await until(() => p.currentScenario !== '', 'the scenario to be stored');
    expect(inPanel(p, 'button.primary'), 'not chosen: nothing to put up').to.equal(null);
    await p.scenarioStore!.markChosen(p.currentScenario);
    await until(() => inPanel(p, 'button.primary') !== null, 'the put-up button');
    const events = record<RpSignoffDetail>(p, 'rp-signoff');
    inPanel<HTMLButtonElement>(p, 'button.primary')!.click();
    await until(() => p.signoffs.round !== null, 'the round to open');
    await until(() => (p.signoffs.status?.parties.length ?? 0) > 0, 'the parties');

    const funder = p.plan!.funders[0]!;
    await signFor(p, funder.name, 'Piet Inkoop', 'zorginkoper');
    const party = () => p.signoffs.status!.parties.find((x) => x.party.id === funder.id)!;
    await until(() => party().state === 'valid', 'the sign-off');
    expect(p.signoffs.signoffs[0]).to.include({ name: 'Piet Inkoop', role: 'zorginkoper', source: 'local' });
    expect(events.map((e) => e.action)).to.deep.equal(['open', 'sign']);
    expect(events[1]!.fingerprint).to.equal(p.signoffs.status!.fingerprint);
    expect(p.canUndo, 'a sign-off is no plan edit').to.equal(false);
    await panel(p).updateComplete;
    expect(panel(p).shadowRoot!.textContent).to.contain('niet geverifieerd');

    edit(p, rename('Dementienetwerk, herzien'));
    await until(() => party().state === 'outdated', 'the sign-off to be outdated');
    expect(p.signoffs.signoffs).to.have.length(1);
    await until(() => inPanel(p, 'details') !== null, 'the change list');
    await panel(p).updateComplete;
    const changes = inPanel<HTMLDetailsElement>(p, 'details')!.textContent!;
    expect(changes).to.contain('Naam').and.contain('Dementienetwerk, herzien');
    // Ctrl+Z undoes the plan edit, never the sign-off: the first version's sign-off is valid again.
    p.undo();
    await until(() => party().state === 'valid', 'valid on the undone version');
    p.redo();
    await until(() => party().state === 'outdated', 'outdated again');

    await signFor(p, funder.name, 'Piet Inkoop', 'zorginkoper');
    await until(() => party().state === 'valid', 'valid after a new sign-off');
    expect(party().all).to.have.length(2);
    await expectNoSeriousViolations(panel(p));
  });

  it('the annex states the sign-offs and exports as concept while one is outdated', async () => {
    const p = await mount<RpPlanner>('rp-planner', {
      storage: 'none',
      userName: 'Anna de Vries',
      plan: handbookPlan('signoff-annex'),
    } as Partial<RpPlanner>);
    await until(() => p.currentScenario !== '', 'the scenario to be stored');
    await p.scenarioStore!.markChosen(p.currentScenario);
    await until(() => inPanel(p, 'button.primary') !== null, 'the put-up button');
    inPanel<HTMLButtonElement>(p, 'button.primary')!.click();
    await until(() => (p.signoffs.status?.parties.length ?? 0) > 0, 'the parties');
    for (const x of p.signoffs.status!.parties) {
      await signFor(p, x.name, `Namens ${x.name}`, 'bestuurder');
      await until(() => p.signoffs.status!.parties.find((y) => y.party.id === x.party.id)!.state === 'valid', x.name);
    }
    expect(p.signoffs.status!.complete).to.equal(true);
    const final = await p.exportScenario('docx');
    expect(final.name).not.to.contain('concept');
    const finalText = await docxText(final);
    expect(finalText).to.contain('Akkoord van de partijen').and.contain(p.signoffs.status!.fingerprint);

    edit(p, rename('Gewijzigd na akkoord'));
    await until(() => p.signoffs.status?.complete === false, 'outdated sign-offs');
    const concept = await p.exportScenario('docx');
    expect(concept.name).to.contain('concept');
    const text = await docxText(concept);
    expect(text).to.contain('CONCEPT').and.contain('nee, verouderd');
    // The user may say otherwise.
    const asFinal = await p.exportScenario('docx', { draft: false });
    expect(asFinal.name).not.to.contain('concept');
  });
});
