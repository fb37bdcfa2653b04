import type { LitElement } from 'lit';

/** Adds an element to the page, applies properties, and waits for its first render. */
export async function mount<E extends LitElement>(tag: string, props: Partial<E> = {}): Promise<E> {
  const el = document.createElement(tag) as E;
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** The focused element, looking through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Collects the `detail` of every event of a type on a target. */
export function record<T>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Whether `el` has focus (through shadow roots). A boolean on purpose: chai's diff of two DOM
 * elements walks the whole DOM and can stall the browser when an assertion fails.
 */
export const hasFocus = (el: Element): boolean => deepActive() === el;
