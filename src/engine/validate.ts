import type {
  Activity,
  Domain,
  Finding,
  FindingCode,
  Funder,
  Plan,
  Provider,
  Section,
  Split,
  TargetGroup,
} from '../model/index.ts';
import { DEFAULT_SPLIT_ROW } from '../model/ops.ts';
import { rowNumbered, subject } from '../i18n/findings.ts';
import { RULES } from './rules/registry.ts';
import type { DomainEntry, Rule, RowContext, SplitRow } from './rules/rule.ts';
import { Memo, PlanIndex, sameRefs, type Funded } from './rules/plan-index.ts';
import { finding, splitFlows, type Flows } from './rules/support.ts';
import { diffRows } from './rules/row-diff.ts';

/*
 * Validation that is cheap enough for every keystroke.
 *
 * Snapshots of a plan are structurally shared: a row that did not change keeps its object identity.
 * So row checks are cached per row object (in WeakMaps, which forget rows that are gone) together
 * with the context they were computed in; only changed rows are checked again. Cross-row rules read
 * memoised indexes and declare their inputs, so they re-run only when those inputs changed.
 *
 * Findings come in a stable order: by section, then by the row's position in its section, then by
 * rule (RULES order), then in the order the rule reports them. The same plan always gives the same
 * list, whether it is validated fresh or after a thousand edits. Findings are frozen and may be the
 * same objects as in the previous result (a grid can compare them by identity).
 *
 * Where findings point (FindingLocation), so a grid can mark the cell:
 *  - a split cell: { section: 'split', rowId: 'default' | activity id, domainId, sectorId? };
 *    a split row's domain sum: field 'domains'; the sector sum of one domain: field 'sectors' + domainId;
 *    a whole split column (e.g. a Zvw sector without provider): no rowId, domainId (+ sectorId);
 *  - a row's cell: { section: 'activities' | 'targetGroups' | 'providers' | 'funders' | 'domains',
 *    rowId, field } with field a property name ('name', 'agb', 'share', 'postcodes', …) or a path
 *    into the cost basis ('cost.amount', 'cost.hours', 'cost.rate', 'cost.fte', 'cost.yearlyCost',
 *    'cost.persons'; 'cost' for the annual total); a whole section: no rowId;
 *  - a plan field: { section: 'plan', field: 'period.start' | 'period.end' | 'paymentTitle' | … }.
 */

const SECTION_ORDER: readonly Section[] = [
  'plan',
  'domains',
  'targetGroups',
  'providers',
  'funders',
  'activities',
  'split',
];
const SECTION_RANK = new Map(SECTION_ORDER.map((s, i) => [s, i]));
const CODE_RANK = new Map<FindingCode, number>(RULES.map((r, i) => [r.code, i]));

const EMPTY: readonly Finding[] = [];

interface RowEntry {
  ctx: RowContext;
  findings: readonly Finding[];
}

/** A cached row result still holds: same context, or only names changed and the row was clean. */
const fresh = (entry: RowEntry | undefined, ctx: RowContext): entry is RowEntry =>
  entry !== undefined && (entry.ctx === ctx || (entry.findings.length === 0 && entry.ctx.shape === ctx.shape));
/** `flows` null: the activity uses the default split. */
interface ActivityEntry extends RowEntry {
  flows: Flows | null;
}

/**
 * The activities of the latest snapshot with their checked entries and running totals (rows with
 * findings, users of the default split, split patterns in use), updated from the rows that changed.
 */
class ActivityRows {
  rows: readonly Activity[] = [];
  entries: ActivityEntry[] = [];
  withFindings = 0;
  defaultUsers = 0;
  readonly flowCounts = new Map<Flows, number>();
  private ctx: RowContext | null = null;

  constructor(private readonly entryOf: (a: Activity, ctx: RowContext) => ActivityEntry) {}

  sync(next: readonly Activity[], ctx: RowContext): void {
    if (ctx !== this.ctx) {
      // New catalogue or target groups: every row is looked up again (clean rows survive a rename).
      this.ctx = ctx;
      this.withFindings = 0;
      this.defaultUsers = 0;
      this.flowCounts.clear();
      this.entries = next.map((a) => this.count(this.entryOf(a, ctx), 1));
    } else if (next !== this.rows) {
      const { from, removed, added } = diffRows(this.rows, next);
      for (let i = 0; i < removed.length; i++) this.count(this.entries[from + i]!, -1);
      const addedEntries = added.map((a) => this.count(this.entryOf(a, ctx), 1));
      // splice(...spread) is fine for an edit, but a whole new plan could exceed the argument limit.
      this.entries =
        addedEntries.length > 1000
          ? [...this.entries.slice(0, from), ...addedEntries, ...this.entries.slice(from + removed.length)]
          : (this.entries.splice(from, removed.length, ...addedEntries), this.entries);
    }
    this.rows = next;
  }

