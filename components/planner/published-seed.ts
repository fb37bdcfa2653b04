import type { Plan } from '../../src/model/plan.ts';
import type { PlanState } from '../../src/sync/state.ts';
import { planDiffOps } from '../../src/store/plan-diff.ts';

/*
 * Which published plan a browser's stored scenarios of a plan id grew from. The planner compares it
 * with the plan the host sets on page load: the same file brings the user's work back silently; a
 * different one (the site updated its file) is offered to compare and adopt. Only a fingerprint is
 * kept (no plan content), in localStorage beside the database, keyed by database and plan id.
 * Where localStorage is refused (sandboxed frames, some privacy modes) the answer is "unknown",
 * and the planner then keeps the user's work, as it did before fingerprints were kept.
 */

const key = (dbName: string, planId: string): string => `rp-published:${dbName}:${planId}`;

/** A 53-bit hash (cyrb53) of the plan's JSON: zod's parse writes keys in schema order, so equal plans hash equally. */
export function planFingerprint(plan: Plan): string {
  const text = JSON.stringify(plan);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + `:${text.length}`;
}

/** The fingerprint stored for the plan id, or null when none is known. */
export function readPublished(dbName: string, planId: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key(dbName, planId)) ?? null;
  } catch {
    return null;
  }
}

/** Records the published plan the stored scenarios now follow. */
export function writePublished(dbName: string, planId: string, plan: Plan): void {
  try {
    globalThis.localStorage?.setItem(key(dbName, planId), planFingerprint(plan));
  } catch {
    // Refused storage: the next load keeps the user's work, which is the safe side.
  }
}

/**
 * The published plan when it differs from the file the stored scenarios grew from (offered, not
 * forced); null when it is that file, or when none was recorded (then it is recorded now).
 */
export function publishedNewer(dbName: string, plan: Plan): Plan | null {
  const known = readPublished(dbName, plan.id);
  if (known === null) writePublished(dbName, plan.id, plan);
  return known !== null && known !== planFingerprint(plan) ? plan : null;
}

/** The site's new file, differing from the one the stored scenarios grew from: offered, not forced. */
export class PublishedOffer {
  plan: Plan | null = null;

  constructor(
    /** Records the file the stored scenarios follow from now on. */
    private readonly record: (plan: Plan) => void,
    private readonly changed: () => void,
  ) {}

  /** Makes the open scenario the file's content (one undo step) and follows that file from now on. */
  adopt(state: PlanState | null): void {
    const published = this.plan;
    if (!published || !state) return;
    this.plan = null;
    state.apply(planDiffOps(state.plan, published));
    this.record(published);
    this.changed();
  }

  /** Keeps the user's version and stops offering this file. */
  keep(): void {
    if (this.plan) this.record(this.plan);
    this.plan = null;
    this.changed();
  }
}
