import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type * as Y from 'yjs';
import { Section, type FindingLocation } from '../../src/model/finding.ts';
import type { PlanState } from '../../src/sync/state.ts';
import type { ScenarioStore } from '../../src/store/types.ts';
import { liveDocOf, liveStateOf } from '../../src/sync/deferred-state.ts';
import { ht } from '../../src/i18n/negotiation.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { emit, type HistoryEntry, type RpEvent } from '../shared/events.ts';
import type { HistoryView } from './history-panel.ts';
import { once } from '../shared/lazy-view.ts';
import { iso, loadHistory, readHistory, type HistoryModule } from './history-read.ts';
import './history-panel.ts';

/** What the controller reads from the planner, each time it needs it. */
export interface HistorySettings {
  state: PlanState | null;
  store: ScenarioStore | null;
  /** The open scenario's id; '' while nothing is stored. */
  scenarioId: string;
  userName: string;
  /** In a workshop, the name the server assigned to this participant's token (null or undefined: none). */
  signer?: string | null;
  locked: boolean;
  locale: Locale;
}

/** Whose edits these are: the workshop's name for the participant, else the planner's user-name. */
const personOf = (s: HistorySettings): string => s.signer || s.userName;

const rowOnly = ({ section, rowId }: FindingLocation): FindingLocation => ({ section, ...(rowId ? { rowId } : {}) });

const SHORTCUT_GRIDS = new Set(['RP-BUDGET-GRID', 'RP-SPLIT-GRID']);

/**
 * The history of the open scenario (src/negotiation/history.ts, kept by the store as the
 * scenario is edited): attributes this browser's edits to the planner's `user-name`, or in a
 * workshop to the name the server assigned (PermanentUserData), and shows <rp-history-panel>: a cell's or field's earlier values (Alt+H on the selected cell or the
 * focused field) or the scenario's timeline. A restore is one edit of the plan: Ctrl+Z undoes it.
 */
export class HistoryController implements ReactiveController {
  /** What the dialog shows; null while closed. */
  view: HistoryView | null = null;
  message = '';

  private state: PlanState | null = null;
  private doc: Y.Doc | null = null;
  private place: FindingLocation | null = null;
  private person = '';
  private offs: (() => void)[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The history code, asked for once; a failed load is asked for again (lazy-view.ts once()). */
  private readonly module = once(loadHistory);
  /** The latest request to show a history: an older one that is still loading gives way. */
  private request = 0;
  /**
   * Reads the history shown in the dialog in slices that let the page run, showing the entries
   * as they come (lit Task: a newer request aborts an older one, which then writes nothing).
   */
  private readonly reading = new Task<[FindingLocation | null, boolean], HistoryEntry[]>(this.host, {
    autoRun: false,
    task: ([place, refresh], { signal }) => this.read(place, refresh, signal),
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => HistorySettings,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKey, { capture: true });
    this.host.addEventListener('rp-select', this.onSelect);
    this.host.addEventListener('focusin', this.onFocusIn);
    this.host.addEventListener('rp-history-request', this.onRequest);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKey, { capture: true });
    this.host.removeEventListener('rp-select', this.onSelect);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.host.removeEventListener('rp-history-request', this.onRequest);
    clearTimeout(this.refreshTimer);
  }

  hostUpdate(): void {
    const s = this.settings();
    if (s.state !== this.state) this.bind(s.state);
    else if (this.doc && personOf(s) !== this.person) this.attribute(this.doc);
  }

  /** Shows the history of `place` (a cell, row or field), or the scenario's timeline, as it is read. */
  async open(at: FindingLocation | null): Promise<void> {
    const ticket = ++this.request;
    const plan = this.state?.plan;
    const m = await this.load();
    if (ticket !== this.request) return;
    // A worked-out cell (a period's amount, a total) has no value of its own: its row's history.
    const place = at?.field && at.rowId && plan && m.valueAt(plan, at) === undefined ? rowOnly(at) : at;
    const current = place?.field && plan ? m.valueAt(plan, place) : undefined;
    // A refresh (a point recorded meanwhile) keeps the entries shown and a comparison open.
    const same = this.view?.place === place;
    if (!same) this.message = '';
    this.view = {
      place,
      entries: same ? this.view!.entries : [],
      current,
      compare: same ? this.view!.compare : null,
      busy: true,
    };
    this.host.requestUpdate();
    await this.reading.run([place, same]);
  }

