import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { EDITOR, raw, startServer, type TestServer } from './collab/helpers.ts';
import { WORKSHOP_PAGE as PAGE, startWorkshopSite, until, type WorkshopSite } from './helpers/workshop-site.ts';

/*
 * Every scenario of a plan is part of the workshop, tried as two people would: two browsers with
 * profiles of their own (separate IndexedDB, so no scenario id is shared by accident) open the same
 * page with <rp-planner collab-url>. Anna duplicates the scenario; Bob, who never had it, finds it in
 * his scenario list under Anna's id, opens it, and the two edit it together. Before, a scenario made
 * in a workshop stayed in its creator's browser.
 */

let workshop: WorkshopSite;
let collab: TestServer;
let site = '';

before(async () => {
  workshop = await startWorkshopSite();
  collab = workshop.collab;
  site = workshop.site;
});

after(async () => {
  await workshop?.close();
});

/** A browser with a profile of its own. */
const browser = (name: string): Promise<Page> => workshop.browser(name);

/** Opens the page joined to the workshop. */
async function joinWorkshop(page: Page, name: string): Promise<Page> {
  // Not workshop.join: a test below swaps `collab` for a server of its own.
  const q = new URLSearchParams({ collab: collab.url, token: EDITOR, name });
  await page.goto(`${site}${PAGE}?${q}`);
  await page.locator('rp-planner .workshop .pill.connected').waitFor({ timeout: 120_000 });
  return page;
}

/** One person: a browser with a profile of its own, the page open and joined to the workshop. */
const person = async (name: string): Promise<Page> => joinWorkshop(await browser(name), name);

const planner = (page: Page) =>
  page.evaluate(() => {
    const p = document.querySelector('rp-planner') as unknown as {
      currentScenario: string;
      plan: { name: string } | null;
    };
    return { scenarioId: p.currentScenario, name: p.plan?.name ?? '' };
  });

