import type * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import type { Signoff, SignoffRound } from '../model/negotiation.ts';
import { readSignoffs } from './doc.ts';
import { readComments, type CommentThread } from './comments.ts';
import type { NegotiationProblem } from './problems.ts';
import type { SignoffStatus } from './signoff-status.ts';
import type { ChangesSince } from './signoff-changes.ts';

/** A scenario's sign-offs and comment threads as its document holds them. */
export interface NegotiationRecord {
  round: SignoffRound | null;
  signoffs: Signoff[];
  threads: CommentThread[];
}

/** What the document holds, and what of it could not be read. */
export function readNegotiation(doc: Y.Doc, plan: Plan): NegotiationRecord & { problems: NegotiationProblem[] } {
  const s = readSignoffs(doc);
  const c = readComments(doc, plan);
  return { round: s.round, signoffs: s.signoffs, threads: c.threads, problems: [...s.problems, ...c.problems] };
}

/** How many of a version's changes a sign-off card shows (components/signoff, MAX_CHANGES). */
const CHANGES_SHOWN = 12;

/**
 * A signature of what the sign-off and comments panels show: equal signatures show the same, so
 * an edit that changes none of it need not render the planner again.
 */
export function negotiationSignature(
  chosen: boolean,
  record: NegotiationRecord,
  status: SignoffStatus | null,
  changes: ReadonlyMap<string, ChangesSince>,
): string {
  const shown = (list: ChangesSince) => list && [list.length, list.slice(0, CHANGES_SHOWN)];
  return JSON.stringify([
    chosen,
    record.round,
    record.signoffs,
    record.threads,
    status && [status.fingerprint, status.parties.map((p) => [p.name, p.state])],
    [...changes].map(([fp, list]) => [fp, shown(list)]),
  ]);
}
