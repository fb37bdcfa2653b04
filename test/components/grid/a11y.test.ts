import { expect } from 'chai';
import axe from 'axe-core';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import '../../../components/budget-grid/budget-grid.ts';
import type { RpGridElement } from '../../../components/grid/grid-element.ts';
import { TestOwner, samplePlan, settle } from './owner.ts';
import { select, typeInto } from './keys.ts';

async function violations(el: Element) {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target) + n.failureSummary)
          .join(' ')}`,
    );
}

for (const tag of ['rp-split-grid', 'rp-budget-grid'] as const) {
  describe(`${tag} accessibility (axe-core)`, () => {
    let el: RpGridElement;
    let owner: TestOwner<RpGridElement>;
    beforeEach(async () => {
      await setViewport({ width: 1900, height: 900 });
      el = document.createElement(tag) as RpGridElement;
      el.style.setProperty('--rp-grid-height', '300px');
      document.body.append(el);
      owner = new TestOwner(el, samplePlan(3));
      await settle(el);
    });
    afterEach(() => el.remove());

    it('has no serious or critical violations, with marks, a refused input and a participant shown', async () => {
      await typeInto(el, 0, tag === 'rp-split-grid' ? 2 : 1, 'abc'); // refused: a status message and a dashed cell (the split grid's first editable column is 2)
      await settle(el);
      el.presence = [
        {
          clientId: 5,
          name: 'Anna',
          color: '#d62728',
          selection:
            tag === 'rp-split-grid'
              ? { section: 'split', rowId: 'a1', domainId: 'zvw' }
              : { section: 'activities', rowId: 'a1', field: 'name' },
        },
      ];
      select(el, 1, 2);
      await settle(el);
      expect(await violations(el)).to.deep.equal([]);
    });

    it('stays valid when the rows are replaced (Handsontable rewrites the row and column counts)', async () => {
      owner.set(samplePlan(5));
      await settle(el);
      expect(await violations(el)).to.deep.equal([]);
    });
  });
}
