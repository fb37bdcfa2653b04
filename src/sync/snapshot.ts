import * as Y from 'yjs';
import type { z } from '../model/zod.ts';
import { Plan } from '../model/plan.ts';
import { Split } from '../model/split.ts';
import type { Collection, PlanField, RowOf } from '../model/ops.ts';
import { COLLECTIONS, maxRows, ROW_SCHEMAS, SCALAR_FIELDS, type Roots } from './layout.ts';
import { readDefaultSplit, readPlanField, readRow } from './read.ts';
import { guardObject, guardValue } from './guard.ts';
import { frozenCopy } from './values.ts';
import { messages } from './messages.ts';
import type { ChangeOrigin, PlanChange, StateProblem } from './state.ts';

/*
 * The plain plan snapshot, kept in step with the doc. A transaction marks what it touched (the
 * doc's own record of changed types and keys, the same data observeDeep events are built from);
 * flush() rebuilds only those rows and fields. Everything else keeps its object identity.
 */

type Row = RowOf<Collection>;
type Located =
  | { kind: 'plan' }
  | { kind: 'default' }
  | { kind: 'rows'; c: Collection }
  | { kind: 'order'; c: Collection }
  | { kind: 'meta' };

const SCALAR = new Set<string>(SCALAR_FIELDS);
const fieldSchema = (f: string) => (Plan.shape as unknown as Record<string, z.ZodMiniType>)[f]!;

export interface Flushed {
  plan: Plan;
  change: PlanChange;
  problems: StateProblem[];
}

export class Snapshot {
  plan: Plan;
  private readonly located = new Map<unknown, Located>();
  private readonly cache = {} as Record<Collection, Map<string, Row>>;
  private readonly index = {} as Record<Collection, Map<string, number>>;
  private dirtyFields = new Set<string>();
  private dirtyDefault = false;
  private dirtyRows = {} as Record<Collection, Set<string>>;
  private dirtyOrder = new Set<Collection>();

  /** `later`: leave the first build to inSteps (which sets `plan`). */
  constructor(
    private readonly r: Roots,
    fallback: Plan,
    origin: ChangeOrigin,
    problems: StateProblem[],
    later = false,
  ) {
    this.located.set(r.plan, { kind: 'plan' });
    this.located.set(r.defaultSplit, { kind: 'default' });
    this.located.set(r.meta, { kind: 'meta' });
    for (const c of COLLECTIONS) {
      this.located.set(r.rows[c], { kind: 'rows', c });
      this.located.set(r.order[c], { kind: 'order', c });
      this.cache[c] = new Map();
      this.index[c] = new Map();
      this.dirtyRows[c] = new Set();
    }
    this.plan = fallback;
    if (later) return;
    const steps = this.buildSteps(fallback, origin, problems, Number.POSITIVE_INFINITY);
    let step = steps.next();
    while (!step.done) step = steps.next();
    this.plan = step.value;
  }

  /**
   * The first snapshot built in steps of `rowsPerStep` rows, awaiting `pause()` between them, so
   * that reading a large document never blocks the page for long. Nothing may write to the doc
   * meanwhile.
   */
  static async inSteps(
    r: Roots,
    fallback: Plan,
    origin: ChangeOrigin,
    problems: StateProblem[],
    rowsPerStep: number,
    pause: () => Promise<void>,
  ): Promise<Snapshot> {
    const snapshot = new Snapshot(r, fallback, origin, problems, true);
    const steps = snapshot.buildSteps(fallback, origin, problems, rowsPerStep);
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    snapshot.plan = step.value;
    return snapshot;
  }

