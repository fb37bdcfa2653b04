import type { RpPlanner } from '../../../components/planner/planner.ts';
import type { RpFlow } from '../../../components/flow/flow.ts';

/* Helpers shared by the embedding examples' tests. */

export const until = async (check: () => boolean, what: string, ms = 15000): Promise<void> => {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Puts an example page's body into the test page, so its module can be imported here. */
export async function loadBody(url: string): Promise<void> {
  const page = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  document.title = page.title;
  document.documentElement.lang = page.documentElement.lang;
  document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
  for (const link of page.head.querySelectorAll('link[rel="stylesheet"]')) {
    const copy = document.createElement('link');
    copy.rel = 'stylesheet';
    copy.href = new URL(link.getAttribute('href')!, new URL(url, location.href)).href;
    document.head.append(copy);
  }
}

/** Makes one edit a visitor could make (ticks "deductible charged") so the planner fires rp-change. */
export async function editPlan(planner: RpPlanner): Promise<void> {
  const details = planner.shadowRoot!.querySelector('rp-plan-details')!;
  const box = details.shadowRoot!.querySelector<HTMLInputElement>('[data-field="deductibleCharged"]')!;
  box.click();
  await planner.updateComplete;
}

export const plannerTitle = (planner: RpPlanner) =>
  planner.shadowRoot!.querySelector('[part="toolbar"] h2')?.textContent?.trim();

export const flowRows = (flow: RpFlow) =>
  [...flow.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
