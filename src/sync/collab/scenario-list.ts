import * as Y from 'yjs';

/*
 * A plan's scenario list as the workshop shares it: a room of its own (`<plan>:scenarios`) whose
 * Y.Doc holds
 *
 *   scenarios   Y.Map  scenario id → Y.Map { name: string, order: number, deleted: boolean }
 *   list        Y.Map  { chosen: scenario id | null }
 *
 * Ids are agreed by everyone: the id a participant's scenario has in the list is the id every other
 * participant creates it under (and its content room is `<plan>:<id>`). The scenario each participant
 * seeded from the host's plan is the entry `main` (its room was always `<plan>:main`).
 *
 * The server refuses an update after which the list breaks these rules (scenarioListProblems): too
 * many entries, an entry that is not a map, a name that is not text or too long, unknown fields or
 * roots. Readers apply the same rules, skipping what does not fit, so every participant shows the same
 * list. A field that is missing (a deletion whose replacement has not arrived yet) is not a problem:
 * the reader skips the entry until it has a name.
 */

export const SCENARIO_LIST_SUFFIX = ':scenarios';
/** The list entry of the scenario every participant seeded from the host's plan. */
export const MAIN_ID = 'main';
export const MAX_SCENARIOS = 100;
/** As the scenario store (src/store/records.ts). */
export const SCENARIO_NAME_MAX = 120;
export const SCENARIO_ID = /^[A-Za-z0-9_-]{1,64}$/;

const ENTRIES = 'scenarios';
const LIST = 'list';
const ENTRY_FIELDS = new Set(['name', 'order', 'deleted']);
const LIST_FIELDS = new Set(['chosen']);

export interface SharedScenario {
  id: string;
  name: string;
  order: number;
  deleted: boolean;
}

export interface SharedList {
  /** Sorted by order, then id. */
  entries: SharedScenario[];
  chosen: string | null;
}

export const isScenarioListRoom = (room: string): boolean => room.endsWith(SCENARIO_LIST_SUFFIX);

const entriesOf = (doc: Y.Doc) => doc.getMap<unknown>(ENTRIES);
const listOf = (doc: Y.Doc) => doc.getMap<unknown>(LIST);

const validName = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= SCENARIO_NAME_MAX;

/** Why the list breaks its rules (empty: it does not). Missing fields are allowed. */
export function scenarioListProblems(doc: Y.Doc, maxEntries = MAX_SCENARIOS): string[] {
  const problems: string[] = [];
  for (const [name, type] of doc.share) {
    if (name === ENTRIES || name === LIST) continue;
    const t = type as unknown as { _start: unknown; _map: Map<string, unknown> };
    if (t._start !== null || t._map.size > 0) problems.push(`root ${name.slice(0, 40)} not allowed`);
  }
  const entries = entriesOf(doc);
  if (entries.size > maxEntries) problems.push(`${entries.size} scenarios, at most ${maxEntries}`);
  for (const [id, entry] of entries) {
    const at = `scenario ${id.slice(0, 70)}`;
    if (!SCENARIO_ID.test(id)) problems.push(`${at}: invalid id`);
    if (!(entry instanceof Y.Map)) {
      problems.push(`${at}: not a map`);
      continue;
    }
    for (const [key, value] of entry as Y.Map<unknown>) {
      if (!ENTRY_FIELDS.has(key)) problems.push(`${at}: unknown field ${key.slice(0, 40)}`);
      else if (key === 'name' && !validName(value)) problems.push(`${at}: invalid name`);
      else if (key === 'order' && !(typeof value === 'number' && Number.isFinite(value)))
        problems.push(`${at}: invalid order`);
      else if (key === 'deleted' && typeof value !== 'boolean') problems.push(`${at}: invalid deleted`);
    }
  }
  for (const [key, value] of listOf(doc)) {
    if (!LIST_FIELDS.has(key)) problems.push(`list: unknown field ${key.slice(0, 40)}`);
    else if (value !== null && !(typeof value === 'string' && SCENARIO_ID.test(value)))
      problems.push('list: invalid chosen');
  }
  return problems;
}

