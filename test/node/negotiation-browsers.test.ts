import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { EDITOR, NAMED, type TestServer } from './collab/helpers.ts';
import { startWorkshopSite, until, type WorkshopSite } from './helpers/workshop-site.ts';

/*
 * Comments and sign-offs in a workshop, tried as two people would: two browsers with profiles of
 * their own (separate IndexedDB) open the same page with <rp-planner collab-url>. Anna, with a
 * personal token, starts a comment thread on a cell; Bob sees it (and its mark on the cell) and
 * answers; Anna sees his answer. Anna puts the scenario up for sign-off and signs: Bob sees her
 * sign-off under the name the server assigned to her token, not the one typed. Bob's shared token
 * names nobody, so his planner tells him it cannot sign and records nothing.
 */

let workshop: WorkshopSite;
let collab: TestServer;

before(async () => {
  workshop = await startWorkshopSite();
  collab = workshop.collab;
});

after(async () => {
  await workshop?.close();
});

/** A browser with a profile of its own. */
const browser = (name: string): Promise<Page> => workshop.browser(name);

/** One person: a browser with a profile of its own, the page open and joined to the workshop. */
const person = async (name: string, token: string): Promise<Page> => workshop.join(await browser(name), name, token);

interface Shown {
  scenarioId: string;
  comments: { id: string; anchor: { rowId?: string; column?: string }; messages: { author: string; text: string }[] }[];
  signoffs: { name: string; source: string; role: string; fingerprint: string }[];
  marks: number;
}

/** What the planner holds: its comment threads and sign-offs, and the comment marks in its budget grid. */
const shown = (page: Page): Promise<Shown> =>
  page.evaluate(() => {
    const p = document.querySelector('rp-planner') as unknown as HTMLElement & {
      currentScenario: string;
      comments: Shown['comments'];
      signoffs: { signoffs: Shown['signoffs'] };
    };
    const grid = p.shadowRoot!.querySelector('rp-budget-grid');
    return {
      scenarioId: p.currentScenario,
      comments: JSON.parse(JSON.stringify(p.comments)) as Shown['comments'],
      signoffs: JSON.parse(JSON.stringify(p.signoffs.signoffs)) as Shown['signoffs'],
      marks: grid?.shadowRoot?.querySelectorAll('td[data-rp-comment]').length ?? 0,
    };
  });

/** Dispatches an rp-* request from inside the planner, as its panels do. */
const request = (page: Page, type: string, detail: unknown) =>
  page.evaluate(
    ([t, d]) => {
      const p = document.querySelector('rp-planner')!;
      p.shadowRoot!.querySelector('rp-comments-panel')!.dispatchEvent(
        new CustomEvent(t as string, { detail: d, bubbles: true, composed: true }),
      );
    },
    [type, detail] as const,
  );

test('two browsers (separate profiles): a comment thread and a sign-off made in one appear in the other', async () => {
  const anna = await person('Anna', NAMED);
  const bob = await person('Bob', EDITOR);

  // Anna selects an activity's name cell and comments on it.
  const rowId = await anna.evaluate(() => {
    const p = document.querySelector('rp-planner') as unknown as HTMLElement & {
      plan: { activities: { id: string }[] };
    };
    const id = p.plan.activities[0]!.id;
    p.shadowRoot!.querySelector('rp-budget-grid')!.dispatchEvent(
      new CustomEvent('rp-select', {
        detail: { section: 'activities', rowId: id, field: 'name' },
        bubbles: true,
        composed: true,
      }),
    );
    return id;
  });
  await anna.locator('rp-planner rp-comments-panel .new textarea').fill('Klopt deze activiteit? <b>vet</b>');
  await anna.locator('rp-planner rp-comments-panel .new button[type="submit"]').click();

  // Bob sees the thread, on the same cell, with its mark in his grid.
  const atBob = await until(
    () => shown(bob),
    (s) => s.comments.length === 1 && s.marks > 0,
    'Anna’s thread and its mark at Bob',
  );
  assert.deepEqual(atBob.comments[0]!.anchor, { section: 'activities', rowId, column: 'name' });
  assert.equal(atBob.comments[0]!.messages[0]!.text, 'Klopt deze activiteit? <b>vet</b>');
  assert.equal(atBob.comments[0]!.messages[0]!.author, 'Anna');
  await bob.locator('rp-planner rp-comments-panel article .text', { hasText: '<b>vet</b>' }).waitFor();

  // Bob answers; Anna sees it.
  await bob.locator('rp-planner rp-comments-panel article textarea').fill('Ja, zie de offerte.');
  await bob.locator('rp-planner rp-comments-panel article button[type="submit"]').click();
  const atAnna = await until(
    () => shown(anna),
    (s) => s.comments[0]?.messages.length === 2,
    'Bob’s answer at Anna',
  );
  assert.deepEqual(
    atAnna.comments[0]!.messages.map((m) => [m.author, m.text]),
    [
      ['Anna', 'Klopt deze activiteit? <b>vet</b>'],
      ['Bob', 'Ja, zie de offerte.'],
    ],
  );

  // Anna puts the scenario up for sign-off and signs for the first funder, with a name typed in.
  const funder = await anna.evaluate(
    () =>
      (document.querySelector('rp-planner') as unknown as { plan: { funders: { id: string }[] } }).plan.funders[0]!.id,
  );
  await request(anna, 'rp-signoff-request', { action: 'open' });
  await request(anna, 'rp-signoff-request', {
    action: 'sign',
    party: { kind: 'funder', id: funder },
    name: 'Een getypte naam',
    role: 'zorginkoper',
  });
  const signed = await until(
    () => shown(bob),
    (s) => s.signoffs.length === 1,
    'Anna’s sign-off at Bob',
  );
  assert.equal(signed.signoffs[0]!.name, 'Anna (token)', 'the name the server assigned, not the typed one');
  assert.equal(signed.signoffs[0]!.source, 'server');
  assert.equal(signed.signoffs[0]!.role, 'zorginkoper');
  assert.deepEqual((await shown(anna)).signoffs, signed.signoffs);

  // Bob's token names nobody: the server would refuse his sign-off, so the planner says so and
  // records nothing (the server's refusal itself is tested in test/node/collab/attack-signoff.test.ts).
  await request(bob, 'rp-signoff-request', {
    action: 'sign',
    party: { kind: 'funder', id: funder },
    name: 'Bob',
    role: 'wethouder',
  });
  await bob.getByText('Uw token noemt geen naam', { exact: false }).first().waitFor();
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await shown(anna)).signoffs.length, 1, 'only Anna’s sign-off at Anna');
  assert.equal((await shown(bob)).signoffs.length, 1, 'only Anna’s sign-off at Bob');
  assert.ok(!collab.logs.some((l) => l.includes('refused an update')), collab.logs.join('\n'));
  await anna.screenshot({ path: join(tmpdir(), 'rp-negotiation-anna.png') });
});
