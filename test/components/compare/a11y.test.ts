import { expect } from 'chai';
import axe from 'axe-core';
import '../../../components/compare/compare.ts';
import { generatePlan } from '../../fixtures/generate.ts';

async function violations(el: HTMLElement): Promise<string[]> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<rp-compare> accessibility (axe)', () => {
  it('<rp-compare> has no violations', async () => {
    const a = generatePlan(3, 10);
    const b = structuredClone(a);
    b.activities = b.activities.slice(2);
    const el = document.createElement('rp-compare');
    el.scenarios = [
      { name: 'A', plan: a },
      { name: 'B', plan: b },
    ];
    document.body.append(el);
    await el.updateComplete;
    el.shadowRoot!.querySelector('details')!.open = true;
    try {
      expect(await violations(el)).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});
