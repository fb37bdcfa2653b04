import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { Finding, FindingLocation, Section } from '../../src/model/finding.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { PlanChange, PlanState, StateProblem } from '../../src/sync/state.ts';
import { createPlanState } from '../../src/sync/plan-state.ts';
import { DEFAULT_LOCALE, asLocale, type Locale, type Msg } from '../../src/i18n/locale.ts';
import { t, count, type UiKey, type MsgVars } from '../../src/i18n/index.ts';
import { formatMoney } from '../../src/money/format.ts';
import { tokens } from '../shared/tokens.ts';
import type { FocusableSection } from '../shared/edit-event.ts';
import { plannerStyles } from './planner.styles.ts';
import { readPlan } from './plan-input.ts';
import { createEngine, type EngineResult } from './engine.ts';
import { fromGrid, undoCommand } from './undo-keys.ts';
import '../plan-details/plan-details.ts';
import '../target-groups/target-groups.ts';
import '../parties/parties.ts';
import '../findings/findings.ts';
import '../split-grid/split-grid.ts';
import '../budget-grid/budget-grid.ts';

export interface RpChangeDetail { plan: Plan; findings: readonly Finding[] }
export interface RpErrorDetail { code: 'plan-invalid' | StateProblem['code']; message: Msg; issues?: string[] }

type SectionKey = 'details' | 'targetGroups' | 'parties' | 'activities' | 'split';
/** The spreadsheet parts first: they are what people come for; the forms behind them set the scene. */
const SECTIONS: readonly { key: SectionKey; findings: readonly Section[] }[] = [
  { key: 'activities', findings: ['activities'] },
  { key: 'split', findings: ['split', 'domains'] },
  { key: 'parties', findings: ['providers', 'funders'] },
  { key: 'targetGroups', findings: ['targetGroups'] },
  { key: 'details', findings: ['plan'] },
];

/**
 * A grid as tall as its rows (headers included), between a small minimum and a cap after which it
 * scrolls, so that a short plan does not leave an empty box and a long one keeps the page usable.
 */
const gridHeight = (rows: number): string => `--rp-grid-height: ${Math.min(560, Math.max(100, rows * 29 + 24))}px`;

/** Where a finding's focus goes: the grid or form section that shows its section. */
const FOCUS_TARGET: Record<Section, string> = {
  plan: 'rp-plan-details',
  targetGroups: 'rp-target-groups',
  providers: 'rp-parties',
  funders: 'rp-parties',
  activities: 'rp-budget-grid',
  split: 'rp-split-grid',
  domains: 'rp-split-grid',
};

/**
 * The embeddable regional planner: plan details, target groups, parties, activities and budgets,
 * the split across domains and sectors, and live findings. Every edit becomes plan operations on
 * one undoable state; the engine recomputes allocation and findings once per change.
 *
 * @event rp-change - `{ plan, findings }` after every change (edit, undo, redo, peer); bubbles, composed.
 * @event rp-error - `{ code, message: {nl, en}, issues? }` when a plan is refused or an edit cannot be applied.
 * @cssprop --rp-color-accent - Accent and focus colour.
 * @cssprop --rp-color-bg - Background of cards and inputs.
 * @cssprop --rp-color-surface - Page-like background behind the cards.
 * @cssprop --rp-color-text - Text colour.
 * @cssprop --rp-color-border - Borders.
 * @cssprop --rp-color-error - Error marks.
 * @cssprop --rp-color-warning - Warning marks.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-sticky-top - Offset of the sticky findings panel (e.g. the height of the host page's fixed header).
 * @csspart toolbar - The bar with the plan's name, totals and undo/redo.
 * @csspart section - Each section card.
 * @csspart findings - The findings panel.
 * @csspart error - The message shown when a plan is refused.
 */
@customElement('rp-planner')
export class RpPlanner extends LitElement {
  static override styles = [tokens, plannerStyles];

