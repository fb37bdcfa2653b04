import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import { nt, type NegotiationKey } from '../../src/i18n/negotiation.ts';
import type { MsgVars } from '../../src/i18n/index.ts';
import type { Plan } from '../../src/model/plan.ts';
import { MAX_COMMENT, type CommentAnchor } from '../../src/model/negotiation.ts';
import { anchorOf, checkText, placeOf, sameAnchor, type CommentThread } from '../../src/negotiation/index.ts';
import type { Finding } from '../../src/model/finding.ts';
import { locationLabel } from '../findings/location-label.ts';
import { fieldLabel } from '../../src/compare/labels.ts';
import { timeText } from '../signoff/time-text.ts';
import { tokens } from '../shared/tokens.ts';
import { emit } from '../shared/events.ts';
import { commentsPanelStyles } from './comments-panel.styles.ts';

/**
 * Comment threads on the plan: the open ones (resolved ones on request), each naming the cell,
 * row or field it is about, with its messages as plain text, a reply box, resolve and reopen. A
 * thread whose row was deleted is kept and shown as orphaned. New comments go on the cell or
 * field last selected in the planner (`anchor`), or on the plan as a whole.
 *
 * @event rp-comment-request - `{ action: 'start' | 'reply' | 'resolve' | 'reopen' | 'go', … }`; the planner applies it.
 *   A grid asks with `{ action: 'open', anchor }` and the planner calls `open(anchor)`.
 *
 * @cssprop --rp-color-accent - Open threads, buttons and focus ring.
 * @cssprop --rp-color-warning - Orphaned threads.
 */
@customElement('rp-comments-panel')
export class RpCommentsPanel extends LitElement {
  static override styles = [tokens, commentsPanelStyles];