/** The list as every participant reads it: entries that fit the rules and have a name. */
export function readScenarioList(doc: Y.Doc): SharedList {
  const entries: SharedScenario[] = [];
  for (const [id, entry] of entriesOf(doc)) {
    if (!SCENARIO_ID.test(id) || !(entry instanceof Y.Map)) continue;
    const name = entry.get('name');
    const order = entry.get('order');
    if (!validName(name)) continue;
    entries.push({
      id,
      name,
      order: typeof order === 'number' && Number.isFinite(order) ? order : 0,
      deleted: entry.get('deleted') === true,
    });
  }
  entries.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chosen = listOf(doc).get('chosen');
  return {
    entries,
    chosen: typeof chosen === 'string' && entries.some((e) => e.id === chosen && !e.deleted) ? chosen : null,
  };
}

const cleanName = (name: string): string => name.trim().slice(0, SCENARIO_NAME_MAX) || 'Scenario';

/** Adds a scenario to the list (or brings a deleted one back); false when the id is not one the list takes. */
export function shareScenario(doc: Y.Doc, scenario: { id: string; name: string; order: number }): boolean {
  if (!SCENARIO_ID.test(scenario.id)) return false;
  const entries = entriesOf(doc);
  const have = entries.get(scenario.id);
  if (have instanceof Y.Map) {
    if (have.get('deleted') === true) doc.transact(() => have.set('deleted', false));
    return true;
  }
  if (entries.size >= MAX_SCENARIOS) return false;
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set('name', cleanName(scenario.name));
    entry.set('order', Number.isFinite(scenario.order) ? scenario.order : 0);
    entry.set('deleted', false);
    entries.set(scenario.id, entry);
  });
  return true;
}

function entry(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const e = entriesOf(doc).get(id);
  return e instanceof Y.Map ? (e as Y.Map<unknown>) : null;
}

export function renameShared(doc: Y.Doc, id: string, name: string): void {
  const e = entry(doc, id);
  const clean = cleanName(name);
  if (e && e.get('name') !== clean) e.set('name', clean);
}

/** Marks a scenario deleted (a soft delete: its content room stays, `shareScenario` brings it back). */
export function removeShared(doc: Y.Doc, id: string): void {
  const e = entry(doc, id);
  if (!e || e.get('deleted') === true) return;
  doc.transact(() => {
    e.set('deleted', true);
    if (listOf(doc).get('chosen') === id) listOf(doc).set('chosen', null);
  });
}

export function chooseShared(doc: Y.Doc, id: string | null): void {
  if (id !== null && !entry(doc, id)) return;
  if ((listOf(doc).get('chosen') ?? null) !== id) listOf(doc).set('chosen', id);
}

/** The list's id of a local scenario: the seeded one is `main`, every other keeps its own. */
export const sharedIdOf = (localId: string, seededId: string | null): string =>
  localId === seededId ? MAIN_ID : localId;

/** The local id of a list entry. */
export const localIdOf = (sharedId: string, seededId: string | null): string =>
  sharedId === MAIN_ID && seededId ? seededId : sharedId;

const ROOM_CHARS = /[^A-Za-z0-9_.:-]/g;

/** The room `<plan>:<part>`, in the characters the server takes (server/auth.ts ROOM_PATTERN). */
export function planRoom(planId: string, part: string): string {
  const room = `${planId}:${part}`.replace(ROOM_CHARS, '_');
  const safe = /^[A-Za-z0-9_-]/.test(room) ? room : `p${room}`;
  // The part stays whole: a long plan id is cut, never the scenario id or `scenarios`.
  return safe.length <= 128 ? safe : `${safe.slice(0, 127 - part.length)}:${part}`;
}

/** The plan's scenario-list room. */
export const scenarioListRoom = (planId: string): string => planRoom(planId, SCENARIO_LIST_SUFFIX.slice(1));
