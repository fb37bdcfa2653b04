import type * as Y from 'yjs';
import { Plan } from '../model/plan.ts';
import { Signoff, SignoffRound, type SignoffParty } from '../model/negotiation.ts';
import { canonicalJson } from '../export/fingerprint.ts';
import { negotiationMsg } from '../i18n/negotiation.ts';
import type { NegotiationProblem } from './problems.ts';

/*
 * Sign-offs in the scenario's Y.Doc, under the root map `signoffs` (beside the plan's roots, so
 * they are stored with the scenario's update log and shared in workshops like any edit, but are
 * outside the plan: its fingerprint and its undo never see them). One key per entry, so two people
 * signing at once both keep theirs:
 *
 *   round           { openedAt, openedBy }     the scenario was put up for sign-off
 *   s:<id>          Signoff                    one "akkoord", never removed
 *   v:<fingerprint> string                     the signed plan's canonical JSON, for "what changed since"
 */

export const SIGNOFFS_ROOT = 'signoffs';
/** Transaction origin of sign-off and comment writes: the plan's undo manager does not track it. */
export const NEGOTIATION_ORIGIN = { negotiation: true } as const;

/** A signed plan longer than this is not kept for the diff (the sign-off itself is). */
export const MAX_VERSION_CHARS = 8_000_000;

export interface SignoffData {
  round: SignoffRound | null;
  signoffs: Signoff[];
  problems: NegotiationProblem[];
}

const map = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(SIGNOFFS_ROOT);

/** Everything valid in the doc's sign-offs; anything else is skipped and named in `problems`. */
export function readSignoffs(doc: Y.Doc): SignoffData {
  const m = map(doc);
  const problems: NegotiationProblem[] = [];
  let round: SignoffRound | null = null;
  const signoffs: Signoff[] = [];
  for (const [key, value] of m.entries()) {
    if (key === 'round') {
      const r = SignoffRound.safeParse(value);
      if (r.success) round = r.data;
      else problems.push({ code: 'invalid-signoff', key, message: negotiationMsg('problem.signoff') });
    } else if (key.startsWith('s:')) {
      const s = Signoff.safeParse(value);
      if (s.success && key === `s:${s.data.id}`) signoffs.push(s.data);
      else
        problems.push({ code: 'invalid-signoff', key: key.slice(0, 80), message: negotiationMsg('problem.signoff') });
    }
  }
  return { round, signoffs, problems };
}

/** Puts the scenario up for sign-off (once; a second call keeps the first round). */
export function openRound(doc: Y.Doc, by: string, at: Date = new Date()): void {
  doc.transact(() => {
    if (!SignoffRound.safeParse(map(doc).get('round')).success)
      map(doc).set('round', { openedAt: at.toISOString(), openedBy: by.slice(0, 200) });
  }, NEGOTIATION_ORIGIN);
}

export interface NewSignoff {
  id: string;
  party: SignoffParty;
  name: string;
  role: string;
  at?: Date;
  source?: Signoff['source'];
}

/**
 * Records one "akkoord" on `plan`, whose fingerprint is `fingerprint`, and keeps the plan's content
 * for later diffs. Returns the record, or null when it does not fit the schema (an empty name).
 */
export function addSignoff(doc: Y.Doc, plan: Plan, fingerprint: string, input: NewSignoff): Signoff | null {
  const parsed = Signoff.safeParse({
    id: input.id,
    party: input.party,
    name: input.name.trim().slice(0, 200),
    role: input.role.trim().slice(0, 200),
    at: (input.at ?? new Date()).toISOString(),
    fingerprint,
    source: input.source ?? 'local',
  });
  if (!parsed.success) return null;
  const record = parsed.data;
  doc.transact(() => {
    const m = map(doc);
    m.set(`s:${record.id}`, record);
    const vKey = `v:${fingerprint}`;
    if (!m.has(vKey)) {
      const json = canonicalJson(plan);
      if (json.length <= MAX_VERSION_CHARS) m.set(vKey, json);
    }
  }, NEGOTIATION_ORIGIN);
  return record;
}

/** The plan as it was signed with `fingerprint`, or null when it was not kept or does not read as a plan. */
export function signedPlan(doc: Y.Doc, fingerprint: string): Plan | null {
  const raw = map(doc).get(`v:${fingerprint}`);
  if (typeof raw !== 'string' || raw.length > MAX_VERSION_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const plan = Plan.safeParse(value);
  return plan.success ? plan.data : null;
}

/** Calls `listener` after every change of the sign-offs (local or from a peer); returns the unsubscribe. */
export function observeSignoffs(doc: Y.Doc, listener: () => void): () => void {
  const m = map(doc);
  const handler = () => listener();
  m.observe(handler);
  return () => m.unobserve(handler);
}
