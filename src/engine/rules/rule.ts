import type { Activity, Finding, FindingCode, Funder, Plan, Provider, Split, TargetGroup } from '../../model/index.ts';
import type { PlanIndex } from './plan-index.ts';
import type { RowContext, SplitRow } from './row-context.ts';

export type { DomainEntry, RowContext, SplitRow } from './row-context.ts';

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
