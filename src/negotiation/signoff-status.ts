import type { Plan } from '../model/plan.ts';
import type { Signoff, SignoffParty, SignoffRound } from '../model/negotiation.ts';
import { partiesToSign, partyKey, type PartyToSign } from './parties.ts';

/*
 * Where a sign-off round stands for the plan as it is now. A sign-off binds to the plan's content
 * fingerprint: once the plan changes, every sign-off given before is outdated (it stays on record,
 * with what changed since), and the party signs again to make it valid.
 */

export type PartySignoffState = 'valid' | 'outdated' | 'missing';

export interface PartyStatus extends PartyToSign {
  state: PartySignoffState;
  /** The party's latest sign-off, valid or not. */
  latest: Signoff | null;
  /** Every sign-off of the party, newest first. */
  all: Signoff[];
}

export interface SignoffStatus {
  /** The plan's fingerprint now. */
  fingerprint: string;
  round: SignoffRound | null;
  parties: PartyStatus[];
  /** Every party asked has a valid sign-off on this exact version (and at least one party is asked). */
  complete: boolean;
  /** Sign-offs of parties no longer in the plan (a funder removed): kept and listed, never counted. */
  former: Signoff[];
}

const newestFirst = (a: Signoff, b: Signoff): number => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1);

export function signoffStatus(
  plan: Plan,
  fingerprint: string,
  round: SignoffRound | null,
  signoffs: readonly Signoff[],
): SignoffStatus {
  const byParty = new Map<string, Signoff[]>();
  for (const s of [...signoffs].sort(newestFirst)) {
    const k = partyKey(s.party);
    const list = byParty.get(k);
    if (list) list.push(s);
    else byParty.set(k, [s]);
  }
  const asked = partiesToSign(plan);
  const askedKeys = new Set(asked.map((p) => partyKey(p.party)));
  const parties = asked.map((p): PartyStatus => {
    const all = byParty.get(partyKey(p.party)) ?? [];
    // Valid when any of the party's sign-offs is on this exact version (a change undone makes it valid again).
    const valid = all.find((s) => s.fingerprint === fingerprint) ?? null;
    const latest = valid ?? all[0] ?? null;
    return { ...p, state: valid ? 'valid' : latest ? 'outdated' : 'missing', latest, all };
  });
  const former = [...byParty.entries()].filter(([k]) => !askedKeys.has(k)).flatMap(([, list]) => list);
  return {
    fingerprint,
    round,
    parties,
    complete: parties.length > 0 && parties.every((p) => p.state === 'valid'),
    former,
  };
}

/** Fingerprints of versions that were signed but are not the current one: their plans are kept for the diff. */
export function outdatedFingerprints(status: SignoffStatus): string[] {
  const out = new Set<string>();
  for (const p of status.parties)
    for (const s of p.all) if (s.fingerprint !== status.fingerprint) out.add(s.fingerprint);
  return [...out];
}

/** Whether an export of this version should be marked concept: put up for sign-off, and not every party signed it. */
export const exportsAsConcept = (status: SignoffStatus): boolean => status.round !== null && !status.complete;

export const sameParty = (a: SignoffParty, b: SignoffParty): boolean => a.kind === b.kind && a.id === b.id;
