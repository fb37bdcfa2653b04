import type { FindingLocation, Section } from '../../src/model/finding.ts';
import type { FocusableSection } from '../shared/edit-event.ts';
import type { SectionKey } from './planner-view.ts';

/** Where a finding's focus goes: the grid or form section that shows its section. */
const FOCUS_TARGET: Record<Section, string> = {
  plan: 'rp-plan-details',
  targetGroups: 'rp-target-groups',
  providers: 'rp-parties',
  funders: 'rp-parties',
  activities: 'rp-budget-grid',
  split: 'rp-split-grid',
  domains: 'rp-split-grid',
};

type Focusable = HTMLElement & Partial<FocusableSection> & { focusCell?: (l: FindingLocation) => boolean };

/** Moves keyboard focus to the cell (grids) or field (forms) a finding points at, inside `root`. */
export function focusFinding(root: ParentNode, location: FindingLocation): boolean {
  const target = root.querySelector<Focusable>(FOCUS_TARGET[location.section]);
  if (!target) return false;
  target.scrollIntoView?.({ block: 'nearest' });
  if (typeof target.focusCell === 'function') return target.focusCell(location);
  if (typeof target.focusField === 'function') return target.focusField(location);
  return false;
}

/** Scrolls a section card into view and puts focus on its heading (the section navigation). */
export function goToSection(root: ParentNode, key: SectionKey): void {
  const el = root.querySelector<HTMLElement>(`#section-${key}`);
  el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  el?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
}
