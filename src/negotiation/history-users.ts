import * as Y from 'yjs';

/*
 * Who made an edit: Yjs' PermanentUserData maps each client id of the document to a person (root
 * map `users`, shared with the document). Its observers trust that map's content: a peer writing
 * something else under a name (a string, an array of junk bytes) would make them throw in the
 * middle of every later transaction. The map is handed to it through a guard that shows only
 * well-formed people and catches what their entries throw; anything malformed is skipped.
 */

export const USERS_ROOT = 'users';
/** A name longer than this is not a person's name: skipped. */
export const MAX_USER_CHARS = 200;

type Handler = (...args: never[]) => void;

const quiet =
  <F extends Handler>(f: F) =>
  (...args: Parameters<F>): void => {
    try {
      f(...args);
    } catch {
      // Malformed content from a peer: skipped.
    }
  };

const wellFormed = (name: string, user: unknown): user is Y.Map<unknown> =>
  name.length <= MAX_USER_CHARS &&
  user instanceof Y.Map &&
  user.get('ids') instanceof Y.Array &&
  user.get('ds') instanceof Y.Array;

/** An array of a person's entries as PermanentUserData reads it: each observer and read guarded. */
function guardedArray(array: Y.Array<unknown>): unknown {
  return {
    observe: (f: (e: Y.YArrayEvent<unknown>) => void) => array.observe(quiet(f)),
    forEach: (f: (v: unknown) => void) => array.forEach(quiet(f)),
    map: (f: (v: unknown) => unknown) =>
      array.toArray().flatMap((v) => {
        try {
          return [f(v)];
        } catch {
          return [];
        }
      }),
    push: (content: unknown[]) => array.push(content),
  };
}

function guardedUsers(users: Y.Map<unknown>): Y.Map<unknown> {
  const wrapped = new WeakMap<Y.Map<unknown>, unknown>();
  const wrap = (user: Y.Map<unknown>): unknown => {
    let w = wrapped.get(user);
    if (!w) {
      const ids = guardedArray(user.get('ids') as Y.Array<unknown>);
      const ds = guardedArray(user.get('ds') as Y.Array<unknown>);
      w = { get: (k: string) => (k === 'ids' ? ids : k === 'ds' ? ds : undefined) };
      wrapped.set(user, w);
    }
    return w;
  };
  // A name whose entry is malformed reads as a person with no entries (never as missing: a
  // mapping already made keeps reading it after every transaction).
  const nobody = { get: () => guardedArray(new Y.Array()) };
  const get = (name: string): unknown => {
    const user = users.get(name);
    if (user === undefined) return undefined;
    return wellFormed(name, user) ? wrap(user) : nobody;
  };
  return {
    get,
    set: (name: string, user: unknown) => users.set(name, user),
    forEach: (f: (user: unknown, name: string) => void) =>
      users.forEach((user, name) => {
        if (wellFormed(name, user)) quiet(f)(wrap(user), name);
      }),
    observe: (f: (e: { keysChanged: Set<string> }) => void) =>
      users.observe(
        quiet((e: Y.YMapEvent<unknown>) => {
          const keysChanged = new Set([...e.keysChanged].filter((k) => wellFormed(k, users.get(k))));
          if (keysChanged.size > 0) f({ keysChanged });
        }),
      ),
  } as unknown as Y.Map<unknown>;
}

const attributions = new WeakMap<Y.Doc, Y.PermanentUserData>();

/** The document's PermanentUserData (one per document), reading `users` through the guard. */
export function userData(doc: Y.Doc): Y.PermanentUserData {
  let pud = attributions.get(doc);
  if (!pud) {
    pud = new Y.PermanentUserData(doc, guardedUsers(doc.getMap(USERS_ROOT)));
    attributions.set(doc, pud);
  }
  return pud;
}

/**
 * The person this browser's client id of a document is (or is to be) named for; '' while who
 * that is is not known yet (held back).
 */
const mapped = new WeakMap<Y.Doc, string>();
/** Documents whose naming waits for this browser's first write (see attribute). */
const waiting = new WeakSet<Y.Doc>();
/** Transaction origin of a naming written on its own (not within an edit). */
const NAMING_ORIGIN = { naming: true } as const;

/**
 * Names this browser's client id of `doc` as `name`: every edit it makes is attributed to that
 * person. The name is written (PermanentUserData) with this browser's first write to the
 * document, in the same transaction: opening a scenario only to look at it reads and writes no
 * people, and a participant who never edits is never listed. Someone else taking over (a new
 * user-name) after edits were named edits under a new client id, so that earlier edits stay with
 * whoever made them. An empty name holds the naming back (in a workshop with a token, until the
 * server says who this is): edits made meanwhile go on under a client id of no one's, and the
 * name given next is written for them at once. Delete sets are not recorded per person (the
 * timeline's points say who changed what), which keeps the document from growing with every edit.
 */
export function attribute(doc: Y.Doc, name: string): void {
  const person = name.trim().slice(0, MAX_USER_CHARS);
  if (mapped.get(doc) === person) return;
  mapped.set(doc, person);
  const current = personOf(doc, doc.clientID);
  if (current === person) return;
  if (current !== null) {
    // Named already: the next person (or nobody yet) writes under a client id of their own.
    doc.clientID = newClientId(doc);
  } else if (person && Y.getState(doc.store, doc.clientID) > 0) {
    // Edits held back (or made before anyone was named) are this person's: named now.
    doc.transact(() => writeMapping(doc, person), NAMING_ORIGIN);
    return;
  }
  if (!person || waiting.has(doc)) return;
  waiting.add(doc);
  const onWrite = (tr: Y.Transaction): void => {
    if (!tr.local) return;
    doc.off('beforeTransaction', onWrite);
    waiting.delete(doc);
    const who = mapped.get(doc);
    if (who) writeMapping(doc, who);
  };
  doc.on('beforeTransaction', onWrite);
}

/** Writes the mapping of this browser's client id to `person`, within the transaction under way. */
function writeMapping(doc: Y.Doc, person: string): void {
  const pud = userData(doc);
  const current: unknown = pud.getUserByClientId(doc.clientID);
  if (current === person) return;
  // One client id is one person (a document whose client id a peer named otherwise).
  if (typeof current === 'string') doc.clientID = newClientId(doc);
  try {
    pud.setUserMapping(doc, doc.clientID, person, { filter: () => false });
  } catch {
    // A name taken over by malformed content: the edits stay unattributed.
  }
}

/** A client id nobody has written with in this document yet. */
function newClientId(doc: Y.Doc): number {
  for (;;) {
    const id = crypto.getRandomValues(new Uint32Array(1))[0]!;
    if (!doc.store.clients.has(id)) return id;
  }
}

/** The person a client id of the document belongs to, or null. */
export function personOf(doc: Y.Doc, client: number): string | null {
  const who: unknown = userData(doc).getUserByClientId(client);
  return typeof who === 'string' ? who : null;
}
