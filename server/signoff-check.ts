import * as Y from 'yjs';
import { Fingerprint, Signoff, SignoffRound } from '../src/model/negotiation.ts';
import { MAX_VERSION_CHARS, SIGNOFFS_ROOT } from '../src/negotiation/doc.ts';
import type { Role } from './auth.ts';

/*
 * Sign-offs in a workshop (src/negotiation/doc.ts keeps them in the scenario's Y.Doc under the
 * root map `signoffs`). The server records a sign-off only from a token with the editor role, under
 * the identity the server assigned to that token (its holder's name, server/auth.ts), never a name
 * the client typed:
 *
 *   s:<id>            a Signoff whose `name` is the token holder's and whose `source` is `server`
 *   round             the round opened, once
 *   v:<fingerprint>   the signed plan's canonical JSON (text), once
 *
 * Nothing recorded ever changes or goes: a sign-off stays, also once outdated. A shared editor
 * token names nobody, so it cannot sign (the client says so). room-check.ts applies this to the
 * entries each update touched; refused, the update goes the way of any invalid update (4422).
 */

export interface SignerIdentity {
  role: Role;
  /** The token holder's name, when the token names one. */
  name?: string;
}

/** Each touched entry's problem, [] when the update may pass. `before`: each entry as it was (JSON). */
export function signoffProblems(
  map: Y.Map<unknown>,
  keys: Iterable<string>,
  before: ReadonlyMap<string, string>,
  who: SignerIdentity | null,
): string[] {
  const problems: string[] = [];
  for (const key of keys) {
    const problem = entryProblem(map, key, before, who);
    if (problem) problems.push(`signoffs.${key.slice(0, 80)}: ${problem}`);
  }
  return problems;
}

function entryProblem(
  map: Y.Map<unknown>,
  key: string,
  before: ReadonlyMap<string, string>,
  who: SignerIdentity | null,
): string | null {
  const value = map.get(key);
  const was = before.get(key);
  if (was !== undefined) return was === json(value) ? null : 'a recorded sign-off never changes';
  if (value === undefined) return null; // added and removed in one update
  if (!who || who.role !== 'editor') return 'only an editor records sign-offs';
  if (key === 'round') return SignoffRound.safeParse(value).success ? null : 'not a sign-off round';
  if (key.startsWith('v:')) {
    const ok =
      Fingerprint.safeParse(key.slice(2)).success && typeof value === 'string' && value.length <= MAX_VERSION_CHARS;
    return ok ? null : 'not a signed version';
  }
  if (!key.startsWith('s:')) return 'not a sign-off entry';
  const s = Signoff.safeParse(value);
  if (!s.success || key !== `s:${s.data.id}`) return 'not a sign-off';
  if (!who.name) return 'this token names no holder, so it cannot sign';
  if (s.data.source !== 'server' || s.data.name !== who.name)
    return `signed as "${s.data.name.slice(0, 60)}", but this token's holder is "${who.name}"`;
  return null;
}

const json = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

/** Every entry of the sign-offs map as JSON, to compare an update's changes against. */
export function signoffEntries(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of doc.getMap(SIGNOFFS_ROOT).entries()) out.set(k, json(v));
  return out;
}

/**
 * Whether an update writes a new entry into the sign-offs map (an observer's update is dropped
 * unread; this tells one that tried to sign apart from the rest, so it is told).
 */
export function addsSignoff(update: Uint8Array): boolean {
  try {
    // A decoded item names its parent by the root's name (a string) when it has no origin to go by.
    return Y.decodeUpdate(update).structs.some((s) => s instanceof Y.Item && (s.parent as unknown) === SIGNOFFS_ROOT);
  } catch {
    return false;
  }
}