  private count(entry: ActivityEntry, by: 1 | -1): ActivityEntry {
    if (entry.findings.length > 0) this.withFindings += by;
    if (entry.flows === null) this.defaultUsers += by;
    else {
      const n = (this.flowCounts.get(entry.flows) ?? 0) + by;
      if (n > 0) this.flowCounts.set(entry.flows, n);
      else this.flowCounts.delete(entry.flows);
    }
    return entry;
  }
}

function runRow(rules: readonly Rule[], check: (rule: Rule) => Finding[] | undefined): readonly Finding[] {
  let out: Finding[] | null = null;
  for (const rule of rules) {
    const found = check(rule);
    if (found && found.length > 0) (out ??= []).push(...found);
  }
  return out ?? EMPTY;
}

/** Everything about the catalogue and target groups that can decide whether a row has a finding. */
function shapeKey(domains: readonly Domain[], targetGroupIds: string): string {
  const parts = domains.map((d) => `${d.id}:${d.kind}:${d.sectors.map((s) => `${s.id}:${s.kind}`).join(',')}`);
  return `${parts.join(';')}|${targetGroupIds}`;
}

function buildContext(domains: readonly Domain[], targetGroups: readonly TargetGroup[], shape: object): RowContext {
  const byId = new Map<string, DomainEntry>();
  for (const domain of domains) {
    // The first of duplicate ids wins, as everywhere; the duplicate rule reports the rest.
    if (byId.has(domain.id)) continue;
    const sectors = new Map<string, Domain['sectors'][number]>();
    for (const s of domain.sectors) if (!sectors.has(s.id)) sectors.set(s.id, s);
    byId.set(domain.id, { domain, sectors });
  }
  return { domains: byId, targetGroupIds: new Set(targetGroups.map((g) => g.id)), shape };
}

/** True when every activity has its own split and the default split is left empty: nothing reads it. */
const defaultSplitIdle = (split: Split, usedByActivities: boolean, activityCount: number) =>
  !usedByActivities && activityCount > 0 && split.domains.length === 0 && split.sectors.length === 0;

/**
 * An incremental validator: call it with each new snapshot of one plan. Equal to `validate(plan)`
 * for every plan, but re-checks only what changed since the previous call.
 */
