import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { DEFAULT_LOCALE, INTL_TAG, type Locale } from '../../src/i18n/locale.ts';
import { st } from '../../src/i18n/store.ts';
import type {
  ScenarioInfo,
  ScenarioStore,
  SnapshotInfo,
  StoreError,
  StoreEvent,
  StoreResult,
} from '../../src/store/types.ts';
import { tokens } from '../shared/tokens.ts';
import { emit } from '../shared/events.ts';
import { scenarioBarStyles } from './scenario-bar.styles.ts';

export type { ScenarioEventDetail, SnapshotRestoredDetail } from '../shared/events.ts';

/** How long the undo toast of a delete stays. */
const UNDO_MS = 10_000;

/**
 * The scenarios of one plan: switch between them, create (empty or as a copy of the current one),
 * rename, delete with undo, mark one as chosen, keep and restore earlier versions. It works on a
 * `ScenarioStore` and tells the host what happened; the host opens the selected scenario.
 *
 * @event rp-scenario-select - `detail: { id }`: the user chose a scenario (also after create, duplicate, delete).
 * @event rp-scenario-created - `detail: { id }`
 * @event rp-scenario-renamed - `detail: { id }`
 * @event rp-scenario-deleted - `detail: { id }` (soft: undo restores it)
 * @event rp-scenario-restored - `detail: { id }` (a delete was undone)
 * @event rp-scenario-chosen - `detail: { id }`
 * @event rp-snapshot-restored - `detail: { scenarioId, snapshotId }`
 * @event rp-saved - `detail: SaveInfo` after each committed save
 * @event rp-store-error - `detail: StoreError` when storing failed (also shown in the bar)
 *
 * @cssprop --rp-color-ok - Colour of the chosen badge (on --rp-color-ok-bg) and of the pressed "chosen" button's frame.
 * @cssprop --rp-color-bg - Background of the list and inputs.
 * @cssprop --rp-color-surface - Background of the buttons.
 * @cssprop --rp-color-border - Borders.
 * @cssprop --rp-color-text-muted - Save status and snapshot times.
 * @cssprop --rp-color-error - Storage errors (on --rp-color-error-bg).
 * @cssprop --rp-color-accent - Focus ring.
 *
 * @csspart select - The scenario list.
 * @csspart badge - The "chosen" badge.
 *
 * @slot actions - The host's own buttons after Delete (e.g. "share this scenario"); empty by default.
 */
@customElement('rp-scenario-bar')
export class RpScenarioBar extends LitElement {
  static override styles = [tokens, scenarioBarStyles];

  @property({ attribute: false }) store: ScenarioStore | null = null;
  /** The id of the scenario being edited. */
  @property() current = '';
  @property({ reflect: true }) locale: Locale = DEFAULT_LOCALE;
  /**
   * Lets the scenarios be looked at and switched, but not changed: rename, new, duplicate, mark as
   * chosen, delete, keep a version and restore are inert (and no store call is made).
   */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private scenarios: ScenarioInfo[] = [];
  @state() private snapshots: SnapshotInfo[] = [];
  @state() private renaming = false;
  @state() private undo: { id: string; name: string } | null = null;
  @state() private error: StoreError | null = null;
  @state() private savedAt: number | null = null;
  @state() private busy = false;

  @query('#rename-input') private renameInput?: HTMLInputElement;