  /**
   * The entries of the dialog's history, shown as they come (a refresh keeps the entries shown
   * until it is read whole); nothing is shown once a newer request took over.
   */
  private async read(place: FindingLocation | null, refresh: boolean, signal: AbortSignal): Promise<HistoryEntry[]> {
    const show = (entries: HistoryEntry[], busy: boolean) => {
      if (signal.aborted || !this.view || this.view.place !== place) return;
      this.view = { ...this.view, entries, busy };
      this.host.requestUpdate();
    };
    const onProgress = refresh ? undefined : (so: HistoryEntry[]) => show(so, true);
    const entries = await this.readEntries(place, { signal, ...(onProgress ? { onProgress } : {}) });
    show(entries, false);
    return entries;
  }

  /** Compares timeline entry `id` with the plan now in the dialog (null: stops comparing). */
  async compare(id: string | null): Promise<void> {
    const view = this.view;
    const doc = this.doc ?? liveDocOf(this.state);
    const now = this.state?.plan;
    if (!view || !now) return;
    let compare: HistoryView['compare'] = null;
    if (id && doc) {
      const m = await this.load();
      const point = m.readPoints(doc).find((p) => p.key === id);
      // Read off the page (a worker), once per point.
      // (Read on the page when the worker's session was closed under it, by the compare view.)
      const then = point ? await m.readPlanAt(doc, point.key).catch(() => m.planAt(doc, point)) : null;
      compare = point && then ? { id: point.key, at: iso(point.at), then, now } : null;
      if (!compare) this.message = ht(this.settings().locale, 'history.notRestorable');
    }
    if (this.view !== view) return;
    this.view = { ...view, compare };
    this.host.requestUpdate();
  }

  close(): void {
    this.request++;
    this.reading.abort();
    this.view = null;
    this.host.requestUpdate();
  }

  /**
   * The history as the planner's `history(location?)` gives it: with a location, that cell's,
   * row's or field's earlier values; without, the scenario's timeline. Newest first.
   */
  entries(place: FindingLocation | null = null): Promise<HistoryEntry[]> {
    return this.readEntries(place);
  }

  private async readEntries(place: FindingLocation | null, options?: Parameters<typeof readHistory>[4]) {
    const doc = this.doc ?? liveDocOf(this.state);
    const m = await this.load();
    return readHistory(m, doc, place, () => this.storedVersions(), options);
  }

  /** The store's earlier versions of the scenario ("Eerdere versies"). */
  private async storedVersions(): Promise<HistoryEntry[]> {
    const { store, scenarioId } = this.settings();
    if (!store || !scenarioId) return [];
    const list = await store.listSnapshots(scenarioId).catch(() => []);
    return list.map((s) => ({
      id: `stored:${s.id}`,
      kind: 'stored-version' as const,
      by: '',
      at: iso(s.createdAt),
      what: [],
      name: s.label,
    }));
  }

  /** Puts entry `id` back: a value at the place shown, or the whole scenario; one undoable edit. */
  async restore(id: string, place: FindingLocation | null = this.view?.place ?? null): Promise<boolean> {
    const s = this.settings();
    const entry = (await this.entries(place)).find((e) => e.id === id);
    if (s.locked || !s.state || !entry) return false;
    const done = id.startsWith('stored:')
      ? !!s.store && (await s.store.restoreSnapshot(Number(id.slice(7)))).ok
      : await this.restorePoint(s.state, id, place);
    if (done) emit(this.host, 'rp-history', { action: 'restore', location: place, entry });
    if (this.view) await this.open(this.view.place);
    // Said in the dialog's live region.
    this.message = ht(s.locale, done ? 'history.restored' : 'history.notRestorable');
    this.host.requestUpdate();
    return done;
  }

