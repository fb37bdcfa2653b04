import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { refusalError, type CollabError } from './errors.ts';

/*
 * The room's state as the server holds it, fetched over a connection of its own with an empty doc:
 * it sends nothing but its sign-in, so nothing the server refused travels with it, and it shows no
 * presence. Used to take over the room's state after a refused edit (take-over.ts).
 */

export interface RoomStateOptions {
  url: string;
  room: string;
  token: string;
  WebSocketPolyfill?: unknown;
  timeoutMs: number;
}

/** The room's state as one update; a refusal (the token is turned down now); or null (no answer in time). */
export function fetchRoomState(options: RoomStateOptions): {
  result: Promise<Uint8Array | CollabError | null>;
  cancel(): void;
} {
  const doc = new Y.Doc();
  let provider: HocuspocusProvider | null = null;
  let settle!: (v: Uint8Array | CollabError | null) => void;
  const result = new Promise<Uint8Array | CollabError | null>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const finish = (value: Uint8Array | CollabError | null) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    const p = provider;
    provider = null;
    // Not from inside the provider's own event dispatch.
    queueMicrotask(() => {
      const socket = p?.configuration.websocketProvider as unknown as
        | {
            webSocket?: { addEventListener?(t: string, f: () => void): void } | null;
            shouldConnect: boolean;
            connect: () => Promise<void>;
          }
        | undefined;
      socket?.webSocket?.addEventListener?.('error', () => {});
      p?.destroy();
      if (socket) {
        socket.shouldConnect = false;
        socket.connect = async () => {};
      }
      doc.destroy();
    });
    settle(value);
  };
  const timer = setTimeout(() => finish(null), options.timeoutMs);
  try {
    provider = new HocuspocusProvider({
      url: options.url,
      name: options.room,
      document: doc,
      token: options.token,
      awareness: null,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    provider.on('synced', () => finish(Y.encodeStateAsUpdate(doc)));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => finish(refusalError(String(reason))));
  } catch {
    finish(null);
  }
  return { result, cancel: () => finish(null) };
}
