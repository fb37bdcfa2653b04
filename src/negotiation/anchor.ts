import type { FindingLocation } from '../model/finding.ts';
import { CommentAnchor } from '../model/negotiation.ts';

/** A selected cell or field as the grids and forms report it (rp-select, a finding's location). */
export interface CellPlace {
  section: FindingLocation['section'];
  rowId?: string;
  field?: string;
  domainId?: string;
  sectorId?: string | null;
}

/**
 * The anchor of a comment on a cell: the row by id and the column by key (a field name, or
 * `d:<domain>` / `s:<domain>:<sector>` for a split cell), never by position. Null when the place
 * does not fit an anchor (an id too long, say).
 */
export function anchorOf(place: CellPlace, finding?: string): CommentAnchor | null {
  const column = place.domainId
    ? place.sectorId
      ? `s:${place.domainId}:${place.sectorId}`
      : `d:${place.domainId}`
    : place.field;
  const parsed = CommentAnchor.safeParse({
    section: place.section,
    ...(place.rowId ? { rowId: place.rowId } : {}),
    ...(column ? { column } : {}),
    ...(finding ? { finding } : {}),
  });
  return parsed.success ? parsed.data : null;
}

/** Where an anchor points, as a finding location (to label it and to move focus there). */
export function placeOf(anchor: CommentAnchor): FindingLocation {
  const loc: FindingLocation = { section: anchor.section };
  if (anchor.rowId) loc.rowId = anchor.rowId;
  const c = anchor.column;
  if (c?.startsWith('d:')) loc.domainId = c.slice(2);
  else if (c?.startsWith('s:')) {
    const [, domainId, sectorId] = c.split(':');
    if (domainId) loc.domainId = domainId;
    if (sectorId) loc.sectorId = sectorId;
  } else if (c) loc.field = c;
  return loc;
}

/** Whether two anchors name the same cell (a thread's marker and the selected cell). */
export const sameAnchor = (a: CommentAnchor, b: CommentAnchor): boolean =>
  a.section === b.section && a.rowId === b.rowId && a.column === b.column && a.finding === b.finding;
