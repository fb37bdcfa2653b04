import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ScenarioInfo, ScenarioStore, StoreError } from '../../src/store/types.ts';
import type { PlanState } from '../../src/sync/state.ts';
import type { CompareScenario } from '../compare/compare-model.ts';
import { DEFAULT_LOCALE, type Locale } from '../../src/i18n/locale.ts';
import { t } from '../../src/i18n/index.ts';
import { mt } from '../../src/i18n/moments.ts';
import { tokens } from '../shared/tokens.ts';
import { pickerStyles } from '../compare/picker.styles.ts';
import { NOW, type RpCompareMoments } from '../compare/compare-moments.ts';
import '../compare/compare.ts';
import '../compare/compare-moments.ts';

const MAX = 4;

/**
 * The planner's "Compare" view: pick two to four scenarios of the plan's store and see them side
 * by side in <rp-compare>. Plans are read from the store when the pick changes, so the view always
 * shows what is saved (and the open scenario's live state). With the open scenario's `state`, it
 * also compares two moments of that scenario's history (<rp-compare-moments>): `compareMoments()`
 * opens that comparison from elsewhere (a timeline entry's "Vergelijk met…").
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
    pickerStyles,
    css`
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
      }
      label {
        gap: 0.375rem;
        cursor: pointer;
      }
    `,
  ];

  @property({ attribute: false }) store: ScenarioStore | null = null;
  /** The scenario being edited: picked first. */
  @property() current = '';
  @property({ reflect: true }) locale: Locale = DEFAULT_LOCALE;
  /** The open scenario's state: with it, two moments of its history can be compared. */
  @property({ attribute: false }) state: PlanState | null = null;
  /** What is compared: scenarios with each other, or two moments of the open scenario. */
  @property() mode: 'scenarios' | 'moments' = 'scenarios';

  @state() private scenarios: ScenarioInfo[] = [];
  @state() private picked: string[] = [];
  /**
   * The picked scenarios' plans, read from the store whenever the pick or the store changes. A
   * lit Task: a newer pick aborts the read of an older one, whose result is dropped.
   */
  private readonly plans = new Task(this, {
    args: () => [this.store, this.picked] as const,
    task: async ([store, ids], { signal }): Promise<CompareScenario[]> => {
      if (!store || ids.length < 2) return [];
      const read = await Promise.all(ids.map((id) => store.readPlan(id)));
      signal.throwIfAborted();
      return read.map((r, i) => {
        if (!r.ok) throw r.error;
        return { name: this.scenarios.find((s) => s.id === ids[i])?.name ?? '', plan: r.value };
      });
    },
  });

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
    this.pick(all.map((s) => s.id).filter((id) => wanted.includes(id)));
  }

  /**
   * Shows two moments of the open scenario's history side by side: `from` and `to` are timeline
   * entry ids (as `history()` of the planner and its timeline give them); `to` defaults to the plan
   * as it is now. Resolves once the pickers show them.
   */
  async compareMoments(from: string, to: string = NOW): Promise<void> {
    this.mode = 'moments';
    await this.updateComplete;
    const moments = this.renderRoot.querySelector<RpCompareMoments>('rp-compare-moments');
    moments?.pick(from, to);
    await moments?.updateComplete;
  }

  private pick(ids: string[]): void {
    this.picked = ids;
  }

  private toggle(id: string, on: boolean): void {
    const next = on ? [...this.picked, id].slice(0, MAX) : this.picked.filter((x) => x !== id);
    // Keep the list order of the scenario bar, so columns do not jump around.
    this.pick(this.scenarios.map((s) => s.id).filter((x) => next.includes(x)));
  }

  protected override render(): unknown {
    const l = this.locale;
    if (!this.state) return this.renderScenarios();
    const radio = (mode: 'scenarios' | 'moments', key: 'moments.modeScenarios' | 'moments.modeMoments') =>
      html`<label
        ><input
          type="radio"
          name="mode"
          value=${mode}
          .checked=${this.mode === mode}
          @change=${() => (this.mode = mode)}
        />${mt(l, key)}</label
      >`;
    return html`
      <fieldset class="mode">
        <legend>${mt(l, 'moments.mode')}</legend>
        <div class="choices">${radio('scenarios', 'moments.modeScenarios')} ${radio('moments', 'moments.modeMoments')}</div>
      </fieldset>
      ${
        this.mode === 'moments'
          ? html`<rp-compare-moments .state=${this.state} locale=${l}></rp-compare-moments>`
          : this.renderScenarios()
      }
    `;
  }

  private renderScenarios(): unknown {
    const l = this.locale;
    const full = this.picked.length >= MAX;
    const loading = html`<p class="note" role="status">${t(l, 'planner.compare.loading')}</p>`;
    const compare = (scenarios: CompareScenario[]) =>
      html`<rp-compare .scenarios=${scenarios} locale=${l}></rp-compare>`;
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
      ${
        this.picked.length < 2
          ? html`<p class="note" role="status">${t(l, 'planner.compare.tooFew')}</p>`
          : this.plans.render({
              initial: () => loading,
              // While a new pick is read, the last comparison stays.
              pending: () => (this.plans.value?.length ? compare(this.plans.value) : loading),
              complete: (scenarios) => compare(scenarios),
              error: (e) => html`<p class="error" role="alert">${(e as StoreError).message?.[l] ?? String(e)}</p>`,
            })
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-planner-compare': RpPlannerCompare;
  }
}
