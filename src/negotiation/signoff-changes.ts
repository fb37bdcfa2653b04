import type * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import { compare, type InputDifference } from '../compare/index.ts';
import { signedPlan } from './doc.ts';
import { outdatedFingerprints, type SignoffStatus } from './signoff-status.ts';

/** What changed since a signed version (null: that version cannot be read back). */
export type ChangesSince = readonly InputDifference[] | null;

/**
 * What changed since each outdated version of a sign-off round, against the signed plan the
 * document keeps: a comparison per fingerprint, worked out again only when the plan changed.
 */
export class SignoffChanges {
  private readonly cache = new Map<string, { plan: Plan; list: ChangesSince }>();

  /** Forgets every comparison (another document). */
  clear(): void {
    this.cache.clear();
  }

  /** The changes since each version `status` shows as outdated, for `plan` as it is now. */
  of(doc: Y.Doc | null, status: SignoffStatus, plan: Plan): Map<string, ChangesSince> {
    const out = new Map<string, ChangesSince>();
    for (const fp of outdatedFingerprints(status)) {
      const cached = this.cache.get(fp);
      if (cached?.plan === plan) {
        out.set(fp, cached.list);
        continue;
      }
      const signed = doc ? signedPlan(doc, fp) : null;
      let list: ChangesSince;
      try {
        list = signed ? compare(signed, plan).inputs : null;
      } catch {
        list = null;
      }
      this.cache.set(fp, { plan, list });
      out.set(fp, list);
    }
    return out;
  }
}