  /** Interface language: `nl` (default) or `en`; may change at any time. */
  @property({ reflect: true, converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Shows the plan without letting it be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Handsontable licence key, passed on to the grids. */
  @property({ attribute: 'license-key' }) licenseKey = 'non-commercial-and-evaluation';

  @state() private result: EngineResult | null = null;
  @state() private refused: Msg | null = null;
  @state() private notice: Msg | null = null;
  /** Bumped on every state change so the toolbar re-reads canUndo/canRedo. */
  @state() private revision = 0;

  private planState: PlanState | null = null;
  private unsubscribe: (() => void)[] = [];
  private engine = createEngine();

  /** The current plan (after every edit); setting it validates it against the plan schema. */
  get plan(): Plan | null {
    return this.planState?.plan ?? null;
  }
  set plan(value: unknown) {
    const read = readPlan(value);
    if (!read.ok) {
      this.refused = read.message;
      this.dispatchEvent(new CustomEvent<RpErrorDetail>('rp-error', {
        detail: { code: 'plan-invalid', message: read.message, issues: read.issues }, bubbles: true, composed: true,
      }));
      return;
    }
    this.refused = null;
    this.notice = null;
    this.attach(createPlanState(read.plan));
  }

  /** The engine's findings for the current plan, errors and warnings. */
  get findings(): readonly Finding[] {
    return this.result?.findings ?? [];
  }

  /** The engine's allocation of the current plan: amounts per domain, sector, provider, funder, period. */
  get allocation(): Allocation | null {
    return this.result?.allocation ?? null;
  }

  get canUndo(): boolean { return this.planState?.canUndo ?? false; }
  get canRedo(): boolean { return this.planState?.canRedo ?? false; }

  undo(): void { if (!this.readonly) this.planState?.undo(); }
  redo(): void { if (!this.readonly) this.planState?.redo(); }

  /** Moves keyboard focus to the cell or field a finding points at. */
  focusFinding(location: FindingLocation): boolean {
    const target = this.renderRoot.querySelector(FOCUS_TARGET[location.section]) as
      (HTMLElement & Partial<FocusableSection> & { focusCell?: (l: FindingLocation) => boolean }) | null;
    if (!target) return false;
    target.scrollIntoView?.({ block: 'nearest' });
    if (typeof target.focusCell === 'function') return target.focusCell(location);
    if (typeof target.focusField === 'function') return target.focusField(location);
    return false;
  }

  private attach(next: PlanState): void {
    this.detach();
    this.planState = next;
    this.engine = createEngine();
    this.unsubscribe.push(next.subscribe((plan, change) => this.onChange(plan, change)));
    const problems = (next as { onProblem?: (l: (p: StateProblem) => void) => () => void }).onProblem;
    if (problems) this.unsubscribe.push(problems.call(next, (p) => this.onProblem(p)));
    this.recompute(next.plan);
  }

  private detach(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.planState?.destroy();
    this.planState = null;
  }

  private recompute(plan: Plan): void {
    try {
      this.result = this.engine(plan);
    } catch {
      // An engine bug must not break the host page; keep the last result and say so.
      this.notice = { nl: t('nl', 'planner.engineFailed'), en: t('en', 'planner.engineFailed') };
    }
    this.revision++;
  }

  private onChange(plan: Plan, change: PlanChange): void {
    this.recompute(plan);
    if (change.origin === 'load') return;
    this.dispatchEvent(new CustomEvent<RpChangeDetail>('rp-change', {
      detail: { plan, findings: this.findings }, bubbles: true, composed: true,
    }));
  }

  private onProblem(p: StateProblem): void {
    this.notice = p.message;
    this.dispatchEvent(new CustomEvent<RpErrorDetail>('rp-error', { detail: { code: p.code, message: p.message }, bubbles: true, composed: true }));
  }

  private onEdit = (e: CustomEvent<{ ops: PlanOp[] }>): void => {
    e.stopPropagation();
    if (this.readonly || !this.planState) return;
    const ops = e.detail?.ops;
    if (Array.isArray(ops) && ops.length > 0) this.planState.apply(ops);
  };

  private onUndoEvent = (e: Event): void => {
    e.stopPropagation();
    if (e.type === 'rp-undo') this.undo();
    else this.redo();
  };

  private onFocusFinding = (e: CustomEvent<Finding>): void => {
    e.stopPropagation();
    if (e.detail?.location) this.focusFinding(e.detail.location);
  };

  private onKeyDown = (e: KeyboardEvent): void => {
    const command = undoCommand(e);
    if (!command || e.defaultPrevented || fromGrid(e)) return;
    e.preventDefault();
    if (command === 'undo') this.undo();
    else this.redo();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.onKeyDown);
    super.disconnectedCallback();
  }

  private t(key: UiKey, vars?: MsgVars): string {
    return t(this.locale, key, vars);
  }

  private goToSection(key: SectionKey): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`#section-${key}`);
    el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    el?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  }

  private toolbar(plan: Plan): TemplateResult {
    const l = this.locale;
    const errors = this.findings.filter((f) => f.severity === 'error').length;
    const warnings = this.findings.length - errors;
    const allocation = this.allocation;
    const subtitle = [plan.region, plan.collaboration].filter(Boolean).join(' · ');
    return html`<header class="toolbar" part="toolbar">
      <div class="title">
        <h2>${plan.name || this.t('planner.untitled')}</h2>
        ${subtitle ? html`<p class="subtitle">${subtitle}</p>` : nothing}
      </div>
      <dl class="figures">
        <div><dt>${this.t('planner.annualTotal')}</dt><dd>${allocation ? formatMoney(allocation.annualTotal.toString(), l) : '—'}</dd></div>
        <div><dt>${this.t('planner.planTotal')}</dt><dd>${allocation ? formatMoney(allocation.planTotal.toString(), l) : '—'}</dd></div>
        <div><dt>${this.t('planner.activityCount')}</dt><dd>${plan.activities.length}</dd></div>
      </dl>
      <div class="status ${errors ? 'bad' : warnings ? 'warn' : 'ok'}">
        ${errors + warnings === 0
          ? this.t('planner.status.ok')
          : [errors ? count(l, errors, 'error') : '', warnings ? count(l, warnings, 'warning') : ''].filter(Boolean).join(', ')}
      </div>
      <div class="actions">
        ${this.readonly
          ? html`<span class="badge">${this.t('planner.readonly')}</span>`
          : html`
            <button type="button" class="undo" title=${this.t('planner.undoHint')} ?disabled=${!this.canUndo} @click=${() => this.undo()}>
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 3 2 7l4 4M2.5 7H10a4 4 0 0 1 0 8H8" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
              ${this.t('planner.undo')}</button>
            <button type="button" class="redo" title=${this.t('planner.redoHint')} ?disabled=${!this.canRedo} @click=${() => this.redo()}>
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="m10 3 4 4-4 4m3.5-4H6a4 4 0 0 0 0 8h2" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
              ${this.t('planner.redo')}</button>`}
      </div>
    </header>`;
  }

  private nav(): TemplateResult {
    return html`<nav class="nav" aria-label=${this.t('planner.sections')}>
      ${SECTIONS.map(({ key, findings }) => {
        const n = this.findings.filter((f) => findings.includes(f.location.section)).length;
        return html`<button type="button" @click=${() => this.goToSection(key)}>
          ${this.t(`planner.section.${key}` as UiKey)}${n ? html` <span class="count" aria-hidden="true">${n}</span><span class="visually-hidden">, ${this.t(n === 1 ? 'planner.nav.count.one' : 'planner.nav.count.other', { n })}</span>` : nothing}
        </button>`;
      })}
    </nav>`;
  }

  private section(key: SectionKey, body: TemplateResult): TemplateResult {
    return html`<section class="card" part="section" id=${`section-${key}`} aria-labelledby=${`title-${key}`}>
      <h3 id=${`title-${key}`} tabindex="-1">${this.t(`planner.section.${key}` as UiKey)}</h3>
      <p class="hint">${this.t(`planner.section.${key}.hint` as UiKey)}</p>
      ${body}
    </section>`;
  }

  protected override render(): unknown {
    void this.revision;
    const plan = this.plan;
    const l = this.locale;
    const common = { findings: this.findings, locale: l, readonly: this.readonly };
    return html`<div class="planner" lang=${l}
        @rp-edit=${this.onEdit} @rp-undo=${this.onUndoEvent} @rp-redo=${this.onUndoEvent} @rp-focus-finding=${this.onFocusFinding}>
      ${this.refused
        ? html`<div class="refused" role="alert" part="error">
            <span>${this.refused[l]}</span>
            <button type="button" @click=${() => { this.refused = null; }}>${this.t('planner.dismiss')}</button>
          </div>`
        : nothing}
      ${this.notice
        ? html`<div class="notice" role="status">
            <span>${this.notice[l]}</span>
            <button type="button" @click=${() => { this.notice = null; }}>${this.t('planner.dismiss')}</button>
          </div>`
        : nothing}
      ${!plan
        ? html`<p class="empty">${this.t('planner.noPlan')}</p>`
        : html`
          ${this.toolbar(plan)}
          ${this.nav()}
          <div class="layout">
            <div class="sections">
              ${this.section('activities', html`<rp-budget-grid style=${gridHeight(1 + plan.activities.length + 1)} .plan=${plan} .allocation=${this.allocation} .findings=${common.findings}
                .locale=${l} ?readonly=${this.readonly} .licenseKey=${this.licenseKey}></rp-budget-grid>`)}
              ${this.section('split', html`<rp-split-grid style=${gridHeight(2 + 1 + plan.activities.length)} .plan=${plan} .allocation=${this.allocation} .findings=${common.findings}
                .locale=${l} ?readonly=${this.readonly} .licenseKey=${this.licenseKey}></rp-split-grid>`)}
              ${this.section('parties', html`<rp-parties .plan=${plan} .findings=${common.findings} .locale=${l} ?readonly=${this.readonly}></rp-parties>`)}
              ${this.section('targetGroups', html`<rp-target-groups .plan=${plan} .findings=${common.findings} .locale=${l} ?readonly=${this.readonly}></rp-target-groups>`)}
              ${this.section('details', html`<rp-plan-details .plan=${plan} .findings=${common.findings} .locale=${l} ?readonly=${this.readonly}></rp-plan-details>`)}
            </div>
            <aside class="findings" part="findings">
              <rp-findings .findings=${common.findings} .plan=${plan} .locale=${l}></rp-findings>
            </aside>
          </div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-planner': RpPlanner;
  }
  interface HTMLElementEventMap {
    'rp-change': CustomEvent<RpChangeDetail>;
    'rp-error': CustomEvent<RpErrorDetail>;
  }
}