  /** Applies the ops back to point `id` as one batch (one undo step); true when there was nothing to change. */
  private async restorePoint(state: PlanState, id: string, place: FindingLocation | null): Promise<boolean> {
    const doc = this.doc ?? liveDocOf(state);
    if (!doc) return false;
    const m = await this.load();
    const plan = state.plan;
    if (place) {
      const op = m.restoreCellOp(doc, plan, place, id);
      if (op) state.apply([op]);
      return op !== null;
    }
    const ops = m.restorePointOps(doc, plan, id);
    if (!ops) return false;
    if (ops.length > 0) state.apply(ops);
    return true;
  }

  private load(): Promise<HistoryModule> {
    return this.module.get();
  }

  private bind(state: PlanState | null): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.state = state;
    this.doc = null;
    this.view = null;
    if (!state) return;
    this.offs.push(
      state.subscribe((_plan, change) => {
        this.attach();
        // A scenario edited for the first time goes live (gets its document) a moment after the edit.
        if (!this.doc && change.origin === 'local')
          void liveStateOf(state)
            .then(() => this.state === state && this.attach())
            .catch(() => {});
      }),
    );
    this.attach();
  }

  /** Follows the live document once it is there: this browser's edits are attributed to the person. */
  private attach(): void {
    const doc = liveDocOf(this.state);
    if (!doc || doc === this.doc) return;
    this.doc = doc;
    this.attribute(doc);
    void this.load()
      .then((m) => this.doc === doc && this.offs.push(m.observeHistory(doc, () => this.scheduleRefresh())))
      .catch(() => {});
  }

  /** This browser's edits of `doc` from now on are the person's (the planner's user-name). */
  private attribute(doc: Y.Doc): void {
    const before = this.person;
    const name = (this.person = personOf(this.settings()));
    void this.load()
      .then((m) => {
        if (this.doc !== doc) return;
        // Someone else takes over: what the one before did so far is recorded as theirs first.
        if (before && before !== name) m.recordPoint(doc, before);
        m.attribute(doc, name);
      })
      .catch(() => {});
  }

  private scheduleRefresh(): void {
    if (!this.view) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.view && void this.open(this.view.place), 300);
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    const h = e.code === 'KeyH' || e.key.toLowerCase() === 'h';
    // Alt+H; and Ctrl+Alt+Shift+H, as in spreadsheets' version history.
    const chord = h && e.altKey && (e.ctrlKey || e.metaKey ? e.shiftKey : !e.shiftKey);
    if (!chord || this.view) return;
    e.preventDefault();
    e.stopPropagation();
    const path = e.composedPath();
    const onPlace = path.some((n) => n instanceof HTMLElement && (SHORTCUT_GRIDS.has(n.tagName) || !!n.dataset.field));
    void this.open(onPlace ? this.place : null);
  };

  private readonly onSelect = (e: Event): void => {
    const cell = (e as RpEvent<'rp-select'>).detail;
    if (cell) this.place = { ...cell };
  };

  /** A form field that got focus (forms mark their controls with data-section, data-row, data-field). */
  private readonly onFocusIn = (e: Event): void => {
    const el = e.composedPath()[0];
    if (!(el instanceof HTMLElement) || !el.dataset.field || !el.dataset.section) return;
    const section = Section.safeParse(el.dataset.section);
    if (!section.success) return;
    this.place = {
      section: section.data,
      field: el.dataset.field,
      ...(el.dataset.row ? { rowId: el.dataset.row } : {}),
    };
  };

  private readonly onRequest = (e: Event): void => {
    e.stopPropagation();
    const r = (e as RpEvent<'rp-history-request'>).detail;
    // compare-moments: the planner's compare view takes over (view-controller.ts).
    if (r.action === 'close' || r.action === 'compare-moments') this.close();
    else if (r.action === 'timeline') void this.open(null);
    else if (r.action === 'compare') void this.compare(r.id);
    else void this.restore(r.id);
  };
}
