import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import type { Plan } from '../../src/model/plan.ts';
import { Section, type Finding, type FindingLocation } from '../../src/model/finding.ts';
import type { CommentAnchor, Signoff, SignoffRound } from '../../src/model/negotiation.ts';
import type { PlanState } from '../../src/sync/state.ts';
import type { ScenarioStore } from '../../src/store/types.ts';
import { liveDocOf, liveStateOf } from '../../src/sync/deferred-state.ts';
import { planFingerprint } from '../../src/export/fingerprint.ts';
import type { SignoffExport } from '../../src/export/index.ts';
import { compare, type InputDifference } from '../../src/compare/index.ts';
import {
  addSignoff,
  anchorOf,
  observeComments,
  observeSignoffs,
  openRound,
  outdatedFingerprints,
  placeOf,
  sameAnchor,
  readComments,
  readSignoffs,
  reply,
  setResolved,
  signedPlan,
  signoffStatus,
  startThread,
  type CommentThread,
  type NegotiationProblem,
  type SignoffStatus,
} from '../../src/negotiation/index.ts';
import { emit, type CommentRequest, type RpEvent, type SignoffRequest } from '../shared/events.ts';
import { newId } from '../shared/new-id.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import type { SignoffSectionView } from '../signoff/signoff-section.ts';
import type { CommentsAsideView } from '../comments/comments-aside.ts';
import { negotiationMsg } from '../../src/i18n/negotiation.ts';
import { HistoryController } from '../history/history-controller.ts';
import { DEFAULT_LOCALE } from '../../src/i18n/locale.ts';

/** What the controller reads from the planner, each time it needs it. */
export interface NegotiationSettings {
  state: PlanState | null;
  store: ScenarioStore | null;
  /** The open scenario's id; '' while nothing is stored. */
  scenarioId: string;
  userName: string;
  /**
   * In a workshop, the name the server assigned to this editor's token: sign-offs go under it
   * (source server); null when the token names nobody (the server would refuse a sign-off).
   */
  signer?: string | null;
  /** Whose edits these are (src/negotiation/editor-name.ts): '' while a workshop's server has not said yet. */
  editor: string;
  locked: boolean;
}

export interface NegotiationEvents {
  /** Move focus to where a comment points. */
  focus(location: FindingLocation): void;
  /** A comment was asked for before the plan had a stored scenario: store it now. */
  store(): void;
  problem(problem: NegotiationProblem): void;
}

/** The scenario's sign-offs as the planner's `signoffs` getter gives them. */
export interface SignoffsView extends SignoffExport {
  round: SignoffRound | null;
  signoffs: Signoff[];
  /** Where the round stands for the plan as it is now; null until worked out (or no round and not chosen). */
  status: SignoffStatus | null;
}

type Request = { kind: 'signoff'; detail: SignoffRequest } | { kind: 'comment'; detail: CommentRequest };

/**
 * Sign-offs and comment threads of the open scenario (src/negotiation), read from and written to
 * its Y.Doc: shown by <rp-signoff-panel> and <rp-comments-panel>, told to the host as rp-signoff
 * and rp-comment. A scenario only looked at has no document yet and nothing recorded; the first
 * sign-off or comment loads its live state (a comment before anything is stored stores it first).
 */
export class NegotiationController implements ReactiveController {
  round: SignoffRound | null = null;
  signoffs: Signoff[] = [];
  status: SignoffStatus | null = null;
  changes: ReadonlyMap<string, readonly InputDifference[] | null> = new Map();
  threads: CommentThread[] = [];
  chosen = false;
  /** What the export menu and exports take: the round with its sign-offs, null when none was opened. */
  exportSignoffs: (SignoffExport & { complete: boolean }) | null = null;
  /** The cell or field last selected: where a new comment goes. */
  anchor: CommentAnchor | null = null;
  /** The scenario's history (who changed what, when) and its dialog. */
  readonly history: HistoryController;

