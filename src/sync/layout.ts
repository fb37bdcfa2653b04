import type * as Y from 'yjs';
import type { z } from '../model/zod.ts';
import { Activity } from '../model/activities.ts';
import { Domain } from '../model/catalogue.ts';
import { Funder, Provider } from '../model/parties.ts';
import { Plan } from '../model/plan.ts';
import { TargetGroup } from '../model/target-group.ts';
import type { Collection } from '../model/ops.ts';

/*
 * How a plan lives in a Y.Doc. Every concurrent-editing guarantee follows from where a value sits:
 *
 *   plan                Y.Map  scalar plan fields; `period`, `clauses` and `marketShare` are nested Y.Maps, so two
 *                              people editing different clauses both keep their text
 *   defaultSplit        Y.Map  one key per split cell (see cellKey) → SplitCell
 *   rows.<collection>   Y.Map  row id → Y.Map of that row's fields (one key per cell); object
 *                              fields (an activity's cost, a funder's share) are nested Y.Maps,
 *                              arrays (target group ids, postcodes, a domain's sectors) are atomic
 *   order.<collection>  Y.Array of row ids: concurrent inserts both survive; a move is delete +
 *                              insert, so a row moved by two people at once may appear twice and
 *                              an id whose row was removed may linger — the snapshot skips both
 *   meta                Y.Map  { layout: LAYOUT_VERSION }; 2 once a text field is Y.Text (below)
 *
 * Text that merges (text.ts): every free-text field (the plan's `name`, `region`, `clauses`, …, a
 * row's `name`, a target group's `characteristics`, …; the list is text.ts') becomes Y.Text at its
 * first edit (and is Y.Text in rows inserted by an edit), so two people typing in one text both keep
 * theirs. Seeds stay plain strings (layout 1): a stored scenario's log builds on its seed's exact
 * items. Readers take a plain string or a Y.Text there, and refuse a Y.Text anywhere else.
 *
 * An activity's split override is three keys of its row map: `$split` (true when overridden),
 * `$base` (the default split copied when the override began) and `$cells` (cells edited since,
 * null percent = removed). Both maps exist from the row's creation on, so two people overriding
 * the same activity at once write into the same maps and both their cells survive.
 */

/** The layout a seed writes; text fields raise it to text.ts TEXT_LAYOUT at their first edit. */
export const LAYOUT_VERSION = 1;

export const COLLECTIONS: readonly Collection[] = ['domains', 'targetGroups', 'activities', 'providers', 'funders'];

export const ROW_SCHEMAS = {
  domains: Domain,
  targetGroups: TargetGroup,
  activities: Activity,
  providers: Provider,
  funders: Funder,
} as const satisfies Record<Collection, z.ZodMiniObject>;

/** Plan fields stored in the `plan` map (everything except collections and the default split). */
export const SCALAR_FIELDS = Object.keys(Plan.shape).filter(
  (k) => !(COLLECTIONS as readonly string[]).includes(k) && k !== 'defaultSplit',
) as (keyof Plan)[];

/** Keys of an activity's row map that hold its split override. */
export const SPLIT_FLAG = '$split';
export const SPLIT_BASE = '$base';
export const SPLIT_CELLS = '$cells';

/** One split cell as stored: percent (null = removed, only in `$cells`) and an order number. */
export interface SplitCell {
  p: string | null;
  n: number;
}

/** `d:<domainId>` for a domain's share, `s:<domainId>:<sectorId>` for a sector's; ':' is never in an id. */
export const cellKey = (domainId: string, sectorId: string | null): string =>
  sectorId === null ? `d:${domainId}` : `s:${domainId}:${sectorId}`;

export function parseCellKey(key: string): { domainId: string; sectorId: string | null } | null {
  const parts = key.split(':');
  if (parts[0] === 'd' && parts.length === 2) return { domainId: parts[1]!, sectorId: null };
  if (parts[0] === 's' && parts.length === 3) return { domainId: parts[1]!, sectorId: parts[2]! };
  return null;
}

export function isSplitCell(v: unknown): v is SplitCell {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (typeof c.p === 'string' || c.p === null) && typeof c.n === 'number' && Number.isFinite(c.n);
}

/** The doc's root types, looked up once. */
export interface Roots {
  plan: Y.Map<unknown>;
  defaultSplit: Y.Map<unknown>;
  meta: Y.Map<unknown>;
  rows: Record<Collection, Y.Map<unknown>>;
  order: Record<Collection, Y.Array<unknown>>;
}

export function roots(doc: Y.Doc): Roots {
  const rows = {} as Record<Collection, Y.Map<unknown>>;
  const order = {} as Record<Collection, Y.Array<unknown>>;
  for (const c of COLLECTIONS) {
    rows[c] = doc.getMap(`rows.${c}`);
    order[c] = doc.getArray(`order.${c}`);
  }
  return { plan: doc.getMap('plan'), defaultSplit: doc.getMap('defaultSplit'), meta: doc.getMap('meta'), rows, order };
}

/** The schema's array length cap (e.g. 20,000 activities), read from the zod definition. */
export function maxRows(c: Collection): number {
  const checks =
    (
      Plan.shape[c] as unknown as {
        _zod: { def: { checks?: { _zod: { def: { check: string; maximum?: number } } }[] } };
      }
    )._zod.def.checks ?? [];
  for (const check of checks)
    if (check._zod.def.check === 'max_length' && check._zod.def.maximum !== undefined) return check._zod.def.maximum;
  return Number.POSITIVE_INFINITY;
}
