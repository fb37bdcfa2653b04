import { LitElement, html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Finding, Severity } from '../../src/model/finding.ts';
import type { Plan } from '../../src/model/plan.ts';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import { t, findingCounts, type UiKey, type MsgVars } from '../../src/i18n/index.ts';
import { tokens } from '../shared/tokens.ts';
import { locationLabel } from './location-label.ts';
import { freshRows, shownFindings } from '../shared/field-findings.ts';
import { gt } from '../../src/i18n/grid.ts';
import { emit } from '../shared/events.ts';

const COLLAPSED_KEY = 'regioplan.findings-collapsed';

/** The collapsed state the user chose last (false when nothing is stored or storage is unavailable). */
function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Severity order: errors first. */
const GROUPS: readonly { severity: Severity; key: UiKey }[] = [
  { severity: 'error', key: 'findings.errors' },
  { severity: 'warning', key: 'findings.warnings' },
];

/**
 * Every finding, grouped by severity (errors first) with counts, as a list of buttons. Choosing one
 * asks the planner to move focus to the finding's cell or field. A polite live region announces
 * when the counts change. The heading is a button that collapses the list to its title and counts
 * (`collapsed`, kept in the browser's localStorage), so a narrow screen has room for the grids.
 *
 * @event rp-focus-finding - `detail` is the chosen `Finding`; bubbles, composed.
 *
 * @cssprop --rp-color-error - Colour of error entries and of the count when there are errors.
 * @cssprop --rp-color-warning - Colour of warning entries.
 * @cssprop --rp-color-ok - The "no findings" message (on --rp-color-ok-bg).
 * @cssprop --rp-color-bg - Background of the entries.
 * @cssprop --rp-color-surface - Entries under the pointer and the count.
 * @cssprop --rp-color-border - Frame of the entries.
 * @cssprop --rp-color-text-muted - Where each finding is.
 * @cssprop --rp-color-accent - Focus ring.
 *
 * @csspart item - Each finding button.
 * @csspart toggle - The heading's button that collapses and expands the list.
 *
 * @slot empty - Shown instead of the built-in "no findings" message when the plan has none.
 */
@customElement('rp-findings')
export class RpFindings extends LitElement {
  static override styles = [
    tokens,
    css`
      :host { display: block; }
      * { box-sizing: border-box; }
      h2 { font-size: 1.0625em; margin: 0 0 0.5rem; }
      h2 .toggle {
        display: flex; align-items: center; gap: 0.5rem; width: auto; padding: 0.125rem 0.25rem; margin: -0.125rem -0.25rem;
        border: 0; border-radius: var(--_radius); background: none; font-weight: inherit; color: inherit;
      }
      h2 .toggle:hover { background: var(--_surface); }
      .chevron { width: 0.9em; height: 0.9em; transition: transform 0.15s; }
      :host([collapsed]) .chevron { transform: rotate(-90deg); }
      :host([collapsed]) h2 { margin: 0; }
      .total { font-weight: 600; font-size: 0.8125em; border-radius: 999px; padding: 0.05rem 0.55rem; background: var(--_surface); color: var(--_muted); }
      .total.bad { background: var(--_error-bg); color: var(--_error); }
      h3 { font-size: 0.875em; margin: 0.75rem 0 0.375rem; display: flex; align-items: center; gap: 0.375rem; }
      h3.error { color: var(--_error); }
      h3.warning { color: var(--_warning); }
      h3 svg { width: 1em; height: 1em; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.375rem; }
      button {
        font: inherit; color: inherit; text-align: left; width: 100%; cursor: pointer;
        display: grid; gap: 0.125rem; padding: 0.5rem 0.625rem; border-radius: var(--_radius);
        border: 1px solid var(--_border); border-left-width: 4px; background: var(--_bg);
      }
      button.error { border-left-color: var(--_error); }
      button.warning { border-left-color: var(--_warning); border-left-style: dashed; }
      button:hover { background: var(--_surface); }
      button:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; box-shadow: var(--_focus); }
      .where { font-size: 0.8125em; color: var(--_muted); }
      .message { font-size: 0.875em; }
      .ok { display: flex; gap: 0.5rem; align-items: flex-start; color: var(--_ok); background: var(--_ok-bg);
        padding: 0.625rem 0.75rem; border-radius: var(--_radius); margin: 0; font-size: 0.875em; }
      .ok svg { flex: none; width: 1.1em; height: 1.1em; margin-top: 0.1em; }
      .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    `,
  ];

