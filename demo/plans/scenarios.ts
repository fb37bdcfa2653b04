import type { Msg } from '../../src/i18n/locale.ts';
import { applyOps, type PlanOp } from '../../src/model/ops.ts';
import type { Plan } from '../../src/model/plan.ts';

/*
 * The alternatives each sample plan comes with, so the compare view shows differences on a first
 * visit: a different split over the domains, and a different budget. Each is the sample changed by
 * a few plan operations (the same ops an edit in the planner makes) and stays free of errors
 * (test/e2e/demo-scenarios.test.ts).
 */

export interface SampleScenario {
  name: Msg;
  ops: readonly PlanOp[];
}

const split = (shares: Record<string, string>): PlanOp[] =>
  Object.entries(shares).map(([domainId, percent]) => ({
    op: 'set-split',
    rowId: 'default',
    domainId,
    sectorId: null,
    percent,
  }));

const SCENARIOS: Record<string, readonly SampleScenario[]> = {
  handbook: [
    {
      name: { nl: 'Variant: Zvw 60 %, Wmo 20 %', en: 'Variant: Zvw 60%, Wmo 20%' },
      ops: split({ zvw: '60', wmo: '20' }),
    },
    {
      name: { nl: 'Variant: lumpsum € 300.000', en: 'Variant: lumpsum €300,000' },
      ops: [
        {
          op: 'update-row',
          collection: 'activities',
          id: 'a-lumpsum',
          patch: { cost: { kind: 'lumpsum', amount: '300000.00', per: 'year' } },
        },
      ],
    },
  ],
  'dementia-network': [
    {
      name: { nl: 'Variant: gemeenten 30 % (Wmo)', en: 'Variant: municipalities 30% (Wmo)' },
      ops: split({ zvw: '65', wmo: '30' }),
    },
    {
      name: { nl: 'Variant: casemanagement voor 2.400 personen', en: 'Variant: case management for 2,400 persons' },
      ops: [
        {
          op: 'update-row',
          collection: 'activities',
          id: 'a-casemanagement',
          patch: { cost: { kind: 'persons', persons: '2400', rate: '45.00' } },
        },
      ],
    },
  ],
  'equal-partners': [
    {
      name: { nl: 'Variant: Wmo 30 %', en: 'Variant: Wmo 30%' },
      ops: split({ zvw: '70', wmo: '30' }),
    },
    {
      name: { nl: 'Variant: screening 1.500 uur', en: 'Variant: screening 1,500 hours' },
      ops: [
        {
          op: 'update-row',
          collection: 'activities',
          id: 'a-screening',
          patch: { cost: { kind: 'hours', hours: '1500', rate: '85.00' } },
        },
      ],
    },
  ],
};

/** The sample's alternatives as plans (its own plan is the base scenario). */
export function sampleScenarios(sampleId: string, plan: Plan): { name: Msg; plan: Plan }[] {
  return (SCENARIOS[sampleId] ?? []).map((s) => ({ name: s.name, plan: applyOps(plan, s.ops) }));
}
