import * as Y from 'yjs';

/*
 * What an update waits for. Yjs integrates a struct only once the content it builds on is there
 * (its left and right origin, its parent, the earlier clocks of its own client); until then it
 * keeps it pending, and a deletion of content not there yet too, and integrates both inside the
 * update that brings what they wait for. room-check.ts holds such updates apart (never in the
 * room, never in its shadow), and works out whose held update an update would complete.
 */

export interface UpdateParts {
  structs: (Y.Item | Y.GC | Y.Skip)[];
  ds: ReturnType<typeof Y.decodeUpdate>['ds'];
  /** Per client, the clock after its last struct in the update. */
  to: Map<number, number>;
}

/**
 * An update (v1), decoded once for the checks. Throws on one Yjs never encodes: a client's structs
 * in two groups, or going back (applied and merged, such an update reads differently).
 */
export function readParts(update: Uint8Array): UpdateParts {
  const { structs, ds } = Y.decodeUpdate(update);
  const to = new Map<number, number>();
  let client: number | null = null;
  let end = 0;
  for (const s of structs) {
    if (s.id.client !== client) {
      if (to.has(s.id.client)) throw new Error(`client ${s.id.client} in two groups`);
      client = s.id.client;
      end = 0;
    }
    if (s.id.clock < end) throw new Error(`client ${client} goes back to clock ${s.id.clock}`);
    end = s.id.clock + s.length;
    if (!(s instanceof Y.Skip)) to.set(client, end);
    else if (!to.has(client)) to.set(client, 0);
  }
  for (const [c, e] of to) if (e === 0) to.delete(c);
  return { structs, ds, to };
}

/**
 * The content an update waits for, given what the document has (`have`: a client's next clock):
 * per client, the first clock it needs that neither the document nor the update itself holds.
 * Empty when the update applies completely.
 */
export function waitsFor(parts: UpdateParts, have: (client: number) => number): Map<number, number> {
  const out = new Map<number, number>();
  const need = (client: number, clock: number) => {
    const k = out.get(client);
    if (k === undefined || clock < k) out.set(client, clock);
  };
  // How far each client's content reaches without a gap: the document's, then the update's own.
  const reach = new Map<number, number>();
  const reachOf = (client: number) => reach.get(client) ?? have(client);
  for (const s of parts.structs) {
    if (s instanceof Y.Skip) continue;
    const r = reachOf(s.id.client);
    if (s.id.clock > r) need(s.id.client, r);
    else reach.set(s.id.client, Math.max(r, s.id.clock + s.length));
  }
  const check = (id: Y.ID | null) => {
    if (id && id.clock >= reachOf(id.client)) need(id.client, id.clock);
  };
  for (const s of parts.structs) {
    if (!(s instanceof Y.Item)) continue;
    check(s.origin);
    check(s.rightOrigin);
    if (s.parent instanceof Y.ID) check(s.parent);
  }
  for (const [client, deletions] of parts.ds.clients) {
    const r = reachOf(client);
    for (const d of deletions) if (d.clock + d.len > r) need(client, Math.max(d.clock, r));
  }
  return out;
}

/** Whether an update that reaches `to` brings any clock `awaits` names. */
export function completes(to: ReadonlyMap<number, number>, awaits: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of awaits) if ((to.get(client) ?? 0) > clock) return true;
  return false;
}
