import { expect } from 'chai';
import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpFlow } from '../../../components/flow/flow.ts';
import { expectNoSeriousViolations } from '../../helpers/axe.ts';
import { editPlan, flowRows, plannerTitle, until } from './page.ts';
// Not used here: lets the test server's dependency scan see what the page's script will import,
// so no dependency is optimised (and the frame reloaded) in the middle of the run.
import '../../../entry/regioplan.ts';
import '../../../components/flow/flow.ts';

/*
 * demo/embed/plain.html exactly as a site would serve it: loaded whole in an iframe, its one
 * script tag loading the library, no framework.
 */

describe('embedding in a plain HTML page (demo/embed/plain.html)', () => {
  let frame: HTMLIFrameElement;
  let doc: Document;
  let planner: RpPlanner;

  before(async function () {
    this.timeout(60000);
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1280px; height: 900px; border: 0';
    frame.src = '/demo/embed/plain.html';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    doc = frame.contentDocument!;
    await until(() => !!doc.querySelector<RpPlanner>('rp-planner')?.plan, 'the planner with its plan');
    planner = doc.querySelector<RpPlanner>('rp-planner')!;
    await planner.updateComplete;
  });

  after(() => frame.remove());

  it('has exactly one script tag and the elements registered by it', () => {
    // The test server adds its own script to every HTML page it serves; count the page's own.
    const own = [...doc.querySelectorAll('script')].filter(
      (s) => !/__web-dev-server|__wds|wtr/.test(s.textContent + (s.src ?? '')),
    );
    expect(own, own.map((s) => s.outerHTML.slice(0, 80)).join('\n')).to.have.length(1);
    expect(frame.contentWindow!.customElements.get('rp-planner')).to.not.equal(undefined);
    expect(frame.contentWindow!.customElements.get('rp-flow')).to.not.equal(undefined);
  });

  it('shows the plan the page script set, and the flow of its money', async () => {
    expect(plannerTitle(planner)).to.equal('Voorbeeld uit de handleiding: samenwerking kwetsbare ouderen');
    const flow = doc.querySelector<RpFlow>('rp-flow')!;
    await flow.updateComplete;
    expect(flowRows(flow).length).to.be.greaterThan(3);
    expect(doc.querySelector('#status')!.textContent).to.match(/^Budget per jaar € [\d.]+,\d\d, 0 fout\(en\)\.$/);
  });

  it('hears rp-change with a plain addEventListener', async () => {
    await editPlan(planner);
    await until(
      () => /[1-9]\d* fout\(en\)/.test(doc.querySelector('#status')!.textContent ?? ''),
      'the status after the edit',
    );
    expect(planner.plan!.deductibleCharged).to.equal(true);
  });

  it('inherits the host page font', () => {
    const family = (el: Element) => frame.contentWindow!.getComputedStyle(el).fontFamily;
    expect(family(planner)).to.equal(family(doc.body));
    expect(family(doc.querySelector('rp-flow')!)).to.contain('Georgia');
  });

  it('has no serious or critical axe violations on the page', async () => {
    await expectNoSeriousViolations(doc);
  });
});
