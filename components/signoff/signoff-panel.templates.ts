import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../src/i18n/locale.ts';
import { nt, type NegotiationKey } from '../../src/i18n/negotiation-panels.ts';
import type { MsgVars } from '../../src/i18n/index.ts';
import type { InputDifference } from '../../src/compare/index.ts';
import type { Signoff } from '../../src/model/negotiation.ts';
import { partyKey, type PartyStatus, type SignoffStatus } from '../../src/negotiation/index.ts';
import { signoffPanelStyles } from './signoff-panel.styles.ts';
import { timeText } from './time-text.ts';

/*
 * What <rp-signoff-panel> shows: the round, the parties and the sign-off form. Its own chunk,
 * loaded when the first sign-off panel is connected.
 */

export const viewStyles = [signoffPanelStyles];

/** Changes listed per outdated sign-off before "and N more". */
const MAX_CHANGES = 12;

/** What the panel's view reads from its element. */
export interface SignoffView {
  locale: Locale;
  readonly: boolean;
  chosen: boolean;
  status: SignoffStatus | null;
  changes: ReadonlyMap<string, readonly InputDifference[] | null>;
  userName: string;
  /** The party whose sign-off form is open. */
  signing: string | null;
  nameMissing: boolean;
  open: () => void;
  submit: (e: SubmitEvent, p: PartyStatus) => void;
  startSigning: (key: string) => void;
  cancel: () => void;
}

export function renderSignoff(v: SignoffView): TemplateResult {
  return new SignoffTemplates(v).render();
}

class SignoffTemplates {
  constructor(private readonly v: SignoffView) {}

  private t(key: NegotiationKey, vars?: MsgVars): string {
    return nt(this.v.locale, key, vars);
  }

  private by(s: Signoff): string {
    const at = timeText(s.at, this.v.locale);
    return s.role
      ? this.t('signoff.by', { name: s.name, role: s.role, at })
      : this.t('signoff.byNoRole', { name: s.name, at });
  }

  private changeList(s: Signoff): TemplateResult {
    const list = this.v.changes.get(s.fingerprint);
    if (list === undefined) return html``;
    const l = this.v.locale;
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
          this.v.signing === key
            ? html`<form id=${formId} @submit=${(e: SubmitEvent) => this.v.submit(e, p)} aria-label=${this.t('signoff.agreeFor', { party: p.name })}>
              <label>${this.t('signoff.name')}<input name="name" autocomplete="name" maxlength="200" .value=${this.v.userName} ?readonly=${!!this.v.userName} aria-describedby=${this.v.userName ? 'name-from-host' : nothing} aria-invalid=${this.v.nameMissing ? 'true' : 'false'} /></label>
              <label>${this.t('signoff.role')}<input name="role" autocomplete="organization-title" maxlength="200" /></label>
              <button class="primary" type="submit">${this.t('signoff.confirm')}</button>
              <button type="button" @click=${this.v.cancel}>${this.t('signoff.cancel')}</button>
              ${this.v.nameMissing ? html`<p class="error" role="alert">${this.t('signoff.nameRequired')}</p>` : nothing}
              ${this.v.userName ? html`<p id="name-from-host" class="note" style="grid-column: 1 / -1">${this.t('signoff.nameFromHost')}</p>` : nothing}
              <p class="note" style="grid-column: 1 / -1">${this.t('signoff.local')}</p>
            </form>`
            : p.state !== 'valid'
              ? html`<button type="button" ?disabled=${this.v.readonly} aria-label=${this.t('signoff.agreeFor', { party: p.name })}
                @click=${() => this.v.startSigning(key)}>${this.t('signoff.agree')}</button>`
              : nothing
        }
      </td>
    </tr>`;
  }

  render(): TemplateResult {
    const s = this.v.status;
    const round = s?.round ?? null;
    return html`<h2 id="title">${this.t('signoff.title')}</h2>
      ${
        !round
          ? this.v.chosen
            ? html`<p><button class="primary" type="button" ?disabled=${this.v.readonly || !s} @click=${() => this.v.open()}>${this.t('signoff.open')}</button></p>`
            : html`<p class="muted">${this.t('signoff.notChosen')}</p>`
          : nothing
      }
      ${s && round ? this.roundView(s, round) : nothing}`;
  }

  private roundView(s: SignoffStatus, round: NonNullable<SignoffStatus['round']>): TemplateResult {
    const valid = s.parties.filter((p) => p.state === 'valid').length;
    const at = timeText(round.openedAt, this.v.locale);
    const opened = round.openedBy
      ? this.t('signoff.opened', { name: round.openedBy, at })
      : this.t('signoff.openedAnonymous', { at });
    return html`<p class="muted">${opened}</p>
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
