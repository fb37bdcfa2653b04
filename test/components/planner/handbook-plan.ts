import { newPlan, type Plan } from '../../../src/model/index.ts';

/**
 * The handbook example as a complete plan (€ 250.000 per year; Wmo 10 %, Jw 20 %, Zvw 70 %; Zvw:
 * V&V 50 %, huisartsenzorg 50 %) with one provider and funder per domain that receives money, so
 * that the engine finds nothing wrong with it. Tests change one thing and look for its finding.
 */
export function handbookPlan(id = 'handbook'): Plan {
  const plan = newPlan(id, 'Dementienetwerk Voorbeeldregio');
  return {
    ...plan,
    region: 'Voorbeeldregio',
    collaboration: 'Netwerk Dementie',
    period: { start: '2025-01-01', end: '2025-12-31' },
    granularity: 'quarter',
    executionModel: 'equal-partners',
    targetGroups: [
      {
        id: 'tg1',
        name: 'Mensen met dementie',
        characteristics: 'Thuiswonend, met mantelzorger',
        postcodes: ['5611', '5612-5658'],
        estimatedSize: 1200,
        referenceDate: '2025-01-01',
      },
    ],
    activities: [
      {
        id: 'a1',
        name: 'Netwerkcoördinatie',
        targetGroupIds: ['tg1'],
        cost: { kind: 'lumpsum', amount: '250000.00', per: 'year' },
        category: 'general',
        split: null,
      },
    ],
    providers: [
      {
        id: 'p-vv',
        name: 'Thuiszorg West',
        agb: '12345678',
        domainId: 'zvw',
        sectorId: 'zvw-vv',
        role: 'partner',
        contribution: 'Casemanagement',
        share: null,
      },
      {
        id: 'p-ha',
        name: 'Huisartsen Oost',
        agb: '87654321',
        domainId: 'zvw',
        sectorId: 'zvw-ha',
        role: 'partner',
        contribution: 'Signalering',
        share: null,
      },
      {
        id: 'p-wmo',
        name: 'Welzijn Centrum',
        agb: '',
        domainId: 'wmo',
        sectorId: null,
        role: 'partner',
        contribution: 'Dagbesteding',
        share: null,
      },
      {
        id: 'p-jw',
        name: 'Jeugdteam',
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
        id: 'f-vgz',
        name: 'Zorgverzekeraar A',
        kind: 'insurer',
        uzovi: '3311',
        domainId: 'zvw',
        share: { basis: 'percent', percent: '100' },
      },
      { id: 'f-gem', name: 'Gemeente Voorbeeld', kind: 'municipality', uzovi: '', domainId: 'wmo', share: null },
      { id: 'f-gem-jw', name: 'Gemeente Voorbeeld', kind: 'municipality', uzovi: '', domainId: 'jw', share: null },
    ],
    marketShareDate: '2025-01-01',
    defaultSplit: {
      domains: [
        { domainId: 'wmo', percent: '10' },
        { domainId: 'jw', percent: '20' },
        { domainId: 'zvw', percent: '70' },
      ],
      sectors: [
        { domainId: 'zvw', sectorId: 'zvw-vv', percent: '50' },
        { domainId: 'zvw', sectorId: 'zvw-ha', percent: '50' },
      ],
    },
    // The agreements the handleiding asks for (§4), so no clause is empty.
    clauses: {
      declaration: 'Per kwartaal bij elke financier.',
      informationExchange: 'Elk kwartaal de voortgang.',
      evaluation: 'Jaarlijks in het netwerkoverleg.',
      controls: 'Controle op de lumpsum.',
      quality: '',
      doubleFunding: 'Geen activiteiten die al via een andere prestatie worden betaald.',
    },
  };
}
