import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import { nt, type NegotiationKey } from '../../src/i18n/negotiation.ts';
import type { MsgVars } from '../../src/i18n/index.ts';
import type { InputDifference } from '../../src/compare/index.ts';
import type { Signoff } from '../../src/model/negotiation.ts';
import { partyKey, type PartyStatus, type SignoffStatus } from '../../src/negotiation/index.ts';
import { tokens } from '../shared/tokens.ts';
import { emit } from '../shared/events.ts';
import { signoffPanelStyles } from './signoff-panel.styles.ts';
import { timeText } from './time-text.ts';

/** Changes listed per outdated sign-off before "and N more". */
const MAX_CHANGES = 12;

/**
 * The sign-off on one exact version of a chosen scenario: who is asked to sign (every funder; the
 * lead, or every provider, per execution model), who signed this version, whose sign-off is
 * outdated by a later change (with what changed since), and a form to record a party's "akkoord"
 * with name and role. What this browser records is said to be unverified.
 *
 * @event rp-signoff-request - `{ action: 'open' }` or `{ action: 'sign', party, name, role }`; the planner records it.
 *
 * @cssprop --rp-color-ok - "Signed off" marks (on --rp-color-ok-bg).
 * @cssprop --rp-color-warning - "Outdated" marks (on --rp-color-warning-bg).
 * @cssprop --rp-color-accent - Buttons and focus ring.
 */
@customElement('rp-signoff-panel')
export class RpSignoffPanel extends LitElement {
  static override styles = [tokens, signoffPanelStyles];

