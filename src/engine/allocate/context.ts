import type { Plan } from '../../model/plan.ts';
import type { Split } from '../../model/split.ts';
import type { Funder, Provider } from '../../model/parties.ts';
import { FACTOR_ONE, FACTOR_PLACES, scaledFromString } from '../../money/cents.ts';
import { smallWeights, type SmallWeights } from '../../money/apportion.ts';
import { planPeriods, type PeriodPlan } from './period.ts';

/*
 * Everything an activity's allocation reads besides the activity itself, prepared once per set of
 * plan-level inputs: weight lists (with their "unassigned" bucket) for every split, sector,
 * provider group and funder group, and the payment periods. Identity of the inputs decides reuse.
 */

export const HUNDRED_PERCENT = 100n * FACTOR_ONE;

/** Ids to split over, with integer weights; a `null` id is the unassigned bucket. */
export interface Group {
  ids: (string | null)[];
  weights: bigint[];
}

/**
 * A group with the totals' line of each of its ids prepared (a slot of one level's table), so a
 * hot loop neither joins strings nor looks them up.
 */
export interface KeyedGroup extends Group {
  slots: number[];
  small: SmallWeights | null;
}

/** Key parts: ids contain only [A-Za-z0-9_-], so `|` separates and `~` stands for null. */
export const keyOf = (...ids: (string | null)[]) => ids.map((id) => id ?? '~').join('|');

/**
 * The lines of one level of the totals (domains, sectors, providers or funders), numbered: a
 * line is its ids (e.g. domain, sector, provider) and a key that orders equal ranks.
 */
export class SlotTable {
  private readonly index = new Map<string, number>();
  readonly keys: string[] = [];
  readonly ids: (string | null)[][] = [];
  slot(ids: (string | null)[]): number {
    const key = keyOf(...ids);
    let slot = this.index.get(key);
    if (slot === undefined) {
      slot = this.keys.length;
      this.index.set(key, slot);
      this.keys.push(key);
      this.ids.push(ids);
    }
    return slot;
  }
}

const keyed = (g: Group, table: SlotTable, prefix: (string | null)[]): KeyedGroup => ({
  ...g,
  slots: g.ids.map((id) => table.slot([...prefix, id])),
  small: smallWeights(g.weights),
});

/** How one split sends money: to domains (and a bucket), and per domain to sectors. */
export interface SplitPlan {
  domains: KeyedGroup;
  sectors: Map<string, KeyedGroup>;
}

export interface Context {
  readonly domains: Plan['domains'];
  readonly providers: Plan['providers'];
  readonly funders: Plan['funders'];
  readonly marketShare: Plan['marketShare'];
  /** Read only by the per-year funder split (its reference date), but part of the inputs' identity. */
  readonly marketShareDate: Plan['marketShareDate'];
  readonly period: Plan['period'];
  readonly granularity: Plan['granularity'];
  readonly periods: PeriodPlan;
  /** Catalogue order, for sorting totals and for the apportion tie-break. */
  readonly domainRank: Map<string, number>;
  readonly sectorRank: Map<string, Map<string, number>>;
  readonly providerRank: Map<string, number>;
  readonly funderRank: Map<string, number>;
  splitPlan(split: Split): SplitPlan;
  providerGroup(domainId: string, sectorId: string | null): KeyedGroup;
  funderGroup(domainId: string): KeyedGroup;
  /** Slot lengths, the weights of the payment schedule. */
  readonly periodWeights: bigint[];
  readonly periodSmall: SmallWeights | null;
  /** The numbered lines of each level of the totals. */
  readonly tables: { domains: SlotTable; sectors: SlotTable; providers: SlotTable; funders: SlotTable };
  /** The one line the unassigned part of a split has at each level below the domain. */
  readonly unassigned: { sector: number[]; provider: number[]; funder: number[] };
}

const BUCKET_ONLY: Group = { ids: [null], weights: [1n] };

/** Percent as a non-negative scaled integer; bad or negative values weigh 0 (validation reports them). */
const pct = (s: string): bigint => {
  const v = scaledFromString(s, FACTOR_PLACES);
  return v !== null && v > 0n ? v : 0n;
};

/**
 * Percent weights: below 100 % the rest goes to a null bucket; above 100 % they are scaled down
 * proportionally (validation reports both). No weight at all: everything to the bucket.
 */
export function percentGroup(ids: string[], weights: bigint[]): Group {
  let sum = 0n;
  for (const w of weights) sum += w;
  if (sum >= HUNDRED_PERCENT) return { ids, weights };
  return { ids: [...ids, null], weights: [...weights, HUNDRED_PERCENT - sum] };
}

