import type * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import type { Collection } from '../model/ops.ts';
import {
  CommentMessage,
  CommentThreadHead,
  MAX_COMMENT,
  type CommentAnchor,
  type CommentThreadHead as Head,
} from '../model/negotiation.ts';
import { negotiationMsg } from '../i18n/negotiation.ts';
import { NEGOTIATION_ORIGIN } from './doc.ts';
import type { NegotiationProblem } from './problems.ts';

/*
 * Comment threads in the scenario's Y.Doc, under the root map `comments`, one key per entry so
 * concurrent replies all survive:
 *
 *   t:<threadId>           CommentThreadHead   anchor, created, resolved (resolve/reopen rewrite it)
 *   m:<threadId>:<msgId>   CommentMessage      the first message opens the thread, the rest reply
 *
 * Anchors name a row by id and a column by key, never by index: a thread follows its row when rows
 * move, and a thread whose row is gone is kept and shown as orphaned.
 */

export const COMMENTS_ROOT = 'comments';

export interface CommentThread extends Head {
  messages: CommentMessage[];
  /** The anchored row is no longer in the plan (the thread is kept). */
  orphaned: boolean;
}

export interface CommentData {
  threads: CommentThread[];
  problems: NegotiationProblem[];
}

const map = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(COMMENTS_ROOT);

const SECTION_ROWS: Partial<Record<CommentAnchor['section'], Collection>> = {
  activities: 'activities',
  split: 'activities',
  targetGroups: 'targetGroups',
  providers: 'providers',
  funders: 'funders',
  domains: 'domains',
};

/** Whether the row an anchor names still exists ('default' is the plan's own split row). */
export function anchorExists(plan: Plan, anchor: CommentAnchor): boolean {
  if (!anchor.rowId) return true;
  if (anchor.section === 'split' && anchor.rowId === 'default') return true;
  const c = SECTION_ROWS[anchor.section];
  return c ? (plan[c] as readonly { id: string }[]).some((r) => r.id === anchor.rowId) : true;
}

const byTime = <T extends { at: string; id: string }>(a: T, b: T): number =>
  a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1;

/** Every valid thread with its valid messages, oldest first; anything else skipped with a problem. */
export function readComments(doc: Y.Doc, plan: Plan): CommentData {
  const problems: NegotiationProblem[] = [];
  const heads = new Map<string, Head>();
  const messages = new Map<string, CommentMessage[]>();
  const bad = (key: string) =>
    problems.push({ code: 'invalid-comment', key: key.slice(0, 80), message: negotiationMsg('problem.comment') });
  for (const [key, value] of map(doc).entries()) {
    if (key.startsWith('t:')) {
      const h = CommentThreadHead.safeParse(value);
      if (h.success && key === `t:${h.data.id}`) heads.set(h.data.id, h.data);
      else bad(key);
    } else if (key.startsWith('m:')) {
      const [, threadId, msgId] = key.split(':');
      const m = CommentMessage.safeParse(value);
      if (!m.success || !threadId || msgId !== m.data.id) {
        bad(key);
        continue;
      }
      const list = messages.get(threadId);
      if (list) list.push(m.data);
      else messages.set(threadId, [m.data]);
    }
  }
  const threads: CommentThread[] = [];
  for (const head of heads.values()) {
    const list = (messages.get(head.id) ?? []).sort(byTime);
    if (list.length === 0) continue;
    threads.push({ ...head, messages: list, orphaned: !anchorExists(plan, head.anchor) });
  }
  threads.sort((a, b) => byTime({ at: a.createdAt, id: a.id }, { at: b.createdAt, id: b.id }));
  return { threads, problems };
}

export type CommentRefusal = 'empty' | 'too-long' | 'no-thread';

/** Trims a comment; refuses an empty or too long one (the limit is MAX_COMMENT characters). */
export function checkText(text: string): { ok: true; text: string } | { ok: false; reason: CommentRefusal } {
  const t = text.trim();
  if (t.length === 0) return { ok: false, reason: 'empty' };
  if (t.length > MAX_COMMENT) return { ok: false, reason: 'too-long' };
  return { ok: true, text: t };
}

export interface NewComment {
  threadId: string;
  messageId: string;
  author: string;
  text: string;
  at?: Date;
}

type Result = { ok: true } | { ok: false; reason: CommentRefusal };

/** Opens a thread on `anchor` with its first message. */
export function startThread(doc: Y.Doc, anchor: CommentAnchor, input: NewComment): Result {
  const checked = checkText(input.text);
  if (!checked.ok) return checked;
  const at = (input.at ?? new Date()).toISOString();
  const head = CommentThreadHead.safeParse({ id: input.threadId, anchor, createdAt: at, resolved: false });
  const message = CommentMessage.safeParse({
    id: input.messageId,
    author: input.author.trim().slice(0, 200),
    at,
    text: checked.text,
  });
  if (!head.success || !message.success) return { ok: false, reason: 'empty' };
  doc.transact(() => {
    map(doc).set(`t:${head.data.id}`, head.data);
    map(doc).set(`m:${head.data.id}:${message.data.id}`, message.data);
  }, NEGOTIATION_ORIGIN);
  return { ok: true };
}

/** Adds a reply to an existing thread. */
export function reply(doc: Y.Doc, input: NewComment): Result {
  const checked = checkText(input.text);
  if (!checked.ok) return checked;
  if (!CommentThreadHead.safeParse(map(doc).get(`t:${input.threadId}`)).success)
    return { ok: false, reason: 'no-thread' };
  const message = CommentMessage.safeParse({
    id: input.messageId,
    author: input.author.trim().slice(0, 200),
    at: (input.at ?? new Date()).toISOString(),
    text: checked.text,
  });
  if (!message.success) return { ok: false, reason: 'empty' };
  doc.transact(() => map(doc).set(`m:${input.threadId}:${message.data.id}`, message.data), NEGOTIATION_ORIGIN);
  return { ok: true };
}

/** Resolves (true) or reopens (false) a thread. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean): Result {
  const head = CommentThreadHead.safeParse(map(doc).get(`t:${threadId}`));
  if (!head.success) return { ok: false, reason: 'no-thread' };
  doc.transact(() => map(doc).set(`t:${threadId}`, { ...head.data, resolved }), NEGOTIATION_ORIGIN);
  return { ok: true };
}

/** Calls `listener` after every change of the comments; returns the unsubscribe. */
export function observeComments(doc: Y.Doc, listener: () => void): () => void {
  const m = map(doc);
  const handler = () => listener();
  m.observe(handler);
  return () => m.unobserve(handler);
}
