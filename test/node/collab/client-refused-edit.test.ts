import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createPlanState } from '../../../src/sync/plan-state.ts';
import { generatePlan } from '../../sync/helpers.ts';
import { join, sleep, stable, startServer, synced, waitFor, WS, type TestServer } from './helpers.ts';

/*
 * An edit the server refuses (4422 invalid-update, 4413 room-too-large) stays in the sender's doc.
 * The client used to reconnect every second and send it again, refused each time. Now it stops,
 * says so in Dutch and English, takes over the room's state (dropping what the room refused), joins
 * again, and a later honest edit reaches everyone.
 */

let server: TestServer;
before(async () => {
  server = await startServer({ limits: { maxRoomBytes: 64 * 1024 } });
});
after(async () => {
  await server.close();
});

const json = (v: unknown) => stable(JSON.parse(JSON.stringify(v)));

/** A WebSocket class that counts the sockets a client opens. */
function countingWS(): { WS: unknown; count: () => number } {
  let n = 0;
  const Base = WS as new (...args: unknown[]) => object;
  return {
    WS: class extends Base {
      constructor(...args: unknown[]) {
        super(...args);
        n++;
      }
    },
    count: () => n,
  };
}

async function twoParticipants(room: string) {
  const base = generatePlan(7, 4);
  const other = createPlanState(base);
  const otherClient = join(server.url, room, { doc: other, userName: 'Other' });
  await waitFor(() => synced(otherClient), 'other participant connected');
  const mine = createPlanState(base);
  const sockets = countingWS();
  const me = join(server.url, room, { doc: mine, userName: 'Me', WebSocketPolyfill: sockets.WS });
  await waitFor(() => synced(me) && json(mine.plan) === json(other.plan), 'me connected with the same plan');
  return {
    other,
    otherClient,
    mine,
    me,
    sockets,
    leave() {
      me.leave();
      otherClient.leave();
      mine.destroy();
      other.destroy();
    },
  };
}

for (const [label, code, write] of [
  ['an edit that makes the plan invalid (4422)', 'invalid-update', (doc: Y.Doc) => doc.getMap('plan').set('name', 42)],
  [
    'an edit that grows the room past its cap (4413)',
    'room-too-large',
    (doc: Y.Doc) => doc.getMap('plan').set('name', 'x'.repeat(100 * 1024)),
  ],
] as const) {
  test(`${label}: told in nl and en, no reconnect loop, the room's plan taken over, later edits shared`, async () => {
    const room = `refused-${code}`;
    const p = await twoParticipants(room);
    try {
      const agreed = json(p.other.plan);
      const socketsBefore = p.sockets.count();
      write(p.mine.doc);
      await waitFor(() => p.me.errors.some((e) => e.code === code), `error ${code}`, 15_000);
      const error = p.me.errors.find((e) => e.code === code)!;
      assert.match(error.message.nl, /werksessie heeft uw laatste wijziging geweigerd/);
      assert.match(error.message.en, /workshop refused your last change/);
      assert.equal(error.retrying, true);
      // Rejoined with the room's plan: the refused edit is gone, here as for the other participant.
      await waitFor(() => synced(p.me) && json(p.mine.plan) === agreed, "rejoined with the room's plan", 20_000);
      assert.equal(json(p.other.plan), agreed, 'the other participant saw nothing change');
      // No loop: in 6 s after the refusal at most the fetch of the room's state and one rejoin.
      await sleep(6000);
      assert.ok(
        p.sockets.count() - socketsBefore <= 2,
        `sockets opened after the refusal: ${p.sockets.count() - socketsBefore}`,
      );
      assert.equal(p.me.session.status, 'connected');
      assert.equal(p.me.errors.filter((e) => e.code === code).length >= 1, true);
      assert.ok(!p.me.errors.some((e) => e.code === 'resync-failed'));
      // An honest edit afterwards reaches the other participant.
      p.mine.apply([{ op: 'set-field', field: 'name', value: 'Agreed name' } as never]);
      await waitFor(() => p.other.plan.name === 'Agreed name', 'a later edit shared', 10_000);
    } finally {
      p.leave();
    }
  });
}

test('a client that keeps writing the refused value (a bug) is refused again after the take-over: it stops, with a message', async () => {
  const p = await twoParticipants('refused-again');
  try {
    const agreed = json(p.other.plan);
    const plan = p.mine.doc.getMap('plan');
    // A buggy host: whenever the name is a text again, it writes a number over it.
    p.mine.doc.on('afterTransaction', () => {
      if (plan.get('name') !== 42) queueMicrotask(() => plan.set('name', 42));
    });
    plan.set('name', 42);
    await waitFor(
      () => p.me.errors.some((e) => e.code === 'resync-failed'),
      'stopped after the second refusal',
      30_000,
    );
    const error = p.me.errors.find((e) => e.code === 'resync-failed')!;
    assert.equal(error.retrying, false);
    assert.match(error.message.nl, /Laad de pagina opnieuw/);
    assert.match(error.message.en, /Reload the page to rejoin/);
    assert.equal(p.me.session.status, 'refused');
    const sockets = p.sockets.count();
    await sleep(4000);
    assert.equal(p.sockets.count(), sockets, 'no further attempts');
    assert.equal(json(p.other.plan), agreed, 'the other participant saw nothing change');
  } finally {
    p.leave();
  }
});
