import * as Y from 'yjs';

/*
 * Makes a live doc show exactly what a room holds, after the server refused an edit (4422/4413).
 * Yjs cannot take content back: what the doc has, it keeps. So the room's state is merged in
 * first, then every place where the doc still differs from the room is written over with new
 * edits — inserted content the room lacks is deleted, content the refused edit removed or changed
 * is written again. Sent to the server together with the refused edit, the result is the room's
 * own state, which passes its checks; storage and other tabs receive the same edits as any other.
 * Roots the doc has not given a type (nothing reads them) are left alone.
 */

export function takeOver(live: Y.Doc, roomState: Uint8Array, origin: object): void {
  const room = new Y.Doc();
  try {
    Y.applyUpdate(room, roomState);
    live.transact(() => {
      Y.applyUpdate(live, roomState, origin);
      for (const [name, type] of live.share) {
        if (type instanceof Y.Map) sameMap(type, room.getMap(name));
        else if (type instanceof Y.Array) sameArray(type, room.getArray(name));
        else if (type instanceof Y.Text) sameText(type, room.getText(name));
      }
    }, origin);
  } finally {
    room.destroy();
  }
}

const itemId = (t: Y.AbstractType<unknown>): string => (t._item ? `${t._item.id.client}:${t._item.id.clock}` : '');

/** The same type object in both docs (one Yjs item), so its content can be compared in place. */
const sameItem = (a: unknown, b: unknown): boolean =>
  a instanceof Y.AbstractType &&
  b instanceof Y.AbstractType &&
  a.constructor === b.constructor &&
  itemId(a) === itemId(b);

function sameMap(live: Y.Map<unknown>, room: Y.Map<unknown>): void {
  for (const key of [...live.keys()]) if (!room.has(key)) live.delete(key);
  for (const [key, want] of room.entries()) {
    const have = live.get(key);
    if (sameItem(have, want)) sameType(have as Y.AbstractType<unknown>, want as Y.AbstractType<unknown>);
    else if (!live.has(key) || !samePlain(have, want)) live.set(key, copy(want));
  }
}

function sameType(live: Y.AbstractType<unknown>, room: Y.AbstractType<unknown>): void {
  if (live instanceof Y.Map) sameMap(live, room as Y.Map<unknown>);
  else if (live instanceof Y.Array) sameArray(live, room as Y.Array<unknown>);
  else if (live instanceof Y.Text) sameText(live, room as Y.Text);
}

/** Keeps the common start and end, replaces the middle. */
function sameArray(live: Y.Array<unknown>, room: Y.Array<unknown>): void {
  const have = live.toArray();
  const want = room.toArray();
  const same = (a: unknown, b: unknown) =>
    a instanceof Y.AbstractType ? sameItem(a, b) && equalJson(a, b as Y.AbstractType<unknown>) : samePlain(a, b);
  let start = 0;
  while (start < have.length && start < want.length && same(have[start], want[start])) start++;
  let end = 0;
  while (
    end < have.length - start &&
    end < want.length - start &&
    same(have[have.length - 1 - end], want[want.length - 1 - end])
  )
    end++;
  if (have.length - start - end > 0) live.delete(start, have.length - start - end);
  const insert = want.slice(start, want.length - end).map(copy);
  if (insert.length > 0) live.insert(start, insert);
}

function sameText(live: Y.Text, room: Y.Text): void {
  const have = live.toString();
  const want = room.toString();
  if (have === want && JSON.stringify(live.toDelta()) === JSON.stringify(room.toDelta())) return;
  live.delete(0, live.length);
  live.applyDelta(room.toDelta());
}

const equalJson = (a: Y.AbstractType<unknown>, b: Y.AbstractType<unknown>) =>
  JSON.stringify((a as Y.Map<unknown>).toJSON()) === JSON.stringify((b as Y.Map<unknown>).toJSON());

function samePlain(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  return JSON.stringify(a) === JSON.stringify(b) && typeof a === typeof b;
}

/** A fresh copy of a room value for the live doc (a Yjs type cannot live in two docs). */
function copy(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const out = new Y.Map<unknown>();
    for (const [k, v] of value.entries()) out.set(k, copy(v));
    return out;
  }
  if (value instanceof Y.Array) {
    const out = new Y.Array<unknown>();
    out.insert(0, value.toArray().map(copy));
    return out;
  }
  if (value instanceof Y.Text) {
    const out = new Y.Text();
    out.applyDelta(value.toDelta());
    return out;
  }
  return value;
}