  @property({ attribute: false }) findings: readonly Finding[] = [];
  /** Optional: lets each entry name its row ("Activiteiten · Netwerkoverleg"). */
  @property({ attribute: false }) plan: Plan | null = null;
  @property({ converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Only the title and the counts; the list is one click (or Enter) on the title away. */
  @property({ type: Boolean, reflect: true }) collapsed = readCollapsed();

  /** What the live region says; set only when the counts change, so it is announced then. */
  @state() private announcement = '';
  private lastCounts: string | null = null;

  private t(key: UiKey, vars?: MsgVars): string {
    return t(this.locale, key, vars);
  }

  /** The findings shown now: those of a row just added wait until the user leaves it (field-findings.ts). */
  private shown(): readonly Finding[] {
    return shownFindings(this.findings);
  }

  private readonly onFresh = () => this.requestUpdate('findings');

  override connectedCallback(): void {
    super.connectedCallback();
    freshRows.addEventListener('change', this.onFresh);
  }

  override disconnectedCallback(): void {
    freshRows.removeEventListener('change', this.onFresh);
    super.disconnectedCallback();
  }

  private counts(): { errors: number; warnings: number } {
    let errors = 0;
    const shown = this.shown();
    for (const f of shown) if (f.severity === 'error') errors++;
    return { errors, warnings: shown.length - errors };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('findings') && !changed.has('locale')) return;
    const c = this.counts();
    const key = `${c.errors}/${c.warnings}`;
    if (this.lastCounts !== null && key !== this.lastCounts) {
      this.announcement =
        c.errors + c.warnings === 0
          ? this.t('findings.announceNone')
          : this.t('findings.announce', findingCounts(this.locale, c));
    } else if (changed.has('locale') && this.announcement) {
      this.announcement = '';
    }
    this.lastCounts = key;
  }

  private toggle(): void {
    this.collapsed = !this.collapsed;
    try {
      localStorage.setItem(COLLAPSED_KEY, this.collapsed ? '1' : '0');
    } catch {
      // No storage (private mode, a sandboxed frame): the choice lasts as long as the page.
    }
  }

  private choose(f: Finding): void {
    emit(this, 'rp-focus-finding', f);
  }

  private item(f: Finding): TemplateResult {
    return html`<li><button type="button" part="item" class=${f.severity} @click=${() => this.choose(f)}>
      <span class="where">${locationLabel(f.location, this.plan, this.locale)}</span>
      <span class="message">${f.message[this.locale]}</span>
    </button></li>`;
  }

  protected override render(): unknown {
    const c = this.counts();
    const total = c.errors + c.warnings;
    const shown = this.shown();
    const waiting = this.findings.length - shown.length;
    return html`
      <h2 id="title"><button type="button" class="toggle" part="toggle" aria-expanded=${this.collapsed ? 'false' : 'true'}
        aria-controls="list" title=${gt(this.collapsed ? 'findingsExpand' : 'findingsCollapse', this.locale)} @click=${() => this.toggle()}>
        <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor"><path d="M3.5 5.5 8 10l4.5-4.5 1 1L8 12 2.5 6.5z"/></svg>
        ${this.t('findings.title')} <span class="total ${c.errors ? 'bad' : ''}">${total}</span></button></h2>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      <div id="list" ?hidden=${this.collapsed}>${
        total === 0 && waiting > 0
          ? html`<p class="where">${gt('findingsWaiting', this.locale)}</p>`
          : total === 0
            ? html`<slot name="empty"><p class="ok"><svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor"><path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 4.6 1.1 1.1L7 12.1 3.9 9l1.1-1.1 2 2 4.3-4.3z"/></svg>
            <span>${this.t('findings.none')}</span></p></slot>`
            : GROUPS.map(({ severity, key }) => {
                const list = shown.filter((f) => f.severity === severity);
                if (list.length === 0) return nothing;
                const id = `group-${severity}`;
                return html`<section aria-labelledby=${id}>
              <h3 id=${id} class=${severity}>${this.t(key)} (${list.length})</h3>
              <ul>${list.map((f) => this.item(f))}</ul>
            </section>`;
              })
      }</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-findings': RpFindings;
  }
}
