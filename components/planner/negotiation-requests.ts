import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import type { Plan } from '../../src/model/plan.ts';
import type { Signoff } from '../../src/model/negotiation.ts';
import { liveStateOf } from '../../src/sync/deferred-state.ts';
import { planFingerprint } from '../../src/export/fingerprint.ts';
import {
  addSignoff,
  openRound,
  placeOf,
  readSignoffs,
  reply,
  setResolved,
  signoffStatus,
  startThread,
  type CommentThread,
} from '../../src/negotiation/index.ts';
import { negotiationMsg } from '../../src/i18n/negotiation.ts';
import { emit, type CommentRequest, type RpEvent, type SignoffRequest } from '../shared/events.ts';
import { newId } from '../shared/new-id.ts';
import type { NegotiationEvents, NegotiationSettings } from './negotiation-controller.ts';

type Request = { kind: 'signoff'; detail: SignoffRequest } | { kind: 'comment'; detail: CommentRequest };

/** What the requests need of the controller that shows the sign-offs and threads. */
export interface NegotiationRecords {
  readonly threads: readonly CommentThread[];
  /** Follows the live document (once the first request made it). */
  attach(): void;
  /** Reads the document again after a request wrote to it. */
  refresh(): Promise<void>;
}

/**
 * What the sign-off and comments panels ask for (rp-signoff-request, rp-comment-request), written
 * to the open scenario's document (src/negotiation) and told to the host as rp-signoff and
 * rp-comment. A request before anything is stored stores the scenario first and waits for it.
 */
export class NegotiationRequests implements ReactiveController {
  private pending: Request[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => NegotiationSettings,
    private readonly events: NegotiationEvents,
    private readonly records: NegotiationRecords,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('rp-signoff-request', this.onSignoffRequest);
    this.host.addEventListener('rp-comment-request', this.onCommentRequest);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('rp-signoff-request', this.onSignoffRequest);
    this.host.removeEventListener('rp-comment-request', this.onCommentRequest);
  }

  hostUpdate(): void {
    if (this.pending.length === 0) return;
    if (this.settings().scenarioId) {
      const queued = this.pending;
      this.pending = [];
      for (const r of queued) void this.handle(r);
    } else {
      // Still nothing stored (the store may have been opening when asked): ask again.
      this.events.store();
    }
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
    this.records.attach();
    if (r.kind === 'signoff' && r.detail.action === 'sign' && s.signer === null) {
      const message = negotiationMsg('signoff.needsPersonalToken');
      return this.events.problem({ code: 'invalid-signoff', key: 'workshop-signer', message });
    }
    if (r.kind === 'signoff') await this.signoff(live.doc, live.plan, r.detail, s.userName, s.signer ?? null);
    else this.comment(live.doc, r.detail, s.userName);
    await this.records.refresh();
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
    const anchor = this.records.threads.find((t) => t.id === d.threadId)?.anchor;
    if (done.ok && anchor) emit(this.host, 'rp-comment', { action: d.action, threadId: d.threadId, anchor });
  }
}
