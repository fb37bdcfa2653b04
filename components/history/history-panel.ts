import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { FindingLocation } from '../../src/model/finding.ts';
import { tokens } from '../shared/tokens.ts';
import { emit, type HistoryEntry, type HistoryRequest } from '../shared/events.ts';
import { LazyViewController, LazyViewElement, lazyViewStyles, once } from '../shared/lazy-view.ts';

/** The panel's rendering code (templates, styles, the comparison): loaded when the first panel is connected. */
const historyView = once(() => import('./history-panel.templates.ts'));

/** What the history dialog shows: a cell's earlier values, or the scenario's timeline. */
export interface HistoryView {
  /** The cell, row or field; null for the whole scenario. */
  place: FindingLocation | null;
  /** Newest first. */
  entries: readonly HistoryEntry[];
  /** The value now (with a place). */
  current?: unknown;
  /** Still reading: the entries so far are shown, newest first. */
  busy?: boolean;
  /** An entry compared with the plan now: its time and both plans. */
  compare?: { id: string; at: string; then: Plan; now: Plan } | null;
}

/**
 * The history of the open scenario in a dialog: a cell's, row's or field's earlier values (who,
 * when), or the scenario's timeline (one person's edits made close together, named versions, the
 * store's earlier versions). Each entry can be put back as a new edit that Ctrl+Z undoes.
 *
 * @event rp-history-request - `{ action: 'restore', id }`, `{ action: 'timeline' }` or `{ action: 'close' }`; the planner acts on it.
 *
 * @cssprop --rp-color-accent - Entries, buttons and focus ring.
 */
@customElement('rp-history-panel')
export class RpHistoryPanel extends LazyViewElement {
  static override styles = [tokens, lazyViewStyles];

  /** Interface language: `nl` (default) or `en`. */
  @property({ reflect: true, converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Nothing can be restored (a read-only planner, a workshop observer). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Names the rows and columns places point at. */
  @property({ attribute: false }) plan: Plan | null = null;
  /** What to show; null: the dialog is closed. */
  @property({ attribute: false }) view: HistoryView | null = null;
  /** Said after a restore (a live region). */
  @property() message = '';

  /** Where focus was when the dialog opened: it goes back there. */
  private opener: Element | null = null;

  private readonly lazy = new LazyViewController(this, historyView);

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated(): void {
    const d = this.dialog;
    if (!d) return;
    if (this.view && !d.open) {
      this.opener = deepActive();
      // Opens at once (with a busy line while the panel's code is still loading); focus goes to
      // the title once it is there.
      d.showModal();
      void this.focusTitle();
    } else if (!this.view && d.open) {
      d.close();
    }
  }

  protected override render(): TemplateResult {
    const v = this.view;
    return html`<dialog aria-labelledby="history-title" @close=${this.onClose} @cancel=${this.onCancel}>
      ${
        v
          ? this.lazy.render((m) =>
              m.renderHistory({
                locale: this.locale,
                readonly: this.readonly,
                plan: this.plan,
                view: v,
                message: this.message,
                ask: (detail) => this.ask(detail),
              }),
            )
          : nothing
      }
    </dialog>`;
  }

  private async focusTitle(): Promise<void> {
    const title = (): HTMLElement | null => this.renderRoot.querySelector<HTMLElement>('h2');
    if (!title()) await this.updateComplete;
    if (this.dialog?.open) title()?.focus();
  }

  private ask(detail: HistoryRequest): void {
    emit(this, 'rp-history-request', detail);
  }

  private readonly onCancel = (e: Event): void => {
    e.preventDefault();
    this.ask({ action: 'close' });
  };

  private readonly onClose = (): void => {
    // Focus goes back where it was (the grid cell or field whose history was asked for).
    const back = this.opener;
    this.opener = null;
    if (back instanceof HTMLElement) back.focus();
    if (this.view) this.ask({ action: 'close' });
  };
}

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-history-panel': RpHistoryPanel;
  }
}
