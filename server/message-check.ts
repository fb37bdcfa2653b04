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
const SYNC = 0, AWARENESS = 1, AUTH = 2, QUERY_AWARENESS = 3, SYNC_REPLY = 4, CLOSE = 7;
const SYNC_STEP1 = 0, SYNC_STEP2 = 1, SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;

const MAX_ROOM_CHARS = 200;
const MAX_TOKEN_CHARS = 2000;

export type MessageVerdict = { ok: true; room: string } | { ok: false; problem: string };

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean { return this.at === this.bytes.length; }

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
    switch (type) {
      case SYNC:
      case SYNC_REPLY: {
        const step = r.uint();
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
    return { ok: true, room };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : 'undecodable' };
  }
}

/** An awareness update: count, then per client its id, clock and JSON state. */
function checkAwareness(body: Uint8Array): void {
  const r = new Reader(body);
  const count = r.uint();
  for (let i = 0; i < count; i++) {
    r.uint();
    r.uint();
    JSON.parse(r.string(body.length));
  }
  if (!r.done) throw new Error('trailing bytes in awareness update');
}