  /** Interface language: `nl` (default) or `en`. */
  @property({ reflect: true, converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Nothing can be recorded (a read-only planner, a workshop observer). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Every thread of the scenario, resolved ones included (src/negotiation/comments.ts). */
  @property({ attribute: false }) threads: readonly CommentThread[] = [];
  /** Names the rows and columns anchors point at. */
  @property({ attribute: false }) plan: Plan | null = null;
  /** The plan's findings now: a thread about a finding quotes it while it stands. */
  @property({ attribute: false }) findings: readonly Finding[] = [];
  /** Where a new comment goes: the cell or field selected last; null for the plan as a whole. */
  @property({ attribute: false }) anchor: CommentAnchor | null = null;

  @state() private showResolved = false;
  @state() private refusal: { id: string; key: NegotiationKey } | null = null;
  @state() private lengths: Record<string, number> = {};

  /**
   * Shows the comments on `anchor` (a grid's comment mark or Shift+F2): focus goes to the reply box
   * of its oldest open thread, or to the new comment box, now about that cell.
   */
  async open(anchor: CommentAnchor): Promise<void> {
    this.anchor = anchor;
    const thread = this.threads.find((th) => !th.resolved && sameAnchor(th.anchor, anchor));
    await this.updateComplete;
    const root = this.renderRoot;
    const article = thread ? root.querySelector(`article[aria-labelledby="th-${CSS.escape(thread.id)}"]`) : null;
    const box = (article ?? root.querySelector('section.new'))?.querySelector('textarea');
    (article ?? box)?.scrollIntoView({ block: 'nearest' });
    box?.focus();
  }

  private t(key: NegotiationKey, vars?: MsgVars): string {
    return nt(this.locale, key, vars);
  }

  private where(anchor: CommentAnchor): string {
    const place = placeOf(anchor);
    const field = place.field ? fieldLabel(place.field)[this.locale] : '';
    // A field the labels know is named ("Bedrag"); an unknown key is left out rather than shown raw.
    const named = field && field !== place.field ? ` · ${field}` : '';
    const label = locationLabel(place, this.plan, this.locale) + named;
    if (!anchor.finding) return label;
    const standing = this.findings.find(
      (f) => f.code === anchor.finding && sameAnchor(anchorOf(f.location, f.code) ?? anchor, anchor),
    );
    return `${label} · ${standing ? standing.message[this.locale] : this.t('anchor.finding', { code: anchor.finding })}`;
  }

  private submit(e: SubmitEvent, id: string, send: (text: string) => void): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const area = form.querySelector('textarea')!;
    const checked = checkText(area.value);
    if (!checked.ok) {
      // Nothing typed is lost: the text stays in the box until it fits.
      this.refusal = { id, key: `comments.refused.${checked.reason}` };
      area.focus();
      return;
    }
    this.refusal = null;
    send(checked.text);
    area.value = '';
    this.lengths = { ...this.lengths, [id]: 0 };
  }

  private box(id: string, label: NegotiationKey, button: NegotiationKey, send: (text: string) => void): TemplateResult {
    const n = this.lengths[id] ?? 0;
    const refused = this.refusal?.id === id ? this.refusal.key : null;
    return html`<form @submit=${(e: SubmitEvent) => this.submit(e, id, send)}>
      <label>${this.t(label)}
        <textarea name="text" ?disabled=${this.readonly}
          aria-describedby=${`${id}-limit`}
          @input=${(e: Event) => (this.lengths = { ...this.lengths, [id]: (e.target as HTMLTextAreaElement).value.trim().length })}></textarea>
      </label>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.readonly}>${this.t(button)}</button>
        <span id=${`${id}-limit`} class="limit ${n > MAX_COMMENT ? 'over' : ''}">${this.t('comments.limit', { n, max: MAX_COMMENT })}</span>
      </div>
      ${refused ? html`<p class="error" role="alert">${this.t(refused, { max: MAX_COMMENT })}</p>` : nothing}
    </form>`;
  }

  private thread(th: CommentThread): TemplateResult {
    const headingId = `th-${th.id}`;
    return html`<li><article class="${th.resolved ? 'resolved' : ''} ${th.orphaned ? 'orphaned' : ''}" aria-labelledby=${headingId}>
      <div class="where">
        <span id=${headingId}>${this.where(th.anchor)}</span>
        ${th.resolved ? html`<span>· ${this.t('comments.resolved')}</span>` : nothing}
        ${
          !th.orphaned && th.anchor.rowId
            ? html`<button type="button" class="link" @click=${() => emit(this, 'rp-comment-request', { action: 'go', anchor: th.anchor })}>${this.t('comments.goTo')}</button>`
            : nothing
        }
      </div>
      ${th.orphaned ? html`<p class="orphan">${this.t('comments.orphaned')}</p>` : nothing}
      <ol>
        ${th.messages.map(
          (
            m,
          ) => html`<li><div class="by">${this.t('comments.by', { author: m.author || this.t('comments.anonymous'), at: timeText(m.at, this.locale) })}</div>
            <p class="text">${m.text}</p></li>`,
        )}
      </ol>
      ${
        th.resolved
          ? html`<button type="button" ?disabled=${this.readonly} @click=${() => emit(this, 'rp-comment-request', { action: 'reopen', threadId: th.id })}>${this.t('comments.reopen')}</button>`
          : html`${this.box(`reply-${th.id}`, 'comments.reply', 'comments.sendReply', (text) =>
              emit(this, 'rp-comment-request', { action: 'reply', threadId: th.id, text }),
            )}
            <div class="actions"><button type="button" ?disabled=${this.readonly} @click=${() => emit(this, 'rp-comment-request', { action: 'resolve', threadId: th.id })}>${this.t('comments.resolve')}</button></div>`
      }
    </article></li>`;
  }

  protected override render(): unknown {
    const open = this.threads.filter((th) => !th.resolved);
    const shown = this.showResolved ? this.threads : open;
    const anchor = this.anchor;
    return html`<h2 id="title">${this.t('comments.title')} <span class="count">${this.t('comments.open', { n: open.length })}</span></h2>
      ${
        this.threads.length > open.length
          ? html`<label class="toggle"><input type="checkbox" .checked=${this.showResolved}
            @change=${(e: Event) => (this.showResolved = (e.target as HTMLInputElement).checked)} />${this.t('comments.showResolved')}</label>`
          : nothing
      }
      ${shown.length === 0 ? html`<p class="muted">${this.t('comments.none')}</p>` : html`<ul class="threads">${shown.map((th) => this.thread(th))}</ul>`}
      <section class="new" aria-labelledby="new-title">
        <p id="new-title"><strong>${this.t('comments.new')}</strong>: ${anchor ? this.where(anchor) : this.t('comments.noAnchor')}</p>
        <p class="muted">${this.t('comments.newHint')}</p>
        ${this.box('new', 'comments.text', 'comments.send', (text) =>
          emit(this, 'rp-comment-request', { action: 'start', anchor: anchor ?? { section: 'plan' }, text }),
        )}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-comments-panel': RpCommentsPanel;
  }
}
