import type { FindingLocation } from '../../src/model/finding.ts';

/**
 * Finds the control for a finding inside a section's shadow root (controls carry `data-section`,
 * `data-row` and `data-field`), opens a closed <details> around it, scrolls to it and focuses it.
 */
export function focusControl(root: ShadowRoot | null, loc: FindingLocation): boolean {
  if (!root) return false;
  const controls = [...root.querySelectorAll<HTMLElement>('[data-field]')].filter((el) => {
    if (el.dataset.section !== loc.section) return false;
    if (loc.rowId !== undefined && (el.dataset.row ?? '') !== loc.rowId) return false;
    return true;
  });
  const field = loc.field;
  const target =
    (field && controls.find((el) => el.dataset.field === field)) ||
    (field &&
      controls.find((el) => field.startsWith(`${el.dataset.field}.`) || el.dataset.field!.startsWith(`${field}.`))) ||
    controls[0];
  if (!target) return false;
  for (let p: HTMLElement | null = target.parentElement; p; p = p.parentElement) {
    if (p instanceof HTMLDetailsElement) p.open = true;
  }
  target.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  target.focus();
  return root.activeElement === target;
}
