import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { safely } from '../safely.ts';
import { collabError, closeError, handshakeError, refusalError, RESYNC_CODES, type CollabError } from './errors.ts';
import { askAdmission } from './admission.ts';
import { fetchRoomState } from './room-state.ts';
import { takeOver } from './take-over.ts';
import {
  cleanColor,
  cleanName,
  parseSelection,
  peersFrom,
  readIdentity,
  sameCell,
  type AssignedIdentity,
  type CellRef,
  type LocalPresence,
  type Peer,
} from './presence.ts';

/**
 * Live collaboration for one open plan: connects the plan state's Y.Doc to the collaboration server
 * (server/) and shares presence. Collaboration is one more way the document's updates travel: edits
 * keep going into the local doc whatever the connection does, and merge when it is back.
 *
 *   const session = connectCollab(state, {
 *     url: 'ws://127.0.0.1:1234',  // <rp-planner collab-url>
 *     room: plan.id,               // one room per plan/scenario id
 *     token: 'dev-editor',         // <rp-planner collab-token>; 'dev-observer' joins read-only
 *     userName: 'Anna',            // <rp-planner user-name>
 *     onStatus: (s) => …,          // 'connecting' | 'connected' | 'offline' | 'refused'
 *     onPresence: (peers) => …,    // everyone else: { clientId, name, color, selection }
 *     onError: (e) => …,           // { code, message: { nl, en }, retrying }
 *   });
 *   session.setSelection({ section: 'activities', rowId: 'a1', field: 'name' });  // or null
 *   session.disconnect();          // leave; the doc and its edits stay
 *
 * - `status` is 'refused' when the server turned the token down (the session stops; the error says
 *   why) and 'offline' while the network or server is away (it reconnects by itself).
 * - Retrying (errors.ts): a refusal that retrying cannot change stops the session; a passing one (a
 *   full server, a late sign-in, a rate limit) is retried after a pause that doubles per failed
 *   attempt (1 s … 30 s, with jitter) until a connection has held for a while.
 * - An edit the server refused (4422 invalid-update, 4413 room-too-large) would be refused again on
 *   every reconnect, as the doc keeps it. So the session stops reconnecting, fetches the room's state
 *   over a connection of its own, drops what the room does not have by writing the room's state over
 *   the doc (take-over.ts; the plan state reports it as 'remote'; a plan state's undo history, which
 *   holds the refused edit, is dropped), joins again and says so. Refused
 *   again before that has settled, it stops ('resync-failed').
 * - `readOnly` becomes true when the server admitted the token as an observer: the server drops
 *   an observer's edits, so the host should disable editing.
 * - Remote updates are applied with `origin` (the provider) as transaction origin; the plan state
 *   reports them as 'remote'. The host loads this module with `import()` only when a collab-url is set.
 * - Nothing here throws into the host: bad options become an error and status 'refused'.
 */

export type CollabStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface CollabOptions {
  url: string;
  room: string;
  token: string;
  userName: string;
  /** #rrggbb; by default one from the palette, picked by the Yjs client id. */
  color?: string;
  onStatus?(status: CollabStatus): void;
  onPresence?(peers: readonly Peer[]): void;
  onError?(error: CollabError): void;
  /** The identity the server assigned to this connection's token (presence.ts AssignedIdentity). */
  onIdentity?(identity: AssignedIdentity): void;
  /** Called when every local edit has (true) or has not yet (false) been acknowledged by the server. */
  onSynced?(synced: boolean): void;
  /** Node only (tests, tools): the `ws` package's WebSocket class. Browsers use their own. */
  WebSocketPolyfill?: unknown;
}

export interface CollabSession {
  readonly status: CollabStatus;
  readonly peers: readonly Peer[];
  readonly readOnly: boolean;
  /** Connected, and every local edit acknowledged by the server. */
  readonly synced: boolean;
  /** Transaction origin of updates that came from the server. */
  readonly origin: object;
  setSelection(cell: CellRef | null): void;
  disconnect(): void;
}

/** A Y.Doc, or a plan state that holds one (src/sync/plan-state.ts). */
export type CollabTarget = Y.Doc | { readonly doc: Y.Doc };

