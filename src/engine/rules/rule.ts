import type { Activity, Domain, Finding, FindingCode, Funder, Plan, Provider, Sector, Split, TargetGroup } from '../../model/index.ts';
import type { Msg } from '../../i18n/locale.ts';
import type { PlanIndex } from './plan-index.ts';

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

/**
 * One validation rule. Row checks see one row and the context only, so the validator can cache
 * their findings per row object; `check` sees the whole plan through cheap, memoised indexes and
 * is for what spans rows (sums over parties, duplicates, money reaching a domain).
 */
export interface Rule {
  readonly code: FindingCode;
  split?(split: Split, row: SplitRow, ctx: RowContext): Finding[];
  activity?(activity: Activity, ctx: RowContext): Finding[];
  targetGroup?(group: TargetGroup, ctx: RowContext): Finding[];
  provider?(provider: Provider, ctx: RowContext): Finding[];
  funder?(funder: Funder, ctx: RowContext): Finding[];
  check?(plan: Plan, index: PlanIndex): Finding[];
  /**
   * What `check` reads, as object references: while every one is the same object as last time,
   * the previous result is reused. Omitted: `check` runs on every validation.
   */
  inputs?(plan: Plan, index: PlanIndex): readonly unknown[];
}
