import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { Section, type FindingLocation } from '../../src/model/finding.ts';
import type { PlanState } from '../../src/sync/state.ts';
import type { ScenarioStore } from '../../src/store/types.ts';
import { DeferredPlanState, liveStateOf } from '../../src/sync/deferred-state.ts';
import { ht } from '../../src/i18n/negotiation.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { emit, type HistoryEntry, type RpEvent } from '../shared/events.ts';
import type { HistoryView } from './history-panel.ts';
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

/** The Yjs side of the history, loaded with the live state (a scenario only looked at has none). */
const loadHistory = () =>
  Promise.all([import('../../src/negotiation/history.ts'), import('../../src/negotiation/history-users.ts')]).then(
    ([history, users]) => ({ ...history, ...users }),
  );
type HistoryModule = Awaited<ReturnType<typeof loadHistory>>;

const TIMELINE_ENTRIES = 30;

const docOf = (state: PlanState | null): Y.Doc | null => {
  const live = state instanceof DeferredPlanState ? state.liveState : state;
  return (live as { doc?: Y.Doc } | null)?.doc ?? null;
};
const iso = (ms: number) => new Date(ms).toISOString();
const rowOnly = ({ section, rowId }: FindingLocation): FindingLocation => ({ section, ...(rowId ? { rowId } : {}) });

/** The fields of a row that differ between two of its values (all of them when it did not exist). */
function changedFields(place: FindingLocation, before: unknown, after: unknown): FindingLocation[] {
  if (typeof after !== 'object' || after === null) return [place];
  const was = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.keys({ ...was, ...now })
    .filter((k) => k !== 'id' && JSON.stringify(was[k]) !== JSON.stringify(now[k]))
    .map((field) => ({ ...place, field }));
}
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
  private module: Promise<HistoryModule> | null = null;

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

  /** Shows the history of `place` (a cell, row or field), or the scenario's timeline. */
  async open(at: FindingLocation | null): Promise<void> {
    const plan = this.state?.plan;
    const m = await this.load();
    // A worked-out cell (a period's amount, a total) has no value of its own: its row's history.
    const place = at?.field && at.rowId && plan && m.valueAt(plan, at) === undefined ? rowOnly(at) : at;
    const entries = await this.entries(place);
    const current = place?.field && plan ? m.valueAt(plan, place) : undefined;
    // A refresh (a point recorded meanwhile) keeps a comparison open.
    const compare = this.view && this.view.place === place ? this.view.compare : null;
    if (this.view?.place !== place) this.message = '';
    this.view = { place, entries, current, compare };
    this.host.requestUpdate();
  }

  /** Compares timeline entry `id` with the plan now in the dialog (null: stops comparing). */
  async compare(id: string | null): Promise<void> {
    const view = this.view;
    const doc = this.doc ?? docOf(this.state);
    const now = this.state?.plan;
    if (!view || !now) return;
    let compare: HistoryView['compare'] = null;
    if (id && doc) {
      const m = await this.load();
      const point = m.readPoints(doc).find((p) => p.key === id);
      const then = point ? m.planAt(doc, point) : null;
      compare = point && then ? { at: iso(point.at), then, now } : null;
      if (!compare) this.message = ht(this.settings().locale, 'history.notRestorable');
    }
    if (this.view !== view) return;
    this.view = { ...view, compare };
    this.host.requestUpdate();
  }

  close(): void {
    this.view = null;
    this.host.requestUpdate();
  }

  /**
   * The history as the planner's `history(location?)` gives it: with a location, that cell's,
   * row's or field's earlier values; without, the scenario's timeline. Newest first.
   */
  async entries(place: FindingLocation | null = null): Promise<HistoryEntry[]> {
    const doc = this.doc ?? docOf(this.state);
    const out: HistoryEntry[] = [];
    if (doc) {
      const m = await this.load();
      if (place) {
        const list = m.cellHistory(doc, place);
        list.forEach((e, i) => {
          // A row's entries name the fields that changed since the entry before.
          const older = list[i + 1];
          const what = place.field ? [place] : changedFields(place, older?.value, e.value);
          out.push({ id: e.id, kind: e.start ? 'start' : 'value', by: e.by, at: iso(e.at), what, value: e.value });
        });
      } else
        for (const e of m.timeline(doc, TIMELINE_ENTRIES))
          out.push({
            id: e.id,
            kind: e.kind,
            by: e.by,
            at: iso(e.at),
            what: e.changes,
            ...(e.name ? { name: e.name } : {}),
          });
    }
    if (!place) out.push(...(await this.storedVersions()));
    return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
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
    const doc = this.doc ?? docOf(state);
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
    this.module ??= loadHistory().catch((e: unknown) => {
      this.module = null;
      throw e;
    });
    return this.module;
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
    const doc = docOf(this.state);
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
    if (r.action === 'close') this.close();
    else if (r.action === 'timeline') void this.open(null);
    else if (r.action === 'compare') void this.compare(r.id);
    else void this.restore(r.id);
  };
}