const scenarioOptions = (page: Page) =>
  page
    .locator('rp-planner rp-scenario-bar select option')
    .evaluateAll((os) => os.map((o) => ({ id: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));

test('two browsers (separate profiles) share a scenario that one of them created in the workshop', async () => {
  const anna = await person('Anna');
  const bob = await person('Bob');
  const seededAnna = (await planner(anna)).scenarioId;
  const seededBob = (await planner(bob)).scenarioId;
  assert.ok(seededAnna && seededBob);
  assert.notEqual(seededAnna, seededBob, 'separate profiles: separate local ids');

  // Anna duplicates the scenario: the bar opens the copy.
  await anna.locator('rp-planner rp-scenario-bar button', { hasText: 'Dupliceren' }).click();
  const created = await until(
    () => planner(anna),
    (p) => p.scenarioId !== '' && p.scenarioId !== seededAnna,
    'Anna on her new scenario',
  );
  await anna.locator('rp-planner .workshop .pill.connected').waitFor();

  // Bob never had it: it appears in his scenario list under Anna's id.
  const options = await until(
    () => scenarioOptions(bob),
    (os) => os.some((o) => o.id === created.scenarioId),
    'Anna’s scenario in Bob’s list',
  );
  const annaOptions = await scenarioOptions(anna);
  assert.equal(
    options.find((o) => o.id === created.scenarioId)!.text,
    annaOptions.find((o) => o.id === created.scenarioId)!.text,
    'the same name',
  );

  // Bob opens it and edits it; Anna sees his edit, and he sees hers.
  await bob.locator('rp-planner rp-scenario-bar select').selectOption(created.scenarioId);
  await until(
    () => planner(bob),
    (p) => p.scenarioId === created.scenarioId,
    'Bob on the shared scenario',
  );
  await bob.locator('rp-planner .workshop .pill.connected').waitFor();
  await bob.evaluate(() => {
    const p = document.querySelector('rp-planner') as unknown as { plan: Record<string, unknown> };
    p.plan = { ...p.plan, name: 'Samen bewerkt door Bob' };
  });
  await until(
    () => planner(anna),
    (p) => p.name === 'Samen bewerkt door Bob',
    'Bob’s edit at Anna',
  );
  await anna.evaluate(() => {
    const p = document.querySelector('rp-planner') as unknown as { plan: Record<string, unknown> };
    p.plan = { ...p.plan, name: 'En nu door Anna' };
  });
  await until(
    () => planner(bob),
    (p) => p.name === 'En nu door Anna',
    'Anna’s edit at Bob',
  );

  // Anna deletes it: it leaves Bob's list too, and Bob, who had it open, is back on the first scenario.
  await anna.locator('rp-planner rp-scenario-bar button', { hasText: 'Verwijderen' }).click();
  await until(
    () => scenarioOptions(bob),
    (os) => !os.some((o) => o.id === created.scenarioId),
    'the deleted scenario gone from Bob’s list',
  );
  await until(
    () => planner(bob),
    (p) => p.scenarioId === seededBob,
    'Bob back on the first scenario',
  );
  // The first scenario (each one's own seeded copy) was not touched by the shared one.
  assert.notEqual((await planner(bob)).name, 'En nu door Anna');
});

test('a scenario made before joining is offered to the workshop, shared only when its maker says so', async () => {
  // A workshop of its own (a fresh server): only this test's scenarios in its list.
  const first = collab;
  collab = await startServer();
  try {
    const anna = await person('Anna2');
    assert.equal((await scenarioOptions(anna)).length, 1);
    // Carla works alone first: an edit stores the plan, then she makes a variant of her own.
    const carla = await browser('Carla');
    await carla.goto(`${site}${PAGE}`);
    await until(
      () => planner(carla),
      (p) => p.name !== '',
      'the plan shown',
    );
    await carla.evaluate(() => {
      const p = document.querySelector('rp-planner') as unknown as { plan: Record<string, unknown> };
      p.plan = { ...p.plan, name: 'Carla’s eigen plan' };
    });
    const seeded = await until(
      () => planner(carla),
      (p) => p.scenarioId !== '',
      'Carla’s plan stored',
    );
    await carla.locator('rp-planner rp-scenario-bar button', { hasText: 'Dupliceren' }).click();
    const own = await until(
      () => planner(carla),
      (p) => p.scenarioId !== '' && p.scenarioId !== seeded.scenarioId,
      'Carla on her own variant',
    );

    // She joins the workshop: her variant is offered, not shared.
    await joinWorkshop(carla, 'Carla');
    const offer = carla.locator('rp-planner .workshop-offer button', { hasText: 'Deel met de workshop' });
    await offer.first().waitFor();
    await carla.screenshot({ path: join(tmpdir(), 'rp-workshop-offer.png') });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await scenarioOptions(anna)).length, 1, 'nothing reached Anna without asking');

    await offer.first().click();
    await until(
      () => scenarioOptions(anna),
      (os) => os.some((o) => o.id === own.scenarioId),
      'Carla’s variant in Anna’s list once shared',
    );
    await carla.locator('rp-planner .workshop-offer').waitFor({ state: 'detached' });
  } finally {
    await collab.close();
    collab = first;
  }
});

test('a real browser whose handshake the server turns down is told why (429 / 503), and joins once there is room', async () => {
  const first = collab;
  // A participant holds two sockets (its scenario's room and the plan's scenario list): both taken.
  // The sockets holding the server full never sign in: they are kept open as long as the test needs.
  collab = await startServer({ limits: { maxSockets: 2, authTimeoutMs: 600_000 } });
  const hogs = [await raw(collab.url), await raw(collab.url)];
  try {
    const page = await browser('Dirk');
    const q = new URLSearchParams({ collab: collab.url, token: EDITOR, name: 'Dirk' });
    await page.goto(`${site}${PAGE}?${q}`);
    // The page's origin is not the server's: the answer to GET /admission is allowed from any origin.
    const error = page.locator('rp-planner .workshop-error');
    await error.waitFor({ timeout: 120_000 });
    assert.match((await error.textContent()) ?? '', /werksessieserver is vol/);
    for (const hog of hogs) hog.ws.close();
    await page.locator('rp-planner .workshop .pill.connected').waitFor({ timeout: 60_000 });
  } finally {
    for (const hog of hogs) hog.ws.close();
    await collab.close();
    collab = first;
  }
});
