import * as Y from 'yjs';

/*
 * Checks the framing of a message a client sends, before Hocuspocus reads it. Hocuspocus survives
 * most garbage, but a message that fails half-way leaves that room detached on a socket that stays
 * open, and an undecodable Yjs update could reach other clients. Refusing it here closes the socket
 * cleanly; the client reconnects and resyncs, so nothing it holds is lost.
 *
 * Wire format (Hocuspocus 3): varString room, varUint type, then a type-specific body.
 */

/** Message types a client may send. Stateless and broadcast-stateless are not used by our client. */
export const SYNC = 0,
  AWARENESS = 1,
  AUTH = 2,
  QUERY_AWARENESS = 3,
  SYNC_REPLY = 4,
  CLOSE = 7;
export const SYNC_STEP1 = 0,
  SYNC_STEP2 = 1,
  SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;

const MAX_ROOM_CHARS = 200;
const MAX_TOKEN_CHARS = 2000;

/** What a message is: its room, type and, for sync messages, the step (1 = state vector, 2/3 = an update). */
export interface MessageKind {
  room: string;
  type: number;
  step?: number;
}
export type MessageVerdict = ({ ok: true } & MessageKind) | { ok: false; problem: string };

/** A sync message that carries a Yjs update (sync step 2 or an update). */
export const carriesUpdate = (k: MessageKind): boolean =>
  (k.type === SYNC || k.type === SYNC_REPLY) && (k.step === SYNC_STEP2 || k.step === SYNC_UPDATE);

export class Reader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at === this.bytes.length;
  }

  uint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      if (this.at >= this.bytes.length) throw new Error('truncated varint');
      const b = this.bytes[this.at++]!;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw new Error('varint too long');
  }

  bytesField(): Uint8Array {
    const len = this.uint();
    if (len > this.bytes.length - this.at) throw new Error('length beyond message');
    const out = this.bytes.subarray(this.at, this.at + len);
    this.at += len;
    return out;
  }

  string(maxChars: number): string {
    const raw = this.bytesField();
    if (raw.length > maxChars * 4) throw new Error('string too long');
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  }
}

export function checkMessage(data: Uint8Array): MessageVerdict {
  try {
    const r = new Reader(data);
    const room = r.string(MAX_ROOM_CHARS);
    const type = r.uint();
    let step: number | undefined;
    switch (type) {
      case SYNC:
      case SYNC_REPLY: {
        step = r.uint();
        const body = r.bytesField();
        if (step === SYNC_STEP1) Y.decodeStateVector(body);
        else if (step === SYNC_STEP2 || step === SYNC_UPDATE) Y.decodeUpdate(body);
        else return { ok: false, problem: `unknown sync step ${step}` };
        break;
      }
      case AWARENESS:
        checkAwareness(r.bytesField());
        break;
      case AUTH: {
        if (r.uint() !== AUTH_TOKEN) return { ok: false, problem: 'unknown auth message' };
        r.string(MAX_TOKEN_CHARS);
        break;
      }
      case QUERY_AWARENESS:
      case CLOSE:
        break;
      default:
        return { ok: false, problem: `message type ${type} not accepted` };
    }
    if (!r.done) return { ok: false, problem: 'trailing bytes' };
    return step === undefined ? { ok: true, room, type } : { ok: true, room, type, step };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : 'undecodable' };
  }
}

/** An awareness update: count, then per client its id, clock and JSON state. */
function checkAwareness(body: Uint8Array): void {
  readAwareness(body);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
  bytes: number;
}

/** The entries of an awareness update body; throws on anything malformed. */
export function readAwareness(body: Uint8Array): AwarenessEntry[] {
  const r = new Reader(body);
  const count = r.uint();
  if (count > body.length) throw new Error('awareness count beyond message');
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = r.uint();
    const clock = r.uint();
    const start = r.at;
    const state: unknown = JSON.parse(r.string(body.length));
    out.push({ clientId, clock, state, bytes: r.at - start });
  }
  if (!r.done) throw new Error('trailing bytes in awareness update');
  return out;
}

/** Where a message's body starts: after the room, the type and (sync) the step; then a varUint8Array. */
export function messageBody(data: Uint8Array): Uint8Array {
  const r = new Reader(data);
  r.string(MAX_ROOM_CHARS);
  const type = r.uint();
  if (type === SYNC || type === SYNC_REPLY) r.uint();
  return r.bytesField();
}

/* Encoding, for the messages the server rewrites (presence). */
const pushUint = (out: number[], n: number) => {
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
};
const pushBytes = (out: number[], b: Uint8Array) => {
  pushUint(out, b.length);
  for (const x of b) out.push(x);
};

/** An awareness update body from entries (state null removes the client). */
export function encodeAwareness(entries: readonly { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const out: number[] = [];
  pushUint(out, entries.length);
  for (const e of entries) {
    pushUint(out, e.clientId);
    pushUint(out, e.clock);
    pushBytes(out, new TextEncoder().encode(JSON.stringify(e.state)));
  }
  return new Uint8Array(out);
}

/** Room, type and sync step of a message that passed checkMessage, without decoding its body again. */
export function peekKind(data: Uint8Array): MessageKind {
  const r = new Reader(data);
  const room = r.string(MAX_ROOM_CHARS);
  const type = r.uint();
  return type === SYNC || type === SYNC_REPLY ? { room, type, step: r.uint() } : { room, type };
}
