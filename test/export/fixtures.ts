import { newPlan, type Plan } from '../../src/model/index.ts';

/*
 * Plans for the export tests (browser and Node). The first is the handbook's own example
 * (€ 250.000 per year; Wmo 10 %, Jw 20 %, Zvw 70 %; Zvw half V&V, half GP care) plus an activity
 * whose thirds leave cents to apportion, so "to the cent" is actually exercised.
 */
export function handbookPlan(): Plan {
  const plan = newPlan('handbook', 'Dementienetwerk Zuidoost');
  return {
    ...plan,
    region: 'Eindhoven en De Kempen',
    collaboration: 'Samenwerkingsverband Dementie Zuidoost',
    executionModel: 'main-contractor',
    leadProviderId: 'p-vv',
    period: { start: '2025-01-01', end: '2025-12-31' },
    granularity: 'quarter',
    marketShareDate: '2025-01-01',
    // CZ 6.000 and VGZ 3.001 of 10.000 insured in the area: 9,99 % of the Zvw part is not covered.
    marketShare: {
      definition:
        'Verzekerden met postcode 5611-5658 of 5500 op de peildatum, aangeleverd door Vektis als trusted third party.',
      insuredTotal: '10000',
      laterYears: [],
    },
    patientRepresentation: 'Alzheimer Nederland afdeling Zuidoost neemt deel aan het netwerkoverleg.',
    evaluationMoments: [{ date: '2025-06-30', topic: 'Halfjaarevaluatie met alle partijen' }],
    targetGroups: [
      {
        id: 'tg1',
        name: 'Thuiswonende mensen met dementie',
        characteristics: 'Diagnose dementie, thuiswonend, met mantelzorger',
        postcodes: ['5611-5658', '5500'],
        estimatedSize: 1200,
        referenceDate: '2025-01-01',
      },
      {
        id: 'tg2',
        name: 'Mantelzorgers',
        characteristics: 'Mantelzorger van iemand met dementie',
        postcodes: ['5611-5658'],
        estimatedSize: 800,
        referenceDate: '2025-01-01',
      },
    ],
    activities: [
      {
        id: 'a1',
        name: 'Netwerkcoördinatie',
        targetGroupIds: ['tg1', 'tg2'],
        cost: { kind: 'lumpsum', amount: '250000.00', per: 'year' },
        category: 'general',
        split: null,
        description: 'Maandelijks netwerkoverleg en regie op de keten.',
        justification:
          'Complexe zorgsituaties vragen afstemming tussen wijkverpleging, huisarts en welzijn; dit zit niet in reguliere tarieven.',
        regularShare: '0',
        regularShareExplanation: '',
      },
      {
        id: 'a2',
        name: 'Casemanagement-overleg',
        targetGroupIds: ['tg1'],
        cost: { kind: 'hours', hours: '1000', rate: '33.33' },
        category: 'client-bound',
        split: {
          domains: [
            { domainId: 'zvw', percent: '33.3334' },
            { domainId: 'wmo', percent: '33.3333' },
            { domainId: 'jw', percent: '33.3333' },
          ],
          sectors: [
            { domainId: 'zvw', sectorId: 'zvw-vv', percent: '50' },
            { domainId: 'zvw', sectorId: 'zvw-ha', percent: '50' },
          ],
        },
      },
    ],
    providers: [
      {
        id: 'p-vv',
        name: 'Thuiszorg Zuidoost',
        agb: '12345678',
        domainId: 'zvw',
        sectorId: 'zvw-vv',
        role: 'main-contractor',
        contribution: 'Wijkverpleging en coördinatie',
        share: null,
      },
      {
        id: 'p-ha',
        name: 'Huisartsen Eindhoven',
        agb: '01234567',
        domainId: 'zvw',
        sectorId: 'zvw-ha',
        role: 'partner',
        contribution: 'Huisartsenzorg',
        share: null,
      },
      {
        id: 'p-wmo',
        name: 'Welzijn Eindhoven',
        agb: '',
        domainId: 'wmo',
        sectorId: null,
        role: 'partner',
        contribution: 'Welzijn en dagbesteding',
        share: null,
      },
      {
        id: 'p-jw',
        name: 'Jeugdteam De Kempen',
        agb: '',
        domainId: 'jw',
        sectorId: null,
        role: 'partner',
        contribution: 'Jonge mantelzorgers',
        share: null,
      },
    ],
    funders: [
      {
        id: 'f-cz',
        name: 'CZ',
        kind: 'insurer',
        uzovi: '9664',
        domainId: 'zvw',
        share: { basis: 'count', count: '6000' },
      },
      {
        id: 'f-vgz',
        name: 'VGZ',
        kind: 'insurer',
        uzovi: '7095',
        domainId: 'zvw',
        share: { basis: 'count', count: '3001' },
      },
      { id: 'f-wmo', name: 'Gemeente Eindhoven (Wmo)', kind: 'municipality', uzovi: '', domainId: 'wmo', share: null },
      {
        id: 'f-jw',
        name: 'Gemeente Eindhoven (Jeugdwet)',
        kind: 'municipality',
        uzovi: '',
        domainId: 'jw',
        share: null,
      },
    ],
    defaultSplit: {
      domains: [
        { domainId: 'zvw', percent: '70' },
        { domainId: 'wmo', percent: '10' },
        { domainId: 'jw', percent: '20' },
      ],
      sectors: [
        { domainId: 'zvw', sectorId: 'zvw-vv', percent: '50' },
        { domainId: 'zvw', sectorId: 'zvw-ha', percent: '50' },
      ],
    },
    clauses: {
      declaration: 'De hoofdaannemer declareert per kwartaal bij elke financier.',
      informationExchange: 'Partijen delen elk kwartaal de voortgang.',
      evaluation: 'Jaarlijkse evaluatie in het netwerkoverleg.',
      controls: 'Controle op de gedeclareerde lumpsum.',
      quality: 'Volgens de zorgstandaard dementie.',
      doubleFunding: 'Prijscorrectie op de O&I-prestatie waar nodig.',
    },
  };
}

