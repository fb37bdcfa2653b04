import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Plan } from '../../../src/model/index.ts';
import { allocate } from '../../../src/engine/index.ts';
import { createPlanState, type YPlanState } from '../../../src/sync/plan-state.ts';
import { generatePlan, randomOp, rng } from '../../sync/helpers.ts';
import {
  join,
  startServer,
  synced,
  tempDir,
  waitFor,
  sameDoc,
  stable,
  type Client,
  type TestServer,
} from './helpers.ts';

/*
 * N people edit the same plan document (the real layout, through the real plan state) with random
 * operations while their connections drop and come back at random, and once the server restarts.
 * At the end every copy must be identical: the same document, the same plan, the same allocation.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const json = (v: unknown) =>
  stable(JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x))));

async function run(seed: number, people: number, rounds: number, restartAt: number | null) {
  const r = rng(seed);
  const data = tempDir();
  let server: TestServer = await startServer({ dataDir: data.path });
  const port = server.port;
  const base = generatePlan(seed, 12);
  const states: YPlanState[] = Array.from({ length: people }, () => createPlanState(base));
  const clients: Client[] = states.map((s, i) => join(server.url, `plan-rand-${seed}`, { doc: s, userName: `P${i}` }));
  const online = clients.map(() => true);
  await waitFor(() => clients.every(synced), 'all connected');

  let disconnects = 0;
  for (let round = 0; round < rounds; round++) {
    if (round === restartAt) {
      await server.close();
      server = await startServer({ dataDir: data.path, port });
    }
    for (let i = 0; i < people; i++) {
      const ops = Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomOp(r, states[i]!.plan));
      states[i]!.apply(ops);
      if (online[i] && r() < 0.1) {
        clients[i]!.leave();
        online[i] = false;
        disconnects++;
      } else if (!online[i] && r() < 0.35) {
        clients[i]!.reconnect();
        online[i] = true;
      }
    }
    await sleep(Math.floor(r() * 25));
  }
  clients.forEach((c, i) => {
    if (!online[i]) c.reconnect();
  });
  await waitFor(
    () => clients.every(synced) && clients.every((c) => sameDoc(c.doc, clients[0]!.doc)),
    'all identical',
    30_000,
  );

  const plans = states.map((s) => json(s.plan));
  for (const p of plans) assert.equal(p, plans[0], 'identical plans');
  assert.ok(Plan.safeParse(states[0]!.plan).success, 'the merged plan is a valid plan');
  const allocations = states.map((s) => json(allocate(s.plan)));
  for (const a of allocations) assert.equal(a, allocations[0], 'identical allocations');
  assert.ok(disconnects > 0, 'the run did drop connections');

  clients.forEach((c) => c.leave());
  states.forEach((s) => s.destroy());
  await server.close();
  data.remove();
}

test('randomized: 4 people, random edits and disconnects, a server restart in the middle, end identical', async () => {
  await run(1, 4, 40, 20);
});

test('randomized: 6 people, random edits and disconnects, end identical', async () => {
  await run(2, 6, 30, null);
});
