import { expect } from 'chai';
import '../../../components/planner/planner.ts';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpChangeDetail, RpErrorDetail, RpPlanOpenDetail } from '../../../components/shared/events.ts';
import { exportPlanFile } from '../../../src/files/export.ts';
import { isOwnPlanId } from '../../../src/files/own-plan.ts';
import { handbookPlan } from './handbook-plan.ts';
import { mount, record } from './dom.ts';
import { edit, freshDb, rename, until } from './host.ts';

/*
 * A plan of one's own beside the site's: "Nieuw plan" (empty, or from the handleiding's example)
 * and "Plan openen (.json)", stored apart from the site's plan (a plan id of its own), with a way
 * back to the site's plan and its stored work. A refused file changes nothing and says why.
 * Off unless the host allows it (allow-new-plan); inert when read-only.
 */

type Planner = RpPlanner & { allowNewPlan: boolean };

const bar = (p: RpPlanner): HTMLElement | null => p.shadowRoot!.querySelector<HTMLElement>('.own-plans');
const button = (p: RpPlanner, text: string): HTMLButtonElement => {
  const found = [...p.shadowRoot!.querySelectorAll<HTMLButtonElement>('.own-plans button')].find((b) =>
    b.textContent!.includes(text),
  );
  if (!found) throw new Error(`no button “${text}”`);
  return found;
};
const fileInput = (p: RpPlanner) => bar(p)!.querySelector<HTMLInputElement>('input[type="file"]')!;

/** Chooses a file in the "Plan openen" picker, as the browser does after the dialog. */
async function openFile(p: RpPlanner, file: File): Promise<void> {
  const input = fileInput(p);
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  // The file is read and checked asynchronously; its outcome shows in the bar (or, read-only, nothing does).
  await until(() => !!bar(p)?.querySelector('.own-message') || p.readonly, 'the outcome', 5000);
  await p.updateComplete;
}

