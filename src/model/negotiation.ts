import { z } from './zod.ts';
import { Id, text } from './primitives.ts';
import { Section } from './finding.ts';

/*
 * What parties record while negotiating a plan: sign-offs on one exact version and comment threads.
 * Both live in the scenario's Y.Doc beside the plan (src/negotiation/doc.ts) and are read back
 * through these schemas: a peer or a stored log can hold anything, and what does not fit is
 * skipped with a finding, never thrown.
 */

/** A SHA-256 content fingerprint of a plan (src/export/fingerprint.ts), lower-case hex. */
export const Fingerprint = z.string().check(z.regex(/^[0-9a-f]{64}$/));
export type Fingerprint = z.infer<typeof Fingerprint>;

/** An ISO 8601 UTC timestamp as `Date.prototype.toISOString` writes it. */
export const Timestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/));

/** Who is asked to sign: a funder, or a provider (the lead, or each provider among equal partners). */
export const SignoffParty = z.strictObject({
  kind: z.enum(['funder', 'provider']),
  id: Id,
});
export type SignoffParty = z.infer<typeof SignoffParty>;

/**
 * How the signer's identity is known: `local` is what the host page supplied (the `user-name`
 * attribute) and this browser recorded, unverified; `server` is the identity a workshop server
 * assigned to an editor's token.
 */
export const SignoffSource = z.enum(['local', 'server']);
export type SignoffSource = z.infer<typeof SignoffSource>;

/** One "akkoord": kept for good, also once the plan changed (then it is outdated, not removed). */
export const Signoff = z.strictObject({
  id: Id,
  party: SignoffParty,
  /** The person who recorded it. */
  name: text(200).check(z.minLength(1)),
  /** Their role or function at the party (e.g. "zorginkoper"). */
  role: text(200),
  at: Timestamp,
  /** The plan's content fingerprint at the moment of signing. */
  fingerprint: Fingerprint,
  source: SignoffSource,
});
export type Signoff = z.infer<typeof Signoff>;

/** The scenario was put up for sign-off: by whom and when. */
export const SignoffRound = z.strictObject({
  openedAt: Timestamp,
  openedBy: text(200),
});
export type SignoffRound = z.infer<typeof SignoffRound>;

/** Where a comment thread points: a cell (row + column key), a row, a plan field, or a finding. */
export const CommentAnchor = z.strictObject({
  section: Section,
  /** Row id (never an index, so the anchor follows the row when rows move). */
  rowId: z.optional(Id),
  /** Column key or field name (`cost.amount`, `s:zvw:vv` for a split cell). */
  column: z.optional(text(64)),
  /** A finding's code, when the thread is about a finding. */
  finding: z.optional(text(64)),
});
export type CommentAnchor = z.infer<typeof CommentAnchor>;

/** Longest comment text, in characters. */
export const MAX_COMMENT = 2000;

export const CommentMessage = z.strictObject({
  id: Id,
  author: text(200),
  at: Timestamp,
  /** Plain text: shown as text, never as markup. */
  text: text(MAX_COMMENT).check(z.minLength(1)),
});
export type CommentMessage = z.infer<typeof CommentMessage>;

/** A thread as stored: its anchor and state; the messages are kept beside it (one key each). */
export const CommentThreadHead = z.strictObject({
  id: Id,
  anchor: CommentAnchor,
  createdAt: Timestamp,
  resolved: z.boolean(),
});
export type CommentThreadHead = z.infer<typeof CommentThreadHead>;
