import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/*
 * Room tokens. A token grants a role (editor or observer) in some rooms or in all of them ("*").
 * Configuration, first match wins:
 *   RP_COLLAB_TOKENS       JSON, e.g. {"s3cret": "editor", "beamer": {"role": "observer", "rooms": ["plan-1"]}}
 *   RP_COLLAB_TOKENS_FILE  path of a file holding the same JSON
 *   otherwise              DEV_TOKENS below, for `npm start` and the demo; refused when NODE_ENV=production
 * Tokens are kept only as SHA-256 digests, so a heap dump or log line does not reveal them.
 */

export type Role = 'editor' | 'observer';
/** `name`: a personal token's holder, shown to the others instead of what the client calls itself. */
export interface Grant {
  role: Role;
  rooms: '*' | readonly string[];
  name?: string;
}

/** Room (document) names: a plan or scenario id. They become file names, so no '/' and no leading dot. */
export const ROOM_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9_.:-]{0,127}$/;

/** Tokens `npm start` and the demo use. Anyone who reads this repository knows them: loopback only. */
export const DEV_TOKENS = Object.freeze({ 'dev-editor': 'editor', 'dev-observer': 'observer' } as const);

/** Why a connection was refused; the client shows a message for each (src/i18n/collab.ts). */
export type RefusalReason = 'token-missing' | 'token-invalid' | 'room-invalid' | 'room-not-allowed';

/** Thrown from onAuthenticate: Hocuspocus sends `reason` to the client as "permission denied". */
export class Refusal {
  constructor(readonly reason: RefusalReason) {}
}

const RoleSchema = z.enum(['editor', 'observer']);
const GrantSchema = z.union([
  RoleSchema,
  z.strictObject({
    role: RoleSchema,
    rooms: z.union([z.literal('*'), z.array(z.string().regex(ROOM_PATTERN)).min(1).max(10_000)]).default('*'),
    name: z
      .string()
      .trim()
      .min(1)
      .max(60)
      // eslint-disable-next-line no-control-regex -- control characters are what this refuses
      .regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/, 'a name without control characters')
      .optional(),
  }),
]);
const TokensSchema = z.record(z.string().min(8, 'tokens need at least 8 characters').max(2000), GrantSchema);

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A token's key for counting what it holds (rooms per token): its digest, never the token. */
export const tokenKey = digest;

export class TokenTable {
  private readonly grants = new Map<string, Grant>();

  constructor(entries: Record<string, Role | { role: Role; rooms: '*' | readonly string[]; name?: string }>) {
    for (const [token, value] of Object.entries(entries)) {
      this.grants.set(digest(token), typeof value === 'string' ? { role: value, rooms: '*' } : value);
    }
  }

  get size(): number {
    return this.grants.size;
  }

  /** Whether any development token (known to everyone who reads this repository) is accepted. */
  hasDevTokens(): boolean {
    return Object.keys(DEV_TOKENS).some((t) => this.grants.has(digest(t)));
  }

  /** The names personal tokens hold: only their holders write under them. */
  holders(): ReadonlySet<string> {
    return new Set([...this.grants.values()].flatMap((g) => (g.name ? [g.name] : [])));
  }

  /** The grant for `token` in `room`, or the reason it is refused. */
  check(token: string, room: string): Grant | Refusal {
    if (!ROOM_PATTERN.test(room)) return new Refusal('room-invalid');
    if (token === '') return new Refusal('token-missing');
    const grant = this.grants.get(digest(token));
    if (!grant) return new Refusal('token-invalid');
    if (grant.rooms !== '*' && !grant.rooms.some((r) => covers(r, room))) return new Refusal('room-not-allowed');
    return grant;
  }
}

/**
 * A listed room covers itself and, as a plan, its workshop's rooms: each scenario (`<plan>:<id>`)
 * and the plan's scenario list (`<plan>:scenarios`).
 */
const covers = (listed: string, room: string): boolean => room === listed || room.startsWith(`${listed}:`);

/** Parses the token JSON; the error names what is wrong, never the tokens themselves. */
export function parseTokens(json: string): TokenTable {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('collaboration tokens: not valid JSON');
  }
  if (typeof raw === 'object' && raw !== null && Object.keys(raw).some((t) => t.length < 8)) {
    throw new Error('collaboration tokens: tokens need at least 8 characters');
  }
  const parsed = TokensSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `collaboration tokens: ${issue?.message ?? 'invalid'} (expected {"token": "editor" | "observer" | {"role", "rooms"}})`,
    );
  }
  if (Object.keys(parsed.data).length === 0) throw new Error('collaboration tokens: no tokens configured');
  return new TokenTable(parsed.data);
}

export type TokenSource = 'env' | 'file' | 'dev';

export function tokensFromEnv(env: NodeJS.ProcessEnv): { table: TokenTable; source: TokenSource } {
  if (env.RP_COLLAB_TOKENS) return { table: parseTokens(env.RP_COLLAB_TOKENS), source: 'env' };
  if (env.RP_COLLAB_TOKENS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.RP_COLLAB_TOKENS_FILE, 'utf8');
    } catch (error) {
      throw new Error(
        `collaboration tokens: cannot read RP_COLLAB_TOKENS_FILE (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        { cause: error },
      );
    }
    return { table: parseTokens(text), source: 'file' };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'collaboration tokens: set RP_COLLAB_TOKENS or RP_COLLAB_TOKENS_FILE (the development tokens are refused in production)',
    );
  }
  return { table: new TokenTable(DEV_TOKENS), source: 'dev' };
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Development tokens are accepted only on loopback: anywhere else anyone could use them. */
export function assertSafeExposure(host: string, tokens: TokenTable): void {
  if (tokens.hasDevTokens() && !isLoopback(host)) {
    throw new Error(
      `collaboration tokens: the development tokens work only on loopback, but RP_COLLAB_HOST is ${JSON.stringify(host)}. ` +
        'Set RP_COLLAB_TOKENS or RP_COLLAB_TOKENS_FILE, or listen on 127.0.0.1.',
    );
  }
}
