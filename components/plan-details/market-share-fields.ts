import { html, type TemplateResult } from 'lit';
import type { Plan, MarketShare, MarketShareYear } from '../../src/model/plan.ts';
import { planYears } from '../../src/engine/allocate/years.ts';
import type { RpPlanDetails } from './plan-details.ts';

/*
 * The insurers' market shares as the handleiding defines them (§4 "Hoe te gebruiken?"): the
 * reference date, the total of ALL insured in the service area on it, the agreed definition for
 * the annex, and for a plan over several calendar years a reference date, total and count per
 * insurer for each later year (insured persons may switch insurer on 1 January). The counts of the
 * first year are the insurers' own shares, edited with the funders.
 */
export function marketShareFields(host: RpPlanDetails, plan: Plan): TemplateResult {
  const ms = plan.marketShare;
  const setMs = (patch: Partial<MarketShare>) => host.set('marketShare', { ...ms, ...patch });
  return html`<fieldset>
    <legend>${host.tr('details.marketShares')}</legend>
    <p class="hint">${host.tr('details.marketShares.hint')}</p>
    <div class="fields">
      ${host.dateField('marketShareDate', host.tr('details.marketShareDate'), plan.marketShareDate, (v) => host.set('marketShareDate', v), 'details.marketShareDate.hint')}
      ${host.numberField('marketShare.insuredTotal', host.tr('details.insuredTotal'), ms.insuredTotal, (v) => setMs({ insuredTotal: v }), 'details.insuredTotal.hint')}
      ${host.textArea('marketShare.definition', 'details.marketShareDefinition', ms.definition, (v) => setMs({ definition: v }), 'details.marketShareDefinition.hint')}
      ${laterYears(host, plan)}
    </div>
  </fieldset>`;
}

/** One row per later calendar year of the plan (and per stored year outside it, so it can be seen). */
function laterYears(host: RpPlanDetails, plan: Plan): TemplateResult | string {
  const ms = plan.marketShare;
  const stored = new Map(ms.laterYears.map((y) => [y.year, y]));
  const years = [...new Set([...planYears(plan.period).slice(1), ...stored.keys()])].sort((a, b) => a - b);
  if (years.length === 0) return '';
  const insurers = plan.funders.filter(
    (f) => f.kind === 'insurer' && plan.domains.some((d) => d.id === f.domainId && d.kind === 'zvw'),
  );
  const entry = (year: number): MarketShareYear =>
    stored.get(year) ?? { year, referenceDate: null, insuredTotal: null, counts: [] };
  const save = (year: number, patch: Partial<MarketShareYear>) => {
    const next = { ...entry(year), ...patch };
    const rest = ms.laterYears.filter((y) => y.year !== year);
    host.set('marketShare', { ...ms, laterYears: [...rest, next].sort((a, b) => a.year - b.year) });
  };
  const countOf = (y: MarketShareYear, funderId: string) =>
    y.counts.find((c) => c.funderId === funderId)?.count ?? null;
  const setCount = (year: number, funderId: string, count: string | null) => {
    const y = entry(year);
    const counts = y.counts.filter((c) => c.funderId !== funderId);
    if (count !== null) counts.push({ funderId, count });
    // Keep the funders' order, so the annex lists them as the parties table does.
    counts.sort(
      (a, b) => insurers.findIndex((f) => f.id === a.funderId) - insurers.findIndex((f) => f.id === b.funderId),
    );
    save(year, { counts });
  };
  return html`<div class="field wide">
    <span class="label">${host.tr('details.laterYears')}</span>
    <p class="hint">${host.tr('details.laterYears.hint')}</p>
    ${years.map((year) => {
      const y = entry(year);
      const base = `marketShare.laterYears.${year}`;
      return html`<div class="fields" data-year=${year}>
        ${host.dateField(`${base}.referenceDate`, host.tr('details.yearDate', { year }), y.referenceDate, (v) => save(year, { referenceDate: v }))}
        ${host.numberField(`${base}.insuredTotal`, host.tr('details.yearTotal', { year }), y.insuredTotal, (v) => save(year, { insuredTotal: v }))}
        ${insurers.map((f, i) =>
          host.numberField(
            `${base}.counts.${f.id}`,
            host.tr('details.yearCount', { name: f.name || `${i + 1}`, year }),
            countOf(y, f.id),
            (v) => setCount(year, f.id, v),
          ),
        )}
      </div>`;
    })}
  </div>`;
}