/** Selection changes (arrow keys held down) are sent at most this often. */
const SELECTION_INTERVAL_MS = 50;
/** A connection signed in this long counts as healthy: the next drop retries after the shortest pause. */
const STABLE_MS = 10_000;
const MIN_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
/** How long fetching the room's state after a refused edit may take before it is tried again. */
const ROOM_STATE_TIMEOUT_MS = 15_000;

/** The pause before attempt `failures + 1`: doubling, capped, with jitter (half to all of it). */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return MIN_RETRY_MS;
  const full = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** failures);
  return Math.round(full / 2 + (random() * full) / 2);
}

export function connectCollab(target: CollabTarget, options: CollabOptions): CollabSession {
  return new Session(docOf(target), options, historyOf(target));
}

/** A plan state's forgetHistory (plan-state.ts), when the target has one. */
function historyOf(target: CollabTarget): { forgetHistory(): void } | null {
  const t = target as { forgetHistory?: unknown };
  return typeof t.forgetHistory === 'function' ? (target as unknown as { forgetHistory(): void }) : null;
}

function docOf(target: CollabTarget): Y.Doc {
  return 'doc' in target && typeof (target as { doc: unknown }).doc === 'object'
    ? (target as { doc: Y.Doc }).doc
    : (target as Y.Doc);
}

const validUrl = (url: unknown): boolean => {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return u.protocol === 'ws:' || u.protocol === 'wss:';
  } catch {
    return false;
  }
};

type SocketProvider = HocuspocusProviderWebsocket & {
  shouldConnect: boolean;
  connect: () => Promise<void>;
  createWebSocketConnection: () => Promise<void>;
};

