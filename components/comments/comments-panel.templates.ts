import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../src/i18n/locale.ts';
import { nt, type NegotiationKey } from '../../src/i18n/negotiation-panels.ts';
import type { MsgVars } from '../../src/i18n/index.ts';
import type { Plan } from '../../src/model/plan.ts';
import { MAX_COMMENT, type CommentAnchor } from '../../src/model/negotiation.ts';
import { anchorOf, placeOf, sameAnchor, type CommentThread } from '../../src/negotiation/index.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { CommentRequest } from '../shared/events.ts';
import { locationLabel } from '../findings/location-label.ts';
import { fieldLabel } from '../../src/compare/labels.ts';
import { timeText } from '../signoff/time-text.ts';
import { commentsPanelStyles } from './comments-panel.styles.ts';

/*
 * What <rp-comments-panel> shows: the threads, their reply boxes and the new comment box. Its own
 * chunk, loaded when the first comments panel is connected.
 */

export const viewStyles = [commentsPanelStyles];

/** What the panel's view reads from its element. */
export interface CommentsView {
  locale: Locale;
  readonly: boolean;
  threads: readonly CommentThread[];
  plan: Plan | null;
  findings: readonly Finding[];
  anchor: CommentAnchor | null;
  showResolved: boolean;
  refusal: { id: string; key: NegotiationKey } | null;
  lengths: Record<string, number>;
  submit: (e: SubmitEvent, id: string, send: (text: string) => void) => void;
  request: (detail: CommentRequest) => void;
  setLength: (id: string, n: number) => void;
  setShowResolved: (show: boolean) => void;
}

export function renderComments(v: CommentsView): TemplateResult {
  return new CommentsTemplates(v).render();
}

class CommentsTemplates {
  constructor(private readonly v: CommentsView) {}

  private t(key: NegotiationKey, vars?: MsgVars): string {
    return nt(this.v.locale, key, vars);
  }

  private where(anchor: CommentAnchor): string {
    const place = placeOf(anchor);
    const field = place.field ? fieldLabel(place.field)[this.v.locale] : '';
    // A field the labels know is named ("Bedrag"); an unknown key is left out rather than shown raw.
    const named = field && field !== place.field ? ` · ${field}` : '';
    const label = locationLabel(place, this.v.plan, this.v.locale) + named;
    if (!anchor.finding) return label;
    const standing = this.v.findings.find(
      (f) => f.code === anchor.finding && sameAnchor(anchorOf(f.location, f.code) ?? anchor, anchor),
    );
    return `${label} · ${standing ? standing.message[this.v.locale] : this.t('anchor.finding', { code: anchor.finding })}`;
  }

  private box(id: string, label: NegotiationKey, button: NegotiationKey, send: (text: string) => void): TemplateResult {
    const n = this.v.lengths[id] ?? 0;
    const refused = this.v.refusal?.id === id ? this.v.refusal.key : null;
    return html`<form @submit=${(e: SubmitEvent) => this.v.submit(e, id, send)}>
      <label>${this.t(label)}
        <textarea name="text" ?disabled=${this.v.readonly}
          aria-describedby=${`${id}-limit`}
          @input=${(e: Event) => this.v.setLength(id, (e.target as HTMLTextAreaElement).value.trim().length)}></textarea>
      </label>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.v.readonly}>${this.t(button)}</button>
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
            ? html`<button type="button" class="link" @click=${() => this.v.request({ action: 'go', anchor: th.anchor })}>${this.t('comments.goTo')}</button>`
            : nothing
        }
      </div>
      ${th.orphaned ? html`<p class="orphan">${this.t('comments.orphaned')}</p>` : nothing}
      <ol>
        ${th.messages.map(
          (
            m,
          ) => html`<li><div class="by">${this.t('comments.by', { author: m.author || this.t('comments.anonymous'), at: timeText(m.at, this.v.locale) })}</div>
            <p class="text">${m.text}</p></li>`,
        )}
      </ol>
      ${
        th.resolved
          ? html`<button type="button" ?disabled=${this.v.readonly} @click=${() => this.v.request({ action: 'reopen', threadId: th.id })}>${this.t('comments.reopen')}</button>`
          : html`${this.box(`reply-${th.id}`, 'comments.reply', 'comments.sendReply', (text) =>
              this.v.request({ action: 'reply', threadId: th.id, text }),
            )}
            <div class="actions"><button type="button" ?disabled=${this.v.readonly} @click=${() => this.v.request({ action: 'resolve', threadId: th.id })}>${this.t('comments.resolve')}</button></div>`
      }
    </article></li>`;
  }

  render(): TemplateResult {
    const open = this.v.threads.filter((th) => !th.resolved);
    const shown = this.v.showResolved ? this.v.threads : open;
    const anchor = this.v.anchor;
    return html`<h2 id="title">${this.t('comments.title')} <span class="count">${this.t('comments.open', { n: open.length })}</span></h2>
      ${
        this.v.threads.length > open.length
          ? html`<label class="toggle"><input type="checkbox" .checked=${this.v.showResolved}
            @change=${(e: Event) => this.v.setShowResolved((e.target as HTMLInputElement).checked)} />${this.t('comments.showResolved')}</label>`
          : nothing
      }
      ${shown.length === 0 ? html`<p class="muted">${this.t('comments.none')}</p>` : html`<ul class="threads">${shown.map((th) => this.thread(th))}</ul>`}
      <section class="new" aria-labelledby="new-title">
        <p id="new-title"><strong>${this.t('comments.new')}</strong>: ${anchor ? this.where(anchor) : this.t('comments.noAnchor')}</p>
        <p class="muted">${this.t('comments.newHint')}</p>
        ${this.box('new', 'comments.text', 'comments.send', (text) =>
          this.v.request({ action: 'start', anchor: anchor ?? { section: 'plan' }, text }),
        )}
      </section>`;
  }
}
