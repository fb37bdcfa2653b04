import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ScenarioInfo, ScenarioStore } from '../../src/store/types.ts';
import type { CompareScenario } from '../compare/compare-model.ts';
import { DEFAULT_LOCALE, type Locale, type Msg } from '../../src/i18n/locale.ts';
import { t } from '../../src/i18n/index.ts';
import { tokens } from '../shared/tokens.ts';
import '../compare/compare.ts';

const MAX = 4;

/**
 * The planner's "Compare" view: pick two to four scenarios of the plan's store and see them side
 * by side in <rp-compare>. Plans are read from the store when the pick changes, so the view always
 * shows what is saved (and the open scenario's live state).
 *
 * Part of `<rp-planner>` (its "Compare" view), not meant to be placed by a host: it fires no
 * events, has no parts or slots, and takes the planner's theme tokens.
 *
 * @cssprop --rp-color-border - Frame of the scenario picker.
 * @cssprop --rp-color-text-muted - Notes (too few or too many scenarios, loading).
 * @cssprop --rp-color-error - A scenario that could not be read.
 * @cssprop --rp-radius - Corner radius of the picker.
 */
@customElement('rp-planner-compare')
export class RpPlannerCompare extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.5rem 0.75rem 0.75rem;
        margin: 0 0 1rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
      }
      label {
        display: inline-flex;
        gap: 0.375rem;
        align-items: center;
        cursor: pointer;
      }
      .note {
        color: var(--_muted);
        margin: 0.5rem 0 0;
      }
      .error {
        color: var(--_error);
      }
    `,
  ];

  @property({ attribute: false }) store: ScenarioStore | null = null;
  /** The scenario being edited: picked first. */
  @property() current = '';
  @property({ reflect: true }) locale: Locale = DEFAULT_LOCALE;

  @state() private scenarios: ScenarioInfo[] = [];
  @state() private picked: string[] = [];
  @state() private loaded: CompareScenario[] = [];
  @state() private loading = false;
  @state() private error: Msg | null = null;
  private loadRun = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) void this.refresh();
  }

  private async refresh(): Promise<void> {
    const store = this.store;
    if (!store) return;
    const all = await store.list();
    if (store !== this.store) return;
    this.scenarios = all;
    const ids = new Set(all.map((s) => s.id));
    const kept = this.picked.filter((id) => ids.has(id));
    const wanted =
      kept.length > 0
        ? kept
        : [this.current, ...all.map((s) => s.id).filter((id) => id !== this.current)]
            .filter((id) => ids.has(id))
            .slice(0, 2);
    // In the scenario bar's order: the differences are shown against the first column.
    await this.pick(all.map((s) => s.id).filter((id) => wanted.includes(id)));
  }

  private async pick(ids: string[]): Promise<void> {
    this.picked = ids;
    const store = this.store;
    const run = ++this.loadRun;
    if (!store || ids.length < 2) {
      this.loaded = [];
      return;
    }
    this.loading = true;
    const plans = await Promise.all(ids.map((id) => store.readPlan(id)));
    if (run !== this.loadRun) return;
    this.loading = false;
    const values: CompareScenario[] = [];
    for (const [i, read] of plans.entries()) {
      if (!read.ok) {
        this.error = read.error.message;
        this.loaded = [];
        return;
      }
      values.push({ name: this.scenarios.find((s) => s.id === ids[i])?.name ?? '', plan: read.value });
    }
    this.error = null;
    this.loaded = values;
  }

  private toggle(id: string, on: boolean): void {
    const next = on ? [...this.picked, id].slice(0, MAX) : this.picked.filter((x) => x !== id);
    // Keep the list order of the scenario bar, so columns do not jump around.
    void this.pick(this.scenarios.map((s) => s.id).filter((x) => next.includes(x)));
  }

  protected override render(): unknown {
    const l = this.locale;
    const full = this.picked.length >= MAX;
    return html`
      <fieldset>
        <legend>${t(l, 'planner.compare.pick')}</legend>
        <div class="choices">
          ${this.scenarios.map((s) => {
            const on = this.picked.includes(s.id);
            return html`<label
              ><input
                type="checkbox"
                .checked=${on}
                ?disabled=${!on && full}
                @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)}
              />${s.name}${s.chosen ? ' ★' : ''}</label
            >`;
          })}
        </div>
        ${full ? html`<p class="note">${t(l, 'planner.compare.tooMany')}</p>` : nothing}
      </fieldset>
      ${this.error ? html`<p class="error" role="alert">${this.error[l]}</p>` : nothing}
      ${
        this.picked.length < 2
          ? html`<p class="note" role="status">${t(l, 'planner.compare.tooFew')}</p>`
          : this.loading && this.loaded.length === 0
            ? html`<p class="note" role="status">${t(l, 'planner.compare.loading')}</p>`
            : html`<rp-compare .scenarios=${this.loaded} locale=${l}></rp-compare>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-planner-compare': RpPlannerCompare;
  }
}
