import { expect } from 'chai';
import type { Msg } from '../../src/i18n/locale.ts';
import { historyUi, negotiationUi, nt as firstLoadNt } from '../../src/i18n/negotiation.ts';
import { negotiationPanelsUi, nt } from '../../src/i18n/negotiation-panels.ts';
import { historyPanelUi, hpt } from '../../src/i18n/history-panel.ts';
import { momentsUi, mt } from '../../src/i18n/moments.ts';

/*
 * The strings of sign-offs, comments and the history, split by when they load: those the planner
 * needs at once (negotiation.ts) and those only lazily loaded parts use (the panels, the history
 * dialog, comparing two moments). Every one is complete in nl and en, and each key lives in one place.
 */

const tables: Record<string, Record<string, Msg>> = {
  'negotiation.ts negotiationUi': negotiationUi,
  'negotiation.ts historyUi': historyUi,
  'negotiation-panels.ts': negotiationPanelsUi,
  'history-panel.ts': historyPanelUi,
  'moments.ts': momentsUi,
};

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('sign-off, comments and history strings (src/i18n)', () => {
  for (const [name, table] of Object.entries(tables)) {
    it(`${name}: every text in nl and en, with the same placeholders`, () => {
      const problems: string[] = [];
      for (const [key, m] of Object.entries(table)) {
        if (!m.nl?.trim() || !m.en?.trim()) problems.push(`${key}: empty`);
        if (placeholders(m.nl).join() !== placeholders(m.en).join()) problems.push(`${key}: placeholders differ`);
      }
      expect(Object.keys(table)).to.not.be.empty;
      expect(problems).to.deep.equal([]);
    });
  }

  it('has each key in one module only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, table] of Object.entries(tables))
      for (const key of Object.keys(table)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    expect(twice).to.deep.equal([]);
  });

  it('the panels read their own strings and those loaded at once, in both languages', () => {
    expect(nt('nl', 'signoff.title')).to.equal(firstLoadNt('nl', 'signoff.title'));
    expect(nt('en', 'signoff.changesMore', { n: 3 })).to.equal('and 3 more changes');
    expect(nt('nl', 'comments.limit', { n: 5, max: 10 })).to.equal('5 van 10 tekens');
    expect(hpt('en', 'history.then', { at: 'noon' })).to.equal('On noon');
    expect(mt('nl', 'moments.title', { a: 'A', b: 'B' })).to.equal('Verschillen tussen A en B');
  });
});
