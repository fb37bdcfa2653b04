import type { YPlanState } from './plan-state.ts';

/*
 * Tabs of one origin share a scenario's doc over a BroadcastChannel. A joining tab sends its state
 * vector; every open tab answers with what the newcomer lacks plus its own state vector, and the
 * newcomer sends back what that tab lacks. After that, every update is relayed as it happens.
 * Messages are checked before use; a malformed one is ignored.
 */

type Message =
  | { type: 'rp-hello'; from: string; sv: Uint8Array }
  | { type: 'rp-welcome'; from: string; to: string; update: Uint8Array; sv: Uint8Array }
  | { type: 'rp-update'; from: string; update: Uint8Array };

export interface TabsConnection {
  /** False where BroadcastChannel is missing; the state then simply stays local. */
  readonly available: boolean;
  dispose(): void;
}

const randomId = () => Math.random().toString(36).slice(2) + Date.now().toString(36);

function parse(data: unknown): Message | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (typeof m.from !== 'string') return null;
  const bytes = (v: unknown) => v instanceof Uint8Array;
  if (m.type === 'rp-hello' && bytes(m.sv)) return m as Message;
  if (m.type === 'rp-welcome' && typeof m.to === 'string' && bytes(m.update) && bytes(m.sv)) return m as Message;
  if (m.type === 'rp-update' && bytes(m.update)) return m as Message;
  return null;
}

/** Relays the state's updates to and from other tabs on `channelName` (one name per scenario). */
export function connectTabs(state: YPlanState, channelName: string): TabsConnection {
  if (typeof BroadcastChannel === 'undefined') return { available: false, dispose() {} };
  const me = randomId();
  const channel = new BroadcastChannel(channelName);
  const post = (m: Message) => {
    try {
      channel.postMessage(m);
    } catch {
      /* channel closed while the page unloads */
    }
  };

  channel.onmessage = (event: MessageEvent) => {
    const m = parse(event.data);
    if (!m || m.from === me) return;
    switch (m.type) {
      case 'rp-hello':
        post({
          type: 'rp-welcome',
          from: me,
          to: m.from,
          update: safeDiff(state, m.sv),
          sv: state.encodeStateVector(),
        });
        return;
      case 'rp-welcome':
        if (m.to !== me) return;
        state.applyUpdate(m.update, 'tab');
        post({ type: 'rp-update', from: me, update: safeDiff(state, m.sv) });
        return;
      case 'rp-update':
        state.applyUpdate(m.update, 'tab');
        return;
    }
  };

  const stop = state.onUpdate((update, origin) => {
    // Updates that came from a tab already reached every tab on this channel.
    if (origin !== 'tab') post({ type: 'rp-update', from: me, update });
  });

  post({ type: 'rp-hello', from: me, sv: state.encodeStateVector() });

  return {
    available: true,
    dispose() {
      stop();
      channel.onmessage = null;
      channel.close();
    },
  };
}

/** A peer's state vector may be garbage; answer with everything rather than throw. */
function safeDiff(state: YPlanState, sv: Uint8Array): Uint8Array {
  try {
    return state.encodeDiff(sv);
  } catch {
    return state.encodeState();
  }
}
