import { z } from '../../model/zod.ts';
import { Section } from '../../model/finding.ts';

/*
 * Presence: who is in the room and which cell each has selected. Peers' awareness states come from
 * other people's browsers, so they are parsed like any untrusted input: a state that does not fit
 * is shown as an anonymous participant without a selection, never passed on as is.
 */

const ref = z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** A grid cell: the section (grid), its row, and the column (a field, or a split domain/sector). */
export const CellRef = z.object({
  section: Section,
  rowId: ref,
  domainId: z.optional(ref),
  sectorId: z.optional(ref),
  field: z.optional(z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9_.$-]+$/))),
});
export type CellRef = z.infer<typeof CellRef>;

export interface Peer {
  /** Yjs client id: stable for one connection, unique in the room. */
  clientId: number;
  /** As the person typed it; '' when not given (show collabUi 'collab.anonymous'). */
  name: string;
  /** #rrggbb */
  color: string;
  selection: CellRef | null;
}

export const MAX_NAME_CHARS = 60;

/**
 * Who the workshop server says this connection is: the token's role and, for a personal token, its
 * holder's name. The server sends it once signed in (a stateless message); sign-offs in a workshop
 * are recorded under that name (server/signoff-check.ts).
 */
export interface AssignedIdentity {
  role: 'editor' | 'observer';
  /** Null when the token names nobody (a shared token): then nobody can sign through it. */
  name: string | null;
}

/** The identity in a server's stateless message, or null when the message is something else. */
export function readIdentity(payload: unknown): AssignedIdentity | null {
  let v: unknown;
  try {
    v = typeof payload === 'string' ? JSON.parse(payload) : null;
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (o.type !== 'rp-identity' || (o.role !== 'editor' && o.role !== 'observer')) return null;
  const name = typeof o.name === 'string' && o.name.trim() !== '' ? o.name.slice(0, 200) : null;
  return { role: o.role, name };
}
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Distinct colours that stay readable as a cell outline and name tag on white. */
export const PALETTE: readonly string[] = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#bcbd22',
  '#393b79',
  '#637939',
  '#843c39',
];

export const colorFor = (clientId: number): string => PALETTE[Math.abs(clientId) % PALETTE.length]!;

/** Trims, removes control characters and caps the length. */
export function cleanName(name: unknown): string {
  if (typeof name !== 'string') return '';
  return (
    name
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .trim()
      .slice(0, MAX_NAME_CHARS)
  );
}

export const cleanColor = (color: unknown, clientId: number): string =>
  typeof color === 'string' && COLOR.test(color) ? color.toLowerCase() : colorFor(clientId);

export function parseSelection(value: unknown): CellRef | null {
  const parsed = CellRef.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The local awareness state we publish. */
export interface LocalPresence {
  name: string;
  color: string;
  selection: CellRef | null;
}

/** Peers (everyone but `self`) from awareness states, sorted by name so a list does not jump. */
export function peersFrom(states: ReadonlyMap<number, unknown>, self: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === self) continue;
    const state = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    // A state without our fields is another kind of client (or one that left): skip it.
    if (!('name' in state) && !('selection' in state)) continue;
    peers.push({
      clientId,
      name: cleanName(state.name),
      color: cleanColor(state.color, clientId),
      selection: parseSelection(state.selection),
    });
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

export const sameCell = (a: CellRef | null, b: CellRef | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.section === b.section &&
    a.rowId === b.rowId &&
    a.domainId === b.domainId &&
    a.sectorId === b.sectorId &&
    a.field === b.field);
