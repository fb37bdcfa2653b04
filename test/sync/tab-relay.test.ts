import { expect } from 'chai';
import { createPlanState, type YPlanState } from '../../src/sync/plan-state.ts';
import { connectTabs } from '../../src/sync/tabs.ts';
import { generatePlan } from './helpers.ts';

/** Waits until `check` holds (BroadcastChannel delivers asynchronously). */
async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const channelName = () => `rp-test-${Math.random().toString(36).slice(2)}`;

describe('tabs relay', () => {
  const open: { dispose(): void }[] = [];
  const states: YPlanState[] = [];
  const state = (seed = 41) => {
    const s = createPlanState(generatePlan(seed, 3));
    states.push(s);
    return s;
  };
  afterEach(() => {
    open.splice(0).forEach((c) => c.dispose());
    states.splice(0).forEach((s) => s.destroy());
  });

  it('a tab that joins gets what the open tab has, and gives what it made before joining', async () => {
    const name = channelName();
    const a = state();
    a.apply([{ op: 'set-field', field: 'name', value: 'uit tab A' }]);
    open.push(connectTabs(a, name));
    const b = state();
    b.apply([{ op: 'update-row', collection: 'activities', id: 'a2', patch: { name: 'offline in B' } }]);
    const origins: string[] = [];
    b.subscribe((_, c) => origins.push(c.origin));
    open.push(connectTabs(b, name));
    await until(() => b.plan.name === 'uit tab A' && a.plan.activities[1]!.name === 'offline in B', 'handshake');
    expect(a.plan).to.deep.equal(b.plan);
    expect(origins).to.include('tab');
  });

  it('relays edits both ways as they happen; a tab edit is not undone by a local undo', async () => {
    const name = channelName();
    const a = state();
    const b = state();
    open.push(connectTabs(a, name), connectTabs(b, name));
    a.apply([{ op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: '12' }]);
    await until(() => b.plan.defaultSplit.domains.some((d) => d.domainId === 'wmo' && d.percent === '12'), 'a → b');
    b.apply([{ op: 'update-row', collection: 'activities', id: 'a1', patch: { name: 'van B' } }]);
    await until(() => a.plan.activities[0]!.name === 'van B', 'b → a');
    b.undo();
    expect(b.plan.defaultSplit).to.deep.equal(a.plan.defaultSplit, 'A’s edit stays in B');
    await until(() => a.plan.activities[0]!.name !== 'van B', 'undo relayed');
    expect(a.plan).to.deep.equal(b.plan);
  });

  it('stops relaying after dispose, and ignores malformed messages', async () => {
    const name = channelName();
    const a = state();
    const b = state();
    const ca = connectTabs(a, name);
    open.push(connectTabs(b, name));
    const junk = new BroadcastChannel(name);
    junk.postMessage({ type: 'rp-update', from: 'x', update: 'niet binair' });
    junk.postMessage({ type: 'rp-update', from: 'x', update: new Uint8Array([9, 9, 9, 9, 250, 250]) });
    junk.postMessage({ type: 'rp-hello', from: 'x', sv: new Uint8Array([255, 255, 255]) });
    junk.postMessage(null);
    a.apply([{ op: 'set-field', field: 'name', value: 'eerst' }]);
    await until(() => b.plan.name === 'eerst', 'relay');
    ca.dispose();
    a.apply([{ op: 'set-field', field: 'name', value: 'na dispose' }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(b.plan.name).to.equal('eerst');
    junk.close();
  });

  it('two real pages (an iframe with its own module graph) stay in step', async () => {
    const name = channelName();
    const a = state(42);
    a.apply([{ op: 'set-field', field: 'name', value: 'vóór het openen' }]);
    open.push(connectTabs(a, name));
    const frame = document.createElement('iframe');
    // A second browsing context of the same origin: it loads its own copy of yjs and of our code.
    frame.srcdoc = `<script type="module">
      import { createPlanState } from '/src/sync/plan-state.ts';
      import { connectTabs } from '/src/sync/tabs.ts';
      import { generatePlan } from '/test/fixtures/generate.ts';
      const state = createPlanState(generatePlan(42, 3));
      connectTabs(state, ${JSON.stringify(name)});
      const report = () => parent.postMessage({ from: 'frame', plan: JSON.stringify(state.plan) }, '*');
      state.subscribe(report);
      addEventListener('message', (e) => { if (e.data && e.data.ops) state.apply(e.data.ops); });
      report();
    </script>`;
    let framePlan = '';
    const onMessage = (e: MessageEvent) => {
      if (e.data?.from === 'frame') framePlan = e.data.plan;
    };
    window.addEventListener('message', onMessage);
    document.body.append(frame);
    try {
      await until(() => framePlan !== '' && JSON.parse(framePlan).name === 'vóór het openen', 'frame joins', 15000);
      frame.contentWindow!.postMessage(
        { ops: [{ op: 'update-row', collection: 'activities', id: 'a3', patch: { name: 'uit het iframe' } }] },
        '*',
      );
      await until(() => a.plan.activities[2]!.name === 'uit het iframe', 'frame → page');
      a.apply([{ op: 'remove-row', collection: 'activities', id: 'a1' }]);
      await until(() => JSON.parse(framePlan).activities.length === 2, 'page → frame');
      expect(JSON.parse(framePlan)).to.deep.equal(JSON.parse(JSON.stringify(a.plan)));
    } finally {
      window.removeEventListener('message', onMessage);
      frame.remove();
    }
  });
});
