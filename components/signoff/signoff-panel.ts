import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import type { InputDifference } from '../../src/compare/index.ts';
import type { PartyStatus, SignoffStatus } from '../../src/negotiation/index.ts';
import { tokens } from '../shared/tokens.ts';
import { emit } from '../shared/events.ts';
import { LazyViewController, LazyViewElement, lazyViewStyles, once } from '../shared/lazy-view.ts';

/** The panel's rendering code (templates, styles): loaded when the first panel is connected. */
const signoffView = once(() => import('./signoff-panel.templates.ts'));

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
export class RpSignoffPanel extends LazyViewElement {
  static override styles = [tokens, lazyViewStyles];

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

  private readonly view = new LazyViewController(this, signoffView);

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

  private async startSigning(key: string): Promise<void> {
    this.signing = key;
    this.nameMissing = false;
    await this.updateComplete;
    // The first field to fill in: the name, unless the host supplied it.
    this.renderRoot.querySelector<HTMLInputElement>('form input:not([readonly])')?.focus();
  }

  protected override render(): unknown {
    return this.view.render((view) =>
      view.renderSignoff({
        locale: this.locale,
        readonly: this.readonly,
        chosen: this.chosen,
        status: this.status,
        changes: this.changes,
        userName: this.userName,
        signing: this.signing,
        nameMissing: this.nameMissing,
        open: () => this.open(),
        submit: (e, p) => this.submit(e, p),
        startSigning: (key) => void this.startSigning(key),
        cancel: () => (this.signing = null),
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-signoff-panel': RpSignoffPanel;
  }
}
