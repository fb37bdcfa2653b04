import { findingText } from '../../i18n/findings.ts';
import type { Finding, FindingLocation } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding, isRealDate, isZvw } from './support.ts';
import { planYears } from '../allocate/years.ts';

const text = findingText['market-share-date'];

/** How far before the period a reference date may lie before it looks like a typo (2202 for 2025). */
const MAX_YEARS_BEFORE = 2;

/** A reference date against the start of the period it applies to: not after it, not years before it. */
function checkDate(date: string, start: string, location: FindingLocation, out: Finding[]): void {
  if (!isRealDate(date) || !isRealDate(start)) return; // period-invalid reports impossible dates
  if (date > start) out.push(finding('market-share-date', 'error', location, text.afterStart(date, start)));
  else if (Number(start.slice(0, 4)) - Number(date.slice(0, 4)) > MAX_YEARS_BEFORE) {
    out.push(finding('market-share-date', 'warning', location, text.farAway(date, start)));
  }
}

/**
 * The reference date (peildatum) of insurers' market shares (handleiding §4 "Hoe te gebruiken?":
 * "aantallen verzekerden in een te bepalen verzorgingsgebied (postcodes) op een te bepalen
 * peildatum"). Several insurers need one; it lies on or before the start of the period it applies
 * to, and not centuries away. Insured persons may switch insurer on 1 January, so a plan over
 * several calendar years has a reference date and counts per later year (marketShare.laterYears).
 */
export const marketShareDate: Rule = {
  code: 'market-share-date',

  check(plan, index) {
    const out: Finding[] = [];
    let insurers = 0;
    let shared = false;
    for (const f of plan.funders) {
      if (!isZvw(index.ctx, f.domainId) || f.kind !== 'insurer') continue;
      insurers++;
      if (f.share !== null) shared = true;
    }
    if (insurers === 0) return out;
    const at: FindingLocation = { section: 'plan', field: 'marketShareDate' };
    if (plan.marketShareDate === null || plan.marketShareDate === '') {
      if (insurers > 1) out.push(finding('market-share-date', 'error', at, text.missing(insurers)));
    } else checkDate(plan.marketShareDate, plan.period.start, at, out);

    const years = planYears(plan.period);
    const later = new Map((plan.marketShare?.laterYears ?? []).map((y) => [y.year, y]));
    for (const year of years.slice(1)) {
      const entry = later.get(year);
      const where: FindingLocation = { section: 'plan', field: `marketShare.laterYears.${year}` };
      if (!entry) {
        if (insurers > 1 && shared) out.push(finding('market-share-date', 'warning', where, text.yearMissing(year)));
        continue;
      }
      const dateAt: FindingLocation = { section: 'plan', field: `marketShare.laterYears.${year}.referenceDate` };
      if (entry.referenceDate === null)
        out.push(finding('market-share-date', 'warning', dateAt, text.yearDateMissing(year)));
      else checkDate(entry.referenceDate, `${year}-01-01`, dateAt, out);
    }
    if (years.length > 0) {
      for (const y of plan.marketShare?.laterYears ?? []) {
        if (!years.slice(1).includes(y.year))
          out.push(
            finding(
              'market-share-date',
              'warning',
              { section: 'plan', field: `marketShare.laterYears.${y.year}` },
              text.yearOutside(y.year),
            ),
          );
      }
    }
    return out;
  },
  inputs: (plan, index) => [plan.funders, plan.marketShareDate, plan.marketShare, plan.period, index.ctx],
};