/** Strings a spreadsheet would run as formulas, and markup a browser would run as HTML. */
export const HOSTILE = {
  cmd: "=cmd|' /C calc'!A0",
  plus: '+1',
  minus: '-1+1',
  at: '@SUM(A1:A2)',
  tab: '\tTab',
  cr: '\rCR',
  /** Harmless with the separator it was written with; a formula when opened with the other one. */
  afterComma: 'Zorg,=1+1',
  afterSemicolon: 'Zorg;=2+2',
  afterLineBreak: 'Zorg\n=3+3',
  markup: '<img src=x onerror="window.__pwned=1">Zorg & Co',
} as const;

/** The handbook plan with hostile names in every place a name reaches a file. */
export function hostilePlan(): Plan {
  const plan = handbookPlan();
  return {
    ...plan,
    name: HOSTILE.markup,
    region: HOSTILE.at,
    providers: plan.providers.map((p, i) =>
      i === 0
        ? { ...p, name: HOSTILE.cmd }
        : i === 1
          ? { ...p, name: HOSTILE.tab }
          : i === 2
            ? { ...p, name: HOSTILE.markup }
            : { ...p, name: HOSTILE.afterComma },
    ),
    funders: plan.funders.map((f, i) =>
      i === 0
        ? { ...f, name: HOSTILE.plus }
        : i === 1
          ? { ...f, name: HOSTILE.cr }
          : i === 2
            ? { ...f, name: HOSTILE.afterSemicolon }
            : { ...f, name: HOSTILE.afterLineBreak },
    ),
    targetGroups: plan.targetGroups.map((g, i) => (i === 0 ? { ...g, name: HOSTILE.minus } : g)),
    activities: plan.activities.map((a, i) => (i === 0 ? { ...a, name: HOSTILE.at } : a)),
  };
}

/** A plan the engine reports errors for: the default split adds up to 90 %. */
export function erroneousPlan(): Plan {
  const plan = handbookPlan();
  return {
    ...plan,
    defaultSplit: {
      ...plan.defaultSplit,
      domains: [
        { domainId: 'zvw', percent: '60' },
        { domainId: 'wmo', percent: '10' },
        { domainId: 'jw', percent: '20' },
      ],
    },
  };
}