  /** Interface language: `nl` (default) or `en`. */
  @property({ reflect: true, converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Nothing can be recorded (a read-only planner, a workshop observer). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The scenario is the chosen one: only then can it be put up for sign-off. */
  @property({ type: Boolean }) chosen = false;
  /** Where the round stands for the plan as it is now; null while it is being worked out. */
  @property({ attribute: false }) status: SignoffStatus | null = null;
  /** Per outdated fingerprint: what changed in the plan since (null: the signed version was not kept). */
  @property({ attribute: false }) changes: ReadonlyMap<string, readonly InputDifference[] | null> = new Map();
  /** The name the form starts with (the host's `user-name`). */
  @property({ attribute: 'user-name' }) userName = '';

  /** The party whose sign-off form is open. */
  @state() private signing: string | null = null;
  @state() private nameMissing = false;

  private t(key: NegotiationKey, vars?: MsgVars): string {
    return nt(this.locale, key, vars);
  }

  private open(): void {
    emit(this, 'rp-signoff-request', { action: 'open' });
  }

  private submit(e: SubmitEvent, p: PartyStatus): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const role = String(data.get('role') ?? '').trim();
    if (!name) {
      this.nameMissing = true;
      form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      return;
    }
    this.nameMissing = false;
    this.signing = null;
    emit(this, 'rp-signoff-request', { action: 'sign', party: p.party, name, role });
  }

  private by(s: Signoff): string {
    const at = timeText(s.at, this.locale);
    return s.role
      ? this.t('signoff.by', { name: s.name, role: s.role, at })
      : this.t('signoff.byNoRole', { name: s.name, at });
  }

  private changeList(s: Signoff): TemplateResult {
    const list = this.changes.get(s.fingerprint);
    if (list === undefined) return html``;
    const l = this.locale;
    return html`<details>
      <summary>${this.t('signoff.changes')}</summary>
      ${
        list === null
          ? html`<p class="muted">${this.t('signoff.changesUnknown')}</p>`
          : html`<ul>
            ${list
              .slice(0, MAX_CHANGES)
              .map(
                (d) =>
                  html`<li>${d.label[l]}${d.fieldLabel && d.fieldLabel[l] !== d.label[l] ? html` · ${d.fieldLabel[l]}` : nothing}: ${d.a ?? '—'} → ${d.b ?? '—'}</li>`,
              )}
            ${list.length > MAX_CHANGES ? html`<li>${this.t('signoff.changesMore', { n: list.length - MAX_CHANGES })}</li>` : nothing}
          </ul>`
      }
    </details>`;
  }

  private row(p: PartyStatus): TemplateResult {
    const key = partyKey(p.party);
    const s = p.latest;
    const formId = `form-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    return html`<tr>
      <th scope="row">${p.name || p.party.id}<br /><span class="muted">${this.t(`signoff.role.${p.role}`)}</span></th>
      <td><span class="state ${p.state}">${this.t(`signoff.state.${p.state}`)}</span></td>
      <td>
        ${
          s
            ? html`${this.by(s)}<br /><span class="note">${this.t(s.source === 'server' ? 'signoff.server' : 'signoff.local')}</span>
              ${p.state === 'outdated' ? this.changeList(s) : nothing}`
            : nothing
        }
        ${
          this.signing === key
            ? html`<form id=${formId} @submit=${(e: SubmitEvent) => this.submit(e, p)} aria-label=${this.t('signoff.agreeFor', { party: p.name })}>
              <label>${this.t('signoff.name')}<input name="name" autocomplete="name" maxlength="200" .value=${this.userName} ?readonly=${!!this.userName} aria-describedby=${this.userName ? 'name-from-host' : nothing} aria-invalid=${this.nameMissing ? 'true' : 'false'} /></label>
              <label>${this.t('signoff.role')}<input name="role" autocomplete="organization-title" maxlength="200" /></label>
              <button class="primary" type="submit">${this.t('signoff.confirm')}</button>
              <button type="button" @click=${() => (this.signing = null)}>${this.t('signoff.cancel')}</button>
              ${this.nameMissing ? html`<p class="error" role="alert">${this.t('signoff.nameRequired')}</p>` : nothing}
              ${this.userName ? html`<p id="name-from-host" class="note" style="grid-column: 1 / -1">${this.t('signoff.nameFromHost')}</p>` : nothing}
              <p class="note" style="grid-column: 1 / -1">${this.t('signoff.local')}</p>
            </form>`
            : p.state !== 'valid'
              ? html`<button type="button" ?disabled=${this.readonly} aria-label=${this.t('signoff.agreeFor', { party: p.name })}
                @click=${() => this.startSigning(key)}>${this.t('signoff.agree')}</button>`
              : nothing
        }
      </td>
    </tr>`;
  }

  private async startSigning(key: string): Promise<void> {
    this.signing = key;
    this.nameMissing = false;
    await this.updateComplete;
    // The first field to fill in: the name, unless the host supplied it.
    this.renderRoot.querySelector<HTMLInputElement>('form input:not([readonly])')?.focus();
  }

  protected override render(): unknown {
    const s = this.status;
    const round = s?.round ?? null;
    return html`<h2 id="title">${this.t('signoff.title')}</h2>
      ${
        !round
          ? this.chosen
            ? html`<p><button class="primary" type="button" ?disabled=${this.readonly || !s} @click=${() => this.open()}>${this.t('signoff.open')}</button></p>`
            : html`<p class="muted">${this.t('signoff.notChosen')}</p>`
          : nothing
      }
      ${s && round ? this.roundView(s, round) : nothing}`;
  }

  private roundView(s: SignoffStatus, round: NonNullable<SignoffStatus['round']>): TemplateResult {
    const valid = s.parties.filter((p) => p.state === 'valid').length;
    return html`<p class="muted">${this.t('signoff.opened', { name: round.openedBy || '—', at: timeText(round.openedAt, this.locale) })}</p>
      <p class="muted">${this.t('signoff.fingerprint')}: <code>${s.fingerprint}</code></p>
      <p class="summary ${s.complete ? 'complete' : 'incomplete'}" role="status">
        ${s.complete ? this.t('signoff.complete') : this.t('signoff.incomplete', { valid, total: s.parties.length })}
      </p>
      ${
        s.parties.length === 0
          ? html`<p class="muted">${this.t('signoff.noParties')}</p>`
          : html`<table aria-labelledby="title">
            <thead><tr><th scope="col">${this.t('signoff.colParty')}</th><th scope="col">${this.t('signoff.colState')}</th><th scope="col">${this.t('signoff.colBy')}</th></tr></thead>
            <tbody>${s.parties.map((p) => this.row(p))}</tbody>
          </table>`
      }
      ${
        s.former.length > 0
          ? html`<details><summary>${this.t('signoff.former')}</summary><ul>${s.former.map((x) => html`<li>${this.by(x)}</li>`)}</ul></details>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-signoff-panel': RpSignoffPanel;
  }
}
