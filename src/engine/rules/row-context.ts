import type { Domain, Sector } from '../../model/index.ts';
import type { Msg } from '../../i18n/locale.ts';

/*
 * What row checks read besides their own row. Its own file so that rule.ts (which names the
 * PlanIndex) and plan-index.ts (which holds a RowContext) do not import each other.
 */

/** A domain and its sectors, by id: what row checks need to read splits and parties. */
export interface DomainEntry {
  domain: Domain;
  sectors: ReadonlyMap<string, Sector>;
}

/**
 * What a row check may read besides its own row. Kept small on purpose: a row's cached findings are
 * reused while the context object stays the same, and it is rebuilt only when the catalogue of
 * domains or the set of target-group ids changes (not on every edit elsewhere in the plan).
 */
export interface RowContext {
  domains: ReadonlyMap<string, DomainEntry>;
  targetGroupIds: ReadonlySet<string>;
  /**
   * The same object while everything but names stays the same (domain and sector ids and kinds,
   * target-group ids). Names change only the wording of findings, never whether a row has one, so
   * a row without findings stays valid across a rename.
   */
  shape: object;
}

/** A split row: the plan's default split ('default') or an activity's own split (activity id). */
export interface SplitRow {
  rowId: string;
  /** The row as a person knows it, e.g. "Activiteit ‘Netwerkoverleg’" / "Default split". */
  label: Msg;
}