  /** The first snapshot: every field and row read; the fallback plan stands in for what is broken. */
  private *buildSteps(
    fallback: Plan,
    origin: ChangeOrigin,
    problems: StateProblem[],
    rowsPerStep: number,
  ): Generator<void, Plan, void> {
    let read = 0;
    // Only what the snapshot keeps of the fallback is copied (and frozen): its rows are read from
    // the doc, and a fallback row stands in only for a broken one.
    const plan: Record<string, unknown> = {};
    // Keys in the fallback's order (a collection's place is kept until it is read).
    for (const [k, v] of Object.entries(fallback))
      plan[k] = (COLLECTIONS as readonly string[]).includes(k) ? undefined : frozenCopy(v);
    for (const f of SCALAR_FIELDS) plan[f] = this.guardField(f, plan[f], origin, problems);
    plan.defaultSplit = this.guardDefault(plan.defaultSplit as Split, origin, problems);
    for (const c of COLLECTIONS) {
      const previous = new Map((fallback[c] as Row[]).map((row) => [row.id, row]));
      for (const [id, y] of this.r.rows[c].entries()) {
        if (!(y instanceof Y.Map)) continue;
        const candidate = readRow(c, id, y);
        let res = guardObject<Row>(ROW_SCHEMAS[c], candidate, undefined);
        if (res.value === undefined && previous.has(id))
          res = guardObject<Row>(ROW_SCHEMAS[c], candidate, frozenCopy(previous.get(id)));
        this.report(res.refused, res.value === undefined, c, id, origin, problems);
        if (res.value) this.cache[c].set(id, res.value);
        if (++read % rowsPerStep === 0) yield;
      }
      plan[c] = this.ordered(c, origin, problems);
    }
    return Object.freeze(plan) as Plan;
  }

  /** Records what a transaction touched. Returns whether anything the snapshot shows may have changed. */
  mark(tr: Y.Transaction): boolean {
    let any = false;
    for (const [type, keys] of tr.changed) {
      let t: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
      let key: string | null = null;
      while (!this.located.has(t)) {
        const item = t._item;
        if (!item || !(item.parent instanceof Y.AbstractType)) break;
        key = item.parentSub;
        t = item.parent;
      }
      const at = this.located.get(t);
      if (!at || at.kind === 'meta') continue;
      any = true;
      const touched = t === type ? [...keys].filter((k): k is string => k !== null) : key === null ? [] : [key];
      if (at.kind === 'plan') for (const k of touched) this.dirtyFields.add(k);
      else if (at.kind === 'default') this.dirtyDefault = true;
      else if (at.kind === 'order') this.dirtyOrder.add(at.c);
      else for (const k of touched) this.dirtyRows[at.c].add(k);
    }
    return any;
  }

  /** Applies what mark() recorded; null when nothing visible changed. */
  flush(origin: ChangeOrigin): Flushed | null {
    const problems: StateProblem[] = [];
    const rows = new Set<string>();
    const fields = new Set<PlanField>();
    const collections = new Set<Collection>();
    const prev = this.plan;
    const next = { ...prev } as Record<string, unknown>;

    for (const f of this.dirtyFields) {
      if (!SCALAR.has(f)) continue;
      const value = this.guardField(f, prev[f as keyof Plan], origin, problems);
      if (value !== prev[f as keyof Plan]) {
        next[f] = value;
        fields.add(f as PlanField);
      }
    }
    if (this.dirtyDefault) {
      const value = this.guardDefault(prev.defaultSplit, origin, problems);
      if (value !== prev.defaultSplit) {
        next.defaultSplit = value;
        rows.add('default');
      }
    }
    for (const c of COLLECTIONS) {
      const ids = this.dirtyRows[c];
      if (ids.size === 0 && !this.dirtyOrder.has(c)) continue;
      const list = this.updateCollection(c, ids, this.dirtyOrder.has(c), rows, origin, problems);
      if (list !== prev[c]) {
        next[c] = list;
        collections.add(c);
      }
      ids.clear();
    }
    this.dirtyFields = new Set();
    this.dirtyDefault = false;
    this.dirtyOrder.clear();

    if (rows.size === 0 && fields.size === 0 && collections.size === 0) {
      return problems.length ? { plan: prev, change: { origin, rows, fields, collections }, problems } : null;
    }
    this.plan = Object.freeze(next) as Plan;
    return { plan: this.plan, change: { origin, rows, fields, collections }, problems };
  }

