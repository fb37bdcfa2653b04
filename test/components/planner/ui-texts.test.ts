import { expect } from 'chai';
import { ui } from '../../../src/i18n/ui.ts';
import { t, count, fill } from '../../../src/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('element texts (src/i18n/ui.ts)', () => {
  it('has every text in nl and en, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [key, m] of Object.entries(ui)) {
      if (!m.nl.trim() || !m.en.trim()) problems.push(`${key}: empty`);
      if (placeholders(m.nl).join() !== placeholders(m.en).join()) problems.push(`${key}: placeholders differ`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('nl', 'targetGroups.unnamed', { n: 3 })).to.equal('Doelgroep 3');
    expect(fill('{a} en {b}', { a: 'x' })).to.equal('x en {b}');
    expect(fill('{toString}', {})).to.equal('{toString}');
    expect([count('nl', 1, 'error'), count('nl', 2, 'warning'), count('en', 0, 'error')]).to.deep.equal([
      '1 fout',
      '2 waarschuwingen',
      '0 errors',
    ]);
  });
});