  private unsubscribe: (() => void) | null = null;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    clearTimeout(this.undoTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.store && !this.unsubscribe) this.attach(this.store);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) {
      this.unsubscribe?.();
      this.unsubscribe = null;
      if (this.store && this.isConnected) this.attach(this.store);
    }
    if (changed.has('current') && changed.get('current') !== undefined) void this.loadSnapshots();
  }

  private attach(store: ScenarioStore): void {
    this.error = store.error;
    this.unsubscribe = store.subscribe((event) => this.onStoreEvent(event));
    void this.refresh();
  }

  private onStoreEvent(event: StoreEvent): void {
    if (event.type === 'list') void this.refresh();
    else if (event.type === 'saved') {
      this.savedAt = event.info.at;
      this.error = this.store?.error ?? null;
      emit(this, 'rp-saved', event.info);
    } else {
      this.error = event.error;
      emit(this, 'rp-store-error', event.error);
    }
  }

  /** Reloads the list (e.g. after another tab changed it). */
  async refresh(): Promise<void> {
    if (!this.store) return;
    this.scenarios = await this.store.list();
    await this.loadSnapshots();
  }

  private async loadSnapshots(): Promise<void> {
    this.snapshots = this.store && this.current ? await this.store.listSnapshots(this.current) : [];
  }

  private select(id: string): void {
    this.current = id;
    this.renaming = false;
    emit(this, 'rp-scenario-select', { id });
  }

  /** Runs a store call; a refusal is shown in the bar instead of thrown. */
  private async run<T>(call: () => Promise<StoreResult<T>>): Promise<T | null> {
    // The buttons are disabled; this is the check a scripted click or a form submit meets.
    if (!this.store || this.busy || this.readonly) return null;
    this.busy = true;
    try {
      const result = await call();
      if (!result.ok) {
        this.error = result.error;
        if (result.error.code === 'stale') await this.refresh();
        return null;
      }
      this.error = this.store.error;
      return result.value;
    } finally {
      this.busy = false;
    }
  }

  private async createEmpty(): Promise<void> {
    const n = this.scenarios.length + 1;
    const created = await this.run(() => this.store!.create(`Scenario ${n}`));
    if (created) this.afterCreate(created.id);
  }

  private async duplicate(): Promise<void> {
    const current = this.currentInfo;
    if (!current) return;
    const copy = await this.run(() =>
      this.store!.duplicate(current.id, st(this.locale, 'store.copyName', { name: current.name }).slice(0, 120)),
    );
    if (copy) this.afterCreate(copy.id);
  }

  private async afterCreate(id: string): Promise<void> {
    await this.refresh();
    emit(this, 'rp-scenario-created', { id });
    this.select(id);
  }

  private async startRename(): Promise<void> {
    if (this.readonly) return;
    this.renaming = true;
    await this.updateComplete;
    this.renameInput?.focus();
    this.renameInput?.select();
  }

  private async submitRename(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.renameInput?.value ?? '';
    const renamed = await this.run(() => this.store!.rename(this.current, name));
    if (!renamed) return;
    this.renaming = false;
    await this.refresh();
    emit(this, 'rp-scenario-renamed', { id: renamed.id });
    await this.updateComplete;
    this.renameOpener?.focus();
  }

  @query('#rename') private renameOpener?: HTMLButtonElement;

  private cancelRename(): void {
    this.renaming = false;
    void this.updateComplete.then(() => this.renameOpener?.focus());
  }

  private async deleteCurrent(): Promise<void> {
    const current = this.currentInfo;
    if (!current) return;
    const removed = await this.run(() => this.store!.remove(current.id));
    if (!removed) return;
    await this.refresh();
    emit(this, 'rp-scenario-deleted', { id: current.id });
    this.undo = { id: current.id, name: current.name };
    clearTimeout(this.undoTimer);
    this.undoTimer = setTimeout(() => {
      this.undo = null;
    }, UNDO_MS);
    const next = this.scenarios[0];
    if (next) this.select(next.id);
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLButtonElement>('.toast button')?.focus();
  }

  private async undoDelete(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    const restored = await this.run(() => this.store!.restore(undo.id));
    this.undo = null;
    if (!restored) return;
    await this.refresh();
    emit(this, 'rp-scenario-restored', { id: undo.id });
    this.select(undo.id);
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLSelectElement>('select')?.focus();
  }

  private async markChosen(): Promise<void> {
    const chosen = await this.run(() => this.store!.markChosen(this.current));
    if (!chosen) return;
    await this.refresh();
    emit(this, 'rp-scenario-chosen', { id: chosen.id });
  }

  private async saveSnapshot(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.shadowRoot?.querySelector<HTMLInputElement>('#snapshot-label');
    const label = input?.value.trim() || this.time(Date.now());
    const saved = await this.run(() => this.store!.saveSnapshot(this.current, label));
    if (!saved) return;
    if (input) input.value = '';
    await this.loadSnapshots();
  }

  private async restoreSnapshot(snapshot: SnapshotInfo): Promise<void> {
    const restored = await this.run(() => this.store!.restoreSnapshot(snapshot.id));
    if (!restored) return;
    await this.loadSnapshots();
    emit(this, 'rp-snapshot-restored', {
      scenarioId: snapshot.scenarioId,
      snapshotId: snapshot.id,
    });
  }

  private get currentInfo(): ScenarioInfo | undefined {
    return this.scenarios.find((s) => s.id === this.current);
  }

  private time(ms: number): string {
    return new Intl.DateTimeFormat(INTL_TAG[this.locale], { dateStyle: 'short', timeStyle: 'short' }).format(ms);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.renaming) {
      event.stopPropagation();
      this.cancelRename();
    }
  }

  protected override render() {
    const l = this.locale;
    const current = this.currentInfo;
    const memory = this.store?.mode === 'memory';
    const ro = this.readonly;
    return html`
      <div class="bar" role="group" aria-label=${st(l, 'bar.label')} @keydown=${this.onKeydown}>
        <label for="scenario">${st(l, 'bar.select')}</label>
        <select
          id="scenario"
          part="select"
          .value=${this.current}
          ?disabled=${!this.store}
          @change=${(e: Event) => this.select((e.target as HTMLSelectElement).value)}
        >
          ${this.scenarios.map((s) => html`<option value=${s.id} ?selected=${s.id === this.current}>${s.name}${s.chosen ? ` ★ ${st(l, 'bar.chosen')}` : ''}</option>`)}
        </select>
        ${current?.chosen ? html`<span class="badge" part="badge"><span aria-hidden="true">★</span>${st(l, 'bar.chosen')}</span>` : nothing}
        ${
          this.renaming && current && !ro
            ? html`<form @submit=${this.submitRename}>
                <input
                  id="rename-input"
                  maxlength="120"
                  required
                  .value=${current.name}
                  aria-label=${st(l, 'bar.renameField', { name: current.name })}
                />
                <button type="submit">${st(l, 'bar.save')}</button>
                <button type="button" @click=${this.cancelRename}>${st(l, 'bar.cancel')}</button>
              </form>`
            : html`<button id="rename" type="button" ?disabled=${!current || ro} @click=${this.startRename}>
                ${st(l, 'bar.rename')}
              </button>`
        }
        <button type="button" ?disabled=${!this.store || ro} @click=${this.createEmpty}>${st(l, 'bar.new')}</button>
        <button type="button" ?disabled=${!current || ro} @click=${this.duplicate}>${st(l, 'bar.duplicate')}</button>
        <button
          type="button"
          aria-pressed=${current?.chosen ? 'true' : 'false'}
          ?disabled=${!current || ro}
          @click=${this.markChosen}
        >
          ${st(l, 'bar.markChosen')}
        </button>
        <button type="button" ?disabled=${!current || ro || this.scenarios.length < 2} @click=${this.deleteCurrent}>
          ${st(l, 'bar.delete')}
        </button>
        <slot name="actions"></slot>
        <span class="status ${memory ? 'memory' : ''}" role="status">
          ${memory ? st(l, 'bar.memoryMode') : this.savedAt !== null ? st(l, 'bar.saved', { time: this.time(this.savedAt) }) : ''}
        </span>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error.message[l]}</p>` : nothing}
      ${
        this.undo
          ? html`<div class="toast" role="status">
              <span>${st(l, 'bar.deleted', { name: this.undo.name })}</span>
              <button type="button" ?disabled=${ro} @click=${this.undoDelete}>${st(l, 'bar.undo')}</button>
            </div>`
          : nothing
      }
      ${current ? this.renderHistory() : nothing}
    `;
  }

  private renderHistory() {
    const l = this.locale;
    const ro = this.readonly;
    return html`
      <details>
        <summary>${st(l, 'bar.history')}</summary>
        <form @submit=${this.saveSnapshot}>
          <label for="snapshot-label">${st(l, 'bar.snapshotLabel')}</label>
          <input id="snapshot-label" maxlength="120" ?disabled=${ro} />
          <button type="submit" ?disabled=${ro}>${st(l, 'bar.saveSnapshot')}</button>
        </form>
        ${
          this.snapshots.length === 0
            ? html`<p>${st(l, 'bar.historyEmpty')}</p>`
            : html`<ol aria-label=${st(l, 'bar.history')}>
                ${this.snapshots.map(
                  (s) =>
                    html`<li>
                      <span>${s.label}</span>
                      <time datetime=${new Date(s.createdAt).toISOString()}>${this.time(s.createdAt)}</time>
                      <button
                        type="button"
                        ?disabled=${ro}
                        aria-label=${st(l, 'bar.restoreLabel', { label: s.label, time: this.time(s.createdAt) })}
                        @click=${() => this.restoreSnapshot(s)}
                      >
                        ${st(l, 'bar.restore')}
                      </button>
                    </li>`,
                )}
              </ol>`
        }
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rp-scenario-bar': RpScenarioBar;
  }
}