  private state: PlanState | null = null;
  private doc: Y.Doc | null = null;
  private store: ScenarioStore | null = null;
  private scenarioId = '';
  private offs: (() => void)[] = [];
  private storeOff: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;
  private pending: Request[] = [];
  private readonly reported = new Set<string>();
  private sig = '';
  private diffCache = new Map<string, { plan: Plan; list: readonly InputDifference[] | null }>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => NegotiationSettings,
    private readonly events: NegotiationEvents,
  ) {
    host.addController(this);
    this.history = new HistoryController(host, () => {
      const s = settings();
      // The history names edits after `editor` (its user-name when no workshop names them).
      return {
        ...s,
        userName: s.editor,
        signer: undefined,
        locale: (host as { locale?: Locale }).locale ?? DEFAULT_LOCALE,
      };
    });
  }

  hostConnected(): void {
    this.host.addEventListener('rp-select', this.onSelect);
    this.host.addEventListener('focusin', this.onFocusIn);
    // Capture: the planner's wrapper keeps rp-focus-finding inside its shadow root.
    this.host.addEventListener('rp-focus-finding', this.onFinding, { capture: true });
    this.host.addEventListener('rp-signoff-request', this.onSignoffRequest);
    this.host.addEventListener('rp-comment-request', this.onCommentRequest);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('rp-select', this.onSelect);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.host.removeEventListener('rp-focus-finding', this.onFinding, { capture: true });
    this.host.removeEventListener('rp-signoff-request', this.onSignoffRequest);
    this.host.removeEventListener('rp-comment-request', this.onCommentRequest);
    clearTimeout(this.timer);
    // The store is closed behind a removed planner; back in the page, the next update subscribes again.
    this.storeOff?.();
    this.storeOff = null;
    this.store = null;
  }

  hostUpdate(): void {
    const s = this.settings();
    if (s.state !== this.state) this.bind(s.state);
    if (s.store !== this.store || s.scenarioId !== this.scenarioId) {
      this.store = s.store;
      this.scenarioId = s.scenarioId;
      this.storeOff?.();
      this.storeOff = s.store?.subscribe((e) => e.type === 'list' && void this.readChosen()) ?? null;
      void this.readChosen();
    }
    if (this.pending.length > 0 && s.scenarioId) {
      const queued = this.pending;
      this.pending = [];
      for (const r of queued) void this.handle(r);
    } else if (this.pending.length > 0) {
      // Still nothing stored (the store may have been opening when asked): ask again.
      this.events.store();
    }
  }

  /** What the sign-off card shows, from the planner's view. */
  signoffView(v: { locale: Locale; locked: boolean; userName: string }): SignoffSectionView {
    const { locale, locked, userName } = v;
    const name = this.settings().signer ?? userName;
    return { locale, locked, userName: name, chosen: this.chosen, status: this.status, changes: this.changes };
  }

  /** What the comments panel shows, from the planner's view. */
  commentsView(v: { locale: Locale; locked: boolean; findings: readonly Finding[] }, plan: Plan): CommentsAsideView {
    const { locale, locked, findings } = v;
    return { locale, locked, plan, findings, threads: this.threads, anchor: this.anchor };
  }

  /** The sign-offs as the `signoffs` getter and an export take them. */
  get view(): SignoffsView {
    return { round: this.round, signoffs: this.signoffs, status: this.status };
  }

  private bind(state: PlanState | null): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.state = state;
    this.doc = null;
    this.diffCache.clear();
    this.round = null;
    this.signoffs = [];
    this.threads = [];
    this.status = null;
    this.exportSignoffs = null;
    this.sig = '';
    if (!state) return;
    this.offs.push(
      state.subscribe(() => {
        if (!this.doc) this.attach();
        this.schedule();
      }),
    );
    this.attach();
    this.schedule();
  }

  /** Follows the live document once it is there (a scenario only looked at has none). */
  private attach(): void {
    const doc = liveDocOf(this.state);
    if (!doc || doc === this.doc) return;
    this.doc = doc;
    this.offs.push(
      observeSignoffs(doc, () => this.schedule()),
      observeComments(doc, () => this.schedule()),
    );
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 60);
  }

  private async readChosen(): Promise<void> {
    const store = this.store;
    const id = this.scenarioId;
    const chosen = store && id ? ((await store.list()).find((x) => x.id === id)?.chosen ?? false) : false;
    if (store !== this.store || id !== this.scenarioId || chosen === this.chosen) return;
    this.chosen = chosen;
    this.schedule();
  }

  /** Reads what the document holds and works out the round's status for the plan as it is now. */
  async refresh(): Promise<void> {
    const run = ++this.run;
    const state = this.state;
    if (!state) return;
    const plan = state.plan;
    const doc = this.doc;
    const problems: NegotiationProblem[] = [];
    let { round, signoffs, threads } = this;
    if (doc) {
      const s = readSignoffs(doc);
      const c = readComments(doc, plan);
      ({ round, signoffs } = s);
      threads = c.threads;
      problems.push(...s.problems, ...c.problems);
    }
    let status: SignoffStatus | null = null;
    let changes = this.changes;
    if (round || signoffs.length > 0 || this.chosen) {
      const fingerprint = await planFingerprint(plan);
      if (run !== this.run) return;
      status = signoffStatus(plan, fingerprint, round, signoffs);
      changes = this.diffs(status, plan);
    }
    // Each unreadable entry is told once, not on every refresh.
    for (const p of problems) {
      if (this.reported.has(p.key)) continue;
      this.reported.add(p.key);
      this.events.problem(p);
    }
    // Most edits change nothing here: then the planner is not rendered again for it.
    const shown = (list: readonly InputDifference[] | null) => list && [list.length, list.slice(0, 12)];
    const sig = JSON.stringify([
      this.chosen,
      round,
      signoffs,
      threads,
      status && [status.fingerprint, status.parties.map((p) => [p.name, p.state])],
      [...changes].map(([fp, list]) => [fp, shown(list)]),
    ]);
    if (sig === this.sig) return;
    this.sig = sig;
    Object.assign(this, { round, signoffs, threads, status, changes });
    this.exportSignoffs = round ? { round, signoffs, complete: status?.complete ?? false } : null;
    this.host.requestUpdate();
  }

  /** What changed since each outdated version, against the signed plan kept in the document. */
  private diffs(status: SignoffStatus, plan: Plan): Map<string, readonly InputDifference[] | null> {
    const out = new Map<string, readonly InputDifference[] | null>();
    for (const fp of outdatedFingerprints(status)) {
      const cached = this.diffCache.get(fp);
      if (cached?.plan === plan) {
        out.set(fp, cached.list);
        continue;
      }
      const signed = this.doc ? signedPlan(this.doc, fp) : null;
      let list: readonly InputDifference[] | null;
      try {
        list = signed ? compare(signed, plan).inputs : null;
      } catch {
        list = null;
      }
      this.diffCache.set(fp, { plan, list });
      out.set(fp, list);
    }
    return out;
  }

  private readonly onSelect = (e: Event): void => {
    const cell = (e as RpEvent<'rp-select'>).detail;
    this.anchorTo(cell ? anchorOf(cell) : null);
  };

  /** A form field that got focus (forms mark their controls with data-section, data-row, data-field). */
  private readonly onFocusIn = (e: Event): void => {
    const el = e.composedPath()[0];
    if (!(el instanceof HTMLElement) || !el.dataset.field || !el.dataset.section) return;
    const section = Section.safeParse(el.dataset.section);
    if (!section.success) return;
    this.anchorTo(anchorOf({ section: section.data, rowId: el.dataset.row || undefined, field: el.dataset.field }));
  };

  /** A finding chosen in the findings panel: a new comment is about that finding. */
  private readonly onFinding = (e: Event): void => {
    const f = (e as RpEvent<'rp-focus-finding'>).detail;
    if (f?.location) this.anchorTo(anchorOf(f.location, f.code));
  };

  private anchorTo(anchor: CommentAnchor | null): void {
    if (!anchor) return;
    // Moving focus to a finding's cell selects that cell: the comment stays about the finding.
    const current = this.anchor;
    if (current?.finding && !anchor.finding && sameAnchor({ ...current, finding: undefined }, anchor)) return;
    this.anchor = anchor;
    // Straight to the panel: a selection moving through a grid should not render the whole planner.
    const panel = this.host.shadowRoot?.querySelector('rp-comments-panel');
    if (panel) panel.anchor = anchor;
  }

  private readonly onSignoffRequest = (e: Event): void => {
    e.stopPropagation();
    void this.handle({ kind: 'signoff', detail: (e as RpEvent<'rp-signoff-request'>).detail });
  };

  private readonly onCommentRequest = (e: Event): void => {
    e.stopPropagation();
    const detail = (e as RpEvent<'rp-comment-request'>).detail;
    if (detail?.action === 'go') return this.events.focus(placeOf(detail.anchor));
    if (detail?.action === 'open')
      return void this.host.shadowRoot?.querySelector('rp-comments-panel')?.open(detail.anchor);
    void this.handle({ kind: 'comment', detail });
  };

  private async handle(r: Request): Promise<void> {
    const s = this.settings();
    if (s.locked || !r.detail || !s.state) return;
    if (!s.scenarioId) {
      // Nothing stored yet: what is recorded must land in the stored scenario's document.
      this.pending.push(r);
      this.events.store();
      return;
    }
    const live = await liveStateOf(s.state).catch(() => null);
    if (!live || s.state !== this.settings().state) return;
    this.attach();
    if (r.kind === 'signoff' && r.detail.action === 'sign' && s.signer === null) {
      const message = negotiationMsg('signoff.needsPersonalToken');
      return this.events.problem({ code: 'invalid-signoff', key: 'workshop-signer', message });
    }
    if (r.kind === 'signoff') await this.signoff(live.doc, live.plan, r.detail, s.userName, s.signer ?? null);
    else this.comment(live.doc, r.detail, s.userName);
    await this.refresh();
  }

  private async signoff(
    doc: Y.Doc,
    plan: Plan,
    d: SignoffRequest,
    userName: string,
    signer: string | null,
  ): Promise<void> {
    const fingerprint = await planFingerprint(plan);
    let signoff: Signoff | null = null;
    if (d.action === 'open') openRound(doc, userName);
    else {
      const as = signer ? { name: signer, source: 'server' as const } : { name: d.name };
      signoff = addSignoff(doc, plan, fingerprint, { id: newId('so'), party: d.party, role: d.role, ...as });
    }
    if (d.action === 'sign' && !signoff) return;
    const s = readSignoffs(doc);
    const complete = signoffStatus(plan, fingerprint, s.round, s.signoffs).complete;
    emit(this.host, 'rp-signoff', { action: d.action, signoff, fingerprint, complete });
  }

  private comment(doc: Y.Doc, d: CommentRequest, userName: string): void {
    if (d.action === 'go' || d.action === 'open') return;
    const author = userName;
    if (d.action === 'start') {
      const threadId = newId('c');
      if (startThread(doc, d.anchor, { threadId, messageId: newId('m'), author, text: d.text }).ok)
        emit(this.host, 'rp-comment', { action: 'start', threadId, anchor: d.anchor });
      return;
    }
    const done =
      d.action === 'reply'
        ? reply(doc, { threadId: d.threadId, messageId: newId('m'), author, text: d.text })
        : setResolved(doc, d.threadId, d.action === 'resolve');
    const anchor = this.threads.find((t) => t.id === d.threadId)?.anchor;
    if (done.ok && anchor) emit(this.host, 'rp-comment', { action: d.action, threadId: d.threadId, anchor });
  }
}