export function sameInputs(ctx: Context | null, plan: Plan): ctx is Context {
  return (
    !!ctx &&
    ctx.domains === plan.domains &&
    ctx.providers === plan.providers &&
    ctx.funders === plan.funders &&
    ctx.marketShare === plan.marketShare &&
    ctx.marketShareDate === plan.marketShareDate &&
    ctx.period === plan.period &&
    ctx.granularity === plan.granularity
  );
}

export function createContext(plan: Plan): Context {
  const domainRank = new Map<string, number>();
  const sectorRank = new Map<string, Map<string, number>>();
  plan.domains.forEach((d, i) => {
    if (domainRank.has(d.id)) return;
    domainRank.set(d.id, i);
    const sectors = new Map<string, number>();
    d.sectors.forEach((s, j) => {
      if (!sectors.has(s.id)) sectors.set(s.id, j);
    });
    sectorRank.set(d.id, sectors);
  });
  const providerRank = new Map<string, number>();
  plan.providers.forEach((p, i) => {
    if (!providerRank.has(p.id)) providerRank.set(p.id, i);
  });
  const funderRank = new Map<string, number>();
  plan.funders.forEach((f, i) => {
    if (!funderRank.has(f.id)) funderRank.set(f.id, i);
  });

  const providersBy = new Map<string, Provider[]>();
  for (const p of plan.providers) {
    const key = `${p.domainId}|${p.sectorId ?? ''}`;
    const list = providersBy.get(key);
    if (list) list.push(p);
    else providersBy.set(key, [p]);
  }
  const fundersBy = new Map<string, Funder[]>();
  for (const f of plan.funders) {
    const list = fundersBy.get(f.domainId);
    if (list) list.push(f);
    else fundersBy.set(f.domainId, [f]);
  }

  const zvw = new Set(plan.domains.filter((d) => d.kind === 'zvw').map((d) => d.id));
  const providerGroups = new Map<string, KeyedGroup>();
  const funderGroups = new Map<string, KeyedGroup>();
  const periods = planPeriods(plan.period, plan.granularity);
  const splitPlans = new WeakMap<Split, SplitPlan>();
  const tables = {
    domains: new SlotTable(),
    sectors: new SlotTable(),
    providers: new SlotTable(),
    funders: new SlotTable(),
  };

  return {
    domains: plan.domains,
    providers: plan.providers,
    funders: plan.funders,
    marketShare: plan.marketShare,
    marketShareDate: plan.marketShareDate,
    period: plan.period,
    granularity: plan.granularity,
    periods,
    periodWeights: periods.slots.map((slot) => slot.units),
    periodSmall: smallWeights(periods.slots.map((slot) => slot.units)),
    domainRank,
    sectorRank,
    providerRank,
    funderRank,
    tables,
    unassigned: {
      sector: [tables.sectors.slot([null, null])],
      provider: [tables.providers.slot([null, null, null])],
      funder: [tables.funders.slot([null, null])],
    },
    splitPlan(split) {
      let sp = splitPlans.get(split);
      if (!sp) {
        sp = buildSplitPlan(split, plan.domains, sectorRank, tables);
        splitPlans.set(split, sp);
      }
      return sp;
    },
    providerGroup(domainId, sectorId) {
      const key = `${domainId}|${sectorId ?? ''}`;
      let g = providerGroups.get(key);
      if (!g) {
        g = keyed(buildProviderGroup(providersBy.get(key) ?? []), tables.providers, [domainId, sectorId]);
        providerGroups.set(key, g);
      }
      return g;
    },
    funderGroup(domainId) {
      let g = funderGroups.get(domainId);
      if (!g) {
        const list = fundersBy.get(domainId) ?? [];
        const group = zvw.has(domainId)
          ? buildInsurerGroup(list, plan.marketShare?.insuredTotal ?? null)
          : buildFunderGroup(list);
        g = keyed(group, tables.funders, [domainId]);
        funderGroups.set(domainId, g);
      }
      return g;
    },
  };
}

/**
 * Domain weights in catalogue order (repeated entries for one domain add up; entries for unknown
 * domains are ignored, i.e. stay unassigned); per domain, sector weights in catalogue order.
 */
