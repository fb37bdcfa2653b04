import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/split-grid/split-grid.ts';
import type { RpSplitGrid } from '../../../components/split-grid/split-grid.ts';
import { TestOwner, samplePlan, settle } from '../grid/owner.ts';
import { chord, select } from '../grid/keys.ts';

// With all domains shown: name, the domains' sum, Zvw, its five sectors and their sum, Wmo, Jw, Wlz.
const WMO = 9,
  JW = 10,
  WLZ = 11;

describe('rp-split-grid with the browser clipboard', () => {
  it('copies a range with Ctrl+C and pastes it into other cells with Ctrl+V as one rp-edit', async () => {
    await setViewport({ width: 1900, height: 900 });
    const el = document.createElement('rp-split-grid') as RpSplitGrid;
    el.allDomains = true;
    document.body.append(el);
    const owner = new TestOwner(el, samplePlan(2));
    await settle(el);
    select(el, 0, WMO, 0, JW);
    await chord('Control', 'c');
    select(el, 0, WLZ);
    await chord('Control', 'v');
    await settle(el);
    expect(owner.edits).to.have.length(1);
    expect(owner.edits[0]).to.deep.equal([
      { op: 'set-split', rowId: 'default', domainId: 'wlz', sectorId: null, percent: '10' },
      { op: 'set-split', rowId: 'default', domainId: 'wpg', sectorId: null, percent: '20' },
    ]);
    el.remove();
  });
});
