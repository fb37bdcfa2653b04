import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { TokenTable } from '../../server/auth.ts';
import { startWorkshopSite, until, type WorkshopSite } from './helpers/workshop-site.ts';

/*
 * The history in a workshop, tried as two people would: two browsers with profiles of their own, a
 * real collaboration server with a personal token each. Anna changes a cell and pauses (a point is
 * recorded); Bob joins only after that, opens the cell's history and finds Anna's earlier value,
 * attributed to her; he puts it back, and Anna's history shows that restore as Bob's. Before the
 * server kept the history's deleted content, Bob found none of Anna's earlier values.
 */

const ANNA = 'anna-token-7f3a';
const BOB = 'bob-token-51e0';

let workshop: WorkshopSite;
before(async () => {
  workshop = await startWorkshopSite({
    tokens: new TokenTable({
      [ANNA]: { role: 'editor', rooms: '*', name: 'Anna' },
      // Bob's token names him in full; his planner's user-name is just "Bob".
      [BOB]: { role: 'editor', rooms: '*', name: 'Bob Jansen' },
    }),
  });
});
after(async () => {
  await workshop?.close();
});

const CELL = { section: 'activities', rowId: 'a-lumpsum', field: 'cost.amount' } as const;

const person = async (name: string, token: string): Promise<Page> =>
  workshop.join(await workshop.browser(name), name, token);

const amount = (page: Page) =>
  page.evaluate(() => {
    const p = document.querySelector('rp-planner') as unknown as {
      plan: { activities: { id: string; cost: { amount?: string } }[] } | null;
    };
    return p.plan?.activities.find((a) => a.id === 'a-lumpsum')?.cost.amount ?? '';
  });

const cellHistory = (page: Page) =>
  page.evaluate(
    (cell) =>
      (
        document.querySelector('rp-planner') as unknown as {
          history(l: unknown): Promise<{ by: string; value?: unknown }[]>;
        }
      )
        .history(cell)
        .then((es) => es.map((e) => ({ by: e.by, value: e.value }))),
    CELL,
  );

test('a participant who joins later sees the earlier values of a cell, by whom, and a restore is attributed to who made it', async () => {
  const anna = await person('Anna', ANNA);
  const original = await amount(anna);
  assert.ok(original, 'the handbook plan has the lump sum');
  // Anna changes the amount, then pauses: her edit becomes a point of the history.
  await anna.evaluate(() => {
    const p = document.querySelector('rp-planner') as unknown as {
      plan: { activities: { id: string; cost: Record<string, unknown> }[] };
    };
    const plan = p.plan;
    p.plan = {
      ...plan,
      activities: plan.activities.map((a) =>
        a.id === 'a-lumpsum' ? { ...a, cost: { ...a.cost, amount: '312500.00' } } : a,
      ),
    };
  });
  await until(
    () => cellHistory(anna),
    (h) => h.some((e) => e.by === 'Anna' && e.value === '312500.00'),
    'Anna’s point',
    30_000,
  );
  // Anna changes it again: her earlier value is now history.
  await anna.evaluate(() => {
    const p = document.querySelector('rp-planner') as unknown as {
      plan: { activities: { id: string; cost: Record<string, unknown> }[] };
    };
    const plan = p.plan;
    p.plan = {
      ...plan,
      activities: plan.activities.map((a) =>
        a.id === 'a-lumpsum' ? { ...a, cost: { ...a.cost, amount: '400000.00' } } : a,
      ),
    };
  });
  await until(
    () => cellHistory(anna),
    (h) => h[0]?.value === '400000.00',
    'Anna’s second point',
    30_000,
  );

  // Bob joins only now, and opens the cell's history (Alt+H on the selected cell of the grid).
  const bob = await person('Bob', BOB);
  await until(
    () => amount(bob),
    (a) => a === '400000.00',
    'the room’s plan at Bob',
  );
  await bob.evaluate((cell) => {
    const grid = document.querySelector('rp-planner')!.shadowRoot!.querySelector('rp-budget-grid')!;
    grid.dispatchEvent(new CustomEvent('rp-select', { detail: cell, bubbles: true, composed: true }));
    grid.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'h', code: 'KeyH', altKey: true, bubbles: true, composed: true }),
    );
  }, CELL);
  const dialog = bob.locator('rp-planner rp-history-panel dialog');
  await dialog.waitFor();
  const annas = dialog.locator('li', { hasText: '312500.00' });
  await until(
    () => dialog.locator('li').allInnerTexts(),
    (items) => items.some((t) => t.includes('312500.00') && t.includes('Anna')),
    'Anna’s earlier value in Bob’s cell history',
  );
  const items = await dialog.locator('li').allInnerTexts();
  // Newest first: Anna's values, then the plan's before anyone edited it.
  assert.equal(items.length, 3, items.join(' | '));
  assert.ok(items[0]!.includes('400000.00') && items[0]!.includes('Anna'), items.join(' | '));
  assert.ok(items[1]!.includes('312500.00') && items[1]!.includes('Anna'), items.join(' | '));
  assert.ok(items[2]!.includes(original), items.join(' | '));

  // Bob puts Anna's earlier value back; Anna sees it, and her history names Bob.
  await annas.locator('button', { hasText: 'Terugzetten' }).click();
  await until(
    () => amount(bob),
    (a) => a === '312500.00',
    'the restore at Bob',
  );
  await until(
    () => amount(anna),
    (a) => a === '312500.00',
    'the restore at Anna',
  );
  const seen = await until(
    () => cellHistory(anna),
    (h) => h[0]?.by === 'Bob Jansen',
    'the restore attributed to Bob at Anna',
    30_000,
  );
  assert.deepEqual(seen, [
    { by: 'Bob Jansen', value: '312500.00' },
    { by: 'Anna', value: '400000.00' },
    { by: 'Anna', value: '312500.00' },
    { by: '', value: original },
  ]);
  // No participant was refused anything along the way.
  assert.equal(await anna.locator('rp-planner .workshop-error').count(), 0);
  assert.equal(await bob.locator('rp-planner .workshop-error').count(), 0);
});
