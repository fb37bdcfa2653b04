import * as Y from 'yjs';
import { connectCollab, type CollabSession } from './connect.ts';
import type { CollabError } from './errors.ts';
import { fetchRoomState } from './room-state.ts';
import { planRoom, scenarioListRoom } from './scenario-list.ts';
import { ScenarioSync, type LocalScenario, type LocalScenarios } from './scenario-sync.ts';

/*
 * A participant's part in a plan's shared scenario list: joins the list room (`<plan>:scenarios`),
 * and once it has synced keeps the participant's own scenarios and the list the same
 * (scenario-sync.ts). A shared scenario this participant lacks is created with its room's content,
 * fetched over a connection of its own (room-state.ts); a room nobody has written yet is asked
 * again later. Lives as long as the workshop on this plan; scenario switches do not touch it.
 */

export interface ListSessionOptions {
  url: string;
  planId: string;
  token: string;
  userName: string;
  local: LocalScenarios;
  seededId: string | null;
  onOffered?(offered: readonly LocalScenario[]): void;
  onError?(error: CollabError): void;
  /** Node only (tests): the `ws` WebSocket class. */
  WebSocketPolyfill?: unknown;
}

export interface ListSession {
  readonly offered: readonly LocalScenario[];
  /** Shares a local scenario made before joining. */
  share(localId: string): Promise<void>;
  /** The participant's own list changed (the store says so). */
  changed(): void;
  leave(): void;
}

const FETCH_TIMEOUT_MS = 10_000;

export function joinScenarioList(options: ListSessionOptions): ListSession {
  const doc = new Y.Doc();
  let sync: ScenarioSync | null = null;
  let left = false;
  const fetchContent = async (sharedId: string): Promise<Uint8Array | null> => {
    const fetch = fetchRoomState({
      url: options.url,
      room: planRoom(options.planId, sharedId),
      token: options.token,
      WebSocketPolyfill: options.WebSocketPolyfill,
      timeoutMs: FETCH_TIMEOUT_MS,
    });
    const state = await fetch.result;
    if (!(state instanceof Uint8Array)) return null;
    // A room nobody has written yet: its creator has not opened it in the workshop so far.
    const probe = new Y.Doc();
    try {
      Y.applyUpdate(probe, state);
      return probe.getMap('plan').size > 0 ? state : null;
    } catch {
      return null;
    } finally {
      probe.destroy();
    }
  };
  const session: CollabSession = connectCollab(doc, {
    url: options.url,
    room: scenarioListRoom(options.planId),
    token: options.token,
    userName: options.userName,
    WebSocketPolyfill: options.WebSocketPolyfill,
    onError: (e) => options.onError?.(e),
    onSynced: (synced) => {
      if (!synced || sync || left) return;
      sync = new ScenarioSync({
        doc,
        local: options.local,
        seededId: options.seededId,
        fetchContent,
        onOffered: (o) => options.onOffered?.(o),
      });
      void sync.start();
    },
  });
  return {
    get offered() {
      return sync?.offered ?? [];
    },
    share: (id) => sync?.share(id) ?? Promise.resolve(),
    changed: () => void sync?.changed(),
    leave() {
      left = true;
      sync?.stop();
      session.disconnect();
      doc.destroy();
    },
  };
}
