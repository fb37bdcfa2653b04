import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Plan } from '../../src/model/plan.ts';
import type { PlanOp } from '../../src/model/ops.ts';
import type { Finding, FindingLocation, Section } from '../../src/model/finding.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import type { PlanChange, PlanState, StateProblem } from '../../src/sync/state.ts';
import { DeferredPlanState } from '../../src/sync/deferred-state.ts';
import { DEFAULT_LOCALE, asLocale, type Locale, type Msg } from '../../src/i18n/locale.ts';
import { t, count, fillMsg, ui, type UiKey, type MsgVars } from '../../src/i18n/index.ts';
import { formatMoney } from '../../src/money/format.ts';
import { tokens } from '../shared/tokens.ts';
import type { FocusableSection } from '../shared/edit-event.ts';
import { plannerChromeStyles, plannerStyles } from './planner.styles.ts';
import { readPlan } from './plan-input.ts';
import { createAllocator } from '../../src/engine/allocate.ts';
import { createValidator } from '../../src/engine/validate.ts';
import { fromGrid, undoCommand } from './undo-keys.ts';
import { DB_NAME, asStorageMode, collabRoom, openPlannerStore, type StorageMode } from './storage.ts';
import { Workshop, type WorkshopView } from './workshop.ts';
import { planDiffOps } from '../../src/store/plan-diff.ts';
import { storeError } from '../../src/store/errors.ts';
import type { OpenScenario, SaveInfo, ScenarioStore, StoreError, StoreEvent } from '../../src/store/types.ts';
import type { CellRef } from '../../src/sync/collab/presence.ts';
import { ct } from '../../src/i18n/collab.ts';
import '../plan-details/plan-details.ts';
import '../target-groups/target-groups.ts';
import '../parties/parties.ts';
import '../findings/findings.ts';
import '../split-grid/split-grid.ts';
import '../budget-grid/budget-grid.ts';
import '../scenario-bar/scenario-bar.ts';
import '../export-menu/export-menu.ts';
import './compare-panel.ts';
import '../flow/flow.ts';

export interface RpChangeDetail { plan: Plan; findings: readonly Finding[] }
export interface RpErrorDetail { code: 'plan-invalid' | StateProblem['code']; message: Msg; issues?: string[] }

type SectionKey = 'details' | 'targetGroups' | 'parties' | 'activities' | 'split' | 'export';
type View = 'edit' | 'flow' | 'compare';
/** The spreadsheet parts first: they are what people come for; the forms behind them set the scene. */
const SECTIONS: readonly { key: SectionKey; findings: readonly Section[] }[] = [
  { key: 'activities', findings: ['activities'] },
  { key: 'split', findings: ['split', 'domains'] },
  { key: 'parties', findings: ['providers', 'funders'] },
  { key: 'targetGroups', findings: ['targetGroups'] },
  { key: 'details', findings: ['plan'] },
  { key: 'export', findings: [] },
];

/**
 * A grid as tall as its rows (headers included), between a small minimum and a cap after which it
 * scrolls, so that a short plan does not leave an empty box and a long one keeps the page usable.
 */
const gridHeight = (rows: number): string => `--rp-grid-height: ${Math.min(560, Math.max(100, rows * 29 + 24))}px`;

/**
 * The state of a plan shown before (or without) its stored scenario: plain, with its own undo.
 * Edits made in it are carried over to the stored scenario once that is open; Yjs is loaded for
 * it only if it has to be shared (a workshop while storage failed).
 */
