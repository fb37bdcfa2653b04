import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Section } from '../../src/model/finding.ts';
import type { CommentAnchor } from '../../src/model/negotiation.ts';
import { anchorOf, sameAnchor } from '../../src/negotiation/index.ts';
import type { RpEvent } from '../shared/events.ts';

/**
 * Where a new comment goes: the cell or field last selected, or the finding last chosen in the
 * findings panel. Follows the planner's selection and focus, and tells the comments panel.
 */
export class CommentAnchorController implements ReactiveController {
  /** The cell, field or finding a new comment is about; null until something was selected. */
  anchor: CommentAnchor | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('rp-select', this.onSelect);
    this.host.addEventListener('focusin', this.onFocusIn);
    // Capture: the planner's wrapper keeps rp-focus-finding inside its shadow root.
    this.host.addEventListener('rp-focus-finding', this.onFinding, { capture: true });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('rp-select', this.onSelect);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.host.removeEventListener('rp-focus-finding', this.onFinding, { capture: true });
  }

  private readonly onSelect = (e: Event): void => {
    const cell = (e as RpEvent<'rp-select'>).detail;
    this.anchorTo(cell ? anchorOf(cell) : null);
  };

  /** A form field that got focus (forms mark their controls with data-section, data-row, data-field). */
  private readonly onFocusIn = (e: Event): void => {
    const el = e.composedPath()[0];
    if (!(el instanceof HTMLElement) || !el.dataset.field || !el.dataset.section) return;
    const section = Section.safeParse(el.dataset.section);
    if (!section.success) return;
    this.anchorTo(anchorOf({ section: section.data, rowId: el.dataset.row || undefined, field: el.dataset.field }));
  };

  /** A finding chosen in the findings panel: a new comment is about that finding. */
  private readonly onFinding = (e: Event): void => {
    const f = (e as RpEvent<'rp-focus-finding'>).detail;
    if (f?.location) this.anchorTo(anchorOf(f.location, f.code));
  };

  private anchorTo(anchor: CommentAnchor | null): void {
    if (!anchor) return;
    // Moving focus to a finding's cell selects that cell: the comment stays about the finding.
    const current = this.anchor;
    if (current?.finding && !anchor.finding && sameAnchor({ ...current, finding: undefined }, anchor)) return;
    this.anchor = anchor;
    // Straight to the panel: a selection moving through a grid should not render the whole planner.
    const panel = this.host.shadowRoot?.querySelector('rp-comments-panel');
    if (panel) panel.anchor = anchor;
  }
}
