import type { Plan } from '../../model/plan.ts';
import type { Funder } from '../../model/parties.ts';
import type { DomainAmount, FunderAmount, FunderYear } from '../../model/allocation.ts';
import { apportionCents } from '../../money/apportion.ts';
import { centsToDec, decToCents } from '../../money/cents.ts';
import { buildInsurerGroup } from './context.ts';

/*
 * Funders per calendar year. Insured persons may switch insurer on 1 January, so a plan over
 * several calendar years has market shares per year (handleiding §4: insured in the service area on
 * a reference date). The first year is the allocation's byFunder (marketShareDate and the insurers'
 * own counts). A later year with its own counts splits each Zvw domain's annual amount by them, out
 * of that year's area total (what no listed insurer covers: funderId null); other domains and years
 * without their own counts keep the latest earlier split. Every year's lines sum per domain to
 * byDomain, to the cent (largest remainder).
 */

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar years of a usable plan period (none for bad dates or more than ten years). */
export function planYears(period: Plan['period']): number[] {
  if (!ISO.test(period.start) || !ISO.test(period.end) || period.end < period.start) return [];
  const from = Number(period.start.slice(0, 4));
  const to = Number(period.end.slice(0, 4));
  if (to - from > 10) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function funderYears(plan: Plan, byDomain: readonly DomainAmount[], byFunder: FunderAmount[]): FunderYear[] {
  const years = planYears(plan.period);
  if (years.length === 0) return [];
  const out: FunderYear[] = [
    { year: years[0]!, sharesYear: years[0]!, referenceDate: plan.marketShareDate, funders: byFunder },
  ];
  const zvw = new Set(plan.domains.filter((d) => d.kind === 'zvw').map((d) => d.id));
  for (const year of years.slice(1)) {
    const own = plan.marketShare?.laterYears?.find((y) => y.year === year);
    if (!own || own.counts.length === 0) {
      out.push({ ...out[out.length - 1]!, year });
      continue;
    }
    const counts = new Map(own.counts.map((c) => [c.funderId, c.count]));
    const funders: FunderAmount[] = [];
    const done = new Set<string>();
    for (const line of byFunder) {
      const domainId = line.domainId;
      if (domainId === null || !zvw.has(domainId)) {
        funders.push(line);
        continue;
      }
      if (done.has(domainId)) continue;
      done.add(domainId);
      const list: Funder[] = plan.funders
        .filter((f) => f.domainId === domainId)
        .map((f) => ({ ...f, share: { basis: 'count', count: counts.get(f.id) ?? '0' } }));
      const group = buildInsurerGroup(list, own.insuredTotal);
      const total = byDomain.filter((d) => d.domainId === domainId).reduce((n, d) => n + decToCents(d.amount), 0n);
      const cents = apportionCents(total, group.weights);
      group.ids.forEach((funderId, i) => funders.push({ domainId, funderId, amount: centsToDec(cents[i]!) }));
    }
    out.push({ year, sharesYear: year, referenceDate: own.referenceDate, funders });
  }
  return out;
}
