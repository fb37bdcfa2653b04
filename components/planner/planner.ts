import { LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding, FindingLocation } from '../../src/model/finding.ts';
import type { Allocation } from '../../src/model/allocation.ts';
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../src/i18n/locale.ts';
import type { ScenarioStore } from '../../src/store/types.ts';
import type { CommentThread } from '../../src/negotiation/index.ts';
import type { SignoffsView } from './negotiation-controller.ts';
import type { HistoryEntry } from '../shared/events.ts';
import { tokens } from '../shared/tokens.ts';
import { plannerChromeStyles, plannerStyles } from './planner.styles.ts';
import { ownPlanStyles } from './own-plan.styles.ts';
import { focusFinding } from './focus-finding.ts';
import { DB_NAME, asStorageMode, type StorageMode } from './storage.ts';
import { plannerControllers } from './planner-controllers.ts';
import { ViewController } from './view-controller.ts';
import { exportScenarioFile, exportSource, type ExportScenarioOptions, type ScenarioFileFormat } from './export.ts';

export type { RpChangeDetail, RpErrorDetail } from '../shared/events.ts';
export type { ExportScenarioOptions, ScenarioFileFormat } from './export.ts';

/**
 * The embeddable regional planner: plan details, target groups, parties, activities and budgets,
 * the split across domains and sectors, and live findings. Every edit becomes plan operations on
 * one undoable state; the engine recomputes allocation and findings once per change.
 *
 * Themed through the `--rp-*` tokens below, set on the element or any ancestor (or all at once
 * with `components/theme/theme.css`: light, dark by preference or with `theme="dark"`); every
 * element inside, the grids included, follows them.
 *
 * @event rp-change - `{ plan, findings }` after every change (edit, undo, redo, peer, another plan put in view); bubbles, composed.
 * @event rp-plan-open - `{ plan, source }` when the user puts another plan in view (`allow-new-plan`): one of their own (`new`, `template`, `file`, or stored before: `own`) or the site's again (`host`).
 * @event rp-signoff - `{ action, signoff, fingerprint, complete }` when a person here put the scenario up for sign-off or recorded a party's sign-off.
 * @event rp-comment - `{ action, threadId, anchor }` when a person here started, answered, resolved or reopened a comment thread.
 * @event rp-history - `{ action: 'restore', location, entry }` when a person here put back an earlier value (`location`) or state of the scenario (`location` null), as one undoable edit.
 * @event rp-error - `{ code, message: {nl, en}, issues? }` when a plan is refused or an edit cannot be applied.
 * @event rp-saved - `SaveInfo` (`{ scenarioId, at, updates }`) after each save of the open scenario (an edit, or a host's set that changed it); bubbles, composed.
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
 * @csspart published - The offer of a newer published plan (compare, adopt, keep mine).
 *
 * @slot intro - The host's heading or introduction, shown above the planner (also before a plan is set).
 * @slot actions - The host's own buttons in the toolbar, after undo and redo (e.g. "save to our server", "help").
 * @slot empty - Shown instead of the built-in message while no plan is set (e.g. "loading your plan…").
 */
@customElement('rp-planner')
export class RpPlanner extends LitElement {
  static override styles = [tokens, plannerStyles, plannerChromeStyles, ownPlanStyles];

  /** Interface language: `nl` (default) or `en`; may change at any time. */
  @property({ reflect: true, converter: { fromAttribute: (v) => asLocale(v) } }) locale: Locale = DEFAULT_LOCALE;
  /** Shows the plan without letting it be changed: every control that changes data is inert. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Handsontable licence key, passed on to the grids. */
  @property({ attribute: 'license-key' }) licenseKey = 'non-commercial-and-evaluation';
  /**
   * `local` (default): the plan's scenarios are kept in this browser (IndexedDB) from the first
   * change on; a reload with the same published plan brings them back. `none`: in memory only.
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
  /**
   * Lets people start a plan of their own ("Nieuw plan": empty, or from the handleiding's example)
   * or open one from a .json file (a plan, or a plan file with its scenarios), each stored apart
   * from the site's plan, with a way back to it. Off by default, so a site that supplies its plan
   * sees nothing new; `readonly` makes these buttons inert too.
   */
  @property({ type: Boolean, reflect: true, attribute: 'allow-new-plan' }) allowNewPlan = false;

  private readonly parts = plannerControllers(
    this,
    () => this.locked,
    (notice) => this.ui.set({ notice }),
  );
  private readonly workshop = this.parts.workshop;
  private readonly engine = this.parts.engine;
  private readonly scenarios = this.parts.scenarios;
  private readonly ui = new ViewController(this, this.parts, () => this.locked);