  private guardField(f: string, previous: unknown, origin: ChangeOrigin, problems: StateProblem[]): unknown {
    const res = guardValue(fieldSchema(f), readPlanField(this.r, f), previous);
    if (res.refused.length)
      problems.push({
        code: 'invalid-value',
        origin,
        section: 'plan',
        field: f,
        message: messages.invalidValue(origin, undefined, f),
      });
    return res.value;
  }

  private guardDefault(previous: Split, origin: ChangeOrigin, problems: StateProblem[]): Split {
    const res = guardValue<Split>(Split, readDefaultSplit(this.r), previous);
    if (res.refused.length)
      problems.push({
        code: 'invalid-value',
        origin,
        section: 'split',
        rowId: 'default',
        message: messages.invalidValue(origin, 'default'),
      });
    return res.value!;
  }

  private report(
    refused: string[],
    dropped: boolean,
    c: Collection,
    id: string,
    origin: ChangeOrigin,
    problems: StateProblem[],
  ): void {
    if (dropped)
      problems.push({ code: 'invalid-row', origin, section: c, rowId: id, message: messages.invalidRow(origin, id) });
    else
      for (const field of refused)
        problems.push({
          code: 'invalid-value',
          origin,
          section: c,
          rowId: id,
          field,
          message: messages.invalidValue(origin, id, field),
        });
  }

  private updateCollection(
    c: Collection,
    ids: Set<string>,
    orderDirty: boolean,
    changed: Set<string>,
    origin: ChangeOrigin,
    problems: StateProblem[],
  ): Row[] {
    const cache = this.cache[c];
    let structural = orderDirty;
    const replaced: string[] = [];
    for (const id of ids) {
      const y = this.r.rows[c].get(id);
      const prev = cache.get(id);
      if (y instanceof Y.Map) {
        const res = guardObject<Row>(ROW_SCHEMAS[c], readRow(c, id, y), prev);
        this.report(res.refused, res.value === undefined, c, id, origin, problems);
        if (res.value === undefined || res.value === prev) continue;
        cache.set(id, res.value);
        changed.add(id);
        if (prev) replaced.push(id);
        else structural = true;
      } else if (y !== undefined) {
        // Not a row at all (a peer wrote something else under this id): keep what was shown.
        this.report([], true, c, id, origin, problems);
      } else if (cache.delete(id)) {
        changed.add(id);
        structural = true;
      }
    }
    const current = this.plan[c] as Row[];
    if (structural) return this.ordered(c, origin, problems, current);
    if (replaced.length === 0) return current;
    const list = current.slice();
    for (const id of replaced) {
      const at = this.index[c].get(id);
      if (at !== undefined) list[at] = cache.get(id)!;
    }
    return Object.freeze(list) as Row[];
  }

  /** The collection's rows in document order: duplicates and ids without a valid row skipped. */
  private ordered(c: Collection, origin: ChangeOrigin, problems: StateProblem[], current?: Row[]): Row[] {
    const cache = this.cache[c];
    const list: Row[] = [];
    const seen = new Set<string>();
    for (const id of this.r.order[c].toArray()) {
      if (typeof id !== 'string' || seen.has(id)) continue;
      const row = cache.get(id);
      if (!row) continue;
      seen.add(id);
      list.push(row);
    }
    if (seen.size < cache.size) {
      // Rows no ordering mentions (only a malformed peer writes those): shown last, by id.
      const missing = [...cache.keys()].filter((id) => !seen.has(id)).sort();
      for (const id of missing) list.push(cache.get(id)!);
    }
    const max = maxRows(c);
    if (list.length > max) {
      list.length = max;
      problems.push({ code: 'too-many-rows', origin, section: c, message: messages.tooManyRows(origin, c, max) });
    }
    if (current && current.length === list.length && current.every((row, i) => row === list[i])) return current;
    const index = new Map<string, number>();
    list.forEach((row, i) => index.set(row.id, i));
    this.index[c] = index;
    return Object.freeze(list) as Row[];
  }
}
