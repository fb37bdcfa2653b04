import * as Y from 'yjs';
import type { Collection } from '../model/ops.ts';
import { derivedClientId } from './derived-id.ts';

/*
 * Text that merges (layout 2). Every free-text field of the plan is Y.Text once edited, so two
 * people typing in one text both keep what they typed: an edit writes only the part of the text that
 * changed (common start and end kept), also when a grid cell or a form field commits a whole new
 * string. Free text: the plan's name, region, collaboration, patient representation, market share
 * definition and clauses; a row's name (domains, target groups, activities, providers, funders); a
 * target group's characteristics; an activity's description, justification and regular share
 * explanation; a provider's contribution. Codes (AGB, UZOVI, postcodes), ids, dates, numbers and
 * choices stay one value (last writer wins), and so does everything inside an array (a domain's
 * sectors, evaluation moments): a Y.Text there is read as no value (values.ts fromY), so a client
 * and the server refuse it alike.
 *
 * Stored docs and seeds hold these fields as plain strings (layout 1; the seed is never changed: a
 * stored scenario's log builds on its exact items). A plain string (or an empty field) becomes a
 * Y.Text at its first edit, and that conversion is written under a client id derived from what the
 * field holds (its plain value's item id; for an empty field, its row and key): two participants
 * who start typing in the same field at once write byte-identical conversions, which Yjs merges
 * into one Y.Text, so both their edits land in the same text. Readers take either form.
 *
 * A client older than layout 2 reads a Y.Text as no value (it keeps what it showed); one that knew
 * only the first four text fields reads every Y.Text as text and writes the others as plain
 * strings, which replace the shared text (last writer wins, as before) until the next edit here
 * converts them again.
 */

/** Which values (by path: `name`, `clauses.evaluation`, `marketShare.definition`) are text. */
export type IsText = (path: string) => boolean;

const PLAN_TEXT = new Set(['name', 'region', 'collaboration', 'patientRepresentation', 'marketShare.definition']);
export const isPlanText: IsText = (path) => PLAN_TEXT.has(path) || path.startsWith('clauses.');

const ROW_TEXT: Record<Collection, ReadonlySet<string>> = {
  domains: new Set(['name']),
  targetGroups: new Set(['name', 'characteristics']),
  activities: new Set(['name', 'description', 'justification', 'regularShareExplanation']),
  providers: new Set(['name', 'contribution']),
  funders: new Set(['name']),
};
const ROW_IS_TEXT = Object.fromEntries(
  Object.entries(ROW_TEXT).map(([c, keys]) => [c, (path: string) => keys.has(path)]),
) as Record<Collection, IsText>;
/** Which fields of a row of collection `c` are text. */
export const isRowText = (c: Collection): IsText => ROW_IS_TEXT[c];

/** The layout from which text fields may be Y.Text. */
export const TEXT_LAYOUT = 2;

/** Writes `value` as text under `key`: a diff into the Y.Text there, or a new Y.Text. */
export function setText(map: Y.Map<unknown>, key: string, value: string): void {
  const current = map.get(key);
  if (current instanceof Y.Text) return void applyDiff(current, value);
  if (current === value) return;
  const doc = map.doc;
  const basis = doc ? basisOf(map, key, current) : null;
  if (doc && basis) {
    // The Y.Text (holding the plain value, or nothing) under a client id every participant derives
    // alike from what the key holds now, then the edit as our own.
    const converter = derivedClientId(`text:${basis.id}`);
    if (converter !== doc.clientID && !doc.store.clients.has(converter)) {
      const own = doc.clientID;
      doc.clientID = converter;
      try {
        map.set(key, new Y.Text(basis.initial));
      } finally {
        doc.clientID = own;
      }
      markLayout(doc);
      return void applyDiff(map.get(key) as Y.Text, value);
    }
  }
  map.set(key, new Y.Text(value));
  if (doc) markLayout(doc);
}

/**
 * What the key holds now, as an id every participant who has the same state derives alike, and the
 * text a conversion starts from: a plain string (converted), a removed value, or nothing ever set.
 * Null for anything else (not a string: written as our own).
 */
function basisOf(map: Y.Map<unknown>, key: string, current: unknown): { id: string; initial: string } | null {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
  const at = (i: Y.Item) => `${i.id.client}:${i.id.clock}`;
  if (item && !item.deleted) return typeof current === 'string' ? { id: at(item), initial: current } : null;
  if (item) return { id: `${at(item)}:removed`, initial: '' };
  const parent = map._item;
  return { id: `${parent ? at(parent) : 'root'}:${key}`, initial: '' };
}

function markLayout(doc: Y.Doc): void {
  const meta = doc.getMap('meta');
  const layout = meta.get('layout');
  if (typeof layout !== 'number' || layout < TEXT_LAYOUT) meta.set('layout', TEXT_LAYOUT);
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Makes `text` read `value`, keeping the common start and end (never splitting a surrogate pair). */
export function applyDiff(text: Y.Text, value: string): void {
  const have = text.toString();
  if (have === value) return;
  let start = 0;
  const max = Math.min(have.length, value.length);
  while (start < max && have.charCodeAt(start) === value.charCodeAt(start)) start++;
  if (start > 0 && isHigh(have.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && have.charCodeAt(have.length - 1 - end) === value.charCodeAt(value.length - 1 - end))
    end++;
  if (end > 0 && isLow(have.charCodeAt(have.length - end))) end--;
  const removed = have.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = value.slice(start, value.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}
