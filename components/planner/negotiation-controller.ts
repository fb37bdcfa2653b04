import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding, FindingLocation } from '../../src/model/finding.ts';
import type { CommentAnchor, Signoff, SignoffRound } from '../../src/model/negotiation.ts';
import type { PlanState } from '../../src/sync/state.ts';
import type { ScenarioStore } from '../../src/store/types.ts';
import { liveDocOf } from '../../src/sync/deferred-state.ts';
import { planFingerprint } from '../../src/export/fingerprint.ts';
import type { SignoffExport } from '../../src/export/index.ts';
import {
  observeComments,
  observeSignoffs,
  signoffStatus,
  type CommentThread,
  type NegotiationProblem,
  type SignoffStatus,
} from '../../src/negotiation/index.ts';
import { SignoffChanges, type ChangesSince } from '../../src/negotiation/signoff-changes.ts';
import { negotiationSignature, readNegotiation } from '../../src/negotiation/negotiation-read.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import type { SignoffSectionView } from '../signoff/signoff-section.ts';
import type { CommentsAsideView } from '../comments/comments-aside.ts';
import { HistoryController } from '../history/history-controller.ts';
import { DEFAULT_LOCALE } from '../../src/i18n/locale.ts';
import { CommentAnchorController } from './comment-anchor.ts';
import { NegotiationRequests } from './negotiation-requests.ts';

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

/**
 * Sign-offs and comment threads of the open scenario (src/negotiation), read from its Y.Doc and
 * shown by <rp-signoff-panel> and <rp-comments-panel>; what the panels ask for is written by
 * NegotiationRequests (negotiation-requests.ts), where a new comment goes is followed by
 * CommentAnchorController, and the scenario's history is the HistoryController's. A scenario only
 * looked at has no document yet and nothing recorded; the first sign-off or comment loads its
 * live state (a comment before anything is stored stores it first).
 */
export class NegotiationController implements ReactiveController {
  round: SignoffRound | null = null;
  signoffs: Signoff[] = [];
  status: SignoffStatus | null = null;
  changes: ReadonlyMap<string, ChangesSince> = new Map();
  threads: CommentThread[] = [];
  chosen = false;
  /** What the export menu and exports take: the round with its sign-offs, null when none was opened. */
  exportSignoffs: (SignoffExport & { complete: boolean }) | null = null;
  /** The scenario's history (who changed what, when) and its dialog. */
  readonly history: HistoryController;
  /** Where a new comment goes. */
  private readonly anchors: CommentAnchorController;

  private state: PlanState | null = null;
  private doc: Y.Doc | null = null;
  private store: ScenarioStore | null = null;
  private scenarioId = '';
  private offs: (() => void)[] = [];
  private storeOff: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;
  private readonly reported = new Set<string>();
  private sig = '';
  private readonly signoffChanges = new SignoffChanges();

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
    this.anchors = new CommentAnchorController(host);
    // Registers itself with the host: what the panels ask for is written to the document.
    new NegotiationRequests(host, settings, events, this);
  }

  /** The cell, field or finding last selected: where a new comment goes. */
  get anchor(): CommentAnchor | null {
    return this.anchors.anchor;
  }

  hostDisconnected(): void {
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
    this.signoffChanges.clear();
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
  attach(): void {
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
    let record = { round: this.round, signoffs: this.signoffs, threads: this.threads };
    if (doc) {
      const read = readNegotiation(doc, plan);
      record = { round: read.round, signoffs: read.signoffs, threads: read.threads };
      problems.push(...read.problems);
    }
    let status: SignoffStatus | null = null;
    let changes = this.changes;
    if (record.round || record.signoffs.length > 0 || this.chosen) {
      const fingerprint = await planFingerprint(plan);
      if (run !== this.run) return;
      status = signoffStatus(plan, fingerprint, record.round, record.signoffs);
      changes = this.signoffChanges.of(this.doc, status, plan);
    }
    // Each unreadable entry is told once, not on every refresh.
    for (const p of problems) {
      if (this.reported.has(p.key)) continue;
      this.reported.add(p.key);
      this.events.problem(p);
    }
    // Most edits change nothing here: then the planner is not rendered again for it.
    const sig = negotiationSignature(this.chosen, record, status, changes);
    if (sig === this.sig) return;
    this.sig = sig;
    Object.assign(this, record, { status, changes });
    const { round, signoffs } = record;
    this.exportSignoffs = round ? { round, signoffs, complete: status?.complete ?? false } : null;
    this.host.requestUpdate();
  }
}
