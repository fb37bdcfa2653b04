/*
 * What a person sees of slotted content: a host element shown through a named slot of a shadow
 * root, and an element that is not drawn at all (a slot's built-in content once the host fills it).
 */

/** The host's element is assigned to the named slot and has a box on screen. */
export function shownInSlot(hostChild: Element, slotName: string): boolean {
  const slot = hostChild.assignedSlot;
  return (
    slot !== null &&
    slot.name === slotName &&
    hostChild.getClientRects().length > 0 &&
    hostChild.getBoundingClientRect().width > 0
  );
}

/** The element is in the tree but not drawn (no box), e.g. a slot's fallback content. */
export const notDrawn = (el: Element): boolean => el.getClientRects().length === 0;

/** Creates a host child for a slot: `<tag slot=name>text</tag>`. */
export function slotted<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  name: string,
  text: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.slot = name;
  el.textContent = text;
  return el;
}
