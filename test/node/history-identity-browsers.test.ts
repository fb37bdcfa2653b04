import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { TokenTable } from '../../server/auth.ts';
import { startWorkshopSite, until, type WorkshopSite } from './helpers/workshop-site.ts';

/*
 * In a workshop with a personal token the server says who the participant is a moment after the
 * connection opens. Anna's planner calls her by another personal token's holder ("Bob de Vries");
 * she edits before the server has said she is "Anna Jansen". That edit is hers in the history and
 * timeline (at Bob's too), and the server takes it: it used to go under the planner's user-name,
 * which the server refused as someone else's.
 */

const ANNA = 'anna-token-c41d';
const BOB = 'bob-token-9e27';

let workshop: WorkshopSite;
before(async () => {
  workshop = await startWorkshopSite({
    tokens: new TokenTable({
      [ANNA]: { role: 'editor', rooms: '*', name: 'Anna Jansen' },
      [BOB]: { role: 'editor', rooms: '*', name: 'Bob de Vries' },
    }),
  });
});
after(async () => {
  await workshop?.close();
});

const CELL = { section: 'activities', rowId: 'a-lumpsum', field: 'cost.amount' } as const;

type Entry = { by: string; value?: unknown; kind: string };

const history = (page: Page, cell: typeof CELL | null) =>
  page.evaluate(
    (at) =>
      (
        document.querySelector('rp-planner') as unknown as {
          history(l?: unknown): Promise<Entry[]>;
        }
      )
        .history(at ?? undefined)
        .then((es) => es.map((e) => ({ by: e.by, value: e.value, kind: e.kind }))),
    cell,
  );

const setAmount = (page: Page, amount: string) =>
  page.evaluate((value) => {
    const p = document.querySelector('rp-planner') as unknown as {
      plan: { activities: { id: string; cost: Record<string, unknown> }[] };
    };
    const plan = p.plan;
    p.plan = {
      ...plan,
      activities: plan.activities.map((a) => (a.id === 'a-lumpsum' ? { ...a, cost: { ...a.cost, amount: value } } : a)),
    };
  }, amount);

/** Holds back the server's identity messages to `page` until the returned release is called. */
async function holdIdentity(page: Page): Promise<() => void> {
  const held: (() => void)[] = [];
  let holding = true;
  const url = new URL(workshop.collab.url);
  await page.routeWebSocket(
    (u) => u.host === url.host,
    (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        const identity = Buffer.from(m as never).includes('rp-identity');
        if (holding && identity) held.push(() => ws.send(m));
        else ws.send(m);
      });
    },
  );
  return () => {
    holding = false;
    for (const send of held.splice(0)) send();
  };
}

test('an edit made before the server says who this is is named by the server’s identity, and the server takes it', async () => {
  const annaPage = await workshop.browser('Anna');
  const release = await holdIdentity(annaPage);
  // Her planner's user-name is another personal token's holder.
  const anna = await workshop.join(annaPage, 'Bob de Vries', ANNA);
  await setAmount(anna, '312500.00');
  // She pauses: her edit becomes a point of the history while the server has not named her yet.
  await until(
    () => history(anna, CELL),
    (h) => h[0]?.value === '312500.00',
    'Anna’s point',
    30_000,
  );
  release();
  const named = await until(
    () => history(anna, CELL),
    (h) => h[0]?.by === 'Anna Jansen',
    'Anna’s first edit under her name',
    30_000,
  );
  assert.deepEqual(
    named.map((e) => [e.by, e.value]),
    [
      ['Anna Jansen', '312500.00'],
      ['', named[1]?.value],
    ],
  );
  assert.notEqual(named[1]?.value, '312500.00');
  const edits = (await history(anna, null)).filter((e) => e.kind === 'edits');
  assert.deepEqual(
    edits.map((e) => e.by),
    ['Anna Jansen'],
  );

  // Bob, who joins after, finds the edit and her name for it: the server took both.
  const bob = await workshop.join(await workshop.browser('Bob'), 'Bob', BOB);
  const atBob = await until(
    () => history(bob, CELL),
    (h) => h[0]?.value === '312500.00' && h[0]?.by === 'Anna Jansen',
    'Anna’s edit, by her, at Bob',
    30_000,
  );
  assert.deepEqual(
    atBob.map((e) => [e.by, e.value]),
    named.map((e) => [e.by, e.value]),
  );
  assert.deepEqual(
    (await history(bob, null)).filter((e) => e.kind === 'edits').map((e) => e.by),
    ['Anna Jansen'],
  );
  assert.equal(await anna.locator('rp-planner .workshop-error').count(), 0);
  assert.deepEqual(
    workshop.collab.logs.filter((l) => /refus|4422/i.test(l)),
    [],
  );
});
