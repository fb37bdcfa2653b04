import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import { ht } from '../../src/i18n/negotiation.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { FindingLocation } from '../../src/model/finding.ts';
import { locationLabel } from '../findings/location-label.ts';
import { timeText } from '../signoff/time-text.ts';
import { tokens } from '../shared/tokens.ts';
import { emit, type HistoryEntry, type HistoryRequest } from '../shared/events.ts';
import { historyPanelStyles } from './history-panel.styles.ts';
import '../compare/compare.ts';

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

/** A value as the history lists it: text as it is, an amount by its amount, anything else compact. */
export function valueText(value: unknown, locale: Locale): string {
  if (value === undefined) return ht(locale, 'history.absent');
  if (value === null || value === '') return ht(locale, 'history.empty');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(v, locale)).join(', ');
  const o = value as Record<string, unknown>;
  if (typeof o.amount === 'string') return [o.amount, o.per].filter((x) => typeof x === 'string').join(' / ');
  if (typeof o.name === 'string') return o.name;
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
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
export class RpHistoryPanel extends LitElement {
  static override styles = [tokens, historyPanelStyles];

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

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated(): void {
    const d = this.dialog;
    if (!d) return;
    if (this.view && !d.open) {
      this.opener = deepActive();
      d.showModal();
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } else if (!this.view && d.open) {
      d.close();
    }
  }

  override render(): TemplateResult {
    const v = this.view;
    const l = this.locale;
    const title = v?.place
      ? ht(l, 'history.titleCell', { place: locationLabel(v.place, this.plan, l) })
      : ht(l, 'history.titleTimeline');
    return html`<dialog aria-labelledby="history-title" @close=${this.onClose} @cancel=${this.onCancel}>
      ${
        v
          ? html`<header>
              <h2 id="history-title" tabindex="-1">${title}</h2>
              <div class="actions">
                ${
                  v.place
                    ? html`<button type="button" @click=${() => this.ask({ action: 'timeline' })}>
                      ${ht(l, 'history.timeline')}
                    </button>`
                    : nothing
                }
                <button type="button" @click=${() => this.ask({ action: 'close' })}>${ht(l, 'history.close')}</button>
              </div>
            </header>
            <p class="muted">${ht(l, 'history.rule')}</p>
            <p role="status" class="muted">${this.message}</p>
            ${
              v.place && v.current !== undefined
                ? html`<p><strong>${ht(l, 'history.current')}:</strong> ${valueText(v.current, l)}</p>`
                : nothing
            }
            ${v.compare ? this.comparison(v.compare) : nothing}
            ${v.busy ? html`<p class="muted busy">${ht(l, 'history.reading')}</p>` : nothing}
            ${
              v.entries.length === 0
                ? v.busy
                  ? nothing
                  : html`<p>${ht(l, 'history.none')}</p>`
                : html`<ol aria-busy=${v.busy ? 'true' : 'false'}>
                  ${v.entries.map((e) => this.entry(e, v.place))}
                </ol>`
            }`
          : nothing
      }
    </dialog>`;
  }

  private comparison(c: NonNullable<HistoryView['compare']>): TemplateResult {
    const l = this.locale;
    const at = timeText(c.at, l);
    return html`<section class="compare" aria-labelledby="history-compare">
      <header>
        <h3 id="history-compare">${ht(l, 'history.compareTitle', { at })}</h3>
        <button type="button" @click=${() => this.ask({ action: 'compare-moments', id: c.id })}>
          ${ht(l, 'history.compareMoments')}
        </button>
        <button type="button" @click=${() => this.ask({ action: 'compare', id: null })}>
          ${ht(l, 'history.compareClose')}
        </button>
      </header>
      <rp-compare
        differences-only
        .locale=${l}
        .scenarios=${[
          { name: ht(l, 'history.then', { at }), plan: c.then },
          { name: ht(l, 'history.now'), plan: c.now },
        ]}
      ></rp-compare>
    </section>`;
  }

  private entry(e: HistoryEntry, place: FindingLocation | null): TemplateResult {
    const l = this.locale;
    const at = timeText(e.at, l);
    const who = e.kind === 'start' ? ht(l, 'history.start') : e.by || ht(l, 'history.nobody');
    const what = place?.field
      ? valueText(e.value, l)
      : e.kind === 'stored-version'
        ? ht(l, 'history.storedVersion', { name: e.name ?? '' })
        : e.kind === 'version'
          ? ht(l, 'history.version', { name: e.name ?? '' })
          : e.kind === 'start'
            ? ''
            : e.what.length === 0
              ? ht(l, 'history.noChanges')
              : ht(l, 'history.changes', {
                  count: e.what.length,
                  list: e.what
                    .slice(0, 4)
                    .map((w) => locationLabel(w, this.plan, l))
                    .join('; '),
                });
    const hint = place?.field
      ? ht(l, 'history.restoreValue', { value: valueText(e.value, l) })
      : place
        ? ht(l, 'history.restoreRow', { at })
        : ht(l, 'history.restorePoint', { at });
    return html`<li class=${e.kind}>
      <div>
        <p class="by">${ht(l, 'history.byAt', { name: who, at })}</p>
        ${what ? html`<p class="what">${what}</p>` : nothing}
      </div>
      <div class="actions">
        ${
          place || e.kind === 'stored-version'
            ? nothing
            : html`<button
              type="button"
              aria-label=${`${ht(l, 'history.compare')}: ${ht(l, 'history.compareHint', { at })}`}
              @click=${() => this.ask({ action: 'compare', id: e.id })}
            >
              ${ht(l, 'history.compare')}
            </button>`
        }
        <button
          type="button"
          ?disabled=${this.readonly}
          aria-label=${`${ht(l, 'history.restore')}: ${hint}`}
          title=${hint}
          @click=${() => this.ask({ action: 'restore', id: e.id })}
        >
          ${ht(l, 'history.restore')}
        </button>
      </div>
    </li>`;
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