  /**
   * The current plan (after every edit). Setting it validates it (an invalid plan is refused with
   * a message and `rp-error`, never a throw); the last plan set is what the element shows and
   * saves, whether its store has opened or not (README, "The plan property").
   */
  get plan(): Plan | null {
    return this.scenarios.state?.plan ?? null;
  }
  set plan(value: unknown) {
    const read = this.scenarios.set(value);
    if (read) this.ui.hostSet(read);
  }

  /** The id of the scenario being edited ('' while nothing is stored: before the first change, or before the store opened). */
  get currentScenario(): string {
    return this.scenarios.scenarioId;
  }

  /** The scenario store of the current plan, once open (for hosts that list or export scenarios). */
  get scenarioStore(): ScenarioStore | null {
    return this.scenarios.store;
  }

  /** Writes pending edits of the open scenario now (they are also saved shortly after each edit). */
  async flush(): Promise<void> {
    await this.scenarios.flush();
  }

  /**
   * The open scenario's sign-offs: `round` (put up for sign-off by whom, when; null if never),
   * every `signoffs` entry (kept, also once outdated), and `status` for the plan as it is now
   * (its fingerprint, each party's state: valid, outdated or missing, and `complete`).
   */
  get signoffs(): SignoffsView {
    return this.parts.negotiation.view;
  }

  /** The open scenario's comment threads (resolved ones included), each with its anchor, messages and `orphaned`. */
  get comments(): readonly CommentThread[] {
    return this.parts.negotiation.threads;
  }

  /**
   * The open scenario's history, newest first; each entry names who (`by`), when (`at`) and what.
   * Without a location: the timeline (one person's edits made close together, with `what` they
   * changed; named and earlier versions; the start). With a cell, row or field (as `rp-select`
   * gives it): that place's earlier values. Empty until the scenario is stored and edited.
   */
  history(location?: FindingLocation): Promise<HistoryEntry[]> {
    return this.parts.negotiation.history.entries(location ?? null);
  }

  /** The engine's findings for the current plan, errors and warnings. */
  get findings(): readonly Finding[] {
    return this.engine.findings;
  }

  /** The engine's allocation of the current plan: amounts per domain, sector, provider, funder, period. */
  get allocation(): Allocation | null {
    return this.engine.allocation;
  }

  get canUndo(): boolean {
    return this.scenarios.state?.canUndo ?? false;
  }
  get canRedo(): boolean {
    return this.scenarios.state?.canRedo ?? false;
  }

  undo(): void {
    if (!this.locked) this.scenarios.state?.undo();
  }
  redo(): void {
    if (!this.locked) this.scenarios.state?.redo();
  }

  /**
   * A file of a scenario, for the host's own buttons ("Download the contract annex"):
   * `'docx'` (the plan's annex; with `funderId` that funder's), `'xlsx'`, `'csv'` (with `table`),
   * `'monitoring-csv'`, `'json'`. Options: `draft`, `locale` (default the planner's), `funderId`,
   * `table`, `scenarioId` (default the open scenario). Rejects with the export menu's `ExportError`
   * (`code`, `messages` in nl and en, `findings`): `has-errors` with the blocking findings unless
   * `draft`. The export code is loaded on the first call. A site's own button, e.g.
   * `button.onclick = async () => save(await planner.exportScenario('docx'))`, is in EMBEDDING.md ("Your own download button").
   */
  exportScenario(format: ScenarioFileFormat, options: ExportScenarioOptions = {}): Promise<File> {
    return exportScenarioFile(exportSource(this.parts, this.locale), format, options);
  }

  /** Read-only by attribute, or because the workshop admitted us as an observer. */
  private get locked(): boolean {
    return this.readonly || (this.workshop.view?.readOnly ?? false);
  }

  /** Moves keyboard focus to the cell or field a finding points at. */
  focusFinding(location: FindingLocation): boolean {
    return focusFinding(this.renderRoot, location);
  }

  /** In willUpdate, so that the workshop's first state change lands in this render, not a second one. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('collabUrl') && this.collabUrl) this.scenarios.share();
    if (changed.has('collabUrl') || changed.has('collabToken') || changed.has('userName'))
      this.workshop.follow(this, this.scenarios);
    const moved = (key: 'storage' | 'storageName') => changed.has(key) && changed.get(key) !== undefined;
    if (moved('storage') || moved('storageName')) this.scenarios.restart();
  }

  protected override render(): unknown {
    return this.ui.render();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-planner': RpPlanner;
  }
}