describe('rp-planner: a plan of your own (allow-new-plan)', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('rp-planner').forEach((e) => e.remove()));

  const open = async (props: Partial<Planner> = {}): Promise<Planner> =>
    mount<Planner>('rp-planner', {
      storageName: freshDb(),
      plan: handbookPlan('site-plan'),
      allowNewPlan: true,
      ...props,
    } as Partial<Planner>);

  it('is off by default: a site that supplies its plan sees no plan bar; the attribute switches it on', async () => {
    const p = await mount<Planner>('rp-planner', { storageName: freshDb(), plan: handbookPlan('site-plan') });
    expect(p.allowNewPlan).to.equal(false);
    expect(bar(p), 'no plan bar').to.equal(null);
    p.setAttribute('allow-new-plan', '');
    await p.updateComplete;
    expect(p.allowNewPlan).to.equal(true);
    expect(bar(p)).to.not.equal(null);
    p.removeAttribute('allow-new-plan');
    await p.updateComplete;
    expect(bar(p), 'switched off again').to.equal(null);
  });

  it('a new empty plan is the user’s own, stored apart; the site’s plan and its edits come back', async () => {
    const p = await open();
    edit(p, rename('Plan van de site, bewerkt'));
    await until(() => p.currentScenario !== '', 'the site plan stored');
    const opens = record<RpPlanOpenDetail>(p, 'rp-plan-open');
    const changes = record<RpChangeDetail>(p, 'rp-change');

    button(p, 'Nieuw plan').click();
    await p.updateComplete;
    expect(button(p, 'Nieuw plan').getAttribute('aria-expanded')).to.equal('true');
    button(p, 'Leeg plan').click();
    await p.updateComplete;
    expect(isOwnPlanId(p.plan!.id), 'a plan id of its own').to.equal(true);
    expect(p.plan!.name).to.equal('Mijn plan');
    expect(p.plan!.activities).to.deep.equal([]);
    expect(opens.map((o) => o.source)).to.deep.equal(['new']);
    expect(changes.at(-1)?.plan.id).to.equal(p.plan!.id);
    expect(bar(p)!.textContent).to.contain('Uw eigen plan');
    await until(() => p.currentScenario !== '', 'the own plan stored at once');
    expect((await p.scenarioStore!.list()).length, 'only its own scenario').to.equal(1);

    // Compare offers the own plan's scenarios only, none of the site's.
    const compare = [...p.shadowRoot!.querySelectorAll<HTMLButtonElement>('.views button')].find((b) =>
      b.textContent!.includes('Vergelijken'),
    )!;
    compare.click();
    await until(
      () => !!p.shadowRoot!.querySelector('rp-planner-compare')?.shadowRoot?.querySelector('input[type=checkbox]'),
      'compare',
    );
    const boxes = [
      ...p.shadowRoot!.querySelector('rp-planner-compare')!.shadowRoot!.querySelectorAll('input[type=checkbox]'),
    ];
    expect(boxes.length, 'one scenario to pick: the own plan’s').to.equal(1);

    button(p, 'Terug naar').click();
    await until(() => p.plan!.id === 'site-plan' && p.currentScenario !== '', 'the site plan again');
    expect(p.plan!.name, 'the site plan’s stored edit').to.equal('Plan van de site, bewerkt');
    expect(opens.map((o) => o.source)).to.deep.equal(['new', 'host']);
    expect(bar(p)!.textContent).to.not.contain('Uw eigen plan');
  });

  it('after a reload the user’s own plans are listed apart from the site’s, and one opens with its edits', async () => {
    const db = freshDb();
    const p = await open({ storageName: db });
    button(p, 'Nieuw plan').click();
    await p.updateComplete;
    button(p, 'Leeg plan').click();
    await until(() => p.currentScenario !== '', 'the own plan stored');
    const id = p.plan!.id;
    edit(p, rename('Mijn eigen regioplan'));
    await p.flush();
    p.remove();

    const again = await open({ storageName: db });
    await until(() => !!bar(again)?.querySelector('#own-mine option'), 'the list of own plans');
    const options = [...bar(again)!.querySelectorAll<HTMLOptionElement>('#own-mine option')];
    expect(
      options.map((o) => o.value),
      'only the own plan, not the site’s',
    ).to.deep.equal([id]);
    expect(options[0]!.textContent).to.contain('Mijn plan');
    const opens = record<RpPlanOpenDetail>(again, 'rp-plan-open');
    button(again, 'Openen').click();
    await until(() => again.plan!.name === 'Mijn eigen regioplan', 'the own plan with its edit');
    expect(again.plan!.id).to.equal(id);
    expect(opens.map((o) => o.source)).to.deep.equal(['own']);
    expect(again.shadowRoot!.querySelector('[part="published"]'), 'no “newer published plan” for an own plan').to.equal(
      null,
    );
    expect(bar(again)!.querySelector('#own-mine'), 'the shown plan is not offered again').to.equal(null);
  });

  it('a host that sets its plan again puts it back in view; the same object again changes nothing', async () => {
    const site = handbookPlan('site-plan');
    const p = await open({ plan: site });
    button(p, 'Nieuw plan').click();
    await p.updateComplete;
    button(p, 'Leeg plan').click();
    await until(() => p.currentScenario !== '', 'the own plan stored');
    p.plan = site;
    expect(isOwnPlanId(p.plan!.id), 'the same object: a re-render').to.equal(true);
    p.plan = handbookPlan('site-plan');
    expect(p.plan!.id, 'a set: the site’s plan again').to.equal('site-plan');
  });

  it('a page without a plan of its own lets people start one (no way back to offer)', async () => {
    const p = await mount<Planner>('rp-planner', { storageName: freshDb(), allowNewPlan: true });
    expect(p.plan).to.equal(null);
    button(p, 'Nieuw plan').click();
    await p.updateComplete;
    button(p, 'Leeg plan').click();
    await until(() => p.currentScenario !== '', 'the own plan stored');
    expect(isOwnPlanId(p.plan!.id)).to.equal(true);
    expect([...bar(p)!.querySelectorAll('button')].some((b) => b.textContent!.includes('Terug naar'))).to.equal(false);
  });

  it('a new plan from the handleiding’s example carries its activities under its own id', async () => {
    const p = await open({ locale: 'en' });
    const opens = record<RpPlanOpenDetail>(p, 'rp-plan-open');
    button(p, 'New plan').click();
    await p.updateComplete;
    button(p, 'From the handbook example').click();
    await until(() => opens.length > 0, 'the template');
    expect(opens[0]!.source).to.equal('template');
    expect(isOwnPlanId(p.plan!.id)).to.equal(true);
    expect(p.plan!.name).to.equal('My plan (from the handbook example)');
    expect(p.plan!.activities.length).to.be.greaterThan(0);
    expect(p.plan!.period).to.deep.equal({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('opens a plan file with its scenarios as the user’s own, the chosen one shown', async () => {
    const p = await open();
    const a = { ...handbookPlan('from-file'), name: 'Uit bestand A' };
    const b = { ...handbookPlan('from-file'), name: 'Uit bestand B' };
    const at = Date.now();
    const text = exportPlanFile({ id: 'from-file', name: 'Uit bestand' }, [
      { id: 's1', name: 'Basis', chosen: false, createdAt: at, updatedAt: at, plan: a },
      { id: 's2', name: 'Definitief', chosen: true, createdAt: at, updatedAt: at, plan: b },
    ]);
    const opens = record<RpPlanOpenDetail>(p, 'rp-plan-open');
    await openFile(p, new File([text], 'uit-bestand.regioplan.json', { type: 'application/json' }));
    expect(opens.map((o) => o.source)).to.deep.equal(['file']);
    expect(p.plan!.name, 'the chosen scenario').to.equal('Uit bestand B');
    expect(isOwnPlanId(p.plan!.id), 'not the file’s id: nothing of that plan is overwritten').to.equal(true);
    expect(bar(p)!.querySelector('[role="status"]')!.textContent).to.contain('uit-bestand.regioplan.json');
    await until(() => p.currentScenario !== '', 'stored');
    const list = await p.scenarioStore!.list();
    expect(list.map((s) => [s.name, s.chosen])).to.deep.equal([
      ['Basis', false],
      ['Definitief', true],
    ]);
  });

  it('opens a single plan (the export menu’s JSON) too', async () => {
    const p = await open();
    const plan = { ...handbookPlan('single'), name: 'Los plan' };
    await openFile(p, new File([JSON.stringify(plan)], 'los.json', { type: 'application/json' }));
    expect(p.plan!.name).to.equal('Los plan');
    expect(isOwnPlanId(p.plan!.id)).to.equal(true);
  });

  for (const [what, content, reason] of [
    ['no JSON', 'dit is geen json', 'geen leesbare JSON'],
    ['a hostile key', '{"formatVersion":2,"__proto__":{"x":1}}', ''],
    ['not a plan', '{"formatVersion":2,"id":"x","activities":"veel"}', ''],
  ] as const)
    it(`refuses a file with ${what}: it says why in nl and en, and nothing is lost`, async () => {
      const p = await open();
      edit(p, rename('Eigen werk'));
      const before = p.plan;
      const changes = record<RpChangeDetail>(p, 'rp-change');
      const errors = record<RpErrorDetail>(p, 'rp-error');
      await openFile(p, new File([content], 'kapot.json', { type: 'application/json' }));
      // The same content (the edit's live state may take over meanwhile with an equal plan object).
      expect(p.plan, 'the plan shown is untouched').to.deep.equal(before);
      expect(p.plan!.name).to.equal('Eigen werk');
      expect(changes).to.deep.equal([]);
      expect(errors.length).to.equal(1);
      expect(errors[0]!.message.nl).to.contain('kapot.json kon niet worden geopend. Dit');
      expect(errors[0]!.message.en).to.contain('kapot.json could not be opened. This');
      if (reason) expect(errors[0]!.message.nl).to.contain(reason);
      const alert = bar(p)!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('kapot.json kon niet worden geopend');
      p.locale = 'en';
      await p.updateComplete;
      expect(bar(p)!.querySelector('[role="alert"]')!.textContent).to.contain('could not be opened');
      bar(p)!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await p.updateComplete;
      expect(bar(p)!.querySelector('[role="alert"]')).to.equal(null);
    });

  it('readonly makes the plan bar inert: no new plan, no file opened', async () => {
    const p = await open({ readonly: true });
    const newButton = button(p, 'Nieuw plan');
    expect(newButton.disabled).to.equal(true);
    expect(button(p, 'Plan openen').disabled).to.equal(true);
    expect(fileInput(p).disabled).to.equal(true);
    newButton.click();
    await p.updateComplete;
    expect(p.shadowRoot!.querySelector('#own-new-choice'), 'no choice opens').to.equal(null);
    const plan = { ...handbookPlan('x'), name: 'Mag niet' };
    await openFile(p, new File([JSON.stringify(plan)], 'x.json'));
    expect(p.plan!.id).to.equal('site-plan');
  });

  it('reachable by keyboard: the choice opens with Enter on a button and closes with Escape', async () => {
    const p = await open();
    const newButton = button(p, 'Nieuw plan');
    newButton.focus();
    newButton.click();
    await p.updateComplete;
    const choice = p.shadowRoot!.querySelector('#own-new-choice')!;
    expect([...choice.querySelectorAll('button')].every((b) => b.tabIndex === 0)).to.equal(true);
    choice
      .querySelector('button')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await p.updateComplete;
    expect(p.shadowRoot!.querySelector('#own-new-choice')).to.equal(null);
    expect(p.shadowRoot!.activeElement === newButton, 'back on “Nieuw plan”').to.equal(true);
    // Choosing keeps the keyboard where it was, too.
    newButton.click();
    await p.updateComplete;
    const empty = button(p, 'Leeg plan');
    empty.focus();
    empty.click();
    await p.updateComplete;
    await p.updateComplete;
    expect(isOwnPlanId(p.plan!.id)).to.equal(true);
    expect(p.shadowRoot!.activeElement === button(p, 'Nieuw plan'), 'focus on “Nieuw plan”, not lost').to.equal(true);
  });
});
