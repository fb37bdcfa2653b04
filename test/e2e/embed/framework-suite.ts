import { expect } from 'chai';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpFlow } from '../../../components/flow/flow.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';
import { editPlan, flowRows, loadBody, plannerTitle, until } from './page.ts';

/**
 * What every framework example must show: the plan set as a property, rp-change and rp-flow-select
 * reaching the framework's handlers, a locale switch through a property, and no serious axe finding.
 */
export function describeFrameworkPage(framework: string, page: string, loadModule: () => Promise<unknown>): void {
  describe(`embedding in ${framework} (${page.slice(1)})`, () => {
    let planner: RpPlanner;
    let flow: RpFlow;

    before(async () => {
      await loadBody(page);
      await loadModule();
      await until(() => !!document.querySelector<RpPlanner>('rp-planner')?.plan, 'the planner with its plan');
      planner = document.querySelector<RpPlanner>('rp-planner')!;
      flow = document.querySelector<RpFlow>('rp-flow')!;
      await planner.updateComplete;
    });

    it(`renders the elements with the plan ${framework} set as a property`, async () => {
      expect(planner.shadowRoot).to.not.equal(null);
      expect(planner.plan!.id).to.equal('handboek-voorbeeld');
      expect(plannerTitle(planner)).to.equal('Voorbeeld uit de handleiding: samenwerking kwetsbare ouderen');
      expect(planner.getAttribute('license-key')).to.equal('non-commercial-and-evaluation');
      await flow.updateComplete;
      expect(flowRows(flow).length).to.be.greaterThan(3);
    });

    it(`delivers rp-change to the ${framework} handler, which updates the page`, async () => {
      expect(document.querySelector('#status')!.textContent).to.equal('');
      await editPlan(planner);
      await until(() => document.querySelector('#status')!.textContent !== '', 'the status line');
      expect(document.querySelector('#status')!.textContent).to.match(
        /^Budget per jaar € [\d.]+,\d\d, \d+ fout\(en\)$/,
      );
    });

    it(`delivers rp-flow-select to ${framework} and switches language through a property`, async () => {
      flow
        .shadowRoot!.querySelector<SVGPathElement>('path.link')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await until(() => !!document.querySelector('#selection'), 'the chosen flow line');
      expect(document.querySelector('#selection')!.textContent).to.match(/^Gekozen stroom: .+/);
      document.querySelector<HTMLButtonElement>('.bar button')!.click();
      await until(() => planner.locale === 'en' && flow.locale === 'en', 'English');
      await flow.updateComplete;
      expect(flow.shadowRoot!.querySelector('caption')!.textContent).to.equal('Money flows per year');
    });

    it('has no serious or critical axe violations on the page', async () => {
      await expectNoSeriousViolations(document);
    });
  });
}