function buildSplitPlan(
  split: Split,
  domains: Plan['domains'],
  sectorRank: Map<string, Map<string, number>>,
  tables: Context['tables'],
): SplitPlan {
  const domainPct = new Map<string, bigint>();
  for (const e of split.domains) {
    if (sectorRank.has(e.domainId)) domainPct.set(e.domainId, (domainPct.get(e.domainId) ?? 0n) + pct(e.percent));
  }
  const sectorPct = new Map<string, bigint>();
  for (const e of split.sectors) {
    if (sectorRank.get(e.domainId)?.has(e.sectorId)) {
      const key = `${e.domainId}|${e.sectorId}`;
      sectorPct.set(key, (sectorPct.get(key) ?? 0n) + pct(e.percent));
    }
  }
  const ids: string[] = [];
  const weights: bigint[] = [];
  const sectors = new Map<string, KeyedGroup>();
  const seen = new Set<string>();
  for (const d of domains) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    const w = domainPct.get(d.id);
    if (w !== undefined) {
      ids.push(d.id);
      weights.push(w);
    }
    if (d.sectors.length === 0) {
      sectors.set(d.id, keyed(BUCKET_ONLY, tables.sectors, [d.id]));
      continue;
    }
    const sIds: string[] = [];
    const sWeights: bigint[] = [];
    for (const s of d.sectors) {
      const sw = sectorPct.get(`${d.id}|${s.id}`);
      if (sw !== undefined && !sIds.includes(s.id)) {
        sIds.push(s.id);
        sWeights.push(sw);
      }
    }
    sectors.set(d.id, keyed(percentGroup(sIds, sWeights), tables.sectors, [d.id]));
  }
  return { domains: keyed(percentGroup(ids, weights), tables.domains, []), sectors };
}

/** Providers by share (percent of their sector); all shares empty: equal parts; none: bucket. */
function buildProviderGroup(providers: Provider[]): Group {
  if (providers.length === 0) return BUCKET_ONLY;
  const ids = providers.map((p) => p.id);
  if (providers.every((p) => p.share === null)) return { ids, weights: providers.map(() => 1n) };
  return percentGroup(
    ids,
    providers.map((p) => (p.share === null ? 0n : pct(p.share))),
  );
}

/**
 * Funders of a domain. All shares empty: equal parts. All given shares are counts (insured or
 * inhabitants): proportional to the counts, no bucket (a market share is relative by nature).
 * Otherwise percentages with a bucket below 100 %; count-based and empty shares then weigh 0
 * (the market-share-sum rule reports such a mix).
 */
function buildFunderGroup(funders: Funder[]): Group {
  if (funders.length === 0) return BUCKET_ONLY;
  const ids = funders.map((f) => f.id);
  if (funders.every((f) => f.share === null)) return { ids, weights: funders.map(() => 1n) };
  if (funders.every((f) => f.share === null || f.share.basis === 'count')) {
    const weights = funders.map((f) => (f.share?.basis === 'count' ? pct(f.share.count) : 0n));
    return weights.some((w) => w > 0n) ? { ids, weights } : { ids: [...ids, null], weights: [...weights, 1n] };
  }
  return percentGroup(
    ids,
    funders.map((f) => (f.share?.basis === 'percent' ? pct(f.share.percent) : 0n)),
  );
}

/**
 * Funders of a Zvw domain: market shares as the handleiding defines them (§4 "Waar moeten partijen
 * nog meer afspraken over maken?"), insured in the service area on the reference date. An insurer
 * pays its count out of ALL insured in the area (`insuredTotal`), or its percentage of all insured,
 * so its amount does not depend on who else is listed; what no listed insurer covers is the
 * funderId-null line. Counts without an area total cannot be turned into shares: everything stays
 * uncovered (never guessed; the area-total-missing rule asks for it). Counts above the total are
 * scaled to the counts (market-share-sum reports it). All shares empty: equal parts, as before.
 */
export function buildInsurerGroup(funders: Funder[], insuredTotal: string | null): Group {
  if (funders.length === 0) return BUCKET_ONLY;
  const ids = funders.map((f) => f.id);
  if (funders.every((f) => f.share === null)) return { ids, weights: funders.map(() => 1n) };
  if (funders.every((f) => f.share === null || f.share.basis === 'count')) {
    const weights = funders.map((f) => (f.share?.basis === 'count' ? pct(f.share.count) : 0n));
    let sum = 0n;
    for (const w of weights) sum += w;
    const total = insuredTotal === null ? 0n : pct(insuredTotal);
    if (total === 0n || sum === 0n) return { ids: [...ids, null], weights: [...weights.map(() => 0n), 1n] };
    return sum >= total ? { ids, weights } : { ids: [...ids, null], weights: [...weights, total - sum] };
  }
  return percentGroup(
    ids,
    funders.map((f) => (f.share?.basis === 'percent' ? pct(f.share.percent) : 0n)),
  );
}