export function createValidator(rules: readonly Rule[] = RULES): (plan: Plan) => Finding[] {
  const memo = new Memo();
  const splitRules = rules.filter((r) => r.split);
  const activityRules = rules.filter((r) => r.activity || r.split);
  const groupRules = rules.filter((r) => r.targetGroup);
  const providerRules = rules.filter((r) => r.provider);
  const funderRules = rules.filter((r) => r.funder);
  const planRules = rules.filter((r) => r.check);

  const activities = new WeakMap<Activity, ActivityEntry>();
  const table = new ActivityRows((a, ctx) => {
    let entry = activities.get(a);
    if (!fresh(entry, ctx)) {
      // The label is only needed for a finding's text: most rows never ask for it.
      const row: SplitRow = {
        rowId: a.id,
        get label() {
          return subject.activity(a.name, a.id);
        },
      };
      const split = a.split;
      entry = {
        ctx,
        findings: runRow(activityRules, (rule) => [
          ...(rule.split && split ? rule.split(split, row, ctx) : EMPTY),
          ...(rule.activity ? rule.activity(a, ctx) : EMPTY),
        ]),
        flows: split ? intern(splitFlows(split, ctx)) : null,
      };
      activities.set(a, entry);
    }
    return entry;
  });
  const groups = new WeakMap<TargetGroup, RowEntry>();
  const providers = new WeakMap<Provider, RowEntry>();
  const funders = new WeakMap<Funder, RowEntry>();
  let defaultEntry: {
    split: Split;
    ctx: RowContext;
    idle: boolean;
    findings: readonly Finding[];
    flows: Flows;
  } | null = null;
  let flowsPool = new Map<string, Flows>();
  let fundedPrev: { signature: string; funded: Funded } | null = null;
  const planResults = new Map<Rule, { deps: readonly unknown[]; findings: readonly Finding[] }>();

  /** One shared object per distinct flow pattern, so aggregating 5,000 rows touches only a few. */
  const intern = (flows: Flows): Flows => {
    const key = `${flows.domains.join(',')}|${flows.buckets.join(',')}`;
    const known = flowsPool.get(key);
    if (known) return known;
    // Patterns no row uses any more are never removed; a fresh pool only costs a few duplicates.
    if (flowsPool.size > 10_000) flowsPool = new Map();
    flowsPool.set(key, flows);
    return flows;
  };

  const contextOf = (plan: Plan): RowContext => {
    const ids = memo.get('targetGroupIds', [plan.targetGroups], () =>
      plan.targetGroups.map((g) => g.id).join('\u0000'),
    );
    const key = memo.get('shapeKey', [plan.domains, ids], () => shapeKey(plan.domains, ids));
    const shape = memo.get('shape', [key], () => {
      flowsPool = new Map();
      return {};
    });
    return memo.get('context', [plan.domains, ids], () => buildContext(plan.domains, plan.targetGroups, shape));
  };

  const rowsOf = <T extends object>(
    rows: readonly T[],
    cache: WeakMap<T, RowEntry>,
    ctx: RowContext,
    check: (rule: Rule, row: T) => Finding[] | undefined,
    rs: readonly Rule[],
    out: Found[],
  ) => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let entry = cache.get(row);
      if (!fresh(entry, ctx)) {
        entry = { ctx, findings: runRow(rs, (rule) => check(rule, row)) };
        cache.set(row, entry);
      }
      if (entry.findings.length > 0) out.push({ findings: entry.findings, position: i });
    }
  };

  return (plan: Plan): Finding[] => {
    const ctx = contextOf(plan);
    const found: Found[] = [];

    // Activities and their own splits: only rows that are new since the last snapshot are looked at.
    table.sync(plan.activities, ctx);
    if (table.withFindings > 0)
      table.entries.forEach((e, i) => {
        if (e.findings.length > 0) found.push({ findings: e.findings, position: i });
      });
    const defaultUsed = table.defaultUsers > 0;
    const usedFlows = new Set<Flows>(table.flowCounts.keys());

    // The default split: checked unless nothing reads it and it is empty.
    const idle = defaultSplitIdle(plan.defaultSplit, defaultUsed, plan.activities.length);
    if (
      !defaultEntry ||
      defaultEntry.split !== plan.defaultSplit ||
      defaultEntry.ctx !== ctx ||
      defaultEntry.idle !== idle
    ) {
      const row: SplitRow = { rowId: DEFAULT_SPLIT_ROW, label: subject.defaultSplit() };
      defaultEntry = {
        split: plan.defaultSplit,
        ctx,
        idle,
        findings: idle ? EMPTY : runRow(splitRules, (rule) => rule.split!(plan.defaultSplit, row, ctx)),
        flows: splitFlows(plan.defaultSplit, ctx),
      };
    }
    if (defaultEntry.findings.length > 0) found.push({ findings: defaultEntry.findings, position: -1 });
    if (defaultUsed || plan.activities.length === 0) usedFlows.add(defaultEntry.flows);

    rowsOf(plan.targetGroups, groups, ctx, (rule, g) => rule.targetGroup?.(g, ctx), groupRules, found);
    rowsOf(plan.providers, providers, ctx, (rule, p) => rule.provider?.(p, ctx), providerRules, found);
    rowsOf(plan.funders, funders, ctx, (rule, f) => rule.funder?.(f, ctx), funderRules, found);

    const index = new PlanIndex(plan, ctx, fundedOf(usedFlows), memo);
    for (const rule of planRules) {
      const deps = rule.inputs?.(plan, index);
      const prev = planResults.get(rule);
      let result: readonly Finding[];
      if (deps && prev && sameRefs(prev.deps, deps)) result = prev.findings;
      else {
        result = rule.check!(plan, index);
        if (deps) planResults.set(rule, { deps, findings: result });
      }
      if (result.length > 0) found.push({ findings: result });
    }
    return ordered(found, index);
  };

  /** The union of the flows in use; the same object as last time when the union did not change. */
  function fundedOf(used: ReadonlySet<Flows>): Funded {
    const domains = new Set<string>();
    const buckets = new Set<string>();
    for (const f of used) {
      for (const d of f.domains) domains.add(d);
      for (const b of f.buckets) buckets.add(b);
    }
    const signature = `${[...domains].sort().join(',')}|${[...buckets].sort().join(',')}`;
    if (fundedPrev?.signature !== signature) fundedPrev = { signature, funded: { domains, buckets } };
    return fundedPrev.funded;
  }
}

/** Findings of one row (with its position, known from the loop) or of one cross-row rule. */
interface Found {
  findings: readonly Finding[];
  position?: number;
}

function ordered(groups: readonly Found[], index: PlanIndex): Finding[] {
  const all: { f: Finding; s: number; p: number; c: number; i: number }[] = [];
  let i = 0;
  for (const g of groups) {
    for (const found of g.findings) {
      const p = g.position ?? index.position(found.location.section, found.location.rowId);
      // An unnamed row is named by its row number, never its internal id (the only findings not reused as they are).
      const message = rowNumbered(found.message, p + 1);
      const f = message === found.message ? found : finding(found.code, found.severity, found.location, message);
      all.push({ f, s: SECTION_RANK.get(f.location.section) ?? 99, p, c: CODE_RANK.get(f.code) ?? 99, i: i++ });
    }
  }
  all.sort((a, b) => a.s - b.s || a.p - b.p || a.c - b.c || a.i - b.i);
  return all.map((x) => x.f);
}

/** All findings for a plan, in a stable order. For repeated validation of one plan use `createValidator`. */
export function validate(plan: Plan): Finding[] {
  return createValidator()(plan);
}