const shownState = (plan: Plan): PlanState => new DeferredPlanState(plan, { loadOnEdit: false });

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
 * Themed through the `--rp-*` tokens below, set on the element or any ancestor (or all at once
 * with `components/theme/theme.css`: light, dark by preference or with `theme="dark"`); every
 * element inside, the grids included, follows them.
 *
 * @event rp-change - `{ plan, findings }` after every change (edit, undo, redo, peer); bubbles, composed.
 * @event rp-error - `{ code, message: {nl, en}, issues? }` when a plan is refused or an edit cannot be applied.
 * @event rp-saved - `SaveInfo` (`{ scenarioId, at, updates }`) after each save of the open scenario; bubbles, composed.
 * @event rp-store-error - `StoreError` (`{ code, message: {nl, en} }`) when storing failed; editing goes on in memory.
 * @event rp-scenario-select - `{ id }` when the user switches scenario (from the scenario bar).
 * @event rp-export - `{ format, fileName, blob }` after an export (from the export menu).
 *
 * @cssprop --rp-font-family - Font of the whole planner; inherits the host page's by default.
 * @cssprop --rp-font-size - Base text size (default 0.9375rem).
 * @cssprop --rp-color-accent - Accent and focus colour.
 * @cssprop --rp-color-accent-contrast - Text on the accent colour.
 * @cssprop --rp-color-bg - Background of cards, grids and inputs.
 * @cssprop --rp-color-surface - Page-like background behind the cards; grid headers and read-only cells.
 * @cssprop --rp-color-text - Text colour.
 * @cssprop --rp-color-text-muted - Hints, labels and read-only values.
 * @cssprop --rp-color-border - Borders.
 * @cssprop --rp-color-error - Error marks (on --rp-color-error-bg).
 * @cssprop --rp-color-warning - Warning marks (on --rp-color-warning-bg).
 * @cssprop --rp-color-ok - "No findings" and connected states (on --rp-color-ok-bg).
 * @cssprop --rp-focus-ring - Box shadow of focused controls.
 * @cssprop --rp-radius - Corner radius.
 * @cssprop --rp-space - Gap between form fields.
 * @cssprop --rp-sticky-top - Offset of the sticky findings panel (e.g. the height of the host page's fixed header).
 *
 * @csspart toolbar - The bar with the plan's name, totals and undo/redo.
 * @csspart section - Each section card.
 * @csspart findings - The findings panel.
 * @csspart error - The message shown when a plan is refused.
 * @csspart store-error - The message shown when scenarios cannot be stored (editing goes on in memory).
 * @csspart workshop - The workshop bar: connection status and participants (only with collab-url).
 *
 * @slot intro - The host's heading or introduction, shown above the planner (also before a plan is set).
 * @slot actions - The host's own buttons in the toolbar, after undo and redo (e.g. "save to our server", "help").
 * @slot empty - Shown instead of the built-in message while no plan is set (e.g. "loading your plan…").
 */
@customElement('rp-planner')
export class RpPlanner extends LitElement {
  static override styles = [tokens, plannerStyles, plannerChromeStyles];

  /** Interface language: `nl` (default) or `en`; may change at any time. */
  @property({ reflect: true, converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Shows the plan without letting it be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Handsontable licence key, passed on to the grids. */
  @property({ attribute: 'license-key' }) licenseKey = 'non-commercial-and-evaluation';
  /**
   * `local` (default): the plan's scenarios are kept in this browser (IndexedDB); once stored, they
   * win over the plan the host sets, so a reload shows the last edit. `none`: in memory only.
   */
  @property({ reflect: true, converter: { fromAttribute: (v) => asStorageMode(v) } }) storage: StorageMode = 'local';
  /** IndexedDB database name (e.g. one per host application or test). */
  @property({ attribute: 'storage-name' }) storageName = DB_NAME;
  /** Collaboration server (ws:// or wss://); when set, the open scenario is shared live in a workshop room. */
  @property({ attribute: 'collab-url' }) collabUrl = '';
  /** Room token for the collaboration server (an observer's token makes the planner read-only). */
  @property({ attribute: 'collab-token' }) collabToken = '';
  /** The name other workshop participants see. */
  @property({ attribute: 'user-name' }) userName = '';

  @state() private shownFindings: readonly Finding[] = [];
  /** The allocation on screen: after an edit it lands one frame after the findings (see recompute). */
  @state() private shownAllocation: Allocation | null = null;
  @state() private refused: Msg | null = null;
  @state() private notice: Msg | null = null;
  /** Bumped on every state change so the toolbar re-reads canUndo/canRedo. */
  @state() private revision = 0;
  @state() private store: ScenarioStore | null = null;
  @state() private scenarioId = '';
  @state() private scenarioName = '';
  @state() private storeError: StoreError | null = null;
  @state() private view: View = 'edit';

  private planState: PlanState | null = null;
  private unsubscribe: (() => void)[] = [];
  // Each planner has its own incremental allocator and validator: their caches are keyed by row
  // identity, so two planners on a page must not share them.
  private validate = createValidator();
  private allocate = createAllocator();
  /** The plan whose allocation is still to come, and the scheduled run that computes it. */
  private pendingAllocation: { plan: Plan; frame: number; timer: ReturnType<typeof setTimeout> } | null = null;
  /** The host's plan: seeds the first scenario of a plan the store does not know yet. */
  private hostPlan: Plan | null = null;
  private hostInput: unknown = undefined;
  /** The open scenario whose state is attached; null while a plan is shown before its store opened. */
  private opened: OpenScenario | null = null;
  /** The state is the one to share (the stored scenario's, or the in-memory one when storage failed). */
  private stateFinal = false;
  private seededId: string | null = null;
  /** Bumped whenever the store is replaced or released: late results of an older run are dropped. */
  private storageRun = 0;
  /** Store opens and closes run one after another, so a reopen never races a closing flush. */
  private storageQueue: Promise<void> = Promise.resolve();
  private closing: Promise<void> = Promise.resolve();
  private storeOff: (() => void) | null = null;
  private reopen = false;
  private workshop = new Workshop(() => { this.revision++; });

  /** The current plan (after every edit); setting it validates it against the plan schema. */
  get plan(): Plan | null {
    return this.planState?.plan ?? null;
  }
  set plan(value: unknown) {
    // Frameworks hand the same object again on every render, and hosts echo rp-change's plan back:
    // neither is a new plan, and treating it as one would drop the undo history.
    if (this.planState && value !== null && typeof value === 'object' && (value === this.hostInput || value === this.planState.plan)) return;
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
    this.hostInput = value;
    this.hostPlan = read.plan;
    // Shown at once; replaced by the stored scenario as soon as the store has opened.
    this.attach(shownState(read.plan), null);
    this.startStorage(read.plan);
  }

  /** The id of the scenario being edited ('' before the store has opened). */
  get currentScenario(): string {
    return this.scenarioId;
  }

  /** The scenario store of the current plan, once open (for hosts that list or export scenarios). */
  get scenarioStore(): ScenarioStore | null {
    return this.store;
  }

  /** Writes pending edits of the open scenario now (they are also saved shortly after each edit). */
  async flush(): Promise<void> {
    await this.opened?.flush();
  }

  /** Read-only by attribute, or because the workshop admitted us as an observer. */
  private get locked(): boolean {
    return this.readonly || (this.workshop.view?.readOnly ?? false);
  }

  /** The engine's findings for the current plan, errors and warnings. */
  get findings(): readonly Finding[] {
    return this.shownFindings;
  }

  /** The engine's allocation of the current plan: amounts per domain, sector, provider, funder, period. */
  get allocation(): Allocation | null {
    // Never the previous plan's amounts: a caller asking before the deferred run gets it now.
    if (this.pendingAllocation) this.allocateNow(this.pendingAllocation.plan);
    return this.shownAllocation;
  }

  get canUndo(): boolean { return this.planState?.canUndo ?? false; }
  get canRedo(): boolean { return this.planState?.canRedo ?? false; }

  undo(): void { if (!this.locked) this.planState?.undo(); }
  redo(): void { if (!this.locked) this.planState?.redo(); }

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

  private attach(next: PlanState, opened: OpenScenario | null): void {
    this.detach();
    this.planState = next;
    this.opened = opened;
    this.validate = createValidator();
    this.allocate = createAllocator();
    this.unsubscribe.push(next.subscribe((plan, change) => this.onChange(plan, change)));
    const problems = (next as { onProblem?: (l: (p: StateProblem) => void) => () => void }).onProblem;
    if (problems) this.unsubscribe.push(problems.call(next, (p) => this.onProblem(p)));
    this.recompute(next.plan);
  }

  private detach(): void {
    this.workshop.disconnect();
    this.cancelAllocation();
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    // A stored scenario is flushed before its state is destroyed; the next store close waits for it.
    if (this.opened) this.closing = this.opened.close().catch(() => {});
    else this.planState?.destroy();
    this.planState = null;
    this.opened = null;
    this.stateFinal = false;
  }

  private startStorage(plan: Plan): void {
    const run = ++this.storageRun;
    const release = this.releaseStore();
    this.storageQueue = this.storageQueue.then(() => release).then(() => this.openStorage(plan, run)).catch((e) => {
      // The store never rejects by contract; anything else is a bug that must not reach the host page.
      this.showStoreError(storeError('failed', String(e).slice(0, 200)));
    });
  }

  /** Detaches the store from this planner and closes it once the open scenario has flushed. */
  private releaseStore(): Promise<void> {
    const store = this.store;
    this.storeOff?.();
    this.storeOff = null;
    this.store = null;
    this.scenarioId = '';
    this.scenarioName = '';
    this.storeError = null;
    const closing = this.closing;
    return closing.then(() => store?.close());
  }

  private async openStorage(plan: Plan, run: number): Promise<void> {
    if (run !== this.storageRun) return;
    const store = await openPlannerStore(plan, this.storage, this.storageName);
    if (run !== this.storageRun) { await store.close(); return; }
    this.store = store;
    this.storeOff = store.subscribe((event) => this.onStoreEvent(event));
    if (store.error) this.showStoreError(store.error, false);
    const first = await store.ensureScenario(t(this.locale, 'planner.firstScenario'), plan);
    if (run !== this.storageRun) return;
    if (!first.ok) {
      // Nothing could be stored: keep editing the plan in memory, and say so.
      this.showStoreError(first.error);
      this.stateFinal = true;
      this.connectWorkshop();
      return;
    }
    this.seededId = first.value.id;
    const all = await store.list();
    if (run !== this.storageRun) return;
    await this.openScenario((all.find((s) => s.chosen) ?? first.value).id, run);
  }

  private async openScenario(id: string, run: number): Promise<void> {
    const store = this.store;
    if (!store || run !== this.storageRun || (id === this.scenarioId && this.opened)) return;
    const opened = await store.openScenario(id);
    const name = (await store.list()).find((s) => s.id === id)?.name ?? '';
    if (run !== this.storageRun) return;
    if (!opened.ok) { this.showStoreError(opened.error); return; }
    // Edits made in the moment before the store opened are carried over, not lost.
    const early = !this.opened && this.planState?.canUndo && this.hostPlan ? planDiffOps(this.hostPlan, this.planState.plan) : [];
    this.attach(opened.value.state, opened.value);
    if (early.length > 0) opened.value.state.apply(early);
    this.scenarioId = id;
    this.scenarioName = name;
    this.stateFinal = true;
    this.connectWorkshop();
  }

  private async readScenarioName(): Promise<void> {
    const store = this.store;
    if (!store || !this.scenarioId) return;
    const found = (await store.list()).find((s) => s.id === this.scenarioId);
    if (found && store === this.store) this.scenarioName = found.name;
  }

  private onStoreEvent(event: StoreEvent): void {
    if (event.type === 'list') void this.readScenarioName();
    else if (event.type === 'saved') {
      this.dispatchEvent(new CustomEvent<SaveInfo>('rp-saved', { detail: event.info, bubbles: true, composed: true }));
    } else this.showStoreError(event.error, false);
  }

  /**
   * Tells the host, and shows the message. Errors the store reports itself are shown by the
   * scenario bar already (`banner` false), so a screen reader does not hear them twice.
   */
  private showStoreError(error: StoreError, banner = true): void {
    if (banner || !this.store) this.storeError = error;
    this.dispatchEvent(new CustomEvent<StoreError>('rp-store-error', { detail: error, bubbles: true, composed: true }));
  }

  /** The scenario bar's own rp-saved/rp-store-error are replaced by the planner's (one event each). */
  private swallow = (e: Event): void => { e.stopPropagation(); };

  private onScenarioSelect = (e: CustomEvent<{ id: string }>): void => {
    const id = e.detail?.id;
    if (typeof id === 'string' && id) void this.openScenario(id, this.storageRun);
  };

  private connectWorkshop(): void {
    this.workshop.disconnect();
    const plan = this.planState?.plan;
    if (!this.collabUrl || !plan || !this.planState || !this.stateFinal || !this.isConnected) return;
    void this.workshop.connect(this.planState, {
      url: this.collabUrl,
      room: collabRoom(plan.id, this.scenarioId || null, this.seededId),
      token: this.collabToken,
      userName: this.userName,
    });
  }

  /** A chosen flow leads to the split that makes it, where it can be changed. */
  private onFlowSelect = async (): Promise<void> => {
    this.view = 'edit';
    await this.updateComplete;
    this.goToSection('split');
  };

  private onSelect = (e: CustomEvent<CellRef | null>): void => {
    this.workshop.select(e.detail ?? null);
  };

  /**
   * Findings now, amounts after the paint: an edit's marks and findings are in the frame that
   * follows it, while the allocation (the costly part: a default-split edit recomputes every
   * activity using it) runs in a task after that frame and updates the euro view, totals and flow
   * one frame later. A loaded plan gets both at once.
   */
  private recompute(plan: Plan, allocationLater = false): void {
    try {
      this.shownFindings = this.validate(plan);
    } catch {
      this.engineFailed();
    }
    if (allocationLater) this.scheduleAllocation(plan);
    else this.allocateNow(plan);
    this.revision++;
  }

  private allocateNow(plan: Plan): void {
    this.cancelAllocation();
    try {
      this.shownAllocation = this.allocate(plan);
    } catch {
      this.engineFailed();
    }
  }

  /** One run per burst of edits, for the newest plan; a newer edit replaces the plan it will use. */
  private scheduleAllocation(plan: Plan): void {
    if (this.pendingAllocation) {
      this.pendingAllocation.plan = plan;
      return;
    }
    const run = (): void => {
      const pending = this.pendingAllocation;
      if (pending && pending === scheduled) this.allocateNow(pending.plan);
    };
    // A frame callback runs before that frame's paint; the task it queues runs after it. A page
    // without frames (hidden tab) still gets its amounts from the timer.
    const scheduled = { plan, frame: requestAnimationFrame(() => setTimeout(run, 0)), timer: setTimeout(run, 250) };
    this.pendingAllocation = scheduled;
  }

  private cancelAllocation(): void {
    const pending = this.pendingAllocation;
    if (!pending) return;
    this.pendingAllocation = null;
    cancelAnimationFrame(pending.frame);
    clearTimeout(pending.timer);
  }

  private engineFailed(): void {
    // An engine bug must not break the host page; keep the last result and say so.
    this.notice = fillMsg(ui['planner.engineFailed']);
  }

  private onChange(plan: Plan, change: PlanChange): void {
    this.recompute(plan, change.origin !== 'load');
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
    if (this.locked || !this.planState) return;
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
    if (this.reopen && this.hostPlan) {
      // Moved in the page: open the store again (what was edited before was flushed on disconnect).
      this.reopen = false;
      const shown = this.planState?.plan ?? this.hostPlan;
      this.attach(shownState(shown), null);
      this.startStorage(this.hostPlan);
    }
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.onKeyDown);
    this.workshop.disconnect();
    if (this.hostPlan) {
      // Flush and close: a planner removed from the page must not keep the database open.
      this.reopen = true;
      this.storageRun++;
      const plan = this.planState?.plan;
      this.detach();
      if (plan) this.attach(shownState(plan), null);
      const release = this.releaseStore();
      this.storageQueue = this.storageQueue.then(() => release).catch(() => {});
    }
    super.disconnectedCallback();
  }

  /** In willUpdate, so that the workshop's first state change lands in this render, not a second one. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('collabUrl') || changed.has('collabToken') || changed.has('userName')) this.connectWorkshop();
    if (changed.has('storage') && changed.get('storage') !== undefined && this.hostPlan) {
      this.attach(shownState(this.hostPlan), null);
      this.startStorage(this.hostPlan);
    }
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
    const allocation = this.shownAllocation;
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
        ${this.locked
          ? html`<span class="badge">${this.t('planner.readonly')}</span>`
          : html`
            <button type="button" class="undo" title=${this.t('planner.undoHint')} ?disabled=${!this.canUndo} @click=${() => this.undo()}>
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 3 2 7l4 4M2.5 7H10a4 4 0 0 1 0 8H8" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
              ${this.t('planner.undo')}</button>
            <button type="button" class="redo" title=${this.t('planner.redoHint')} ?disabled=${!this.canRedo} @click=${() => this.redo()}>
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="m10 3 4 4-4 4m3.5-4H6a4 4 0 0 0 0 8h2" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
              ${this.t('planner.redo')}</button>`}
        <slot name="actions"></slot>
      </div>
    </header>`;
  }

  /** Status of the workshop connection and who else is in it. */
  private workshopBar(view: WorkshopView): TemplateResult {
    const l = this.locale;
    const others = view.peers;
    return html`<div class="workshop" part="workshop" role="group" aria-label=${ct(l, 'collab.peers', { count: others.length + 1 })}>
      <span class="pill ${view.status}" role="status">${ct(l, `collab.status.${view.status}`)}</span>
      <ul class="people" aria-label=${this.t('planner.collab.participants')}>
        <li class="me">${this.t('planner.collab.you', { name: this.userName || ct(l, 'collab.anonymous') })}</li>
        ${others.map((p) => html`<li><span class="dot" style=${`background:${p.color}`} aria-hidden="true"></span>${p.name || ct(l, 'collab.anonymous')}</li>`)}
      </ul>
      ${view.readOnly ? html`<span class="observer">${ct(l, 'collab.readOnly')}</span>` : nothing}
      ${view.error ? html`<p class="workshop-error" role="alert">${view.error.message[l]}</p>` : nothing}
    </div>`;
  }

  private views(): TemplateResult {
    const tab = (view: View, key: UiKey) => html`<button type="button" aria-pressed=${this.view === view ? 'true' : 'false'}
      @click=${() => { this.view = view; }}>${this.t(key)}</button>`;
    return html`<div class="views" role="group" aria-label=${this.t('planner.view.label')}>
      ${tab('edit', 'planner.view.edit')}${tab('flow', 'planner.view.flow')}${tab('compare', 'planner.view.compare')}
    </div>`;
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
    const locked = this.locked;
    const common = { findings: this.findings, locale: l, readonly: locked };
    const workshop = this.workshop.view;
    const presence = workshop?.peers ?? [];
    return html`<div class="planner" lang=${l}
        @rp-edit=${this.onEdit} @rp-undo=${this.onUndoEvent} @rp-redo=${this.onUndoEvent} @rp-focus-finding=${this.onFocusFinding}
        @rp-select=${this.onSelect} @rp-scenario-select=${this.onScenarioSelect}>
      <slot name="intro"></slot>
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
      ${this.storeError
        ? html`<div class="notice store-error" role="alert" part="store-error">
            <span>${this.storeError.message[l]}</span>
            <button type="button" @click=${() => { this.storeError = null; }}>${this.t('planner.dismiss')}</button>
          </div>`
        : nothing}
      ${!plan
        ? html`<slot name="empty"><p class="empty">${this.t('planner.noPlan')}</p></slot>`
        : html`
          ${this.store
            ? html`<rp-scenario-bar class="scenarios" .store=${this.store} .current=${this.scenarioId} .locale=${l}
                @rp-saved=${this.swallow} @rp-store-error=${this.swallow}></rp-scenario-bar>`
            : nothing}
          ${workshop ? this.workshopBar(workshop) : nothing}
          ${this.toolbar(plan)}
          ${this.views()}
          ${this.view === 'compare'
            ? html`<section class="card compare" part="section" aria-label=${this.t('planner.view.compare')}>
                ${this.store
                  ? html`<rp-planner-compare .store=${this.store} .current=${this.scenarioId} .locale=${l}></rp-planner-compare>`
                  : html`<p class="empty">${this.t('planner.compare.loading')}</p>`}
              </section>`
            : this.view === 'flow'
              ? html`<section class="card flow" part="section" aria-label=${this.t('planner.view.flow')}>
                  <rp-flow .plan=${plan} .allocation=${this.shownAllocation} .locale=${l} @rp-flow-select=${this.onFlowSelect}></rp-flow>
                </section>`
              : this.editView(plan, common, presence)}`}
    </div>`;
  }

  private editView(plan: Plan, common: { findings: readonly Finding[]; locale: Locale; readonly: boolean }, presence: readonly unknown[]): TemplateResult {
    const l = this.locale;
    const locked = common.readonly;
    return html`
          ${this.nav()}
          <div class="layout">
            <div class="sections">
              ${this.section('activities', html`<rp-budget-grid style=${gridHeight(1 + plan.activities.length + 1)} .plan=${plan} .allocation=${this.shownAllocation} .findings=${common.findings}
                .locale=${l} ?readonly=${locked} .licenseKey=${this.licenseKey} .presence=${presence}></rp-budget-grid>`)}
              ${this.section('split', html`<rp-split-grid style=${gridHeight(2 + 1 + plan.activities.length)} .plan=${plan} .allocation=${this.shownAllocation} .findings=${common.findings}
                .locale=${l} ?readonly=${locked} .licenseKey=${this.licenseKey} .presence=${presence}></rp-split-grid>`)}
              ${this.section('parties', html`<rp-parties .plan=${plan} .findings=${common.findings} .locale=${l} ?readonly=${locked}></rp-parties>`)}
              ${this.section('targetGroups', html`<rp-target-groups .plan=${plan} .findings=${common.findings} .locale=${l} ?readonly=${locked}></rp-target-groups>`)}
              ${this.section('details', html`<rp-plan-details .plan=${plan} .findings=${common.findings} .locale=${l} ?readonly=${locked}></rp-plan-details>`)}
              ${this.section('export', html`<rp-export-menu .plan=${plan} scenario-name=${this.scenarioName || plan.name} locale=${l}></rp-export-menu>`)}
            </div>
            <aside class="findings" part="findings">
              <rp-findings .findings=${common.findings} .plan=${plan} .locale=${l}></rp-findings>
            </aside>
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
