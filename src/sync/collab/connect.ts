import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { safely } from '../safely.ts';
import { collabError, closeError, refusalError, type CollabError } from './errors.ts';
import { cleanColor, cleanName, parseSelection, peersFrom, sameCell, type CellRef, type LocalPresence, type Peer } from './presence.ts';

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

export function connectCollab(target: CollabTarget, options: CollabOptions): CollabSession {
  return new Session(docOf(target), options);
}

function docOf(target: CollabTarget): Y.Doc {
  return 'doc' in target && typeof (target as { doc: unknown }).doc === 'object' ? (target as { doc: Y.Doc }).doc : (target as Y.Doc);
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
  private readonly onOnline = () => { void this.provider?.configuration.websocketProvider.connect(); };

  constructor(private readonly doc: Y.Doc, private readonly options: CollabOptions) {
    this.local = { name: cleanName(options.userName), color: cleanColor(options.color, doc.clientID), selection: null };
    if (!validUrl(options.url)) {
      this.fail(collabError('invalid-url'));
      return;
    }
    this.call(() => options.onStatus?.('connecting'));
    try {
      this.provider = this.createProvider();
      this.originRef = this.provider;
    } catch (error) {
      this.fail(collabError('refused', error instanceof Error ? error.message.slice(0, 80) : 'error'));
      return;
    }
    // The provider's back-off can reach 30 s; when the venue's Wi-Fi returns, try at once.
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  get origin(): object { return this.originRef; }

  get synced(): boolean {
    const p = this.provider;
    return this.status === 'connected' && p !== null && p.isSynced && !p.hasUnsyncedChanges;
  }

  private createProvider(): HocuspocusProvider {
    const provider = new HocuspocusProvider({
      url: this.options.url,
      name: String(this.options.room),
      document: this.doc,
      token: String(this.options.token ?? ''),
      ...(this.options.WebSocketPolyfill ? { WebSocketPolyfill: this.options.WebSocketPolyfill } : {}),
    });
    provider.awareness?.setLocalState(this.local);
    provider.on('status', ({ status }: { status: WebSocketStatus }) => {
      if (status === WebSocketStatus.Connecting) this.setStatus('connecting');
      else if (status === WebSocketStatus.Disconnected) this.setStatus('offline');
      // 'connected' waits for the server to accept the token (authenticated).
    });
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      this.readOnly = scope === 'readonly';
      this.setStatus('connected');
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      this.fail(refusalError(String(reason)));
    });
    provider.on('close', ({ event }: { event: { code: number } }) => {
      const error = closeError(event.code);
      if (error) this.report(error);
      // A room-level close from the server leaves the socket open but the room detached: reconnect.
      const socket = provider.configuration.websocketProvider.webSocket;
      if (!this.ended && socket && socket.readyState === 1 && this.status !== 'refused') socket.close();
    });
    provider.on('awarenessChange', () => this.updatePeers());
    provider.on('unsyncedChanges', () => this.updateSynced());
    provider.on('synced', () => this.updateSynced());
    return provider;
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
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    const provider = this.provider;
    this.provider = null;
    // Closing a socket that is still connecting makes Node's `ws` emit an error after the provider
    // has removed its listeners, which would be uncaught; browsers ignore it.
    const socket = provider?.configuration.websocketProvider.webSocket as { addEventListener?(t: string, f: () => void): void } | null | undefined;
    socket?.addEventListener?.('error', () => {});
    // destroy() removes our presence for the others and closes the socket; the doc stays as it is.
    provider?.destroy();
    // After a dropped connection the provider schedules connect() for later; that call turns
    // reconnecting back on and would revive the destroyed provider, retrying forever in the
    // background. Make the late call a no-op.
    // An attempt already scheduled by the retry loop would open a fresh socket: refuse that too.
    if (provider) {
      const socketProvider = provider.configuration.websocketProvider as unknown as {
        connect: () => Promise<void>; createWebSocketConnection: () => Promise<void>; shouldConnect: boolean;
      };
      socketProvider.shouldConnect = false;
      socketProvider.connect = async () => {};
      socketProvider.createWebSocketConnection = () => new Promise<void>(() => {});
    }
    if (this.status !== 'refused') this.status = 'offline';
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
