import type { CellRef as PeerCell, Peer } from '../../src/sync/collab/presence.ts';
import { PALETTE } from '../../src/sync/collab/presence.ts';
import type { CellRef } from './marks.ts';

/*
 * Other workshop participants' selected cells, as the grids draw them. Presence arrives from other
 * people's browsers: names are only ever written as text, and a colour is used only when it reads
 * as a plain CSS colour (no var(), url() or keywords that could pull anything else in).
 */

export type { Peer };

/** rowId → colKey → the participants who have that cell selected. */
export type PresenceMap = Map<string, Map<string, readonly Peer[]>>;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^(?:rgba?|hsla?)\([0-9.,%\s/deg+-]{1,60}\)$/i;
const NAMED = /^[a-z]{3,20}$/i;
const NOT_A_COLOUR = new Set(['inherit', 'initial', 'unset', 'revert', 'transparent', 'currentcolor']);

const supports = (value: string): boolean =>
  typeof CSS === 'undefined' || typeof CSS.supports !== 'function' || CSS.supports('color', value);

/** The participant's colour when it is a safe, plain CSS colour; otherwise one from the palette. */
export function presenceColor(color: unknown, clientId: number): string {
  if (typeof color === 'string') {
    const c = color.trim();
    if (HEX.test(c)) return c.toLowerCase();
    if ((FUNCTIONAL.test(c) || (NAMED.test(c) && !NOT_A_COLOUR.has(c.toLowerCase()))) && supports(c))
      return c.toLowerCase();
  }
  const index = Number.isFinite(clientId) ? Math.abs(Math.trunc(clientId)) % PALETTE.length : 0;
  return PALETTE[index]!;
}

/** Places each participant with a selection on the cell it points at in this grid. */
export function buildPresence(
  peers: readonly Peer[] | null | undefined,
  locate: (selection: PeerCell) => CellRef | null,
): PresenceMap {
  const map: PresenceMap = new Map();
  if (!Array.isArray(peers)) return map;
  for (const peer of peers) {
    if (!peer || typeof peer !== 'object' || !peer.selection) continue;
    let ref: CellRef | null;
    try {
      ref = locate(peer.selection);
    } catch {
      ref = null; // a malformed selection from another browser is simply not shown
    }
    if (!ref) continue;
    let row = map.get(ref.rowId);
    if (!row) map.set(ref.rowId, (row = new Map()));
    row.set(ref.colKey, [...(row.get(ref.colKey) ?? []), peer]);
  }
  return map;
}

const sig = (peers: readonly Peer[] | undefined): string =>
  peers ? peers.map((p) => `${p.clientId}\u0000${p.name}\u0000${p.color}`).join('\u0001') : '';

/** The cells whose participants differ between two presence maps (added, removed or changed). */
export function changedPresence(a: PresenceMap, b: PresenceMap): CellRef[] {
  const out: CellRef[] = [];
  const visit = (x: PresenceMap, y: PresenceMap, both: boolean) => {
    for (const [rowId, row] of x) {
      for (const [colKey, peers] of row) {
        const other = y.get(rowId)?.get(colKey);
        if (other === undefined ? true : both && sig(peers) !== sig(other)) out.push({ rowId, colKey });
      }
    }
  };
  visit(a, b, true);
  visit(b, a, false);
  return out;
}