class Session implements CollabSession {
  status: CollabStatus = 'connecting';
  peers: readonly Peer[] = [];
  readOnly = false;
  private provider: HocuspocusProvider | null = null;
  private local: LocalPresence;
  private selectionTimer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;
  private lastSynced = false;
  private originRef: object = this;
  /** Attempts since the last healthy connection; sets the pause before the next one. */
  private failures = 0;
  private signedInAt = 0;
  /** A refusal reported on this socket already (the close that follows repeats it). */
  private refusalReported = false;
  /** The current socket opened (its handshake passed). */
  private socketOpened = false;
  /** The current socket's refused handshake was told already (Node's `ws` names the status). */
  private handshakeTold = false;
  /** The refused edit that the last take-over answered; cleared once everything is acknowledged. */
  private refusal: CollabError | null = null;
  private cancelFetch: (() => void) | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly takeOverOrigin = { collab: 'room state' };
  private readonly onOnline = () => {
    void this.provider?.configuration.websocketProvider.connect();
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: CollabOptions,
    private readonly history: { forgetHistory(): void } | null = null,
  ) {
    this.local = { name: cleanName(options.userName), color: cleanColor(options.color, doc.clientID), selection: null };
    if (!validUrl(options.url)) {
      this.fail(collabError('invalid-url'));
      return;
    }
    this.call(() => options.onStatus?.('connecting'));
    if (!this.open()) return;
    // The provider's back-off can reach 30 s; when the venue's Wi-Fi returns, try at once.
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  get origin(): object {
    return this.originRef;
  }

  get synced(): boolean {
    const p = this.provider;
    return this.status === 'connected' && p !== null && p.isSynced && !p.hasUnsyncedChanges;
  }

  private open(): boolean {
    try {
      this.provider = this.createProvider();
      this.originRef = this.provider;
      return true;
    } catch (error) {
      this.fail(collabError('refused', error instanceof Error ? error.message.slice(0, 80) : 'error'));
      return false;
    }
  }

  private createProvider(): HocuspocusProvider {
    const polyfill = this.options.WebSocketPolyfill;
    const socket = new HocuspocusProviderWebsocket({
      url: this.options.url,
      ...(polyfill ? { WebSocketPolyfill: this.watchHandshake(polyfill) } : {}),
      // Runs before the socket provider schedules its reconnect: set the pause, or stop it.
      onClose: ({ event }) =>
        this.beforeReconnect(socket as SocketProvider, event as { code: number; reason?: string }),
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: String(this.options.room),
      document: this.doc,
      token: String(this.options.token ?? ''),
    });
    provider.attach();
    provider.awareness?.setLocalState(this.local);
    provider.on('status', ({ status }: { status: WebSocketStatus }) => {
      if (status === WebSocketStatus.Connecting) this.setStatus('connecting');
      else if (status === WebSocketStatus.Disconnected) this.setStatus('offline');
      // 'connected' waits for the server to accept the token (authenticated).
    });
    provider.on('open', () => {
      this.refusalReported = false;
      this.socketOpened = true;
    });
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      this.readOnly = scope === 'readonly';
      this.signedInAt = Date.now();
      this.setStatus('connected');
      // Said again once joined: the 'connected' status clears a host's last error.
      if (this.refusal) this.report(this.refusal);
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      const error = refusalError(String(reason));
      this.refusalReported = true;
      if (error.retrying) this.report(error);
      else this.fail(error);
    });
    provider.on('close', ({ event }: { event: { code: number; reason?: string } }) => {
      const error = closeError(event.code, String(event.reason ?? ''));
      if (error && RESYNC_CODES.has(error.code)) {
        this.refused(error);
        return;
      }
      if (error && !(event.code === 4403 && this.refusalReported)) {
        if (error.retrying) this.report(error);
        else this.fail(error);
      }
      // A room-level close from the server leaves the socket open but the room detached: reconnect.
      const ws = provider.configuration.websocketProvider.webSocket;
      if (!this.ended && ws && ws.readyState === 1 && this.status !== 'refused') ws.close();
    });
    provider.on('stateless', ({ payload }: { payload: string }) => {
      const identity = readIdentity(payload);
      if (identity && !this.ended) this.call(() => this.options.onIdentity?.(identity));
    });
    provider.on('awarenessChange', () => this.updatePeers());
    provider.on('unsyncedChanges', () => this.updateSynced());
    provider.on('synced', () => this.updateSynced());
    return provider;
  }

  /** Node's `ws` names the HTTP status of a refused handshake (a browser's WebSocket does not). */
  private watchHandshake(polyfill: unknown): unknown {
    const report = (status: number) => {
      const error = handshakeError(status);
      if (!error) return;
      this.handshakeTold = true;
      this.report(error);
    };
    const Base = polyfill as new (...args: unknown[]) => {
      addEventListener?(t: string, f: (e: unknown) => void): void;
    };
    return class extends Base {
      constructor(...args: unknown[]) {
        super(...args);
        this.addEventListener?.('error', (e) => {
          const m = /Unexpected server response: (\d+)/.exec(String((e as { message?: unknown })?.message ?? ''));
          if (m) report(Number(m[1]));
        });
      }
    };
  }

  /** The socket closed: how long until the next attempt, or none (stopped, or a refused edit). */
  private beforeReconnect(socket: SocketProvider, event: { code: number; reason?: string }): void {
    const error = closeError(event.code, String(event.reason ?? ''));
    const neverOpened = !this.socketOpened && !this.handshakeTold;
    this.socketOpened = false;
    this.handshakeTold = false;
    // Closed before it opened: maybe the handshake was turned down (429/503), which a browser does not show.
    if (neverOpened && error === null && !this.ended) this.askWhyRefused();
    if (this.ended || this.status === 'refused' || (error && (RESYNC_CODES.has(error.code) || !error.retrying))) {
      socket.shouldConnect = false;
      return;
    }
    const healthy = this.signedInAt > 0 && Date.now() - this.signedInAt >= STABLE_MS;
    this.signedInAt = 0;
    this.failures = healthy ? 0 : this.failures + 1;
    // A plain drop after a healthy connection: at once (the provider's 1 s); else back off.
    socket.configuration.delay = healthy && error === null ? MIN_RETRY_MS : retryDelay(this.failures);
  }

  private askWhyRefused(): void {
    void askAdmission(this.options.url).then((error) => {
      if (error && !this.ended && this.status !== 'connected' && this.status !== 'refused') this.report(error);
    });
  }

  /** The server refused an edit: stop, take over the room's state, join again. */
  private refused(error: CollabError): void {
    if (this.ended || this.status === 'refused') return;
    if (this.refusal) {
      // Refused again before the take-over settled: retrying would loop.
      this.fail(collabError('resync-failed'));
      return;
    }
    this.refusal = error;
    this.report(error);
    queueMicrotask(() => {
      this.dropProvider();
      this.setStatus('connecting');
      this.fetchAndTakeOver();
    });
  }

  private fetchAndTakeOver(): void {
    if (this.ended || this.status === 'refused') return;
    const fetch = fetchRoomState({
      url: this.options.url,
      room: String(this.options.room),
      token: String(this.options.token ?? ''),
      WebSocketPolyfill: this.options.WebSocketPolyfill,
      timeoutMs: ROOM_STATE_TIMEOUT_MS,
    });
    this.cancelFetch = fetch.cancel;
    void fetch.result.then((state) => {
      this.cancelFetch = null;
      if (this.ended || this.status === 'refused') return;
      if (state instanceof Uint8Array) {
        try {
          // First: the undo history holds the refused edit, and undo or redo would bring it back.
          this.history?.forgetHistory();
          takeOver(this.doc, state, this.takeOverOrigin);
        } catch {
          this.fail(collabError('resync-failed'));
          return;
        }
        this.failures = 0;
        this.open();
        return;
      }
      if (state && !state.retrying) {
        this.fail(state);
        return;
      }
      if (state) this.report(state);
      this.setStatus('offline');
      this.failures++;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.setStatus('connecting');
        this.fetchAndTakeOver();
      }, retryDelay(this.failures));
    });
  }

  setSelection(cell: CellRef | null): void {
    const selection = cell === null ? null : parseSelection(cell);
    if (cell !== null && selection === null) return; // not a cell we know how to show: ignore
    if (sameCell(selection, this.local.selection)) return;
    this.local = { ...this.local, selection };
    if (this.selectionTimer !== null || !this.provider) return;
    this.selectionTimer = setTimeout(() => {
      this.selectionTimer = null;
      this.provider?.awareness?.setLocalStateField('selection', this.local.selection);
    }, SELECTION_INTERVAL_MS);
  }

  disconnect(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.selectionTimer !== null) clearTimeout(this.selectionTimer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.cancelFetch?.();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    this.dropProvider();
    if (this.status !== 'refused') this.status = 'offline';
    this.peers = [];
  }

  /** Leaves the room for good on this provider; the doc and its edits stay. */
  private dropProvider(): void {
    const provider = this.provider;
    this.provider = null;
    if (!provider) return;
    const socket = provider.configuration.websocketProvider as SocketProvider;
    // Closing a socket that is still connecting makes Node's `ws` emit an error after the provider
    // has removed its listeners, which would be uncaught; browsers ignore it.
    (socket.webSocket as { addEventListener?(t: string, f: () => void): void } | null)?.addEventListener?.(
      'error',
      () => {},
    );
    // destroy() removes our presence for the others and closes the socket; the doc stays as it is.
    provider.destroy();
    socket.destroy();
    // After a dropped connection the provider schedules connect() for later; that call turns
    // reconnecting back on and would revive the destroyed provider, retrying forever in the
    // background. Make the late call a no-op.
    // An attempt already scheduled by the retry loop would open a fresh socket: refuse that too.
    socket.shouldConnect = false;
    socket.connect = async () => {};
    socket.createWebSocketConnection = () => new Promise<void>(() => {});
    this.peers = [];
  }

  private updatePeers(): void {
    const awareness = this.provider?.awareness;
    if (!awareness || this.ended) return;
    this.peers = peersFrom(awareness.getStates(), this.doc.clientID);
    this.call(() => this.options.onPresence?.(this.peers));
  }

  private updateSynced(): void {
    const synced = this.synced;
    // Everything acknowledged since the take-over: a later refusal is a new one.
    if (synced) this.refusal = null;
    if (synced === this.lastSynced) return;
    this.lastSynced = synced;
    this.call(() => this.options.onSynced?.(synced));
  }

  private setStatus(status: CollabStatus): void {
    if (this.ended || this.status === 'refused' || this.status === status) return;
    this.status = status;
    this.call(() => this.options.onStatus?.(status));
    this.updateSynced();
  }

  private report(error: CollabError): void {
    if (!this.ended) this.call(() => this.options.onError?.(error));
  }

  /** Stops for good: a refused token does not become valid by retrying. */
  private fail(error: CollabError): void {
    if (this.ended) return;
    this.report(error);
    this.setStatus('refused');
    // Not from inside the provider's own event dispatch: it is still iterating its listeners.
    queueMicrotask(() => this.disconnect());
  }

  /** A host callback that throws must not break the connection handling. */
  private call(fn: () => void): void {
    safely(fn);
  }
}
